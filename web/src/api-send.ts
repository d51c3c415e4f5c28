import { ApiError, type ApiErrorBody } from './api.ts';

/** Reads the anti-forgery token the server put in a readable cookie (identity module, synchronizer token). */
export function csrfToken(): string | undefined {
  const match = /(?:^|;\s*)mc_csrf=([^;]+)/.exec(document.cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/** A write to the API: JSON in, JSON out, the CSRF header echoed, errors as ApiError with field details. */
export async function apiSend<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  lang: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': lang };
  const token = csrfToken();
  if (token) headers['x-csrf-token'] = token;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? null : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => undefined)) as unknown;
  if (!res.ok) throw new ApiError(res.status, json as ApiErrorBody | undefined);
  return json as T;
}

/** Field errors of an API error keyed by the form field name (`body.phone` → `phone`). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.body) return {};
  const out: Record<string, string> = {};
  for (const d of error.body.error.details) {
    if (!d.field) continue;
    const name = d.field.replace(/^(body|querystring|params)\./, '');
    out[name] ??= d.message;
  }
  return out;
}
