import type { Config, UnitSet } from '../config.ts';

// The day each reference set describes: 17/11/2018, when Hanoi's shared one-stop system went live (the
// article), and 01/07/2025, when the two-tier reform took effect (Resolution 1656/NQ-UBTVQH15).
const SET_DATES: Record<UnitSet, string> = { '2018': '2018-11-17', '2025': '2025-07-01' };

/**
 * The date at which units and agencies are read when a request names none. Here, not in the units module,
 * because identity needs it too and units' administration depends on identity (no import cycle).
 */
export function activeUnitDate(ctx: { config: Pick<Config, 'UNIT_SET'> }): string {
  return SET_DATES[ctx.config.UNIT_SET];
}
