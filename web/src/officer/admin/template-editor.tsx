import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import {
  draftProblems,
  fillPlaceholders,
  renderSms,
  SMS_MAX,
  smsLength,
  TEMPLATE_PARTS,
  type TemplateDraft,
  type TemplatePart,
} from '../../../../shared/notifications/message-text.ts';
import type { TemplateView } from '../../../../shared/schemas/notification-templates.ts';
import { useApi } from '../../api.ts';
import { apiSend, fieldErrors } from '../../api-send.ts';
import { ErrorSummary } from '../../components/form.tsx';
import { LoadError } from '../../components/layout.tsx';
import { formatDateTime } from '../../format.ts';
import { TextArea } from '../fields.tsx';
import { useOfficerI18n, type OfficerKey } from '../i18n.ts';
import { Done, OfficerShell } from '../shell.tsx';
import { errorText } from '../util.ts';
import { useTemplateLabel } from './templates.tsx';

type Locale = 'vi' | 'en';
const PART_LABEL: Record<TemplatePart, OfficerKey> = {
  subject: 'officer.tpl.subject',
  body: 'officer.tpl.body',
  sms: 'officer.tpl.sms',
};

/**
 * One template in one language: each part (subject, body, SMS) keeps its default while left empty; what
 * is typed is checked as one types with the server's own rules (shared/notifications/message-text.ts) and
 * previewed with the sample values. Saving and resetting are audited by the API.
 */
export function TemplateEditorPage({ params }: { params: { name: string } }) {
  const { t } = useOfficerI18n();
  const label = useTemplateLabel();
  const { result, reload } = useApi<TemplateView>(`/api/notification-templates/${encodeURIComponent(params.name)}`);
  const [locale, setLocale] = useState<Locale>('vi');
  const [done, setDone] = useState<string | undefined>();
  return (
    <OfficerShell title={`${t('officer.admin.templates')}: ${label(params.name)}`}>
      {() => (
        <>
          <p>
            <Link href="/can-bo/quan-tri/thong-bao">← {t('officer.admin.templates')}</Link>
          </p>
          {done && <Done>{done}</Done>}
          {result.state === 'loading' && <p>{t('common.loading')}</p>}
          {result.state === 'error' && <LoadError onRetry={reload} />}
          {result.state === 'ready' && (
            <>
              <p>
                {t('officer.tpl.audience')}: {t(`officer.tpl.aud.${result.data.audience}`)} · <code>{params.name}</code>
              </p>
              {result.data.isSensitive && <p className="notice">{t('officer.tpl.sensitive')}</p>}
              <fieldset className="group">
                <legend>{t('officer.tpl.locale')}</legend>
                <div className="radios">
                  {(['vi', 'en'] as const).map((l) => (
                    <label key={l} className="radio">
                      <input
                        type="radio"
                        name="template-locale"
                        value={l}
                        checked={locale === l}
                        onChange={() => {
                          setDone(undefined);
                          setLocale(l);
                        }}
                      />
                      {t(`officer.tpl.${l}`)}
                    </label>
                  ))}
                </div>
              </fieldset>
              <LocaleEditor
                // A fresh form per language and per saved state.
                key={`${locale}-${result.data.locales[locale].override?.updatedAt ?? 'default'}`}
                view={result.data}
                locale={locale}
                onChanged={(message) => {
                  setDone(message);
                  reload();
                  window.scrollTo(0, 0);
                }}
              />
            </>
          )}
        </>
      )}
    </OfficerShell>
  );
}

function LocaleEditor(props: { view: TemplateView; locale: Locale; onChanged: (message: string) => void }) {
  const { t, lang } = useOfficerI18n();
  const label = useTemplateLabel();
  const { view, locale } = props;
  const current = view.locales[locale];
  const [texts, setTexts] = useState<Record<TemplatePart, string>>({
    subject: current.override?.subject ?? '',
    body: current.override?.body ?? '',
    sms: current.override?.sms ?? '',
  });
  const [touched, setTouched] = useState<Set<TemplatePart>>(new Set());
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  // Empty = the default text of that part (null for the API).
  const draft: TemplateDraft = {
    subject: texts.subject === '' ? null : texts.subject,
    body: texts.body === '' ? null : texts.body,
    sms: texts.sms === '' ? null : texts.sms,
  };
  const spec = { placeholders: view.placeholders, mustMention: view.mustMention, samples: current.samples };
  const live: Record<string, string> = {};
  for (const p of draftProblems(draft, spec))
    if (tried || touched.has(p.path))
      live[p.path] = live[p.path] ? `${live[p.path]} ${p.message[lang]}` : p.message[lang];
  const errors = { ...serverErrors, ...live };
  const preview = {
    subject: draft.subject === null ? current.defaults.subject : fillPlaceholders(draft.subject, current.samples),
    body: draft.body === null ? current.defaults.body : fillPlaceholders(draft.body, current.samples),
    sms: draft.sms === null ? current.defaults.sms : renderSms(draft.sms, current.samples),
  };
  const septets = smsLength(preview.sms).septets;
  const languageName = t(`officer.tpl.${locale}`);

  function change(part: TemplatePart, value: string) {
    setTexts((x) => ({ ...x, [part]: value }));
    setTouched((s) => new Set(s).add(part));
    setServerErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== part)));
  }

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setTried(true);
    if (draftProblems(draft, spec).length > 0) {
      setSummary(t('officer.check.fix'));
      return;
    }
    if (TEMPLATE_PARTS.every((part) => draft[part] === null)) {
      setSummary(t('officer.tpl.nothing'));
      return;
    }
    setBusy(true);
    try {
      await apiSend('PUT', `/api/notification-templates/${view.name}/${locale}`, lang, draft);
      props.onChanged(
        `${t('officer.tpl.saved')} "${label(view.name)}" (${languageName}). ${t('officer.tpl.savedNote')}`,
      );
    } catch (error) {
      setServerErrors(fieldErrors(error));
      setSummary(errorText(error, t('common.error')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void save(e)} noValidate className="template-editor">
      <ErrorSummary message={summary} errors={errors} />
      {current.override && (
        <p className="hint">
          {t('officer.tpl.updated')}: {formatDateTime(current.override.updatedAt)} {t('officer.tpl.by')}{' '}
          {current.override.updatedBy.name}
        </p>
      )}
      <div className="two-columns">
        <div>
          <h2>{t('officer.tpl.placeholders')}</h2>
          <ul className="plain-list tight placeholder-list">
            {view.placeholders.map((p) => (
              <li key={p}>
                <code>{`{${p}}`}</code> — {current.samples[p] || '—'}
              </li>
            ))}
          </ul>
          {TEMPLATE_PARTS.map((part) => (
            <TextArea
              key={part}
              name={part}
              label={t(PART_LABEL[part])}
              hint={`${t('officer.tpl.keepDefault')} ${current.defaults[part]}`}
              rows={part === 'body' ? 7 : part === 'sms' ? 3 : 2}
              value={texts[part]}
              error={errors[part]}
              onChange={(e) => change(part, e.target.value)}
              spellCheck={part !== 'sms'}
            />
          ))}
          <p className="actions-row">
            <button type="submit" className="button" disabled={busy} aria-busy={busy}>
              {t('officer.tpl.save')}
            </button>
          </p>
          {current.override && <ResetTemplate name={view.name} locale={locale} onReset={props.onChanged} />}
        </div>
        <section aria-labelledby="template-preview" className="panel template-preview">
          <h2 id="template-preview">
            {t('officer.tpl.preview')} ({languageName})
          </h2>
          <h3>{t('officer.tpl.subject')}</h3>
          <p data-preview="subject">{preview.subject}</p>
          <h3>{t('officer.tpl.body')}</h3>
          <p data-preview="body" className="preview-body">
            {preview.body}
          </p>
          <h3>{t('officer.tpl.sms')}</h3>
          <p data-preview="sms" className="preview-sms">
            {preview.sms}
          </p>
          <p className={septets > SMS_MAX ? 'error-message' : 'hint'}>
            {septets} {t('officer.tpl.smsCount')}
          </p>
        </section>
      </div>
    </form>
  );
}

/** Back to the code's texts, behind a confirmation. */
function ResetTemplate(props: { name: string; locale: Locale; onReset: (message: string) => void }) {
  const { t, lang } = useOfficerI18n();
  const label = useTemplateLabel();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);
  async function reset() {
    setBusy(true);
    try {
      await apiSend('DELETE', `/api/notification-templates/${props.name}/${props.locale}`, lang);
      props.onReset(`${t('officer.tpl.resetDone')} "${label(props.name)}" (${t(`officer.tpl.${props.locale}`)}).`);
    } catch (e) {
      setError(errorText(e, t('common.error')));
      setAsking(false);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div>
      {error && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
      {asking ? (
        <div className="inline-confirm">
          <p ref={question} tabIndex={-1}>
            {t('officer.tpl.resetAsk')}
          </p>
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void reset()}>
            {t('officer.tpl.resetYes')}
          </button>{' '}
          <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
            {t('officer.act.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button-secondary" onClick={() => setAsking(true)}>
          {t('officer.tpl.reset')}
        </button>
      )}
    </div>
  );
}
