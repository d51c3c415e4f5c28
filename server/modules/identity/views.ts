import type { AccountRow, RoleRow } from './repository.ts';
import type { AccountView } from './schemas.ts';

export function toAccountView(row: AccountRow, roles: RoleRow[]): AccountView {
  return {
    id: row.id,
    kind: row.kind,
    fullName: row.full_name,
    phone: row.phone,
    email: row.email,
    phoneVerified: row.phone_verified_at !== null,
    emailVerified: row.email_verified_at !== null,
    nationalId: row.national_id,
    isNationalIdVerified: row.is_national_id_verified,
    dateOfBirth: row.date_of_birth,
    addressUnitId: row.address_unit_id,
    addressLine: row.address_line,
    taxCode: row.tax_code,
    representatives: row.representatives ?? null,
    isDisabled: row.is_disabled,
    roles: roles
      .filter((r) => r.account_id === row.id)
      .map((r) => ({
        id: r.id,
        role: r.role,
        unit: r.unit_id !== null ? { id: r.unit_id, code: r.unit_code ?? '', name: r.unit_name ?? '' } : null,
        agency: r.agency_id !== null ? { id: r.agency_id, name: r.agency_name ?? '' } : null,
      })),
  };
}

/** What the audit trail keeps of an account: no password hash, ever. */
export function auditableAccount(row: AccountRow): Record<string, unknown> {
  const { password_hash: _hash, ...rest } = row;
  return rest;
}
