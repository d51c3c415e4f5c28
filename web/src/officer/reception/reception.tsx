import { useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { ProcedureList, ProcedureVersion } from '../../../../shared/schemas/procedure.ts';
import type { AgencyList } from '../../../../shared/schemas/units.ts';
import { validateSubmission } from '../../../../shared/eform/validate-submission.ts';
import { apiGet, useApi } from '../../api.ts';
import { apiSend, fieldErrors } from '../../api-send.ts';
import { ErrorSummary, TextInput } from '../../components/form.tsx';
import { formatDateTime } from '../../format.ts';
import { useOfficerI18n } from '../i18n.ts';
import type { Account } from '../../session.tsx';
import { todayInHanoi } from '../admin/validate-version.ts';
import type { DossierDetail, DossierSummary } from '../dossier/types.ts';
import { SelectInput } from '../fields.tsx';
import { Done, OfficerShell } from '../shell.tsx';
import { errorText, sendBody } from '../util.ts';
import { Checklist, type Received } from './checklist.tsx';
import { EformInputs } from './eform-inputs.tsx';

const RECEIVING_KINDS = /peoples-committee|one-stop-desk/;

/** Counter reception of a walk-in applicant (Decree 61/2018 Art. 17), ending with form 01 in hand. */
export function ReceptionPage() {
  const { t } = useOfficerI18n();
  const [round, setRound] = useState(0);
  return (
    <OfficerShell title={t('officer.r.title')} lead={t('officer.r.lead')}>
      {(account) => <Reception key={round} account={account} onNext={() => setRound((n) => n + 1)} />}
    </OfficerShell>
  );
}

function Reception({ account, onNext }: { account: Account; onNext: () => void }) {
  const { t, lang } = useOfficerI18n();
  // A receptionist serves the agencies of their assignments, or the committee and desk of their unit.
  const desk = account.roles.filter((r) => r.role === 'receptionist');
  const assigned = desk.flatMap((r) => (r.agency ? [{ id: r.agency.id, name: r.agency.name, level: '' }] : []));
  const unitCode = desk.find((r) => r.unit)?.unit?.code ?? '';
  const agencies = useApi<AgencyList>(
    assigned.length === 0 && unitCode ? `/api/agencies?unit=${unitCode}&limit=100` : null,
  );
  const receiving =
    assigned.length > 0
      ? assigned
      : agencies.result.state === 'ready'
        ? agencies.result.data.items.filter((a) => RECEIVING_KINDS.test(a.kind))
        : [];

  const [agencyId, setAgencyId] = useState('');
  const agency = receiving.find((a) => a.id === agencyId) ?? receiving[0];
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<ProcedureList | null>(null);
  const [procedure, setProcedure] = useState<ProcedureVersion | null>(null);
  const [applicant, setApplicant] = useState({ name: '', idNumber: '', phone: '', address: '' });
  const [delivery, setDelivery] = useState<'counter' | 'post' | 'online'>('counter');
  const [eform, setEform] = useState<Record<string, unknown>>({});
  const [received, setReceived] = useState<Record<string, Received>>({});
  const [tried, setTried] = useState(false);
  const [server, setServer] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [accepted, setAccepted] = useState<DossierSummary | null>(null);
  const idempotencyKey = useRef(crypto.randomUUID());

  async function find(e: React.FormEvent) {
    e.preventDefault();
    const p = new URLSearchParams({ pageSize: '10' });
    if (search.trim()) p.set('q', search.trim());
    if (agency?.level === 'commune' || agency?.level === 'district' || agency?.level === 'city')
      p.set('tier', agency.level);
    setFound(await apiGet<ProcedureList>(`/api/procedures?${p.toString()}`, lang).catch(() => null));
  }
  async function choose(code: string) {
    setProcedure(await apiGet<ProcedureVersion>(`/api/procedures/${code}`, lang));
    setEform({});
    setReceived({});
  }

  // Upload fields of the e-form take the names of the files scanned for their component.
  const data = useMemo(() => {
    const out: Record<string, unknown> = { ...eform };
    for (const f of procedure?.eform?.fields ?? [])
      if (f.type === 'upload') {
        const names = (received[f.component]?.files ?? []).map((file) => file.name);
        if (names.length > 0) out[f.name] = names;
      }
    return out;
  }, [eform, received, procedure]);

  const live: Record<string, string> = {};
  if (!applicant.name.trim()) live['applicant.name'] = t('officer.r.nameNeeded');
  if (applicant.idNumber && !/^(\d{9}|\d{12})$/.test(applicant.idNumber))
    live['applicant.idNumber'] = t('officer.r.idFormat');
  if (applicant.phone && !/^(0|\+84)\d{9,10}$/.test(applicant.phone))
    live['applicant.phone'] = t('officer.r.phoneFormat');
  if (procedure?.eform)
    for (const e of validateSubmission(procedure.eform, data, { today: todayInHanoi() }).errors)
      live[e.field ? `eform.${e.field}` : 'eform'] ??= e.message[lang];
  const missing = (procedure?.components ?? []).filter(
    (c) => c.required && !received[c.key]?.paper && !received[c.key]?.files.length,
  );
  if (missing.length > 0) live['components'] = `${t('officer.r.missing')} ${missing.map((c) => c.name).join('; ')}`;
  const error = (name: string) => server[name] ?? (tried ? live[name] : undefined);

  async function receive(e: React.FormEvent) {
    e.preventDefault();
    if (!procedure || !agency) return;
    setTried(true);
    if (Object.keys(live).length > 0) {
      setSummary(t('officer.check.fix'));
      return;
    }
    // Opened in the click itself so the browser lets the form 01 window through once the code exists.
    const printWindow = window.open('', '_blank');
    setBusy(true);
    try {
      const body = new FormData();
      const trimmed = Object.fromEntries(Object.entries(applicant).filter(([, v]) => v.trim() !== ''));
      body.set(
        'payload',
        JSON.stringify({
          procedureCode: procedure.code,
          agencyId: agency.id,
          channel: 'in_person',
          applicant: trimmed,
          eform: data,
          resultDelivery: delivery,
          components: Object.entries(received)
            .filter(([, r]) => r.files.length > 0)
            .map(([key]) => ({ key, isDigitised: true })),
        }),
      );
      for (const [key, r] of Object.entries(received))
        for (const f of r.files) body.append(`component.${key}`, f, f.name);
      const dossier = await sendBody<DossierDetail>('/api/dossiers', lang, body, undefined, {
        'idempotency-key': idempotencyKey.current,
      });
      const done = await apiSend<DossierSummary>('POST', `/api/dossiers/${dossier.id}/actions/accept`, lang, {
        version: dossier.version,
      });
      const form01 = `/api/dossiers/${done.id}/forms/01.pdf`;
      if (printWindow) printWindow.location.href = form01;
      setAccepted(done);
      setSummary(undefined);
    } catch (err) {
      printWindow?.close();
      setServer(fieldErrors(err));
      setSummary(errorText(err, t('common.error')));
    } finally {
      setBusy(false);
    }
  }

  if (accepted)
    return (
      <Done>
        <p>
          <strong>{t('officer.r.accepted')}</strong> <span className="dossier-code">{accepted.code}</span>
        </p>
        {accepted.dueAt && (
          <p>
            {t('officer.d.appointment')}: <strong>{formatDateTime(accepted.dueAt)}</strong>
          </p>
        )}
        <p>{t('officer.told.accept')}</p>
        <p className="actions-row">
          <a className="button" href={`/api/dossiers/${accepted.id}/forms/01.pdf`} target="_blank" rel="noopener">
            {t('officer.form.01')}
          </a>
          <Link href={`/can-bo/ho-so/${accepted.id}`}>{t('officer.r.open')}</Link>
          <button type="button" className="button button-secondary" onClick={onNext}>
            {t('officer.r.next')}
          </button>
        </p>
      </Done>
    );

  return (
    <>
      <ErrorSummary
        message={summary === t('officer.check.fix') && Object.keys(live).length === 0 ? undefined : summary}
        errors={tried ? { ...live, ...server } : server}
      />
      {receiving.length > 1 && (
        <SelectInput
          name="agency"
          label={t('officer.r.agency')}
          value={agency?.id ?? ''}
          options={receiving.map((a) => ({ value: a.id, label: a.name }))}
          onChange={(e) => setAgencyId(e.target.value)}
        />
      )}
      <section aria-labelledby="r-procedure">
        <h2 id="r-procedure">1. {t('officer.r.procedure')}</h2>
        {procedure ? (
          <p>
            <strong>{procedure.code}</strong> {procedure.name}{' '}
            <button type="button" className="link-inline" onClick={() => setProcedure(null)}>
              {t('officer.r.change')}
            </button>
          </p>
        ) : (
          <>
            <form role="search" className="search-row" onSubmit={(e) => void find(e)}>
              <label htmlFor="f-procedure-q" className="visually-hidden">
                {t('officer.r.procedureSearch')}
              </label>
              <input
                id="f-procedure-q"
                type="search"
                placeholder={t('officer.r.procedureSearch')}
                value={search}
                onChange={(e) => setSearch(e.target.value)}
              />
              <button type="submit" className="button button-secondary">
                {t('officer.proc.search')}
              </button>
            </form>
            {found && (
              <ul className="plain-list" aria-label={t('officer.r.results')}>
                {found.items.map((p) => (
                  <li key={p.id}>
                    <button type="button" className="link-inline" onClick={() => void choose(p.code)}>
                      {p.code} — {p.name}
                    </button>
                  </li>
                ))}
                {found.items.length === 0 && <li>{t('officer.r.noResults')}</li>}
              </ul>
            )}
          </>
        )}
      </section>
      {procedure && (
        <form onSubmit={(e) => void receive(e)} noValidate>
          <section aria-labelledby="r-applicant">
            <h2 id="r-applicant">2. {t('officer.r.applicant')}</h2>
            <div className="row-grid">
              <TextInput
                name="applicant.name"
                label={t('officer.d.name')}
                value={applicant.name}
                error={error('applicant.name')}
                onChange={(e) => setApplicant({ ...applicant, name: e.target.value })}
                autoComplete="off"
              />
              <TextInput
                name="applicant.idNumber"
                label={t('officer.d.idNumber')}
                inputMode="numeric"
                value={applicant.idNumber}
                error={error('applicant.idNumber')}
                onChange={(e) => setApplicant({ ...applicant, idNumber: e.target.value.trim() })}
                autoComplete="off"
              />
              <TextInput
                name="applicant.phone"
                label={t('officer.d.phone')}
                inputMode="tel"
                value={applicant.phone}
                error={error('applicant.phone')}
                onChange={(e) => setApplicant({ ...applicant, phone: e.target.value.trim() })}
                autoComplete="off"
              />
              <TextInput
                name="applicant.address"
                label={t('officer.d.address')}
                value={applicant.address}
                error={error('applicant.address')}
                onChange={(e) => setApplicant({ ...applicant, address: e.target.value })}
                autoComplete="off"
              />
            </div>
            <SelectInput
              name="resultDelivery"
              label={t('officer.d.delivery')}
              value={delivery}
              options={(['counter', 'post', 'online'] as const).map((m) => ({
                value: m,
                label: t(`officer.delivery.${m}`),
              }))}
              onChange={(e) => setDelivery(e.target.value as typeof delivery)}
            />
          </section>
          <section aria-labelledby="r-components">
            <h2 id="r-components">3. {t('officer.d.components')}</h2>
            <Checklist
              components={procedure.components}
              received={received}
              onChange={setReceived}
              error={error('components')}
            />
          </section>
          {procedure.eform && (
            <section aria-labelledby="r-eform">
              <h2 id="r-eform">4. {t('officer.d.eform')}</h2>
              <EformInputs
                fields={procedure.eform.fields}
                data={eform}
                error={error}
                onChange={(name, value) => setEform((d) => ({ ...d, [name]: value }))}
              />
            </section>
          )}
          <p className="actions-row">
            <button type="submit" className="button" disabled={busy} aria-busy={busy}>
              {t('officer.r.receive')}
            </button>
            <span className="hint">{t('officer.r.receiveHint')}</span>
          </p>
        </form>
      )}
    </>
  );
}
