/** Vietnamese messages of the officer workspace (merged into the app catalogue in i18n/vi.ts). */
export const officerVi = {
  'officer.nav.queues': 'Hồ sơ',
} as const;
