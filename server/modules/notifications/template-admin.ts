import type {
  TemplateDraftBody,
  TemplateList,
  TemplateLocaleView,
  TemplatePreview,
  TemplateView,
} from '../../../shared/schemas/notification-templates.ts';
import {
  draftProblems,
  foldDiacritics,
  smsLength,
  TEMPLATE_PARTS,
  type TemplateDraft,
  type TemplateSpec,
} from '../../../shared/notifications/message-text.ts';
import type { AppContext } from '../../context.ts';
import { AppError, type ErrorDetail } from '../../http/errors.ts';
import type { Language } from '../../http/language.ts';
import { recordAudit } from '../audit/service.ts';
import type { Actor } from '../identity/service.ts';
import * as repo from './repository.ts';
import type { Locale } from './tables.ts';
import {
  isSensitiveTemplate,
  isTemplateName,
  renderTemplate,
  TEMPLATE_NAMES,
  templateAudience,
  templates,
  templateSpec,
  type TemplateName,
} from './templates/catalogue.ts';
import { placeholderValues } from './templates/placeholders.ts';
import { TEMPLATE_SAMPLES } from './templates/samples.ts';
import type { TemplateDefinition } from './templates/types.ts';

/**
 * Administrators reword a template per language (issue 10): checked against the template's parameters and
 * the SMS rules (shared/notifications/message-text.ts, the same checks the officer workspace runs as one
 * types), previewed with sample parameters, reset to the code's default; every change audited.
 */
const LOCALES: readonly Locale[] = ['vi', 'en'];

function getTemplateName(name: string): TemplateName {
  if (isTemplateName(name)) return name;
  throw new AppError(
    'NOT_FOUND',
    { vi: `Không có mẫu thông báo "${name}".`, en: `No notification template "${name}".` },
    [{ field: 'params.name', message: { vi: 'mẫu thông báo không tồn tại', en: 'no such notification template' } }],
  );
}

function specFor(name: TemplateName, locale: Locale): TemplateSpec {
  const params = (templates[name] as TemplateDefinition).params;
  const sample = params.parse(TEMPLATE_SAMPLES[name]) as Record<string, unknown>;
  return { ...templateSpec(name), samples: placeholderValues(params, locale, sample) };
}

function textsOf(name: TemplateName, locale: Locale, draft?: Partial<TemplateDraft>) {
  const m = renderTemplate(name, locale, TEMPLATE_SAMPLES[name], draft);
  // The SMS as the gateway sends it (channels/sms.ts folds the diacritics a default text may still hold).
  return { subject: m.subject, body: m.text, sms: foldDiacritics(m.short) };
}

const draftOf = (row: Pick<repo.TemplateOverrideRow, 'subject' | 'body' | 'sms'>): TemplateDraft => ({
  subject: row.subject,
  body: row.body,
  sms: row.sms,
});

function localeView(
  name: TemplateName,
  locale: Locale,
  row: (repo.TemplateOverrideRow & { updated_by_name: string }) | undefined,
): TemplateLocaleView {
  return {
    defaults: textsOf(name, locale),
    samples: specFor(name, locale).samples,
    override: row
      ? {
          ...draftOf(row),
          updatedAt: row.updated_at.toISOString(),
          updatedBy: { id: row.updated_by, name: row.updated_by_name },
        }
      : null,
    preview: textsOf(name, locale, row ? draftOf(row) : undefined),
  };
}

export async function listNotificationTemplates(ctx: AppContext): Promise<TemplateList> {
  const rows = await repo.listTemplateOverrides(ctx.db);
  return {
    items: TEMPLATE_NAMES.map((name) => {
      const mine = rows.filter((r) => r.template === name);
      const latest = mine.map((r) => r.updated_at.getTime()).sort((a, b) => b - a)[0];
      return {
        name,
        audience: templateAudience(name),
        subject: textsOf(name, 'vi').subject,
        overridden: { vi: mine.some((r) => r.locale === 'vi'), en: mine.some((r) => r.locale === 'en') },
        updatedAt: latest === undefined ? null : new Date(latest).toISOString(),
      };
    }),
  };
}

export async function getNotificationTemplate(ctx: AppContext, key: string): Promise<TemplateView> {
  const name = getTemplateName(key);
  const rows = await repo.listTemplateOverrides(ctx.db, name);
  const spec = templateSpec(name);
  const [vi, en] = LOCALES.map((locale) =>
    localeView(
      name,
      locale,
      rows.find((r) => r.locale === locale),
    ),
  );
  return {
    name,
    audience: templateAudience(name),
    isSensitive: isSensitiveTemplate(name),
    placeholders: spec.placeholders,
    mustMention: [...spec.mustMention],
    locales: { vi: vi!, en: en! },
  };
}

/** The draft as it would be sent with the sample parameters, and what is wrong with it (nothing stored). */
export function previewTemplateDraft(
  key: string,
  locale: Locale,
  draft: TemplateDraftBody,
  language: Language,
): TemplatePreview {
  const name = getTemplateName(key);
  const spec = specFor(name, locale);
  const texts = textsOf(name, locale, draft);
  return {
    ...texts,
    smsLength: smsLength(texts.sms).septets,
    problems: draftProblems(draft, spec).map((p) => ({ field: `body.${p.path}`, message: p.message[language] })),
  };
}

function checkDraft(name: TemplateName, locale: Locale, draft: TemplateDraftBody): void {
  const details: ErrorDetail[] = draftProblems(draft, specFor(name, locale)).map((p) => ({
    field: `body.${p.path}`,
    message: p.message,
  }));
  if (TEMPLATE_PARTS.every((part) => draft[part] === null))
    details.push({
      field: 'body',
      message: {
        vi: 'Chưa sửa phần nào (tiêu đề, nội dung, tin nhắn SMS); để dùng lại nội dung mặc định, hãy khôi phục mặc định.',
        en: 'Nothing is reworded (subject, body, SMS); to go back to the default, reset it.',
      },
    });
  if (details.length > 0)
    throw new AppError(
      'VALIDATION',
      { vi: 'Mẫu thông báo chưa hợp lệ; xem chi tiết từng phần.', en: 'The template is not valid; see each part.' },
      details,
    );
}

interface Origin {
  ip: string;
  userAgent: string | null;
}

export async function saveTemplateOverride(
  ctx: AppContext,
  actor: Actor,
  key: string,
  locale: Locale,
  draft: TemplateDraftBody,
  origin: Origin,
): Promise<TemplateView> {
  const name = getTemplateName(key);
  checkDraft(name, locale, draft);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockTemplateWrites(trx);
    const before = await repo.findTemplateOverride(trx, name, locale);
    await repo.upsertTemplateOverride(trx, { template: name, locale, ...draft, updated_at: now, updated_by: actor.id });
    await recordAudit(trx, {
      at: now,
      actor: { id: actor.id, kind: actor.kind },
      action: 'notification.template_update',
      record: { type: 'notification_template', id: `${name}:${locale}` },
      ...origin,
      before: before ? draftOf(before) : undefined,
      after: draft,
    });
  });
  ctx.log.info({ template: name, locale, actorId: actor.id }, 'notification template reworded');
  return getNotificationTemplate(ctx, name);
}

/** Back to the code's texts; nothing to reset is not an error (and writes nothing). */
export async function resetTemplateOverride(
  ctx: AppContext,
  actor: Actor,
  key: string,
  locale: Locale,
  origin: Origin,
): Promise<TemplateView> {
  const name = getTemplateName(key);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockTemplateWrites(trx);
    const before = await repo.findTemplateOverride(trx, name, locale);
    if (!before) return;
    await repo.deleteTemplateOverride(trx, name, locale);
    await recordAudit(trx, {
      at: now,
      actor: { id: actor.id, kind: actor.kind },
      action: 'notification.template_reset',
      record: { type: 'notification_template', id: `${name}:${locale}` },
      ...origin,
      before: draftOf(before),
    });
  });
  return getNotificationTemplate(ctx, name);
}
