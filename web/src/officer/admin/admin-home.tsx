import { Link } from 'wouter';
import { useOfficerI18n } from '../i18n.ts';
import type { OfficerKey } from '../i18n.ts';
import { OfficerShell } from '../shell.tsx';
import { hasRole, type OfficerRoleName } from '../util.ts';

const TOOLS: Array<{ href: string; title: OfficerKey; body: OfficerKey; roles: OfficerRoleName[] }> = [
  {
    href: '/can-bo/quan-tri/thu-tuc',
    title: 'officer.admin.procedures',
    body: 'officer.admin.proceduresBody',
    roles: ['city_admin'],
  },
  {
    href: '/can-bo/quan-tri/lich',
    title: 'officer.admin.calendar',
    body: 'officer.admin.calendarBody',
    roles: ['city_admin'],
  },
  {
    href: '/can-bo/quan-tri/thong-bao',
    title: 'officer.admin.templates',
    body: 'officer.admin.templatesBody',
    roles: ['city_admin'],
  },
  {
    href: '/can-bo/quan-tri/can-bo',
    title: 'officer.admin.officers',
    body: 'officer.admin.officersBody',
    roles: ['unit_admin', 'city_admin', 'inspector'],
  },
  {
    href: '/can-bo/quan-tri/don-vi',
    title: 'officer.admin.units',
    body: 'officer.admin.unitsBody',
    roles: ['unit_admin', 'city_admin', 'inspector'],
  },
];

/** Administration: only the tools the officer's roles may use (catalogue.manage, calendar.manage, notifications.templates.manage, …). */
export function AdminHomePage() {
  const { t } = useOfficerI18n();
  return (
    <OfficerShell title={t('officer.admin.title')}>
      {(account) => (
        <ul className="card-grid">
          {TOOLS.filter((tool) => hasRole(account, ...tool.roles)).map((tool) => (
            <li key={tool.href} className="card">
              <h2 className="card-title">
                <Link href={tool.href}>{t(tool.title)}</Link>
              </h2>
              <p>{t(tool.body)}</p>
            </li>
          ))}
        </ul>
      )}
    </OfficerShell>
  );
}
