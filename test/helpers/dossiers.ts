import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ProcedureVersionInput } from '../../shared/schemas/procedure.ts';
import type { AppContext } from '../../server/context.ts';
import { agencyIdByKey, createPublishedProcedure } from './catalogue.ts';
import { createCitizen, createOfficer, loginAs, type TestAccount } from './auth.ts';

/**
 * Factories for dossier tests: files whose content has the right signature, multipart bodies, a
 * commune with its officers, and a submitted dossier.
 */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

export interface Part {
  field: string;
  fileName: string;
  content: Buffer;
  type?: string;
}

export function multipart(payload: unknown, files: Part[] = []): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----motcua${randomUUID().replaceAll('-', '')}`;
  const chunks: Buffer[] = [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="payload"\r\n\r\n${JSON.stringify(payload)}\r\n`,
    ),
  ];
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.fileName}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      f.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export interface Commune {
  unitCode: string;
  agencyId: string;
  receptionist: TestAccount;
  specialist: TestAccount;
  leader: TestAccount;
}

/** A commune People's Committee with a receptionist, a specialist and a leader. */
export async function createCommune(ctx: AppContext, unitCode = '00001'): Promise<Commune> {
  const agencyId = await agencyIdByKey(ctx, `hn.c${unitCode}`);
  return {
    unitCode,
    agencyId,
    // Assigned for the commune's People's Committee (and the agencies under it): GSO unit codes are
    // reused by the 2025 set, so a unit-code assignment could land on the wrong unit version.
    receptionist: await createOfficer(ctx, { role: 'receptionist', agencyId }),
    specialist: await createOfficer(ctx, { role: 'specialist', agencyId }),
    leader: await createOfficer(ctx, { role: 'leader', agencyId }),
  };
}

export const APPLICANT = {
  name: 'Nguyễn Văn An',
  idNumber: '001090012345',
  phone: '0912345678',
  address: 'Phúc Xá, Ba Đình',
};

export function eformFor(unitCode = '00001') {
  return {
    fullName: APPLICANT.name,
    idNumber: APPLICANT.idNumber,
    phone: APPLICANT.phone,
    address: { unitCode, street: 'số 1 Phúc Xá' },
    form: ['to-khai.pdf'],
  };
}

export function submission(procedureCode: string, agencyId: string, extra: Record<string, unknown> = {}) {
  return { procedureCode, agencyId, applicant: APPLICANT, eform: eformFor(), resultDelivery: 'counter', ...extra };
}

export function createProcedure(ctx: AppContext, overrides: Partial<ProcedureVersionInput> = {}) {
  return createPublishedProcedure(ctx, overrides);
}

export { createCitizen, loginAs };

export interface DossierView {
  id: string;
  code: string | null;
  status: number;
  version: number;
  dueAt: string | null;
  stepIndex: number | null;
  stepRole: string | null;
  stepDueAt: string | null;
  handlingAgencyId: string;
  [key: string]: unknown;
}

/** A citizen's online submission with the required form attached; returns the dossier. */
export async function submitOnline(
  app: FastifyInstance,
  headers: Record<string, string>,
  procedureCode: string,
  agencyId: string,
): Promise<DossierView> {
  const body = multipart(submission(procedureCode, agencyId), [
    { field: 'component.to-khai', fileName: 'to-khai.pdf', content: PDF },
  ]);
  const res = await app.inject({
    method: 'POST',
    url: '/api/dossiers',
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
  if (res.statusCode !== 201) throw new Error(`submit failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Takes an action with the dossier's current version; returns the response. */
export async function act(
  app: FastifyInstance,
  headers: Record<string, string>,
  dossier: { id: string; version: number },
  action: string,
  body: Record<string, unknown> = {},
) {
  return app.inject({
    method: 'POST',
    url: `/api/dossiers/${dossier.id}/actions/${action}`,
    headers,
    payload: { version: dossier.version, ...body },
  });
}

/**
 * Takes a submitted dossier of a one-step commune procedure to "processed" (9) with a PDF result file, as the
 * commune would by the API: accept, hand the step over, approve, mark processed. Returns the dossier.
 */
export async function processToResult(
  app: FastifyInstance,
  officers: { clerk: Record<string, string>; specialist: Record<string, string>; leader: Record<string, string> },
  dossier: DossierView,
): Promise<DossierView> {
  const { clerk, specialist, leader } = officers;
  let d = dossier;
  for (const [who, action] of [
    [clerk, 'accept'],
    [clerk, 'assign'],
    [clerk, 'complete_step'],
    [specialist, 'assign'],
    [specialist, 'complete_step'],
    [leader, 'approve'],
  ] as const) {
    const res = await act(app, who, d, action);
    if (res.statusCode !== 200) throw new Error(`${action} failed: ${res.statusCode} ${res.body}`);
    d = res.json();
  }
  const body = multipart({ version: d.version, note: 'Đã có kết quả' }, [
    { field: 'result', fileName: 'ket-qua.pdf', content: PDF },
  ]);
  const processed = await app.inject({
    method: 'POST',
    url: `/api/dossiers/${d.id}/actions/mark_processed`,
    headers: { ...clerk, ...body.headers },
    payload: body.payload,
  });
  if (processed.statusCode !== 200) throw new Error(`mark_processed failed: ${processed.statusCode} ${processed.body}`);
  return processed.json();
}
