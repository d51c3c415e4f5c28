import type { ComponentType } from 'react';
import { deferred } from '../components/deferred.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/*
 * The officer workspace is split from the citizen portal: each screen is its own chunk, fetched only when
 * an officer opens it (issue 9: a citizen's first visit stays small). The officer message catalogue comes
 * with those chunks (officer/i18n.ts); this file, in the portal's chunk, must not import it.
 */
function Loading() {
  const { t } = useI18n();
  return (
    <div className="wrap">
      <p>{t('common.loading')}</p>
    </div>
  );
}

const screen = <P extends object>(load: () => Promise<ComponentType<P>>) => deferred(load, Loading);

type CodeParams = { params: { code: string } };
type IdParams = { params: { id: string } };

export const QueuesScreen = screen(async () => (await import('./queues/queues.tsx')).QueuesPage);
export const DossierScreen = screen<IdParams>(async () => (await import('./dossier/dossier-view.tsx')).DossierPage);
export const ReceptionScreen = screen(async () => (await import('./reception/reception.tsx')).ReceptionPage);

export const AdminHomeScreen = screen(async () => (await import('./admin/admin-home.tsx')).AdminHomePage);
export const AdminProceduresScreen = screen(async () => (await import('./admin/procedures.tsx')).AdminProceduresPage);
export const ProcedureEditorScreen = screen<CodeParams>(
  async () => (await import('./admin/procedure-editor.tsx')).ProcedureEditorPage,
);
export const AdminCalendarScreen = screen(async () => (await import('./admin/calendar.tsx')).AdminCalendarPage);
export const AdminOfficersScreen = screen(async () => (await import('./admin/officers.tsx')).AdminOfficersPage);
export const AdminUnitsScreen = screen(async () => (await import('./admin/units.tsx')).AdminUnitsPage);
export const AdminTemplatesScreen = screen(async () => (await import('./admin/templates.tsx')).AdminTemplatesPage);
export const TemplateEditorScreen = screen<{ params: { name: string } }>(
  async () => (await import('./admin/template-editor.tsx')).TemplateEditorPage,
);
