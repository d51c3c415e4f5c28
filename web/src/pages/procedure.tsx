import { Link } from 'wouter';
import type { ProcedureVersion } from '../../../shared/schemas/procedure.ts';
import type { Agency } from '../../../shared/schemas/units.ts';
import { ApiError, useApi } from '../api.ts';
import { TableScroll } from '../components/form.tsx';
import { LoadError } from '../components/layout.tsx';
import { formatMoney } from '../format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/vi.ts';
import { LevelBadge } from './catalogue.tsx';

/** Everything DOMAIN §2 lists about a procedure, in plain words, with the way to apply. */
export function ProcedurePage({ params }: { params: { code: string } }) {
  const { t } = useI18n();
  const { result, reload } = useApi<ProcedureVersion>(`/api/procedures/${encodeURIComponent(params.code)}`);
  if (result.state === 'loading')
    return (
      <div className="wrap">
        <p>{t('common.loading')}</p>
      </div>
    );
  if (result.state === 'error') {
    const missing = result.error instanceof ApiError && (result.error.status === 404 || result.error.status === 400);
    return (
      <div className="wrap">
        {missing ? <h1>{t('procedure.notFound')}</h1> : <LoadError onRetry={reload} />}
        <p>
          <Link href="/thu-tuc">{t('catalogue.title')}</Link>
        </p>
      </div>
    );
  }
  const p = result.data;
  return (
    <div className="wrap procedure">
      <p className="result-meta">
        <LevelBadge level={p.onlineLevel} /> · {t('catalogue.sector')}: {p.sector} · {t('catalogue.code')}{' '}
        <code>{p.code}</code>
      </p>
      <h1>{p.name}</h1>
      <ApplyBox procedure={p} />
      <section aria-labelledby="who">
        <h2 id="who">{t('procedure.who')}</h2>
        <ul>
          {p.applicantTypes.map((a) => (
            <li key={a}>{t(`procedure.applicant.${a}` as MessageKey)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="bring">
        <h2 id="bring">{t('procedure.bring')}</h2>
        <TableScroll label={t('procedure.bring')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('procedure.component')}</th>
                <th scope="col">{t('procedure.originals')}</th>
                <th scope="col">{t('procedure.certified')}</th>
                <th scope="col">{t('procedure.photocopies')}</th>
              </tr>
            </thead>
            <tbody>
              {p.components.map((c) => (
                <tr key={c.key}>
                  <td>
                    {c.name}
                    {!c.required && <em> ({t('procedure.optional')})</em>}
                    {c.templates.length > 0 && (
                      <ul className="templates">
                        {c.templates.map((tpl) => (
                          <li key={tpl.url}>
                            <a href={tpl.url} download>
                              {tpl.name}
                            </a>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>{c.originals}</td>
                  <td>{c.certifiedCopies}</td>
                  <td>{c.photocopies}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section aria-labelledby="time">
        <h2 id="time">{t('procedure.timeAndFees')}</h2>
        <p>
          {t('catalogue.time')}:{' '}
          <strong>
            {p.timeLimit.value} {t(`unit.${p.timeLimit.unit}` as MessageKey)}
          </strong>
          {p.cutoff15 && <> — {t('procedure.cutoff15')}</>}
        </p>
        {p.channels.length > 0 && (
          <TableScroll label={t('procedure.timeAndFees')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('procedure.channel')}</th>
                  <th scope="col">{t('catalogue.time')}</th>
                  <th scope="col">{t('catalogue.fee')}</th>
                </tr>
              </thead>
              <tbody>
                {p.channels.map((c) => (
                  <tr key={c.channel}>
                    <td>{t(`procedure.channel.${c.channel}` as MessageKey)}</td>
                    <td>
                      {c.time ? `${c.time.value} ${t(`unit.${c.time.unit}` as MessageKey)}` : (c.timeNote ?? '—')}
                    </td>
                    <td>
                      {c.fees.length === 0
                        ? t('procedure.free')
                        : c.fees.map((f, i) => (
                            <div key={i}>
                              {f.amountVnd === null
                                ? t('procedure.feeByCouncil')
                                : f.amountVnd === 0
                                  ? t('procedure.free')
                                  : formatMoney(f.amountVnd)}
                              {f.label && <small> — {f.label}</small>}
                            </div>
                          ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      {p.agencyId && <Where agencyId={p.agencyId} />}
      {p.steps && <TextSection id="steps" title={t('procedure.steps')} text={p.steps} />}
      {p.resultType && <TextSection id="result" title={t('procedure.result')} text={p.resultType} />}
      {p.legalBasis && <TextSection id="legal" title={t('procedure.legal')} text={p.legalBasis} />}
    </div>
  );
}

function ApplyBox({ procedure: p }: { procedure: ProcedureVersion }) {
  const { t } = useI18n();
  if (p.onlineLevel < 3) return <p className="notice">{t('procedure.level2')}</p>;
  return (
    <div className="notice apply-box">
      <p>{t(p.onlineLevel === 4 ? 'procedure.level4' : 'procedure.level3')}</p>
      <Link href={`/nop-ho-so/${p.code}`} className="button">
        {t('procedure.apply')}
      </Link>
    </div>
  );
}

function Where({ agencyId }: { agencyId: string }) {
  const { t } = useI18n();
  const { result } = useApi<Agency>(`/api/agencies/${encodeURIComponent(agencyId)}`);
  return (
    <section aria-labelledby="where">
      <h2 id="where">{t('procedure.where')}</h2>
      <p>{result.state === 'ready' ? result.data.name : agencyId}</p>
    </section>
  );
}

function TextSection({ id, title, text }: { id: string; title: string; text: string }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {text.split(/\n+/).map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </section>
  );
}
