import {
  ProcedureVersionInput,
  type ProcedureVersion,
  type ProcedureVersionData,
} from '../../../shared/schemas/procedure.ts';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { AppError, notFound, type ErrorDetail } from '../../http/errors.ts';
import { announceChange, sharedCache } from '../../lib/shared-cache.ts';
import { getAgency } from '../units/service.ts';
import * as repo from './repository.ts';
import {
  agencyMentions,
  overlaps,
  unknownAgencyProblem,
  versionProblems,
  type VersionProblem,
} from '../../../shared/catalogue/version-rules.ts';

const VN_OFFSET_MS = 7 * 3_600_000;

/** Runs fn in a transaction, or in the caller's (the Excel import applies many versions in one). */
export async function inTransaction<T>(ctx: AppContext, fn: (trx: Database) => Promise<T>): Promise<T> {
  return ctx.db.isTransaction ? fn(ctx.db) : ctx.db.transaction().execute(fn);
}

/** Today's date in Asia/Ho_Chi_Minh, from the injected clock. */
export function todayInVietnam(ctx: Pick<AppContext, 'clock'>): string {
  return new Date(ctx.clock.now().getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** All problems of a version, including agencies that do not exist. */
export async function collectVersionProblems(ctx: AppContext, v: ProcedureVersionData): Promise<VersionProblem[]> {
  return [...versionProblems(v), ...(await unknownAgencies(ctx, agencyMentions(v)))];
}

/** Problems for mentioned agency ids that do not exist (each id looked up once). */
export async function unknownAgencies(
  ctx: AppContext,
  mentions: Array<{ path: string; id: string }>,
): Promise<VersionProblem[]> {
  const known = new Map<string, boolean>();
  const problems: VersionProblem[] = [];
  for (const { path, id } of mentions) {
    if (!known.has(id)) known.set(id, await agencyExists(ctx, id));
    if (!known.get(id)) problems.push(unknownAgencyProblem(path, id));
  }
  return problems;
}

async function agencyExists(ctx: AppContext, id: string): Promise<boolean> {
  try {
    await getAgency(ctx, id);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return false;
    throw error;
  }
}

function invalid(problems: VersionProblem[], prefix: string): AppError {
  const details: ErrorDetail[] = problems.map(({ path, message, ...extra }) => ({
    field: `${prefix}.${path}`,
    message,
    ...extra,
  }));
  return new AppError(
    'VALIDATION',
    {
      vi: 'Thủ tục chưa hợp lệ; xem chi tiết từng mục.',
      en: 'The procedure version is not valid; see the details.',
    },
    details,
  );
}

export function hasFee(v: Pick<ProcedureVersionData, 'channels'>): boolean {
  return v.channels.some((c) =>
    c.fees.some((f) => (f.amountVnd ?? 0) > 0 || (f.amountVnd === null && f.setByProvincialCouncil)),
  );
}

function toValues(v: ProcedureVersionData, status: 'draft' | 'published', now: Date): repo.VersionValues {
  return {
    code: v.code,
    status,
    valid_from: v.validFrom,
    valid_to: v.validTo,
    name: v.name,
    sector: v.sector,
    tiers: v.tiers,
    agency_id: v.agencyId,
    online_level: v.onlineLevel,
    has_fee: hasFee(v),
    cutoff15: v.cutoff15,
    supplement_mode: v.supplementMode,
    time_limit_value: v.timeLimit.value,
    time_limit_unit: v.timeLimit.unit,
    detail: {
      applicantTypes: v.applicantTypes,
      steps: v.steps,
      channels: v.channels,
      components: v.components,
      resultType: v.resultType,
      legalBasis: v.legalBasis,
      eform: v.eform,
      workflow: v.workflow,
    },
    created_at: now,
    published_at: status === 'published' ? now : null,
  };
}

export function toVersion(row: repo.VersionRow): ProcedureVersion {
  const d = row.detail;
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    name: row.name,
    sector: row.sector,
    tiers: row.tiers as ProcedureVersion['tiers'],
    agencyId: row.agency_id,
    applicantTypes: d.applicantTypes,
    steps: d.steps,
    timeLimit: { value: row.time_limit_value, unit: row.time_limit_unit },
    channels: d.channels,
    components: d.components,
    resultType: d.resultType,
    legalBasis: d.legalBasis,
    onlineLevel: row.online_level as ProcedureVersion['onlineLevel'],
    cutoff15: row.cutoff15,
    supplementMode: row.supplement_mode,
    eform: d.eform,
    workflow: d.workflow,
    hasFee: row.has_fee,
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
  };
}

/** The author's view of a version (what was written), e.g. for the Excel export and round trip. */
export function toVersionData(version: ProcedureVersion): ProcedureVersionData {
  const { id: _id, status: _status, hasFee: _hasFee, publishedAt: _publishedAt, ...data } = version;
  return ProcedureVersionInput.parse(data);
}

/** Published versions of the code whose validity overlaps `v`, except the open one `v` will end. */
export function conflicts(v: ProcedureVersionData, others: repo.VersionRow[], selfId?: number) {
  const published = others.filter((o) => o.status === 'published' && o.id !== selfId);
  const closable = published.find((o) => o.valid_to === null && o.valid_from < v.validFrom);
  const clash = published.filter(
    (o) => o !== closable && overlaps(v, { validFrom: o.valid_from, validTo: o.valid_to }),
  );
  return { closable, clash };
}

export function overlapError(v: ProcedureVersionData, clash: repo.VersionRow[]): AppError {
  const names = clash.map((o) => `#${o.id} (${o.valid_from} → ${o.valid_to ?? '…'})`).join(', ');
  return new AppError(
    'CONFLICT',
    {
      vi: `Thời gian hiệu lực ${v.validFrom} → ${v.validTo ?? '…'} của thủ tục ${v.code} trùng với phiên bản đã công bố ${names}.`,
      en: `The validity ${v.validFrom} → ${v.validTo ?? '…'} of procedure ${v.code} overlaps published version(s) ${names}.`,
    },
    clash.map((o) => ({
      field: 'body.validFrom',
      versionId: o.id,
      validFrom: o.valid_from,
      validTo: o.valid_to,
      message: { vi: `trùng với phiên bản #${o.id}`, en: `overlaps version #${o.id}` },
    })),
  );
}

async function checkOrThrow(ctx: AppContext, v: ProcedureVersionData): Promise<void> {
  const problems = await collectVersionProblems(ctx, v);
  if (problems.length > 0) throw invalid(problems, 'body');
}

/** Creates a draft version (a new procedure code or a new version of an existing one). */
export async function createDraft(ctx: AppContext, v: ProcedureVersionData): Promise<ProcedureVersion> {
  await checkOrThrow(ctx, v);
  return inTransaction(ctx, async (trx) => {
    await repo.lockProcedure(trx, v.code);
    const { clash } = conflicts(v, await repo.findVersionsByCode(trx, v.code));
    if (clash.length > 0) throw overlapError(v, clash);
    const id = await repo.insertVersion(trx, toValues(v, 'draft', ctx.clock.now()));
    return toVersion((await repo.findVersionById(trx, id))!);
  });
}

/** Replaces a draft; a published version is immutable. */
export async function updateDraft(
  ctx: AppContext,
  code: string,
  id: number,
  v: ProcedureVersionData,
): Promise<ProcedureVersion> {
  if (v.code !== code) {
    throw new AppError('VALIDATION', { vi: 'Mã thủ tục không khớp.', en: 'The procedure code does not match.' }, [
      { field: 'body.code', message: { vi: `phải là ${code}`, en: `must be ${code}` } },
    ]);
  }
  await checkOrThrow(ctx, v);
  return inTransaction(ctx, async (trx) => {
    await repo.lockProcedure(trx, code);
    const current = await repo.findVersionById(trx, id);
    if (!current || current.code !== code)
      throw notFound({ vi: 'phiên bản thủ tục', en: 'procedure version' }, String(id));
    if (current.status !== 'draft') throw immutable(current);
    const { clash } = conflicts(v, await repo.findVersionsByCode(trx, code), id);
    if (clash.length > 0) throw overlapError(v, clash);
    await repo.updateDraft(trx, id, toValues(v, 'draft', current.created_at));
    return toVersion((await repo.findVersionById(trx, id))!);
  });
}

function immutable(row: repo.VersionRow): AppError {
  return new AppError(
    'INVALID_TRANSITION',
    {
      vi: `Phiên bản #${row.id} của thủ tục ${row.code} đã công bố, không thể sửa; hãy tạo phiên bản mới.`,
      en: `Version #${row.id} of procedure ${row.code} is published and cannot change; create a new version.`,
    },
    [{ field: 'id', currentStatus: row.status, message: { vi: 'đã công bố', en: 'already published' } }],
  );
}

/**
 * Publishes a draft. An open-ended published version that starts earlier is ended the day this one
 * starts (the only change a published version takes); any other overlap is refused with 409.
 */
export async function publishVersion(ctx: AppContext, code: string, id: number): Promise<ProcedureVersion> {
  return inTransaction(ctx, async (trx) => {
    await repo.lockProcedure(trx, code);
    const row = await repo.findVersionById(trx, id);
    if (!row || row.code !== code) throw notFound({ vi: 'phiên bản thủ tục', en: 'procedure version' }, String(id));
    if (row.status !== 'draft') throw immutable(row);
    const v = toVersionData(toVersion(row));
    await checkOrThrow({ ...ctx, db: trx }, v);
    const { closable, clash } = conflicts(v, await repo.findVersionsByCode(trx, code), id);
    if (clash.length > 0) throw overlapError(v, clash);
    if (closable) {
      await repo.closeOpenVersion(trx, closable.id, v.validFrom);
      await announceChange(trx, BY_ID, String(closable.id));
    }
    await repo.markPublished(trx, id, ctx.clock.now());
    await announceChange(trx, PUBLISHED, code);
    ctx.log.info({ procedureCode: code, versionId: id, closed: closable?.id }, 'procedure version published');
    return toVersion((await repo.findVersionById(trx, id))!);
  });
}

/** The published version in force on `at` (default: today in Vietnam); what a dossier records. */
export async function getProcedure(ctx: AppContext, code: string, at?: string): Promise<ProcedureVersion> {
  const day = at ?? todayInVietnam(ctx);
  const published =
    (await publishedVersions.get(ctx.db, code, async () => (await repo.findPublished(ctx.db, code)).map(toVersion))) ??
    [];
  const inForce = published.find((v) => v.validFrom <= day && (v.validTo === null || v.validTo > day));
  if (!inForce)
    throw notFound({ vi: 'thủ tục (đang có hiệu lực)', en: 'procedure in force' }, at ? `${code}@${at}` : code);
  return inForce;
}

/** One version by id, whatever its status or dates: dossiers keep the id they were received under. */
export async function getProcedureVersion(ctx: AppContext, id: number): Promise<ProcedureVersion> {
  const version = await versionsById.get(ctx.db, String(id), async () => {
    const row = await repo.findVersionById(ctx.db, id);
    return row ? toVersion(row) : undefined;
  });
  if (!version) throw notFound({ vi: 'phiên bản thủ tục', en: 'procedure version' }, String(id));
  return version;
}

// Every dossier action and submission reads its procedure version: published versions change only when a
// later one is published (its valid_to), which announces the code; drafts change freely and are never kept.
const PUBLISHED = 'procedure';
const publishedVersions = sharedCache<ProcedureVersion[]>(PUBLISHED);
const BY_ID = 'procedure-version';
const versionsById = sharedCache<ProcedureVersion>(BY_ID, { keep: (v) => v.status === 'published' });

export async function listVersions(ctx: AppContext, code: string): Promise<ProcedureVersion[]> {
  const rows = await repo.findVersionsByCode(ctx.db, code);
  if (rows.length === 0) throw notFound({ vi: 'thủ tục', en: 'procedure' }, code);
  return rows.map(toVersion);
}
