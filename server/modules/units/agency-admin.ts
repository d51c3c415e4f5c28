import type { Agency, AgencyUpdate } from '../../../shared/schemas/units.ts';
import type { AppContext } from '../../context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { announceChanges } from '../../lib/shared-cache.ts';
import { recordAudit } from '../audit/service.ts';
import { assertInScope, type Actor } from '../identity/service.ts';
import * as repo from './repository.ts';
import { AGENCY_CACHE, toAgency } from './service.ts';

const notAnAgency = (id: string) => notFound({ vi: 'cơ quan', en: 'agency' }, id);

/** The columns an edit may change, as the API names them. */
const EDITABLE = {
  name: 'name',
  shortName: 'short_name',
  address: 'address',
  phone: 'phone',
  email: 'email',
  openingHours: 'opening_hours',
} as const;

/**
 * An administrator renames an agency or updates its contact details (issue 10). Only inside the
 * administrator's units (a district administrator edits the district's bodies and its communes'), on the
 * version read (409 when someone else saved first), audited with what changed, and announced so every
 * process drops its cached copy at commit (ADR 0018). The identifier, kind, level, unit and parent come
 * from the reference data and change only with a reorganisation, never here.
 */
export async function updateAgency(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: AgencyUpdate,
  origin: { ip: string; userAgent: string | null },
): Promise<Agency> {
  const before = await repo.findAgencyById(ctx.db, id);
  if (!before) throw notAnAgency(id);
  await assertInScope(ctx, actor, 'units.agencies.manage', { agencyId: id, unitId: before.unit_id });

  const changes: Parameters<typeof repo.updateAgency>[3] = {};
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(EDITABLE) as Array<
    [keyof typeof EDITABLE, (typeof EDITABLE)[keyof typeof EDITABLE]]
  >) {
    const value = body[field];
    if (value === undefined || value === before[column]) continue;
    changes[column] = value as never;
    was[field] = before[column];
    now[field] = value;
  }

  // Nothing to change (a retried edit that already landed, or a form saved unchanged): no write, no record.
  if (Object.keys(changes).length === 0) return toAgency(before);
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await repo.updateAgency(trx, id, body.version, changes);
    if (!updated) throw stale(body.version, (await repo.findAgencyById(trx, id))?.version ?? before.version);
    await recordAudit(trx, {
      at: ctx.clock.now(),
      actor: { id: actor.id, kind: actor.kind },
      action: 'agency.update',
      record: { type: 'agency', id },
      agencyId: id,
      unitId: before.unit_id,
      ...origin,
      before: { version: before.version, ...was },
      after: { version: updated.version, ...now },
    });
    await announceChanges(trx, AGENCY_CACHE, [id]);
    const after = await repo.findAgencyById(trx, id);
    if (!after) throw notAnAgency(id);
    return toAgency(after);
  });
}

function stale(sent: number, current: number): AppError {
  return new AppError(
    'CONFLICT',
    {
      vi: `Cơ quan đã được người khác sửa (phiên bản ${current}, bạn sửa từ phiên bản ${sent}). Hãy tải lại và sửa lại.`,
      en: `Someone else changed the agency (version ${current}; your edit was based on version ${sent}). Reload and edit again.`,
    },
    [{ field: 'version', message: { vi: 'đã cũ', en: 'stale' } }],
  );
}
