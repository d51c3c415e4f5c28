import { Link } from 'wouter';
import type { TemplateList } from '../../../../shared/schemas/notification-templates.ts';
import { useApi } from '../../api.ts';
import { LoadError } from '../../components/layout.tsx';
import { formatDateTime } from '../../format.ts';
import { useOfficerI18n, type OfficerKey } from '../i18n.ts';
import { OfficerShell } from '../shell.tsx';

/** A template's name for people (officer.tpl.n.*), or its key for one the catalogue does not name yet. */
export function useTemplateLabel(): (name: string) => string {
  const { t } = useOfficerI18n();
  return (name) => t(`officer.tpl.n.${name}` as OfficerKey) ?? name;
}

/** Every notification the product sends, and whether an administrator reworded it in each language. */
export function AdminTemplatesPage() {
  const { t } = useOfficerI18n();
  const label = useTemplateLabel();
  const { result, reload } = useApi<TemplateList>('/api/notification-templates');
  const state = (overridden: boolean) => t(overridden ? 'officer.tpl.custom' : 'officer.tpl.default');
  return (
    <OfficerShell title={t('officer.admin.templates')} lead={t('officer.tpl.lead')}>
      {() => (
        <>
          {result.state === 'loading' && <p>{t('common.loading')}</p>}
          {result.state === 'error' && <LoadError onRetry={reload} />}
          {result.state === 'ready' && (
            <div className="table-scroll">
              <table className="dense">
                <caption>{t('officer.tpl.list')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('officer.tpl.name')}</th>
                    <th scope="col">{t('officer.tpl.audience')}</th>
                    <th scope="col">{t('officer.tpl.vi')}</th>
                    <th scope="col">{t('officer.tpl.en')}</th>
                    <th scope="col">{t('officer.tpl.updated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.data.items.map((item) => (
                    <tr key={item.name}>
                      <td>
                        <Link href={`/can-bo/quan-tri/thong-bao/${item.name}`}>{label(item.name)}</Link>
                        <br />
                        <span className="result-meta">{item.subject}</span>
                      </td>
                      <td>{t(`officer.tpl.aud.${item.audience}`)}</td>
                      <td>{state(item.overridden.vi)}</td>
                      <td>{state(item.overridden.en)}</td>
                      <td>{item.updatedAt ? formatDateTime(item.updatedAt) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </OfficerShell>
  );
}
