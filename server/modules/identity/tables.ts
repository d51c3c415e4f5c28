import type { ColumnType, Generated } from 'kysely';

/** Kysely row types for the identity module (migrations/0010_identity.sql). */
export type AccountKind = 'citizen' | 'business' | 'officer';
export type OfficerRole =
  'receptionist' | 'specialist' | 'division_head' | 'leader' | 'unit_admin' | 'city_admin' | 'inspector';

type Json<T> = ColumnType<T, string, string>;

export interface Representative {
  fullName: string;
  nationalId?: string | undefined;
  position?: string | undefined;
  phone?: string | undefined;
}

export interface AccountsTable {
  id: string;
  kind: AccountKind;
  phone: string | null;
  email: string | null;
  password_hash: string | null;
  full_name: string;
  national_id: string | null;
  date_of_birth: string | null;
  address_unit_id: number | null;
  address_line: string | null;
  tax_code: string | null;
  representatives: Json<Representative[] | null> | null;
  is_disabled: Generated<boolean>;
  is_national_id_verified: Generated<boolean>;
  national_id_subject: string | null;
  phone_verified_at: Date | null;
  email_verified_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface RoleAssignmentsTable {
  id: string;
  account_id: string;
  role: OfficerRole;
  unit_id: number | null;
  agency_id: string | null;
  created_by: string | null;
  created_at: Date;
}

export interface SessionsTable {
  id_hash: string;
  account_id: string;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  idle_expires_at: Date;
  absolute_expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  account_id: string;
  name: string;
  token_hash: string;
  permissions: Json<string[]>;
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
  created_at: Date;
}

export type CodePurpose = 'verify_phone' | 'verify_email' | 'reset_password';

export interface VerificationCodesTable {
  id: string;
  account_id: string;
  purpose: CodePurpose;
  code_hash: string;
  attempts: Generated<number>;
  expires_at: Date;
  used_at: Date | null;
  created_at: Date;
}

export interface OidcLoginsTable {
  state_hash: string;
  code_verifier: string;
  nonce: string;
  return_to: string | null;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

export interface LoginFailuresTable {
  login_hash: string;
  failures: number;
  last_failed_at: Date;
  locked_until: Date | null;
}

export interface IdentityTables {
  login_failures: LoginFailuresTable;
  accounts: AccountsTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  verification_codes: VerificationCodesTable;
  oidc_logins: OidcLoginsTable;
}
