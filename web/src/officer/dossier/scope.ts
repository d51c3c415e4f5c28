import { useEffect, useState } from 'react';
import type { Agency, Unit } from '../../../../shared/schemas/units.ts';
import { apiGet } from '../../api.ts';
import type { Account } from '../../session.tsx';

/**
 * Whether the agency holding the dossier's step lies in one of the officer's assignments (the agency
 * itself or an ancestor, or its unit inside an assigned unit): the identity module's subtree scope.
 * Step actions are offered only then, so after a transfer the sender is not offered the next agency's step.
 */
export function useHoldsAgency(account: Account, agencyId: string | null, lang: string): boolean | undefined {
  const [answer, setAnswer] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    if (!agencyId) return;
    let live = true;
    const agencies = new Set(account.roles.flatMap((r) => (r.agency ? [r.agency.id] : [])));
    const units = new Set(account.roles.flatMap((r) => (r.unit ? [r.unit.code] : [])));
    const hasCityRole = account.roles.some((r) => !r.agency && !r.unit);
    async function decide(): Promise<boolean> {
      if (hasCityRole) return true;
      const seenUnits: string[] = [];
      for (let id: string | null = agencyId, hops = 0; id && hops < 8; hops++) {
        if (agencies.has(id)) return true;
        const agency: Agency = await apiGet<Agency>(`/api/agencies/${encodeURIComponent(id)}`, lang);
        if (agency.unitCode) seenUnits.push(agency.unitCode);
        id = agency.parentId;
      }
      for (let code: string | null = seenUnits[0] ?? null, hops = 0; code && hops < 4; hops++) {
        if (units.has(code)) return true;
        const unit: Unit = await apiGet<Unit>(`/api/units/${code}`, lang);
        code = unit.parentCode;
      }
      return false;
    }
    decide().then(
      (ok) => live && setAnswer(ok),
      () => live && setAnswer(false),
    );
    return () => {
      live = false;
    };
  }, [account, agencyId, lang]);
  return answer;
}
