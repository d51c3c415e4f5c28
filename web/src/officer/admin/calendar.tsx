import { useState } from 'react';
import { useApi } from '../../api.ts';
import { apiSend, fieldErrors } from '../../api-send.ts';
import { ErrorSummary, TextInput } from '../../components/form.tsx';
import { LoadError } from '../../components/layout.tsx';
import { formatDate } from '../../format.ts';
import { useOfficerI18n } from '../i18n.ts';
import { SelectInput } from '../fields.tsx';
import { Done, OfficerShell } from '../shell.tsx';
import { errorText, hasRole } from '../util.ts';
import { todayInHanoi } from './validate-version.ts';

interface YearCalendar {
  year: number;
  provisional: boolean;
  source: string;
  workingDays: string[];
  daysOff: Array<{ date: string; name: string }>;
  makeupDays: Array<{ date: string; name: string }>;
}
interface DayRow {
  date: string;
  kind: 'off' | 'workday';
  name: string;
}

/**
 * The yearly table of public holidays and make-up working days (Labour Code 2019 Art. 112 and the
 * Government's yearly notice). Deadlines already promised keep their dates; new ones use the edit.
 */
export function AdminCalendarPage() {
  const { t } = useOfficerI18n();
  const thisYear = Number(todayInHanoi().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const { result, reload } = useApi<YearCalendar>(`/api/calendar/${year}`);
  // Kept here: the table below is rebuilt from the saved year, and the confirmation must outlive it.
  const [done, setDone] = useState<string | undefined>();
  return (
    <OfficerShell title={t('officer.admin.calendar')} lead={t('officer.cal.lead')}>
      {(account) => (
        <>
          <SelectInput
            name="year"
            label={t('officer.cal.year')}
            value={String(year)}
            options={[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => ({
              value: String(y),
              label: String(y),
            }))}
            onChange={(e) => {
              setDone(undefined);
              setYear(Number(e.target.value));
            }}
          />
          {done && <Done>{done}</Done>}
          {result.state === 'loading' && <p>{t('common.loading')}</p>}
          {result.state === 'error' && <LoadError onRetry={reload} />}
          {result.state === 'ready' && (
            <YearTable
              key={`${year}-${result.data.source}-${result.data.daysOff.length}`}
              data={result.data}
              canEdit={hasRole(account, 'city_admin')}
              onSaved={(message) => {
                setDone(message);
                reload();
              }}
            />
          )}
        </>
      )}
    </OfficerShell>
  );
}

function YearTable(props: { data: YearCalendar; canEdit: boolean; onSaved: (message: string) => void }) {
  const { data, canEdit, onSaved } = props;
  const { t, lang } = useOfficerI18n();
  const initial: DayRow[] = [
    ...data.daysOff.map((d) => ({ ...d, kind: 'off' as const })),
    ...data.makeupDays.map((d) => ({ ...d, kind: 'workday' as const })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const [rows, setRows] = useState<DayRow[]>(initial);
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const update = (i: number, change: Partial<DayRow>) =>
    setRows((list) => list.map((r, j) => (j === i ? { ...r, ...change } : r)));
  // As one types: a date must be in this year, a name is needed.
  const live: Record<string, string> = {};
  rows.forEach((r, i) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.date) || !r.date.startsWith(`${data.year}-`))
      live[`days.${i}.date`] = `${t('officer.cal.dateInYear')} ${data.year}`;
    if (r.name.trim() === '') live[`days.${i}.name`] = t('officer.cal.nameNeeded');
  });
  const shown = { ...live, ...errors };

  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (Object.keys(live).length > 0) {
      setSummary(t('officer.check.fix'));
      return;
    }
    setBusy(true);
    try {
      await apiSend('PUT', `/api/calendar/${data.year}/days`, lang, {
        status: 'official',
        provisional: false,
        sources: source.trim() ? [source.trim()] : [],
        days: rows.map((r) => ({ ...r, name: r.name.trim() })),
      });
      setErrors({});
      setSummary(undefined);
      onSaved(`${t('officer.cal.saved')} ${data.year}. ${t('officer.cal.savedNote')}`);
    } catch (error) {
      setErrors(fieldErrors(error));
      setSummary(errorText(error, t('common.error')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <p>
        {data.provisional ? t('officer.cal.provisional') : t('officer.cal.official')} · {t('officer.cal.workingDays')}:{' '}
        <strong>{data.workingDays.length}</strong>
      </p>
      <ErrorSummary message={summary} errors={shown} />
      <div className="table-scroll">
        <table className="dense">
          <caption>
            {t('officer.cal.table')} {data.year}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('officer.cal.date')}</th>
              <th scope="col">{t('officer.cal.kind')}</th>
              <th scope="col">{t('officer.cal.name')}</th>
              {canEdit && (
                <th scope="col">
                  <span className="visually-hidden">{t('officer.builder.remove')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {canEdit ? (
                  <>
                    <td>
                      <TextInput
                        name={`days.${i}.date`}
                        label={`${t('officer.cal.date')} ${i + 1}`}
                        type="date"
                        value={r.date}
                        error={shown[`days.${i}.date`]}
                        onChange={(e) => update(i, { date: e.target.value })}
                      />
                    </td>
                    <td>
                      <SelectInput
                        name={`days.${i}.kind`}
                        label={`${t('officer.cal.kind')} ${i + 1}`}
                        value={r.kind}
                        options={[
                          { value: 'off', label: t('officer.cal.off') },
                          { value: 'workday', label: t('officer.cal.workday') },
                        ]}
                        onChange={(e) => update(i, { kind: e.target.value as DayRow['kind'] })}
                      />
                    </td>
                    <td>
                      <TextInput
                        name={`days.${i}.name`}
                        label={`${t('officer.cal.name')} ${i + 1}`}
                        value={r.name}
                        error={shown[`days.${i}.name`]}
                        onChange={(e) => update(i, { name: e.target.value })}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="link-inline"
                        onClick={() => setRows((list) => list.filter((_, j) => j !== i))}
                      >
                        {t('officer.builder.remove')} <span className="visually-hidden">{r.date}</span>
                      </button>
                    </td>
                  </>
                ) : (
                  <>
                    <td>{formatDate(r.date)}</td>
                    <td>{t(r.kind === 'off' ? 'officer.cal.off' : 'officer.cal.workday')}</td>
                    <td>{r.name}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canEdit && (
        <>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setRows((list) => [...list, { date: `${data.year}-01-01`, kind: 'off', name: '' }])}
          >
            {t('officer.cal.addDay')}
          </button>
          <TextInput
            name="source"
            label={t('officer.cal.source')}
            hint={t('officer.cal.sourceHint')}
            value={source}
            onChange={(e) => setSource(e.target.value)}
          />
          <button type="submit" className="button" disabled={busy} aria-busy={busy}>
            {t('officer.cal.save')}
          </button>
        </>
      )}
    </form>
  );
}
