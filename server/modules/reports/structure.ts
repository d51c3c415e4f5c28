import type { AppContext } from '../../context.ts';
import { activeUnitDate } from '../units/service.ts';

/**
 * Which administrative structure a report over a period uses. A deployment keeps the unit set it runs
 * on (`UNIT_SET`) in force from that set's date onwards, whatever the wall clock says: a city still on the
 * 2018 three tiers reports 2026 by its 30 districts and 584 communes, not by the 2025 communes it has no
 * agencies for. Before that date, the units in force then are used (effective-dated, DOMAIN §1).
 */
export function structureWindow(ctx: Pick<AppContext, 'config'>, period: { from: string; to: string }) {
  const anchor = activeUnitDate(ctx);
  return { from: period.from < anchor ? period.from : anchor, to: period.to < anchor ? period.to : anchor };
}
