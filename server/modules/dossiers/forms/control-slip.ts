import { classifyTimeliness, type Timeliness } from '../../../../shared/calendar/dossier-clock.ts';
import type { Effect } from '../workflow.ts';

/** What the control slip needs of a journal row. */
export interface SlipEvent {
  action: string;
  at: Date;
  actorName: string | null;
  fromStep: number | null;
  toStep: number | null;
  fromAgencyId: string | null;
  toAgencyId: string;
  note: string | null;
  effect: Effect;
}

export interface SlipRow {
  step: number | null;
  agencyId: string;
  givenAt: Date;
  giver: string | null;
  receivedAt: Date | null;
  receiver: string | null;
  finishedAt: Date | null;
  dueAt: string | null;
  timeliness: Timeliness | null;
  note: string | null;
}

const HAND_OVERS = new Set(['accept', 'complete_step', 'approve', 'transfer', 'send_back']);

/**
 * Form 05 (phiếu kiểm soát quá trình giải quyết, Circular 01/2018 Art. 9): one row per hand-over,
 * derived from the journal — who gave it, when; who took it, when; and whether the step finished by
 * its own due time (early / on time / late by date, DOMAIN §4).
 */
export function controlSlipRows(events: readonly SlipEvent[]): SlipRow[] {
  const rows: SlipRow[] = [];
  let open: SlipRow | undefined;
  for (const e of events) {
    if (e.action === 'assign' && open && open.receivedAt === null) {
      open.receivedAt = e.at;
      open.receiver = e.actorName;
      continue;
    }
    if (!HAND_OVERS.has(e.action)) continue;
    if (open) {
      open.finishedAt = e.at;
      open.timeliness = open.dueAt ? classifyTimeliness(e.at, open.dueAt) : null;
    }
    open = {
      step: e.toStep,
      agencyId: e.toAgencyId,
      givenAt: e.effect.stepAvailableAt ? new Date(e.effect.stepAvailableAt) : e.at,
      giver: e.actorName,
      receivedAt: null,
      receiver: null,
      finishedAt: null,
      dueAt: e.effect.stepDueAt ?? null,
      timeliness: null,
      note: e.note,
    };
    rows.push(open);
  }
  return rows;
}
