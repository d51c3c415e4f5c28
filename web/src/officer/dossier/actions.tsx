import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api.ts';
import { fieldErrors } from '../../api-send.ts';
import { ErrorSummary } from '../../components/form.tsx';
import { formatDateTime } from '../../format.ts';
import { useOfficerI18n } from '../i18n.ts';
import type { OfficerKey } from '../i18n.ts';
import { SelectInput, TextArea } from '../fields.tsx';
import { errorText, sendBody } from '../util.ts';
import type { DossierDetail, DossierSummary } from './types.ts';

export interface ActionOutcome {
  action: string;
  dossier: DossierSummary;
}

/** What each action asks for (server/modules/dossiers/actions.ts handlers and ActionBody). */
const NEEDS: Record<string, Array<'reason' | 'note' | 'items' | 'agency' | 'method' | 'result' | 'files'>> = {
  accept: ['note'],
  refuse: ['reason'],
  request_supplement: ['items', 'reason'],
  submit_supplement: ['files', 'note'],
  assign: [],
  complete_step: ['note'],
  send_back: ['reason'],
  transfer: ['agency', 'note'],
  approve: ['note'],
  mark_processed: ['result', 'note'],
  sign_result: ['note'],
  return_result: ['method', 'note'],
  withdraw: ['reason'],
  stop: ['reason'],
};

/** Items to supplement, one a line: `name` or `name | count` (form 02 lists them). */
function parseItems(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [name = '', count] = line.split('|').map((s) => s.trim());
      return { name, count: count && /^\d+$/.test(count) ? Number(count) : 1 };
    });
}

/** One button per offered action; choosing one opens only the fields that action needs. */
export function ActionPanel(props: {
  dossier: DossierDetail;
  actions: string[];
  transferTargets: Array<{ id: string; label: string }>;
  onDone: (outcome: ActionOutcome) => void;
}) {
  const { t } = useOfficerI18n();
  const [open, setOpen] = useState<string | null>(props.actions.length === 1 ? props.actions[0]! : null);
  if (props.actions.length === 0) return <p className="hint">{t('officer.act.none')}</p>;
  return (
    <div>
      <ul className="action-buttons">
        {props.actions.map((a) => (
          <li key={a}>
            <button
              type="button"
              className={`button${a === open ? '' : ' button-secondary'}`}
              aria-expanded={a === open}
              aria-controls="action-form"
              onClick={() => setOpen(a === open ? null : a)}
            >
              {t(`officer.act.${a}` as OfficerKey)}
            </button>
          </li>
        ))}
      </ul>
      {open && <ActionForm key={open} action={open} {...props} onCancel={() => setOpen(null)} />}
    </div>
  );
}

function ActionForm(props: {
  action: string;
  dossier: DossierDetail;
  transferTargets: Array<{ id: string; label: string }>;
  onDone: (outcome: ActionOutcome) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useOfficerI18n();
  const { action, dossier: d } = props;
  const needs = NEEDS[action] ?? [];
  const files = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard users land in the form they opened, not back at the top of the page.
  useEffect(() => heading.current?.focus(), []);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (name: string) => {
      const v = form.get(name);
      return typeof v === 'string' ? v.trim() : '';
    };
    const body: Record<string, unknown> = { version: d.version };
    if (needs.includes('note') && text('note')) body['note'] = text('note');
    if (needs.includes('reason')) body['reason'] = text('reason') || undefined;
    if (needs.includes('items')) body['items'] = parseItems(text('items'));
    if (needs.includes('agency')) body['agencyId'] = text('agencyId') || undefined;
    if (needs.includes('method')) body['method'] = text('method');
    const local: Record<string, string> = {};
    if (needs.includes('reason') && !body['reason']) local['reason'] = t('officer.act.reasonNeeded');
    if (needs.includes('items') && (body['items'] as unknown[]).length === 0)
      local['items'] = t('officer.act.itemsNeeded');
    if (needs.includes('agency') && !body['agencyId']) local['agencyId'] = t('officer.act.agencyNeeded');
    const chosen = [...(files.current?.files ?? [])];
    if (needs.includes('result') && chosen.length === 0) local['result'] = t('officer.act.resultNeeded');
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setSummary(t('officer.check.fix'));
      return;
    }
    const payload = new FormData();
    payload.set('payload', JSON.stringify(body));
    const field = needs.includes('result') ? 'result' : 'supplement';
    chosen.forEach((f) => payload.append(field, f, f.name));
    setBusy(true);
    try {
      const dossier = await sendBody<DossierSummary>(`/api/dossiers/${d.id}/actions/${action}`, lang, payload);
      props.onDone({ action, dossier });
    } catch (error) {
      setStale(error instanceof ApiError && error.status === 409 && error.body?.error.code === 'CONFLICT');
      setErrors(fieldErrors(error));
      setSummary(errorText(error, t('common.error')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form id="action-form" className="panel action-form" onSubmit={(e) => void submit(e)} noValidate>
      <h3 ref={heading} tabIndex={-1}>
        {t(`officer.act.${action}` as OfficerKey)}
      </h3>
      <p className="hint">{t(`officer.told.${action}` as OfficerKey)}</p>
      {action === 'sign_result' && <ToSign dossier={d} />}
      <ErrorSummary message={summary} errors={errors} />
      {stale && (
        <p>
          <button type="button" className="button button-secondary" onClick={() => window.location.reload()}>
            {t('officer.act.reload')}
          </button>
        </p>
      )}
      {needs.includes('items') && (
        <TextArea
          name="items"
          label={t('officer.act.items')}
          hint={t('officer.act.itemsHint')}
          rows={4}
          error={errors['items']}
        />
      )}
      {needs.includes('reason') && (
        <TextArea name="reason" label={t('officer.act.reason')} rows={3} error={errors['reason']} />
      )}
      {needs.includes('agency') && (
        <SelectInput
          name="agencyId"
          label={t('officer.act.agency')}
          error={errors['agencyId']}
          options={[
            { value: '', label: t('officer.act.chooseAgency') },
            ...props.transferTargets.map((a) => ({ value: a.id, label: a.label })),
          ]}
        />
      )}
      {needs.includes('method') && (
        <SelectInput
          name="method"
          label={t('officer.act.method')}
          // Decree 45/2020 Art. 14(3): online only once the e-result is signed (the API refuses otherwise).
          hint={d.resultSignedAt === null ? t('officer.sign.onlineNeedsSignature') : undefined}
          defaultValue={d.resultSignedAt === null && d.resultDelivery === 'online' ? 'counter' : d.resultDelivery}
          options={(['counter', 'post', 'online'] as const)
            .filter((m) => m !== 'online' || d.resultSignedAt !== null)
            .map((m) => ({ value: m, label: t(`officer.delivery.${m}`) }))}
        />
      )}
      {(needs.includes('result') || needs.includes('files')) && (
        <div className={`field${errors['result'] ? ' field-error' : ''}`}>
          <label htmlFor="f-action-files">
            {t(needs.includes('result') ? 'officer.act.resultFile' : 'officer.act.supplementFiles')}
          </label>
          {errors['result'] && (
            <p id="f-action-files-error" className="error-message">
              {errors['result']}
            </p>
          )}
          <input
            id="f-action-files"
            ref={files}
            type="file"
            multiple={!needs.includes('result')}
            accept=".pdf,image/*"
            aria-describedby={errors['result'] ? 'f-action-files-error' : undefined}
          />
        </div>
      )}
      {needs.includes('note') && <TextArea name="note" label={t('officer.act.note')} rows={2} error={errors['note']} />}
      {d.dueAt && (
        <p className="hint">
          {t('officer.d.due')}: {formatDateTime(d.dueAt)}
        </p>
      )}
      <p className="actions-row">
        <button type="submit" className="button" disabled={busy} aria-busy={busy}>
          {t('officer.act.confirm')} — {t(`officer.act.${action}` as OfficerKey)}
        </button>
        <button type="button" className="button button-secondary" onClick={props.onCancel}>
          {t('officer.act.cancel')}
        </button>
      </p>
    </form>
  );
}

/** What the leader is about to sign: each result file and its SHA-256 fingerprint (the signed statement's). */
function ToSign({ dossier: d }: { dossier: DossierDetail }) {
  const { t } = useOfficerI18n();
  const results = d.files.filter((f) => f.kind === 'result' && f.signature === null);
  return (
    <div className="notice">
      <p>{t('officer.sign.what')}</p>
      <ul>
        {results.map((f) => (
          <li key={f.id}>
            <a href={`/api/dossiers/${d.id}/files/${f.id}`} target="_blank" rel="noopener">
              {f.fileName}
            </a>
            <br />
            <span className="hint">
              {t('officer.sign.fingerprint')}: <code className="fingerprint">{f.sha256}</code>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
