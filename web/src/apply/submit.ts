import { csrfToken } from '../api-send.ts';

/**
 * Sends the application as one multipart request (payload JSON + files named component.<key>) with upload
 * progress, so a citizen on a slow network sees it move. The same Idempotency-Key is used for every retry:
 * a retried submission returns the same dossier instead of creating a second one.
 */
export interface SubmitProgress {
  loaded: number;
  total: number;
}

export interface SubmitResult {
  status: number;
  body: unknown;
}

export function submitApplication(
  payload: unknown,
  files: Array<{ componentKey: string; file: File }>,
  idempotencyKey: string,
  lang: string,
  onProgress: (p: SubmitProgress) => void,
): Promise<SubmitResult> {
  const form = new FormData();
  form.append('payload', JSON.stringify(payload));
  for (const f of files) form.append(`component.${f.componentKey}`, f.file, f.file.name);
  const csrf = csrfToken();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/dossiers');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', lang);
    xhr.setRequestHeader('idempotency-key', idempotencyKey);
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : 0 });
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(form);
  });
}
