import { useRef, useState } from 'react';
import { ApiError } from '../../api.ts';
import { useOfficerI18n } from '../i18n.ts';
import { Done } from '../shell.tsx';
import { errorText, sendBody } from '../util.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ImportReport {
  applied: boolean;
  created: number;
  updated: number;
  published: number;
  unchanged: number;
}
interface Problem {
  sheet?: string;
  row?: number;
  column?: string;
  message: string;
}

/**
 * Excel import, all or nothing (server/modules/catalogue/excel-import.ts): on failure the report lists
 * every problem by sheet, row and column so the clerk can fix the cells and import again.
 */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const { t, lang } = useOfficerI18n();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<{ message: string; problems: Problem[] } | null>(null);

  async function upload(e: React.FormEvent) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setFailure({ message: t('officer.import.chooseFile'), problems: [] });
      return;
    }
    setBusy(true);
    setReport(null);
    setFailure(null);
    try {
      setReport(await sendBody<ImportReport>('/api/catalogue/import', lang, file, XLSX_TYPE));
      onImported();
    } catch (error) {
      const problems = error instanceof ApiError ? ((error.body?.error.details ?? []) as Problem[]) : [];
      setFailure({ message: errorText(error, t('common.error')), problems: problems.filter((p) => p.sheet) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="import-title">
      <h2 id="import-title">{t('officer.import.title')}</h2>
      <p className="hint">{t('officer.import.hint')}</p>
      <form onSubmit={(e) => void upload(e)}>
        <div className="field">
          <label htmlFor="f-workbook">{t('officer.import.file')}</label>
          <input id="f-workbook" ref={input} type="file" accept=".xlsx" name="workbook" />
        </div>
        <button type="submit" className="button" disabled={busy} aria-busy={busy}>
          {t('officer.import.submit')}
        </button>
      </form>
      {report && (
        <Done>
          <p>
            <strong>{t('officer.import.applied')}</strong> {t('officer.import.created')}: {report.created} ·{' '}
            {t('officer.import.updated')}: {report.updated} · {t('officer.import.published')}: {report.published} ·{' '}
            {t('officer.import.unchanged')}: {report.unchanged}
          </p>
        </Done>
      )}
      {failure && (
        <div className="error-summary" role="alert" aria-labelledby="import-report-title">
          <h3 id="import-report-title">{t('officer.import.reportTitle')}</h3>
          <p>{failure.message}</p>
          {failure.problems.length > 0 && (
            <div className="table-scroll">
              <table className="dense">
                <caption className="visually-hidden">{t('officer.import.reportTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('officer.import.sheet')}</th>
                    <th scope="col">{t('officer.import.row')}</th>
                    <th scope="col">{t('officer.import.column')}</th>
                    <th scope="col">{t('officer.import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {failure.problems.map((p, i) => (
                    <tr key={i}>
                      <td>{p.sheet}</td>
                      <td>{p.row || '—'}</td>
                      <td>{p.column || '—'}</td>
                      <td>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
