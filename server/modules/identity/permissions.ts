import type { AccountKind, OfficerRole } from './tables.ts';

/**
 * The permission catalogue, as data (STYLE.md "permissions are data, declared at the route").
 *
 * Each permission lists which roles hold it and how far: `subtree` = the units/agencies the role is
 * assigned for and everything below them; `own` = only the actor's own records (citizens, businesses,
 * one's own profile); `global` = everything, wherever the role is assigned. Citizens and businesses are
 * account kinds, listed here like roles so one table answers every question.
 *
 * A module adds its permissions here (one entry each, named `<module>.<verb>`) and declares them on its
 * routes with `config: { permission: '<module>.<verb>' }`. The permission-matrix test reads this table.
 */
export const OFFICER_ROLES = [
  'receptionist',
  'specialist',
  'division_head',
  'leader',
  'unit_admin',
  'city_admin',
  'inspector',
] as const satisfies readonly OfficerRole[];

export type Role = OfficerRole | Exclude<AccountKind, 'officer'>;
export const ALL_ROLES: readonly Role[] = [...OFFICER_ROLES, 'citizen', 'business'];

export type ScopeKind = 'subtree' | 'own' | 'global';

export interface PermissionPolicy {
  description: string;
  grants: Partial<Record<Role, ScopeKind>>;
}

const everyoneOwn: Partial<Record<Role, ScopeKind>> = Object.fromEntries(ALL_ROLES.map((r) => [r, 'own']));
const officersSubtree = (...roles: OfficerRole[]): Partial<Record<Role, ScopeKind>> =>
  Object.fromEntries(roles.map((r) => [r, 'subtree']));

export const PERMISSIONS = {
  // identity
  'identity.self': { description: 'Read and update one’s own account, sessions and profile', grants: everyoneOwn },
  'identity.officers.read': {
    description: 'List officer accounts and role assignments in one’s units',
    grants: officersSubtree('unit_admin', 'city_admin', 'inspector'),
  },
  'identity.officers.manage': {
    description: 'Create officer accounts and assign roles within one’s units',
    grants: officersSubtree('unit_admin', 'city_admin'),
  },
  'identity.tokens.manage': {
    description: 'Create and revoke API tokens for integrations (own tokens)',
    grants: { unit_admin: 'own', city_admin: 'own' },
  },
  // audit — Law 25/2018 on Denunciations / inspection: the inspector reads everything, changes nothing.
  'audit.search': { description: 'Search the audit trail', grants: { inspector: 'global' } },

  // Provisional entries for the modules built in parallel (issues 4–10): their owners adjust their own lines.
  // Counter reception (a receptionist submits for a walk-in applicant) shares the submission endpoint.
  'dossier.submit': {
    description: 'Submit a dossier online, or receive one at the counter for a walk-in applicant',
    grants: { citizen: 'own', business: 'own', receptionist: 'subtree' },
  },
  'dossier.read': {
    description: 'Read dossiers (personal data: every read is audited)',
    grants: {
      citizen: 'own',
      business: 'own',
      ...officersSubtree('receptionist', 'specialist', 'division_head', 'leader', 'unit_admin', 'inspector'),
    },
  },
  'dossier.receive': {
    description: 'Receive, accept, refuse dossiers and return results at the one-stop desk',
    grants: officersSubtree('receptionist'),
  },
  'dossier.process': {
    description: 'Work a processing step: assign, complete, send back, transfer',
    grants: officersSubtree('specialist', 'division_head'),
  },
  'dossier.approve': { description: 'Approve and sign results', grants: officersSubtree('leader') },
  'notifications.read': { description: 'Read one’s own in-app notifications', grants: everyoneOwn },
  // The templates are the city's, like the catalogue: one wording for every unit.
  'notifications.templates.manage': {
    description: 'Reword notification templates (subject, body, SMS) per language, preview and reset them',
    grants: { city_admin: 'global' },
  },
  'jobs.manage': {
    description: 'See failed background jobs (dead letters) and retry them',
    grants: { city_admin: 'global' },
  },
  'catalogue.manage': { description: 'Edit procedures and their versions', grants: officersSubtree('city_admin') },
  'calendar.manage': { description: 'Edit the holiday table', grants: officersSubtree('city_admin') },
  // An agency's names and contact details are kept by the administrators of its units.
  'units.agencies.manage': {
    description: 'Rename an agency and keep its contact details (address, phone, e-mail, opening hours)',
    grants: officersSubtree('unit_admin', 'city_admin'),
  },
  'reports.read': {
    description: 'Read timeliness reports and statistics',
    grants: officersSubtree('leader', 'unit_admin', 'city_admin', 'inspector'),
  },
  // payments (issue 8): fees are collected at the one-stop desk; reconciliation is the unit's and the city's.
  'payments.read': {
    description: 'Read payments, their credits, refunds and e-receipts',
    grants: officersSubtree(
      'receptionist',
      'specialist',
      'division_head',
      'leader',
      'unit_admin',
      'city_admin',
      'inspector',
    ),
  },
  'payments.refund': { description: 'Refund a payment', grants: officersSubtree('receptionist', 'unit_admin') },
  'payments.reconcile': {
    description: 'Upload gateway statements and read reconciliation reports',
    grants: officersSubtree('unit_admin', 'city_admin'),
  },
} satisfies Record<string, PermissionPolicy>;

export type PermissionName = keyof typeof PERMISSIONS;

export function findPolicy(permission: string): PermissionPolicy | undefined {
  return Object.hasOwn(PERMISSIONS, permission) ? PERMISSIONS[permission as PermissionName] : undefined;
}

export function isKnownPermission(permission: string): boolean {
  return permission === 'public' || findPolicy(permission) !== undefined;
}
