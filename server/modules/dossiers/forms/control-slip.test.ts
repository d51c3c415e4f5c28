import { describe, expect, it } from 'vitest';
import { controlSlipRows, type SlipEvent } from './control-slip.ts';

const ev = (
  action: string,
  at: string,
  actorName: string,
  toStep: number | null,
  toAgencyId: string,
  effect = {},
): SlipEvent => ({
  action,
  at: new Date(at),
  actorName,
  fromStep: null,
  toStep,
  fromAgencyId: null,
  toAgencyId,
  note: null,
  effect,
});

describe('control slip (form 05)', () => {
  it('writes one row per hand-over with giver, receiver and the step’s timeliness by date', () => {
    const rows = controlSlipRows([
      ev('submit', '2023-10-27T01:00:00Z', 'Dân', null, 'X'),
      ev('accept', '2023-10-27T02:32:00Z', 'Lan', 0, 'X', { stepDueAt: '2023-10-27T08:32:00.000Z' }),
      ev('assign', '2023-10-27T03:00:00Z', 'Hùng', 0, 'X'),
      ev('transfer', '2023-10-30T02:00:00Z', 'Hùng', 1, 'Y', {
        stepDueAt: '2023-11-03T02:00:00.000Z',
        stepAvailableAt: '2023-10-31T00:00:00.000Z',
      }),
      ev('assign', '2023-10-31T01:00:00Z', 'Mai', 1, 'Y'),
      ev('complete_step', '2023-11-01T01:00:00Z', 'Mai', null, 'X'),
    ]);
    expect(rows.map((r) => [r.agencyId, r.giver, r.receiver, r.timeliness])).toEqual([
      ['X', 'Lan', 'Hùng', 'late'],
      ['Y', 'Hùng', 'Mai', 'early'],
      ['X', 'Mai', null, null],
    ]);
    // A counter dossier handed over after 15:00 is given next morning (Decree 61/2018 Art. 18).
    expect(rows[1]!.givenAt.toISOString()).toBe('2023-10-31T00:00:00.000Z');
  });
});
