import { lazy, Suspense, type ComponentType } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * The officer workspace is split from the citizen portal: each screen is its own chunk, fetched only when
 * an officer opens it (issue 9: a citizen's first visit stays small).
 */
function Loading() {
  const { t } = useI18n();
  return (
    <div className="wrap">
      <p>{t('common.loading')}</p>
    </div>
  );
}

function deferred<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function Deferred(props: P) {
    return (
      <Suspense fallback={<Loading />}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

type CodeParams = { params: { code: string } };
type IdParams = { params: { id: string } };

export const QueuesScreen = deferred(async () => (await import('./queues/queues.tsx')).QueuesPage);
export const DossierScreen = deferred<IdParams>(async () => (await import('./dossier/dossier-view.tsx')).DossierPage);
export const ReceptionScreen = deferred(async () => (await import('./reception/reception.tsx')).ReceptionPage);

export const AdminHomeScreen = deferred(async () => (await import('./admin/admin-home.tsx')).AdminHomePage);
export const AdminProceduresScreen = deferred(async () => (await import('./admin/procedures.tsx')).AdminProceduresPage);
export const ProcedureEditorScreen = deferred<CodeParams>(
  async () => (await import('./admin/procedure-editor.tsx')).ProcedureEditorPage,
);
export const AdminCalendarScreen = deferred(async () => (await import('./admin/calendar.tsx')).AdminCalendarPage);
export const AdminOfficersScreen = deferred(async () => (await import('./admin/officers.tsx')).AdminOfficersPage);
export const AdminUnitsScreen = deferred(async () => (await import('./admin/units.tsx')).AdminUnitsPage);
