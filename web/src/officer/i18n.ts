import { useMemo } from 'react';
import { useI18n, type I18n, type Language } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/vi.ts';
import { officerEn } from './messages-en.ts';
import { officerVi } from './messages-vi.ts';

/**
 * The officer workspace's messages travel with its chunks, not in the portal's catalogue (ADR 0014): only
 * files under officer/ import this module, and every officer screen is lazy (officer/lazy.tsx), so a citizen
 * never downloads them. `t` takes an officer key or any portal key, type-checked either way.
 */
export type OfficerMessageKey = keyof typeof officerVi;
export type OfficerKey = OfficerMessageKey | MessageKey;

const catalogues: Record<Language, Record<OfficerMessageKey, string>> = { vi: officerVi, en: officerEn };

function isOfficerKey(key: OfficerKey): key is OfficerMessageKey {
  return Object.hasOwn(officerVi, key);
}

export interface OfficerI18n extends Omit<I18n, 't'> {
  t: (key: OfficerKey) => string;
}

export function useOfficerI18n(): OfficerI18n {
  const portal = useI18n();
  return useMemo(
    () => ({
      ...portal,
      t: (key: OfficerKey) => (isOfficerKey(key) ? catalogues[portal.lang][key] : portal.t(key)),
    }),
    [portal],
  );
}
