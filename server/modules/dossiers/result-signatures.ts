import type { Insertable } from 'kysely';
import type { AppContext } from '../../context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Actor } from '../identity/service.ts';
import { getSigner, verifySignature } from '../signing/service.ts';
import { getAgency } from '../units/service.ts';
import * as repo from './repository.ts';
import { resultCodeOf, statementBytes, statementText, type ResultStatement } from './result-statement.ts';
import { digestStored, storageFor } from './storage.ts';
import type { ResultSignaturesTable } from './tables.ts';

const conflict = (vi: string, en: string) =>
  new AppError('CONFLICT', { vi, en }, [{ field: 'result', message: { vi, en } }]);

/**
 * For sign_result (ADR 0017): every result file of the dossier not signed yet is hashed again from
 * storage (the leader signs what is stored, not what a row claims), coded `{code}-KQ{n}` and signed with
 * the deployment's key over the canonical statement. The action's transaction writes the rows.
 */
export async function prepareResultSignatures(
  ctx: AppContext,
  row: repo.DossierRow,
  actor: Actor,
  at: Date,
): Promise<Insertable<ResultSignaturesTable>[]> {
  const [files, existing] = await Promise.all([repo.findFiles(ctx.db, row.id), repo.findSignatures(ctx.db, row.id)]);
  const unsigned = files
    .filter((f) => f.kind === 'result' && !existing.some((s) => s.file_id === f.id))
    .sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.file_name.localeCompare(b.file_name));
  if (unsigned.length === 0 || row.code === null)
    throw conflict('Hồ sơ chưa có tệp kết quả để ký số.', 'The dossier has no result file to sign.');
  const storage = storageFor(ctx.config);
  for (const f of unsigned)
    if ((await digestStored(storage, f.sha256)) !== f.sha256) {
      ctx.log.error({ dossierId: row.id, fileId: f.id }, 'stored result file does not match its SHA-256');
      throw conflict(
        `Tệp kết quả "${f.file_name}" đang lưu không khớp với dấu vân tay SHA-256 của nó; không thể ký số.`,
        `The stored result file "${f.file_name}" does not match its SHA-256 fingerprint; it cannot be signed.`,
      );
    }
  const signer = await getSigner(ctx);
  return unsigned.map((f, i) => {
    const statement: ResultStatement = {
      resultCode: resultCodeOf(row.code!, existing.length + i + 1),
      sha256: f.sha256,
      // At status 9 the dossier is back at its receiving desk: handling = receiving agency.
      agency: row.handling_agency_id,
      signer: actor.fullName,
      signedAt: at.toISOString(),
    };
    return {
      file_id: f.id,
      result_code: statement.resultCode,
      dossier_id: row.id,
      sha256: statement.sha256,
      agency_id: statement.agency,
      signer_id: actor.id,
      signer_name: statement.signer,
      signed_at: at,
      algorithm: signer.algorithm,
      key_id: signer.keyId,
      signature: signer.sign(statementBytes(statement)),
    };
  });
}

type Problem = 'signature' | 'file_replaced' | 'content_changed';

const VERDICTS: Record<Problem | 'none', { vi: string; en: string }> = {
  none: {
    vi: 'Kết quả điện tử hợp lệ: chữ ký số đúng và tệp không thay đổi kể từ khi ký.',
    en: 'Valid e-result: the digital signature verifies and the file has not changed since it was signed.',
  },
  signature: {
    vi: 'Chữ ký số không hợp lệ: thông tin của kết quả đã bị thay đổi sau khi ký.',
    en: 'The digital signature does not verify: the result’s details were changed after it was signed.',
  },
  file_replaced: {
    vi: 'Tệp kết quả của hồ sơ không còn là tệp đã được ký.',
    en: 'The dossier’s result file is no longer the file that was signed.',
  },
  content_changed: {
    vi: 'Nội dung tệp kết quả đang lưu đã bị thay đổi sau khi ký.',
    en: 'The stored result file’s content was changed after it was signed.',
  },
};

/**
 * Public verification of an e-result by its code (the address on its QR): the signature over the
 * statement rebuilt from the stored fields, the dossier's file is still the signed one, and the stored
 * content still hashes to the signed SHA-256. No personal data: agency, signer, time, fingerprint.
 */
export async function verifyResult(ctx: AppContext, resultCode: string) {
  const s = await repo.findSignatureByCode(ctx.db, resultCode);
  if (!s) throw notFound({ vi: 'kết quả điện tử', en: 'e-result' }, resultCode);
  const statement: ResultStatement = {
    resultCode: s.result_code,
    sha256: s.sha256,
    agency: s.agency_id,
    signer: s.signer_name,
    signedAt: s.signed_at.toISOString(),
  };
  const bytes = statementBytes(statement);
  const signatureOk = await verifySignature(ctx, {
    keyId: s.key_id,
    algorithm: s.algorithm,
    bytes,
    signature: s.signature,
  });
  const problem: Problem | null = !signatureOk
    ? 'signature'
    : s.file_sha256 !== s.sha256
      ? 'file_replaced'
      : (await digestStored(storageFor(ctx.config), s.sha256)) !== s.sha256
        ? 'content_changed'
        : null;
  if (problem) ctx.log.warn({ resultCode, problem }, 'e-result verification failed');
  const agency = await getAgency(ctx, s.agency_id);
  return {
    resultCode: s.result_code,
    isValid: problem === null,
    problem,
    message: VERDICTS[problem ?? 'none'],
    agency: { id: agency.id, name: agency.name },
    signerName: s.signer_name,
    signedAt: statement.signedAt,
    sha256: s.sha256,
    algorithm: s.algorithm,
    keyId: s.key_id,
    statement: statementText(statement),
    signature: s.signature,
  };
}

/** Whether a result code was issued (the QR of an unknown code answers 404). */
export async function isIssuedResult(ctx: AppContext, resultCode: string): Promise<boolean> {
  return (await repo.findSignatureByCode(ctx.db, resultCode)) !== undefined;
}
