import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useOfficerI18n } from './i18n.ts';
import type { OfficerKey } from './i18n.ts';
import { LoginNeeded } from '../pages/account.tsx';
import { useSession, type Account } from '../session.tsx';
import { hasRole, type OfficerRoleName } from './util.ts';

const DOSSIER_ROLES: OfficerRoleName[] = ['receptionist', 'specialist', 'division_head', 'leader', 'inspector'];
const ADMIN_ROLES: OfficerRoleName[] = ['unit_admin', 'city_admin', 'inspector'];

const SECTIONS: Array<{ href: string; key: OfficerKey; roles: OfficerRoleName[] }> = [
  { href: '/can-bo', key: 'officer.nav.queues', roles: DOSSIER_ROLES },
  { href: '/can-bo/tiep-nhan', key: 'officer.nav.reception', roles: ['receptionist'] },
  { href: '/can-bo/quan-tri', key: 'officer.nav.admin', roles: ADMIN_ROLES },
];

/**
 * The frame of every officer screen: only officers get in; the section links shown are those the
 * officer's roles allow (the API refuses the rest anyway, but nothing is offered that would be refused).
 */
export function OfficerShell(props: { title: string; lead?: ReactNode; children: (account: Account) => ReactNode }) {
  const { t } = useOfficerI18n();
  const { account } = useSession();
  const [location] = useLocation();
  if (account === undefined)
    return (
      <div className="wrap">
        <p>{t('common.loading')}</p>
      </div>
    );
  if (account === null || account.kind !== 'officer') return <LoginNeeded />;
  const sections = SECTIONS.filter((s) => hasRole(account, ...s.roles));
  return (
    <div className="wrap officer-wrap">
      {sections.length > 1 && (
        <nav aria-label={t('officer.nav.label')} className="officer-nav">
          <ul>
            {sections.map((s) => {
              const current = s.href === '/can-bo' ? location === s.href : location.startsWith(s.href);
              return (
                <li key={s.href}>
                  <Link href={s.href} aria-current={current ? 'page' : undefined}>
                    {t(s.key)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
      <h1>{props.title}</h1>
      {props.lead && <p className="lead">{props.lead}</p>}
      {props.children(account)}
    </div>
  );
}

export function isAdmin(account: Account): boolean {
  return hasRole(account, ...ADMIN_ROLES);
}
export function worksDossiers(account: Account): boolean {
  return hasRole(account, ...DOSSIER_ROLES);
}

/** A polite status line (role=status) for "what happened" after an action. */
export function Done({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice-ok" role="status">
      {children}
    </div>
  );
}
