import { randomInt, randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { getVisibleDossier } from '../dossiers/service.ts';
import type { Actor } from '../identity/policy.ts';
import * as repo from './repository.ts';
import type { FeedbackBody, Rating, RatingBody } from './schemas.ts';

// Statuses after which there is a result to judge (DOMAIN §3): processed (9) and returned (10).
const RATEABLE = new Set([9, 10]);

/**
 * The applicant rates the service once the result exists (Circular 01/2018 Art. 13: satisfaction per
 * dossier; Decision 766 indicator 5.4 counts the dislikes).
 */
export async function rateDossier(ctx: AppContext, actor: Actor, dossierId: string, body: RatingBody): Promise<Rating> {
  const dossier = await getVisibleDossier(ctx, actor, dossierId);
  if (dossier.applicant_account_id !== actor.id) {
    throw new AppError('FORBIDDEN', {
      vi: 'Chỉ người nộp hồ sơ được đánh giá.',
      en: 'Only the applicant may rate this dossier.',
    });
  }
  if (!RATEABLE.has(dossier.status)) {
    throw new AppError(
      'INVALID_TRANSITION',
      {
        vi: 'Hồ sơ chưa có kết quả nên chưa thể đánh giá.',
        en: 'The dossier has no result yet, so it cannot be rated.',
      },
      [{ field: 'status', value: dossier.status, message: { vi: 'chưa có kết quả', en: 'no result yet' } }],
    );
  }
  const now = ctx.clock.now();
  const row = {
    dossier_id: dossier.id,
    account_id: actor.id,
    is_satisfied: body.satisfied,
    comment: body.comment ?? null,
    receiving_agency_id: dossier.receiving_agency_id,
    receiving_unit_id: dossier.receiving_unit_id,
    rated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.insertRating(trx, row))) {
      throw new AppError('CONFLICT', { vi: 'Bạn đã đánh giá hồ sơ này.', en: 'You have already rated this dossier.' });
    }
    await recordAudit(trx, {
      at: now,
      actor: { id: actor.id, kind: actor.kind },
      action: 'dossier.rate',
      record: { type: 'dossier', id: dossier.id },
      after: { satisfied: body.satisfied, comment: body.comment ?? null },
    });
  });
  return {
    dossierId: dossier.id,
    satisfied: body.satisfied,
    comment: body.comment ?? null,
    ratedAt: now.toISOString(),
  };
}

export async function getRating(ctx: AppContext, actor: Actor, dossierId: string): Promise<Rating> {
  const dossier = await getVisibleDossier(ctx, actor, dossierId);
  const row = await repo.findRating(ctx.db, dossier.id);
  if (!row) throw notFound({ vi: 'đánh giá của hồ sơ', en: 'rating of dossier' }, dossierId);
  return {
    dossierId: row.dossier_id,
    satisfied: row.is_satisfied,
    comment: row.comment,
    ratedAt: row.rated_at.toISOString(),
  };
}

/** A problem reported from the portal, anonymous or logged in; answered under the feedback rules (DOMAIN §7). */
export async function reportProblem(ctx: AppContext, accountId: string | null, body: FeedbackBody) {
  const now = ctx.clock.now();
  const reference = `PA-${now.toISOString().slice(2, 10).replaceAll('-', '')}-${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertFeedback(trx, {
      id: randomUUID(),
      reference,
      account_id: accountId,
      dossier_code: body.dossierCode ?? null,
      category: body.category,
      message: body.message,
      contact_name: body.name ?? null,
      contact_phone: body.phone ?? null,
      contact_email: body.email ?? null,
      received_at: now,
    });
    await recordAudit(trx, {
      at: now,
      actor: accountId ? { id: accountId, kind: 'citizen' } : undefined,
      action: 'feedback.report',
      record: { type: 'feedback', id: reference },
    });
  });
  return { reference, receivedAt: now.toISOString() };
}
