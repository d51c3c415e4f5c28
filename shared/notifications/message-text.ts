import type { LocalText } from '../schemas/eform.ts';

/**
 * The text of a notification an administrator rewords (subject, body, SMS) with `{placeholders}` naming
 * the template's parameters. Pure: the server checks and renders with it, the officer workspace runs the
 * same checks and preview as one types.
 */
export type TemplatePart = 'subject' | 'body' | 'sms';
export const TEMPLATE_PARTS: readonly TemplatePart[] = ['subject', 'body', 'sms'];

/** An administrator's wording of one template in one language; null keeps the default of that part. */
export type TemplateDraft = Record<TemplatePart, string | null>;

export interface TemplateSpec {
  /** The parameters of the template's zod schema: the only names a placeholder may use. */
  placeholders: readonly string[];
  /** Placeholders the body and SMS must keep (a one-time code message without `{code}` is useless). */
  mustMention: readonly string[];
  /** Sample values, formatted as the message shows them, for the preview and the SMS length check. */
  samples: Readonly<Record<string, string>>;
}

export interface TextProblem {
  path: TemplatePart;
  message: LocalText;
}

export const SUBJECT_MAX = 200;
export const BODY_MAX = 4000;
/** One GSM-7 SMS: 160 septets (3GPP TS 23.038); Vietnamese SMS is customarily sent unaccented to stay in it. */
export const SMS_MAX = 160;

const PLACEHOLDER = /\{([^{}]*)\}/g;

export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

/** Replaces every `{name}` by its value; an unknown name is left as written (the checks refuse it first). */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole));
}

/**
 * Vietnamese without diacritics, for SMS: a GSM-7 message holds 160 characters, a Unicode one only 70, and
 * Vietnamese brand-name SMS is customarily sent unaccented.
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

// 3GPP TS 23.038 default alphabet, and its extension table (each of those costs two septets).
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM7_EXTENSION = new Set('\f^{}\\[~]|€');

/** Septets the text takes in GSM-7, and the characters GSM-7 cannot carry at all. */
export function smsLength(text: string): { septets: number; unsupported: string[] } {
  let septets = 0;
  const unsupported = new Set<string>();
  for (const ch of text) {
    if (GSM7_BASIC.has(ch)) septets += 1;
    else if (GSM7_EXTENSION.has(ch)) septets += 2;
    else unsupported.add(ch);
  }
  return { septets, unsupported: [...unsupported] };
}

const PART_NAME: Record<TemplatePart, LocalText> = {
  subject: { vi: 'Tiêu đề', en: 'Subject' },
  body: { vi: 'Nội dung', en: 'Body' },
  sms: { vi: 'Tin nhắn SMS', en: 'SMS text' },
};

const listed = (names: readonly string[]) => names.map((n) => `{${n}}`).join(', ');

/** The SMS as sent: the text with the values filled in, without diacritics (channels/sms.ts folds too). */
export function renderSms(text: string, values: Readonly<Record<string, string>>): string {
  return foldDiacritics(fillPlaceholders(text, values));
}

/** Every problem of a draft, each at its part, in Vietnamese and English and naming the part. */
export function draftProblems(draft: TemplateDraft, spec: TemplateSpec): TextProblem[] {
  const problems: TextProblem[] = [];
  const add = (path: TemplatePart, vi: string, en: string) =>
    problems.push({ path, message: { vi: `${PART_NAME[path].vi}: ${vi}`, en: `${PART_NAME[path].en}: ${en}` } });
  for (const part of TEMPLATE_PARTS) {
    const text = draft[part];
    if (text === null) continue;
    if (text.trim() === '') {
      add(
        part,
        'không được để trống; để dùng nội dung mặc định, đừng sửa phần này.',
        'cannot be empty; to keep the default, leave this part unchanged.',
      );
      continue;
    }
    const unknown = [...new Set(placeholdersIn(text).filter((p) => !spec.placeholders.includes(p)))];
    if (unknown.length > 0)
      add(
        part,
        `mẫu này không có tham số ${listed(unknown)}; dùng được: ${listed(spec.placeholders)}.`,
        `this template has no parameter ${listed(unknown)}; available: ${listed(spec.placeholders)}.`,
      );
    if (part !== 'subject') {
      const missing = spec.mustMention.filter((p) => !placeholdersIn(text).includes(p));
      if (missing.length > 0) add(part, `phải có ${listed(missing)}.`, `must include ${listed(missing)}.`);
    }
  }
  if (draft.subject !== null) {
    if (/[\r\n]/.test(draft.subject)) add('subject', 'chỉ viết trên một dòng.', 'must be a single line.');
    if (draft.subject.length > SUBJECT_MAX)
      add('subject', `tối đa ${SUBJECT_MAX} ký tự.`, `at most ${SUBJECT_MAX} characters.`);
  }
  if (draft.body !== null && draft.body.length > BODY_MAX)
    add('body', `tối đa ${BODY_MAX} ký tự.`, `at most ${BODY_MAX} characters.`);
  if (draft.sms !== null && draft.sms.trim() !== '') {
    const accented = [...new Set([...draft.sms].filter((ch) => foldDiacritics(ch) !== ch))];
    if (accented.length > 0)
      add(
        'sms',
        `viết không dấu (tin nhắn được gửi không dấu): ${accented.join(' ')}.`,
        `write it without diacritics (SMS are sent unaccented): ${accented.join(' ')}.`,
      );
    const { septets, unsupported } = smsLength(renderSms(draft.sms, spec.samples));
    if (unsupported.length > 0)
      add(
        'sms',
        `có ký tự không gửi được bằng tin nhắn thường (GSM-7): ${unsupported.join(' ')}.`,
        `has characters a plain (GSM-7) SMS cannot carry: ${unsupported.join(' ')}.`,
      );
    if (septets > SMS_MAX)
      add(
        'sms',
        `${septets} ký tự với các giá trị mẫu, quá ${SMS_MAX} ký tự của một tin nhắn.`,
        `${septets} characters with the sample values, over the ${SMS_MAX} of one SMS.`,
      );
  }
  return problems;
}
