import { useEffect, useState } from 'react';
import { useI18n } from './i18n/i18n.tsx';

/** The API's one error shape (server/http/error-handler.ts). */
export interface ApiErrorBody {
  error: { code: string; message: string; details: Array<{ field?: string; message: string }> };
}

export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody | undefined;
  constructor(status: number, body: ApiErrorBody | undefined) {
    super(body?.error.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

export async function apiGet<T>(path: string, lang: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, {
    headers: { accept: 'application/json', 'accept-language': lang },
    signal: signal ?? null,
  });
  if (!res.ok) throw new ApiError(res.status, (await res.json().catch(() => undefined)) as ApiErrorBody | undefined);
  return (await res.json()) as T;
}

export type Loadable<T> = { state: 'loading' } | { state: 'error'; error: Error } | { state: 'ready'; data: T };

/** Loads a GET endpoint, in the current language, cancelling when the path changes. */
export function useApi<T>(path: string | null): { result: Loadable<T>; reload: () => void } {
  const { lang } = useI18n();
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setResult({ state: 'loading' });
    apiGet<T>(path, lang, controller.signal).then(
      (data) => setResult({ state: 'ready', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setResult({ state: 'error', error: error as Error });
      },
    );
    return () => controller.abort();
  }, [path, lang, attempt]);
  return { result, reload: () => setAttempt((n) => n + 1) };
}
