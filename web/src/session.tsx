import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { apiGet } from './api.ts';
import { apiSend } from './api-send.ts';
import { useI18n } from './i18n/i18n.tsx';

/** The parts of GET /api/me the web app reads (server/modules/identity/schemas.ts MeView). */
export interface Account {
  id: string;
  kind: 'citizen' | 'business' | 'officer';
  fullName: string;
  phone: string | null;
  email: string | null;
  nationalId: string | null;
  isNationalIdVerified: boolean;
  roles: Array<{
    /** The role assignment (DELETE /api/officers/{id}/roles/{roleId}). */
    id: string;
    role: string;
    unit: { id: number; code: string; name: string } | null;
    agency: { id: string; name: string } | null;
  }>;
}
export interface MeView {
  account: Account;
  csrfToken: string | null;
}

interface Session {
  /** undefined while loading, null when nobody is logged in. */
  account: Account | null | undefined;
  setMe: (me: MeView | null) => void;
  logout: () => Promise<void>;
  refresh: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    apiGet<MeView>('/api/me', lang).then(
      (me) => setAccount(me.account),
      () => setAccount(null),
    );
    // Reloaded on demand (attempt), not on language switches.
  }, [attempt]);
  const logout = useCallback(async () => {
    await apiSend('POST', '/api/auth/logout', lang).catch(() => undefined);
    setAccount(null);
  }, [lang]);
  const value = useMemo<Session>(
    () => ({
      account,
      setMe: (me) => setAccount(me?.account ?? null),
      logout,
      refresh: () => setAttempt((n) => n + 1),
    }),
    [account, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
