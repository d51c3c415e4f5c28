import { useMemo, useState } from 'react';
import type { ProcedureVersion } from '../../../../shared/schemas/procedure.ts';
import { fieldErrors } from '../../api-send.ts';
import { ErrorSummary } from '../../components/form.tsx';
import { formatDate } from '../../format.ts';
import { useOfficerI18n } from '../i18n.ts';
import { Done } from '../shell.tsx';
import { errorText } from '../util.ts';
import { ComponentsSection } from './section-components.tsx';
import { EformSection } from './section-eform.tsx';
import { GeneralSection } from './section-general.tsx';
import { WorkflowSection } from './section-workflow.tsx';
import { setPath, versionErrors, type Draft } from './validate-version.ts';

/** What every builder section receives: the draft, a setter by path, and the error to show beside a path. */
export interface Editor {
  draft: Draft;
  set: (path: string, value: unknown) => void;
  error: (path: string) => string | undefined;
  readOnly: boolean;
}

const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/**
 * One version in the builders. Problems show beside their field as the administrator types (the shared
 * zod schema plus the catalogue's pure rules); the API's answer on save is shown the same way.
 */
export function VersionForm(props: {
  initial: Draft;
  isNew?: boolean;
  readOnly?: boolean;
  save: (draft: Draft) => Promise<ProcedureVersion>;
  publish?: (() => Promise<ProcedureVersion>) | undefined;
  notice: string | undefined;
  onNotice: (message: string | undefined) => void;
}) {
  const { t, lang } = useOfficerI18n();
  const [draft, setDraft] = useState<Draft>(props.initial);
  const [touched, setTouched] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  const [server, setServer] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | undefined>();
  // The confirmation lives with the caller: a save re-mounts this form on the stored version.
  const done = props.notice;
  const setDone = props.onNotice;
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  const live = useMemo(() => versionErrors(draft, lang, t('officer.check.invalid')), [draft, lang, t]);
  const readOnly = props.readOnly ?? false;

  const editor: Editor = {
    draft,
    readOnly,
    set: (path, value) => {
      setDraft((d) => setPath(d, path, value));
      setTouched((list) => (list.includes(path) ? list : [...list, path]));
      setServer((s) => Object.fromEntries(Object.entries(s).filter(([k]) => !related(k, path))));
      setDone(undefined);
      setDirty(true);
    },
    error: (path) => server[path] ?? (tried || touched.some((p) => related(p, path)) ? live[path] : undefined),
  };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setTried(true);
    setDone(undefined);
    if (Object.keys(live).length > 0) {
      setSummary(t('officer.check.fix'));
      return;
    }
    setBusy(true);
    try {
      const saved = await props.save(draft);
      setSummary(undefined);
      setServer({});
      setDirty(false);
      setDone(
        `${t('officer.proc.savedDraft')} ${saved.code} (${formatDate(saved.validFrom)}). ${t('officer.proc.citizenNotYet')}`,
      );
    } catch (error) {
      setServer(fieldErrors(error));
      setSummary(errorText(error, t('common.error')));
    } finally {
      setBusy(false);
    }
  }

  async function publish() {
    if (!props.publish) return;
    setBusy(true);
    try {
      const v = await props.publish();
      setSummary(undefined);
      setDone(`${t('officer.proc.publishedNow')} ${formatDate(v.validFrom)}.`);
    } catch (error) {
      setServer(fieldErrors(error));
      setSummary(errorText(error, t('common.error')));
    } finally {
      setBusy(false);
    }
  }

  const summaryErrors = { ...(tried ? live : {}), ...server };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="builder">
      <ErrorSummary
        // The "fix these" summary goes once the last problem is fixed; the API's own answers stay.
        message={summary === t('officer.check.fix') && Object.keys(live).length === 0 ? undefined : summary}
        errors={summaryErrors}
      />
      {done && <Done>{done}</Done>}
      {readOnly && <p className="notice">{t('officer.proc.readOnly')}</p>}
      <fieldset disabled={readOnly} className="plain-fieldset">
        <GeneralSection editor={editor} isNew={props.isNew ?? false} />
        <ComponentsSection editor={editor} />
        <EformSection editor={editor} />
        <WorkflowSection editor={editor} />
      </fieldset>
      {!readOnly && (
        <p className="actions-row sticky-actions">
          <button type="submit" className="button" disabled={busy} aria-busy={busy}>
            {t(props.isNew ? 'officer.proc.createDraft' : 'officer.proc.saveDraft')}
          </button>
          {props.publish && (
            <button
              type="button"
              className="button button-secondary"
              disabled={busy || dirty}
              title={dirty ? t('officer.proc.saveFirst') : undefined}
              onClick={() => void publish()}
            >
              {t('officer.proc.publish')}
            </button>
          )}
          <span className="hint" aria-live="polite">
            {Object.keys(live).length === 0
              ? t('officer.check.ok')
              : `${Object.keys(live).length} ${t('officer.check.count')}`}
          </span>
        </p>
      )}
    </form>
  );
}
