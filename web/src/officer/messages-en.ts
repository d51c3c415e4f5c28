import type { officerVi } from './messages-vi.ts';

/** English messages of the officer workspace: every key of messages-vi.ts. */
export const officerEn: Record<keyof typeof officerVi, string> = {
  'officer.nav.queues': 'Dossiers',
};
