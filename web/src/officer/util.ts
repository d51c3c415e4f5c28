import { ApiError, type ApiErrorBody } from '../api.ts';
import { csrfToken } from '../api-send.ts';
import type { Language } from '../i18n/i18n.tsx';
import type { Account } from '../session.tsx';

/** Zod messages are written `Tiếng Việt | English`; the server splits them, the browser does it here. */
export function localText(message: string, lang: Language): string {
  const at = message.indexOf(' | ');
  if (at < 0) return message;
  return lang === 'vi' ? message.slice(0, at) : message.slice(at + 3);
}

export type OfficerRoleName =
  'receptionist' | 'specialist' | 'division_head' | 'leader' | 'unit_admin' | 'city_admin' | 'inspector';

export function hasRole(account: Account, ...roles: OfficerRoleName[]): boolean {
  return account.roles.some((r) => (roles as string[]).includes(r.role));
}

/** A raw-body or multipart upload (workbooks, scans) with the CSRF header; errors as ApiError. */
export async function sendBody<T>(
  path: string,
  lang: string,
  body: Blob | FormData,
  type?: string,
  extra: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': lang, ...extra };
  const token = csrfToken();
  if (token) headers['x-csrf-token'] = token;
  if (type) headers['content-type'] = type;
  const res = await fetch(path, { method: 'POST', headers, body, credentials: 'same-origin' });
  const json = (await res.json().catch(() => undefined)) as unknown;
  if (!res.ok) throw new ApiError(res.status, json as ApiErrorBody | undefined);
  return json as T;
}

/** The API error's own words, or a generic sentence. */
export function errorText(error: unknown, fallback: string): string {
  return error instanceof ApiError && error.body ? error.body.error.message : fallback;
}
