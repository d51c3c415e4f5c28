import { useState } from 'react';
import { useApi } from '../../api.ts';
import { apiSend, fieldErrors } from '../../api-send.ts';
import { ErrorSummary, TextInput } from '../../components/form.tsx';
import { formatDateTime } from '../../format.ts';
import { useOfficerI18n } from '../i18n.ts';
import { TextArea } from '../fields.tsx';
import { Done } from '../shell.tsx';
import { errorText } from '../util.ts';

interface Apology {
  id: string;
  state: 'draft' | 'approved';
  reason: string;
  previousDueAt: string;
  newAppointmentAt: string;
  draftedAt: string;
  approvedAt: string | null;
}

/**
 * Decree 61/2018 Art. 19(9): a dossier at risk of being late gets an apology letter (form 04) with ONE new
 * date — drafted by the handling agency's officer, approved by its leader, then sent to the applicant.
 */
export function ApologyPanel(props: {
  dossierId: string;
  dueAt: string;
  canDraft: boolean;
  canApprove: boolean;
  /** Due soon or overdue: the letter is prompted; otherwise it waits behind a disclosure. */
  atRisk: boolean;
  onChanged: () => void;
}) {
  const { t, lang } = useOfficerI18n();
  const { result, reload } = useApi<Apology[]>(`/api/dossiers/${props.dossierId}/apology`);
  const [date, setDate] = useState('');
  const [time, setTime] = useState('17:00');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  if (result.state !== 'ready') return null;
  const approved = result.data.find((a) => a.state === 'approved');
  const draft = result.data.find((a) => a.state === 'draft');

  async function run(work: () => Promise<string>) {
    // Not a disabled button (its faded text would fail contrast): a second click is ignored instead.
    if (busy) return;
    setBusy(true);
    try {
      setDone(await work());
      setErrors({});
      setSummary(undefined);
      reload();
      props.onChanged();
    } catch (error) {
      setErrors(fieldErrors(error));
      setSummary(errorText(error, t('common.error')));
    } finally {
      setBusy(false);
    }
  }
  const submitDraft = (e: React.FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const a = await apiSend<Apology>('POST', `/api/dossiers/${props.dossierId}/apology`, lang, {
        reason,
        newAppointmentAt: `${date}T${time}:00+07:00`,
      });
      return `${t('officer.apology.drafted')} ${formatDateTime(a.newAppointmentAt)}. ${t('officer.apology.notToldYet')}`;
    });
  };
  const approve = () =>
    void run(async () => {
      await apiSend('POST', `/api/dossiers/${props.dossierId}/apology/approve`, lang);
      return `${t('officer.apology.approvedNow')} ${draft ? formatDateTime(draft.newAppointmentAt) : ''}. ${t('officer.apology.told')}`;
    });

  const drafting = (
    <>
      {props.atRisk && (
        <p>
          {t('officer.apology.prompt')} {formatDateTime(props.dueAt)}.
        </p>
      )}
      {draft && (
        <div className="notice">
          <p>
            <strong>{t('officer.apology.draft')}</strong> {t('officer.apology.newDate')}:{' '}
            {formatDateTime(draft.newAppointmentAt)}
          </p>
          <p>{draft.reason}</p>
          {props.canApprove && (
            <button type="button" className="button" aria-busy={busy} onClick={approve}>
              {t('officer.apology.approve')}
            </button>
          )}
        </div>
      )}
      {props.canDraft && (
        <form onSubmit={submitDraft} noValidate>
          <TextArea
            name="reason"
            label={t('officer.apology.reason')}
            rows={3}
            value={reason}
            error={errors['reason']}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="row-grid">
            <TextInput
              name="newAppointmentAt"
              label={t('officer.apology.newDate')}
              hint={t('officer.apology.newDateHint')}
              type="date"
              value={date}
              error={errors['newAppointmentAt']}
              onChange={(e) => setDate(e.target.value)}
            />
            <TextInput
              name="newTime"
              label={t('officer.apology.newTime')}
              type="time"
              value={time}
              onChange={(e) => setTime(e.target.value)}
            />
          </div>
          <button type="submit" className="button button-secondary" aria-busy={busy}>
            {t(draft ? 'officer.apology.redraft' : 'officer.apology.submitDraft')}
          </button>
        </form>
      )}
    </>
  );

  return (
    <section aria-labelledby="d-apology" className="panel panel-warning">
      <h2 id="d-apology">{t('officer.apology.title')}</h2>
      {done && <Done>{done}</Done>}
      <ErrorSummary message={summary} errors={errors} />
      {approved ? (
        <>
          <p>
            {t('officer.apology.rescheduled')} <strong>{formatDateTime(approved.newAppointmentAt)}</strong> (
            {t('officer.apology.was')} {formatDateTime(approved.previousDueAt)}). {t('officer.apology.once')}
          </p>
          <p>
            <a
              className="button button-secondary"
              href={`/api/dossiers/${props.dossierId}/forms/04.pdf`}
              target="_blank"
              rel="noopener"
            >
              {t('officer.form.04')}
            </a>
          </p>
        </>
      ) : props.atRisk || draft ? (
        drafting
      ) : (
        <details>
          <summary>{t('officer.apology.foresee')}</summary>
          {drafting}
        </details>
      )}
    </section>
  );
}
