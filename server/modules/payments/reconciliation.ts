import { createHash } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { parseCsv } from './csv.ts';
import type { ProviderName } from './providers/provider.ts';
import { parseVnTime } from './providers/vn-time.ts';
import * as repo from './repository.ts';

/**
 * Daily reconciliation (DOMAIN.md §9): the gateway's statement against our credits. Every statement
 * line and every credit of the period lands in exactly one bucket.
 */
export type ReconciliationBucket = 'MATCHED' | 'AMOUNT_MISMATCH' | 'MISSING_OURS' | 'MISSING_THEIRS';

export interface ReconciliationItem {
  bucket: ReconciliationBucket;
  providerTransactionId: string;
  statementAmount: number | null;
  ourAmount: number | null;
  reference: string | null;
  creditStatus: string | null;
  intentId: string | null;
}

export interface ReconciliationReport {
  id: string;
  provider: ProviderName;
  periodFrom: Date;
  periodTo: Date;
  summary: Record<ReconciliationBucket, number>;
  items: ReconciliationItem[];
}

interface StatementLine {
  transactionId: string;
  reference: string;
  amount: number;
  paidAt: Date;
  line: number;
}

const invalid = (line: number, message: string) =>
  new AppError('VALIDATION', { vi: 'Sao kê không đọc được.', en: 'The statement could not be read.' }, [
    { field: `body.csv.line${line}`, message: { vi: message, en: message } },
  ]);

/** Columns: provider_transaction_id, reference, amount (đồng), paid_at (ISO, or Việt Nam local time). */
export function parseStatement(csv: string): StatementLine[] {
  return parseCsv(csv).map((r, i) => {
    const line = i + 2;
    const transactionId = r['provider_transaction_id'] ?? '';
    const amount = Number((r['amount'] ?? '').replace(/[.\s]/g, ''));
    const rawTime = r['paid_at'] ?? '';
    const paidAt = /[zZ]|[+-]\d{2}:?\d{2}$/.test(rawTime) ? new Date(rawTime) : parseVnTime(rawTime);
    if (!transactionId) throw invalid(line, 'provider_transaction_id is empty');
    if (!Number.isSafeInteger(amount) || amount <= 0) throw invalid(line, 'amount is not a whole number of đồng');
    if (!paidAt || Number.isNaN(paidAt.getTime())) throw invalid(line, 'paid_at is not a date');
    return { transactionId, reference: r['reference'] ?? '', amount, paidAt, line };
  });
}

export async function reconcileStatement(
  ctx: AppContext,
  input: { provider: ProviderName; csv: string; from?: Date | undefined; to?: Date | undefined; uploadedBy?: string },
): Promise<ReconciliationReport> {
  const lines = parseStatement(input.csv);
  if (!lines.length && !(input.from && input.to)) throw invalid(1, 'the statement has no lines and no period');
  const times = lines.map((l) => l.paidAt.getTime());
  const from = input.from ?? new Date(Math.min(...times));
  const to = input.to ?? new Date(Math.max(...times));
  const credits = await repo.findCreditsInPeriod(ctx.db, input.provider, from, to);
  const ours = new Map(credits.map((c) => [c.provider_transaction_id, c]));
  const items: ReconciliationItem[] = [];
  const seen = new Set<string>();

  for (const l of lines) {
    seen.add(l.transactionId);
    const credit = ours.get(l.transactionId) ?? (await repo.findCredit(ctx.db, input.provider, l.transactionId));
    if (!credit) {
      const intent = l.reference ? await repo.findIntentByReference(ctx.db, l.reference) : undefined;
      items.push(item('MISSING_OURS', l.transactionId, l.amount, null, l.reference, null, intent?.id ?? null));
      continue;
    }
    const bucket = credit.amount === l.amount ? 'MATCHED' : 'AMOUNT_MISMATCH';
    items.push(
      item(
        bucket,
        l.transactionId,
        l.amount,
        credit.amount,
        l.reference || credit.reference_seen,
        credit.status,
        credit.intent_id,
      ),
    );
  }
  for (const c of credits) {
    if (!seen.has(c.provider_transaction_id))
      items.push(
        item('MISSING_THEIRS', c.provider_transaction_id, null, c.amount, c.reference_seen, c.status, c.intent_id),
      );
  }
  const summary = { MATCHED: 0, AMOUNT_MISMATCH: 0, MISSING_OURS: 0, MISSING_THEIRS: 0 };
  for (const i of items) summary[i.bucket]++;

  const row = await ctx.db
    .insertInto('payment_reconciliations')
    .values({
      provider: input.provider,
      period_from: from,
      period_to: to,
      statement_sha256: createHash('sha256').update(input.csv).digest('hex'),
      summary: JSON.stringify(summary),
      items: JSON.stringify(items),
      uploaded_by: input.uploadedBy ?? null,
      created_at: ctx.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ctx.log.info({ reconciliationId: row.id, provider: input.provider, ...summary }, 'statement reconciled');
  return { id: row.id, provider: input.provider, periodFrom: from, periodTo: to, summary, items };
}

export async function getReconciliation(ctx: AppContext, id: string): Promise<ReconciliationReport> {
  const row = await ctx.db.selectFrom('payment_reconciliations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound({ vi: 'biên bản đối soát', en: 'reconciliation' }, id);
  const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
  return {
    id: row.id,
    provider: row.provider as ProviderName,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    summary: parse<Record<ReconciliationBucket, number>>(row.summary),
    items: parse<ReconciliationItem[]>(row.items),
  };
}

function item(
  bucket: ReconciliationBucket,
  providerTransactionId: string,
  statementAmount: number | null,
  ourAmount: number | null,
  reference: string | null,
  creditStatus: string | null,
  intentId: string | null,
): ReconciliationItem {
  return { bucket, providerTransactionId, statementAmount, ourAmount, reference, creditStatus, intentId };
}
