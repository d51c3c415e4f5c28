import { useRef, useState } from 'react';
import { Link } from 'wouter';
import type { ProcedureVersion } from '../../../../shared/schemas/procedure.ts';
import { useApi } from '../../api.ts';
import { LoadError } from '../../components/layout.tsx';
import { formatDateTime } from '../../format.ts';
import { useOfficerI18n } from '../i18n.ts';
import type { OfficerKey } from '../i18n.ts';
import { roleLabel } from '../../pages/account.tsx';
import type { Account } from '../../session.tsx';
import { hasRole } from '../util.ts';
import { Done, OfficerShell } from '../shell.tsx';
import { spanText, urgencyOf } from '../time.ts';
import { ActionPanel, type ActionOutcome } from './actions.tsx';
import { EformData, Files } from './contents.tsx';
import { ApologyPanel } from './apology.tsx';
import { offeredActions, transferTargets } from './rules.ts';
import { useHoldsAgency } from './scope.ts';
import { Timeline } from './timeline.tsx';
import type { DossierDetail } from './types.ts';

/** One dossier: who and what, its clock, its journal, and only the actions this officer may take now. */
export function DossierPage({ params }: { params: { id: string } }) {
  const { t } = useOfficerI18n();
  return (
    <OfficerShell title={t('officer.d.title')}>
      {(account) => (
        <>
          <p>
            <Link href="/can-bo">← {t('officer.nav.queues')}</Link>
          </p>
          <Dossier id={params.id} account={account} />
        </>
      )}
    </OfficerShell>
  );
}

function Dossier({ id, account }: { id: string; account: Account }) {
  const { t, lang } = useOfficerI18n();
  const { result, reload } = useApi<DossierDetail>(`/api/dossiers/${encodeURIComponent(id)}`);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  // While a reload after an action runs, the dossier stays on screen (and so do the confirmations in it).
  const last = useRef<DossierDetail | null>(null);
  if (result.state === 'ready') last.current = result.data;
  const d = result.state === 'ready' ? result.data : result.state === 'loading' ? last.current : null;
  const at = d ? new Date(new Date(d.submittedAt).getTime() + 7 * 3_600_000).toISOString().slice(0, 10) : '';
  const procedure = useApi<ProcedureVersion>(d ? `/api/procedures/${d.procedureCode}?at=${at}` : null);
  const holdsStep = useHoldsAgency(account, d ? d.handlingAgencyId : null, lang);
  if (result.state === 'loading' && !d) return <p>{t('common.loading')}</p>;
  if (result.state === 'error' || !d) return <LoadError onRetry={reload} />;
  const version = procedure.result.state === 'ready' ? procedure.result.data : null;
  // The dossier's own workflow, each step's agency resolved by the API (tier-relative steps included).
  const steps = d.workflow;
  const stepNames = steps.map((s) => s.name[lang]);
  const current = d.stepIndex === null ? undefined : steps[d.stepIndex];
  const actions = offeredActions(d, account, holdsStep === true);
  const targets = transferTargets(d).map(({ id, step }) => ({
    id,
    label: `${step.agency?.name ?? id} — ${t('officer.d.step')} ${step.index + 1}: ${step.name[lang]}`,
  }));
  const agencyNames = new Map(steps.flatMap((s) => (s.agency ? [[s.agency.id, s.agency.name] as const] : [])));
  const now = Date.now();
  const urgency = urgencyOf(d.dueAt, now);
  return (
    <>
      {outcome && <Outcome outcome={outcome} />}
      <div className="dossier-head">
        <p className="dossier-code">
          {d.code ?? t('officer.d.noCode')}{' '}
          <span className={`status-tag status-${d.status}`}>{d.statusLabel[lang]}</span>
        </p>
        <p>
          <strong>{d.procedureCode}</strong> {version?.name}
        </p>
        {d.dueAt && (
          <p className={`due-note due-${urgency}`} role="timer" aria-live="off">
            {t('officer.d.due')}: {formatDateTime(d.dueAt)} —{' '}
            {urgency === 'overdue'
              ? `${t('officer.d.overdueBy')} ${spanText(now - new Date(d.dueAt).getTime(), lang)}`
              : `${t('officer.d.left')} ${spanText(new Date(d.dueAt).getTime() - now, lang)}`}
            {d.pausedAt && <> ({t('officer.d.paused')})</>}
          </p>
        )}
        {d.stepIndex !== null && (
          <p>
            {t('officer.d.step')} {d.stepIndex + 1}/{Math.max(steps.length, 1)}: {stepNames[d.stepIndex] ?? ''}
            {current?.agency && <> — {current.agency.name}</>}
            {current && (
              <>
                {' '}
                · {t('officer.d.budget')} {current.budgetDays} {t('officer.unit.workingDays')}
              </>
            )}
            {d.stepDueAt && (
              <>
                {' '}
                · {t('officer.d.stepDue')} {formatDateTime(d.stepDueAt)}
              </>
            )}
            {' · '}
            {d.stepAssigneeId === null
              ? t('officer.d.unassigned')
              : d.stepAssigneeId === account.id
                ? t('officer.d.assignedToYou')
                : t('officer.d.assignedOther')}
          </p>
        )}
      </div>
      <section aria-labelledby="d-actions" className="panel">
        <h2 id="d-actions">{t('officer.d.actions')}</h2>
        <ActionPanel
          key={d.version}
          dossier={d}
          actions={actions}
          transferTargets={targets}
          onDone={(o) => {
            setOutcome(o);
            reload();
            window.scrollTo(0, 0);
          }}
        />
      </section>
      {d.dueAt &&
        [2, 4, 5, 6].includes(d.status) &&
        (urgency !== 'ok' || holdsStep === true || d.journal.some((e) => e.action === 'extend_due')) && (
          <ApologyPanel
            dossierId={d.id}
            dueAt={d.dueAt}
            canDraft={holdsStep === true && hasRole(account, 'specialist', 'division_head', 'leader')}
            canApprove={holdsStep === true && hasRole(account, 'leader')}
            atRisk={urgency !== 'ok'}
            onChanged={reload}
          />
        )}
      <Workflow d={d} />
      <Forms d={d} />
      <div className="two-columns">
        <section aria-labelledby="d-who">
          <h2 id="d-who">{t('officer.d.applicant')}</h2>
          <dl className="summary-list">
            <Item label={t('officer.d.name')} value={d.applicant.name} />
            <Item label={t('officer.d.idNumber')} value={d.applicant.idNumber} />
            <Item label={t('officer.d.phone')} value={d.applicant.phone} />
            <Item label={t('officer.d.address')} value={d.applicant.address} />
            <Item label={t('officer.q.channel')} value={t(`officer.channel.${d.channel}`)} />
            <Item label={t('officer.d.delivery')} value={t(`officer.delivery.${d.resultDelivery}`)} />
            <Item label={t('officer.d.submitted')} value={formatDateTime(d.submittedAt)} />
            <Item label={t('officer.d.received')} value={d.acceptedAt ? formatDateTime(d.acceptedAt) : undefined} />
          </dl>
          {d.supplement && (
            <div className="notice">
              <p>
                <strong>{t('officer.d.supplementAsked')}</strong> {d.supplement.reason}
              </p>
              <ul>
                {d.supplement.items.map((i, n) => (
                  <li key={n}>
                    {i.name} × {i.count}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
        <section aria-labelledby="d-timeline">
          <h2 id="d-timeline">{t('officer.d.timeline')}</h2>
          <Timeline journal={d.journal} stepNames={stepNames} agencyNames={agencyNames} />
        </section>
      </div>
      <EformData data={d.eform} version={version} />
      <Files dossierId={d.id} files={d.files} version={version} />
    </>
  );
}

function Item({ label, value }: { label: string; value: string | undefined | null }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value || '—'}</dd>
    </div>
  );
}

/** The dossier's workflow: each step, the agency holding it for this dossier, its role and time budget. */
function Workflow({ d }: { d: DossierDetail }) {
  const { t, lang } = useOfficerI18n();
  return (
    <section aria-labelledby="d-workflow">
      <h2 id="d-workflow">{t('officer.d.workflow')}</h2>
      <ol className="workflow-steps">
        {d.workflow.map((s) => {
          const isCurrent = s.index === d.stepIndex;
          return (
            <li
              key={s.index}
              aria-current={isCurrent ? 'step' : undefined}
              className={isCurrent ? 'current' : undefined}
            >
              <strong>{s.name[lang]}</strong> — {s.agency?.name ?? t('officer.d.noAgency')}
              <span className="result-meta">
                {' '}
                · {roleLabel(t, s.role)} · {s.budgetDays} {t('officer.unit.workingDays')}
                {isCurrent && <> · {t('officer.d.currentStep')}</>}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The printable forms that exist for this dossier now (Decree 61/2018 forms 01, 02, 03, 05). */
function Forms({ d }: { d: DossierDetail }) {
  const { t } = useOfficerI18n();
  const asked = d.journal.some((e) => e.action === 'request_supplement');
  const forms: Array<[string, OfficerKey, boolean]> = [
    ['01', 'officer.form.01', d.code !== null],
    ['02', 'officer.form.02', asked],
    ['03', 'officer.form.03', d.status === 3],
    ['05', 'officer.form.05', d.acceptedAt !== null],
  ];
  const shown = forms.filter(([, , ok]) => ok);
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="d-forms">
      <h2 id="d-forms">{t('officer.d.forms')}</h2>
      <ul className="actions-row plain">
        {shown.map(([n, label]) => (
          <li key={n}>
            <a
              className="button button-secondary"
              href={`/api/dossiers/${d.id}/forms/${n}.pdf`}
              target="_blank"
              rel="noopener"
            >
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What happened, and what the citizen was told (Decree 61/2018: every step is notified). */
function Outcome({ outcome }: { outcome: ActionOutcome }) {
  const { t, lang } = useOfficerI18n();
  const d = outcome.dossier;
  return (
    <Done>
      <p>
        <strong>{t(`officer.done.${outcome.action}` as OfficerKey)}</strong> {d.code ?? ''} — {d.statusLabel[lang]}.
        {d.dueAt && outcome.action === 'accept' && (
          <>
            {' '}
            {t('officer.d.appointment')}: {formatDateTime(d.dueAt)}.
          </>
        )}
      </p>
      <p>{t(`officer.told.${outcome.action}` as OfficerKey)}</p>
      {outcome.action === 'accept' && (
        <p>
          <a href={`/api/dossiers/${d.id}/forms/01.pdf`} target="_blank" rel="noopener">
            {t('officer.form.01')}
          </a>
        </p>
      )}
    </Done>
  );
}
