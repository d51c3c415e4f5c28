import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { holds, validateSubmission } from '../../../shared/eform/validate-submission.ts';
import type { ProcedureVersion } from '../../../shared/schemas/procedure.ts';
import { apiGet, useApi } from '../api.ts';
import { apiSend } from '../api-send.ts';
import { ErrorSummary } from '../components/form.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { LoginNeeded } from '../pages/account.tsx';
import { useSession, type Account } from '../session.tsx';
import { DeliveryStep, type Delivery } from './delivery-step.tsx';
import { DocumentsStep, type ChosenFiles } from './documents-step.tsx';
import { EformFieldInput } from './eform-field.tsx';
import { pageFields, uploadFields } from './paging.ts';
import { ReviewStep } from './review-step.tsx';
import { WhereStep } from './where-step.tsx';

type Values = Record<string, unknown>;
interface Draft {
  data: {
    step: number;
    agencyId: string | null;
    eform: Values;
    resultDelivery: Delivery['method'] | null;
    deliveryAddress: string | null;
  };
}

/** Apply online: one topic per page, progress shown, back without losing input, draft saved to the account. */
export function ApplyPage({ params }: { params: { code: string } }) {
  const { t } = useI18n();
  const { account } = useSession();
  const { result } = useApi<ProcedureVersion>(`/api/procedures/${encodeURIComponent(params.code)}`);
  if (account === undefined || result.state === 'loading')
    return (
      <div className="wrap">
        <p>{t('common.loading')}</p>
      </div>
    );
  if (account === null) return <LoginNeeded />;
  if (result.state === 'error')
    return (
      <div className="wrap">
        <h1>{t('procedure.notFound')}</h1>
      </div>
    );
  if (result.data.onlineLevel < 3)
    return (
      <div className="wrap">
        <h1>{result.data.name}</h1>
        <p className="notice">{t('procedure.level2')}</p>
      </div>
    );
  return <ApplyFlow procedure={result.data} account={account} />;
}

function ApplyFlow({ procedure, account }: { procedure: ProcedureVersion; account: Account }) {
  const { t, lang } = useI18n();
  const pages = useMemo(() => pageFields(procedure.eform), [procedure]);
  const needsWhere = procedure.agencyId === null;
  // Steps: [where] · e-form pages · documents · delivery · review
  const steps = [
    ...(needsWhere ? ['where' as const] : []),
    ...pages.map((_, i) => i),
    'documents' as const,
    'delivery' as const,
    'review' as const,
  ];
  const [step, setStep] = useState(0);
  const [agencyId, setAgencyId] = useState<string | null>(procedure.agencyId);
  const [agencyName, setAgencyName] = useState<string | null>(null);
  const [eform, setEform] = useState<Values>({});
  const [files, setFiles] = useState<ChosenFiles>({});
  const [delivery, setDelivery] = useState<Delivery>({ method: 'counter', address: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const loaded = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // Resume a saved draft once.
  useEffect(() => {
    apiGet<Draft>(`/api/me/drafts/${procedure.code}`, lang).then(
      (d) => {
        setEform(d.data.eform);
        if (d.data.agencyId) setAgencyId(d.data.agencyId);
        if (d.data.resultDelivery)
          setDelivery({ method: d.data.resultDelivery, address: d.data.deliveryAddress ?? '' });
        setStep(Math.min(d.data.step, steps.length - 1));
        loaded.current = true;
      },
      () => {
        loaded.current = true;
      },
    );
    // Only on mount: later changes are ours.
  }, []);
  // Save the draft whenever the person moves between pages.
  useEffect(() => {
    if (!loaded.current) return;
    void apiSend('PUT', `/api/me/drafts/${procedure.code}`, lang, {
      step,
      agencyId: needsWhere ? agencyId : null,
      eform,
      resultDelivery: delivery.method,
      deliveryAddress: delivery.address || null,
    }).catch(() => undefined);
  }, [step]);
  useEffect(() => heading.current?.focus(), [step]);

  const onAgency = useCallback((id: string | null, name: string | null) => {
    setAgencyId(id);
    setAgencyName(name);
  }, []);

  const current = steps[step];
  const fieldsHere = typeof current === 'number' ? (pages[current] ?? []) : [];
  const eformWithUploads = (): Values => {
    const out: Values = { ...eform };
    for (const f of uploadFields(procedure.eform)) {
      const names = (files[f.component] ?? []).map((file) => file.name);
      if (names.length > 0) out[f.name] = names;
      else delete out[f.name];
    }
    return out;
  };

  /** Checks the current page before moving on; returns the errors keyed like the API's fields. */
  const check = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (current === 'where' && !agencyId) found['agencyId'] = t('apply.where.missing');
    if (typeof current === 'number' && procedure.eform) {
      const names = new Set(fieldsHere.map((f) => f.name));
      for (const e of validateSubmission(procedure.eform, eformWithUploads(), { today: todayInHanoi() }).errors) {
        const top = e.field.split('.')[0] ?? '';
        if (names.has(top)) found[`eform.${e.field}`] ??= e.message[lang];
      }
    }
    if (current === 'documents')
      for (const c of procedure.components)
        if (c.required && (files[c.key] ?? []).length === 0)
          found[`files.component.${c.key}`] = `${t('apply.documents.missing')}: ${c.name}`;
    if (current === 'delivery' && delivery.method === 'post' && delivery.address.trim() === '')
      found['deliveryAddress'] = t('apply.delivery.addressMissing');
    return found;
  };

  const next = () => {
    const found = check();
    setErrors(found);
    setMessage(Object.keys(found).length > 0 ? t('apply.fixErrors') : undefined);
    if (Object.keys(found).length === 0) setStep((s) => skipEmpty(s, +1));
  };
  const back = () => {
    setErrors({});
    setMessage(undefined);
    setStep((s) => skipEmpty(s, -1));
  };
  /** The next step in a direction, passing over form pages whose every field is hidden by its rule. */
  const skipEmpty = (from: number, direction: 1 | -1): number => {
    let to = from + direction;
    while (to > 0 && to < steps.length - 1) {
      const s = steps[to];
      if (typeof s !== 'number' || (pages[s] ?? []).some((f) => !f.visibleWhen || holds(f.visibleWhen, eform, eform)))
        break;
      to += direction;
    }
    return Math.min(Math.max(to, 0), steps.length - 1);
  };

  const title =
    current === 'where'
      ? t('apply.step.where')
      : current === 'documents'
        ? t('apply.step.documents')
        : current === 'delivery'
          ? t('apply.step.delivery')
          : current === 'review'
            ? t('apply.step.review')
            : `${t('apply.step.form')} (${(current ?? 0) + 1}/${pages.length})`;

  return (
    <div className="wrap narrow apply">
      <p className="result-meta">{procedure.name}</p>
      <p className="progress-text" aria-live="polite">
        {t('apply.stepOf')
          .replace('{n}', String(step + 1))
          .replace('{total}', String(steps.length))}
      </p>
      <progress max={steps.length} value={step + 1} aria-hidden="true" />
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <ErrorSummary message={message} errors={errors} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          next();
        }}
      >
        {current === 'where' && (
          <WhereStep procedure={procedure} agencyId={agencyId} error={errors['agencyId']} onChange={onAgency} />
        )}
        {typeof current === 'number' &&
          fieldsHere
            .filter((f) => !f.visibleWhen || holds(f.visibleWhen, eform, eform))
            .map((f) => (
              <EformFieldInput
                key={f.name}
                field={f}
                path={f.name}
                value={eform[f.name]}
                errors={errors}
                onChange={(v) => setEform((prev) => ({ ...prev, [f.name]: v }))}
              />
            ))}
        {current === 'documents' && (
          <DocumentsStep procedure={procedure} files={files} errors={errors} onChange={setFiles} />
        )}
        {current === 'delivery' && (
          <DeliveryStep
            onlineLevel={procedure.onlineLevel}
            value={delivery}
            error={errors['deliveryAddress']}
            onChange={setDelivery}
          />
        )}
        {current === 'review' ? (
          <ReviewStep
            procedure={procedure}
            payload={{
              procedureCode: procedure.code,
              agencyId,
              channel: 'online',
              applicant: applicantOf(account),
              eform: eformWithUploads(),
              resultDelivery: delivery.method,
              deliveryAddress: delivery.method === 'post' ? delivery.address : undefined,
              components: [],
            }}
            agencyName={agencyName}
            files={files}
            onEdit={(s) => setStep(s === 'documents' ? steps.indexOf('documents') : 0)}
            onServerErrors={(fieldErrors, text) => {
              setErrors(fieldErrors);
              setMessage(text);
            }}
          />
        ) : (
          <div className="button-row">
            <button type="submit" className="button">
              {t('apply.continue')}
            </button>
          </div>
        )}
      </form>
      {step > 0 && (
        <p>
          <button type="button" className="link-button back-link" onClick={back}>
            {t('apply.back')}
          </button>
        </p>
      )}
      <p>
        <Link href={`/thu-tuc/${procedure.code}`}>{t('apply.aboutProcedure')}</Link>
      </p>
    </div>
  );
}

function todayInHanoi(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

/** The applicant as the dossier records them, from the account (the national-ID check digits come from here). */
function applicantOf(account: Account) {
  return {
    name: account.fullName,
    ...(account.nationalId ? { idNumber: account.nationalId } : {}),
    ...(account.phone ? { phone: account.phone.replace(/^\+84/, '0') } : {}),
    ...(account.email ? { email: account.email } : {}),
  };
}
