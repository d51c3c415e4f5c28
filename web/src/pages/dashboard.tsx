import { useState } from 'react';
import type { AreaPerformance, PublicDashboard } from '../../../shared/schemas/reports.ts';
import { useApi } from '../api.ts';
import { TableScroll } from '../components/form.tsx';
import { LoadError } from '../components/layout.tsx';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n/i18n.tsx';

const pct = (v: number | null) =>
  v === null ? '—' : `${(v * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;
const num = (v: number) => v.toLocaleString('vi-VN');

/**
 * The public dashboard (no login): services online, dossiers this month and year, on-time rate and
 * online share by district and commune, and how fast each procedure is against the law. Every chart has
 * its numbers in a table beside it for screen readers and small screens.
 */
export function DashboardPage() {
  const { t } = useI18n();
  const { result, reload } = useApi<PublicDashboard>('/api/public/dashboard');
  if (result.state === 'loading')
    return (
      <div className="wrap">
        <p>{t('common.loading')}</p>
      </div>
    );
  if (result.state === 'error')
    return (
      <div className="wrap">
        <LoadError onRetry={reload} />
      </div>
    );
  const d = result.data;
  return (
    <div className="wrap dashboard">
      <h1>{t('dash.title')}</h1>
      <p className="lead">
        {t('dash.lead')} {formatDate(d.generatedAt)}.
      </p>
      <dl className="stats">
        <Stat label={t('dash.services')} value={num(d.services.total)} />
        <Stat label={t('catalogue.level.4').split(' — ')[0] ?? ''} value={num(d.services.byOnlineLevel['4'] ?? 0)} />
        <Stat label={t('catalogue.level.3').split(' — ')[0] ?? ''} value={num(d.services.byOnlineLevel['3'] ?? 0)} />
        <Stat label={t('dash.receivedMonth')} value={num(d.month.received)} />
        <Stat label={t('dash.resolvedYear')} value={num(d.year.resolved)} />
        <Stat label={t('dash.onTimeYear')} value={pct(d.year.onTimeRate)} />
      </dl>
      <Areas title={t('dash.districts')} rows={d.districts} id="districts" />
      <CommuneTable districts={d.districts} communes={d.communes} />
      <section aria-labelledby="speed">
        <h2 id="speed">{t('dash.speed')}</h2>
        <p>{t('dash.speedLead')}</p>
        <TableScroll label={t('dash.speed')}>
          <table>
            <caption className="visually-hidden">{t('dash.speed')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dash.procedure')}</th>
                <th scope="col">{t('dash.resolved')}</th>
                <th scope="col">{t('dash.average')}</th>
                <th scope="col">{t('dash.law')}</th>
                <th scope="col">{t('dash.faster')}</th>
              </tr>
            </thead>
            <tbody>
              {d.speed.map((r) => (
                <tr key={`${r.procedureCode}/${r.unitCode ?? ''}`}>
                  <th scope="row">
                    {r.procedureName}
                    {r.unitName ? ` — ${r.unitName}` : ''}
                  </th>
                  <td>{num(r.resolved)}</td>
                  <td>{r.averageDays.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}</td>
                  <td>{r.statutoryDays.toLocaleString('vi-VN')}</td>
                  <td>{r.fasterPercent.toLocaleString('vi-VN', { maximumFractionDigits: 0 })} %</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** A bar per area (on-time rate), then the same numbers as a table. */
function Areas({ title, rows, id }: { title: string; rows: AreaPerformance[]; id: string }) {
  const { t } = useI18n();
  const sorted = [...rows].sort((a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1));
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <figure className="bars" aria-hidden="true">
        {sorted.map((r) => (
          <div key={r.code} className="bar-row">
            <span className="bar-label">{r.name}</span>
            <span className="bar-track">
              <span className="bar" style={{ width: `${Math.round((r.onTimeRate ?? 0) * 100)}%` }} />
            </span>
            <span className="bar-value">{pct(r.onTimeRate)}</span>
          </div>
        ))}
      </figure>
      <AreaTable rows={sorted} caption={title} />
      <p className="hint">{t('dash.onTimeNote')}</p>
    </section>
  );
}

function AreaTable({ rows, caption }: { rows: AreaPerformance[]; caption: string }) {
  const { t } = useI18n();
  return (
    <TableScroll label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dash.area')}</th>
            <th scope="col">{t('dash.received')}</th>
            <th scope="col">{t('dash.resolved')}</th>
            <th scope="col">{t('dash.onTime')}</th>
            <th scope="col">{t('dash.online')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <th scope="row">{r.name}</th>
              <td>{num(r.received)}</td>
              <td>{num(r.resolved)}</td>
              <td>{pct(r.onTimeRate)}</td>
              <td>{pct(r.onlineShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function CommuneTable({ districts, communes }: { districts: AreaPerformance[]; communes: AreaPerformance[] }) {
  const { t } = useI18n();
  const [district, setDistrict] = useState(districts[0]?.code ?? '');
  const rows = communes.filter((c) => c.parentCode === district);
  return (
    <section aria-labelledby="communes">
      <h2 id="communes">{t('dash.communes')}</h2>
      <div className="field">
        <label htmlFor="dash-district">{t('directory.district')}</label>
        <select id="dash-district" value={district} onChange={(e) => setDistrict(e.target.value)}>
          {districts.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <AreaTable rows={rows} caption={t('dash.communes')} />
    </section>
  );
}
