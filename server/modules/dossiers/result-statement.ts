/**
 * What an e-result's signature covers (ADR 0017), pure. A result is coded `{dossier code}-KQ{n}`
 * (Decree 45/2020 Art. 14(3); DOMAIN §3) and its signature is over the canonical statement below.
 */
export const RESULT_CODE = /^(.+-\d{6}-\d{4})-KQ([1-9]\d{0,2})$/;

export function resultCodeOf(dossierCode: string, n: number): string {
  return `${dossierCode}-KQ${n}`;
}

/** Names what the bytes are, so a signature over a statement is never mistaken for any other signature. */
export const STATEMENT_TYPE = 'motcua.e-result.v1';

export interface ResultStatement {
  resultCode: string;
  /** SHA-256 of the file's content, lower-case hex. */
  sha256: string;
  /** The agency identifier the result is issued in the name of. */
  agency: string;
  /** The signer's full name, as on the result. */
  signer: string;
  /** ISO 8601 instant in UTC with milliseconds (`Date.toISOString()`). */
  signedAt: string;
}

/**
 * The canonical text: JSON with exactly these keys in this order, no whitespace, UTF-8. Anyone can
 * rebuild it from the public verification answer and check the signature with the published key.
 */
export function statementText(s: ResultStatement): string {
  return JSON.stringify({
    type: STATEMENT_TYPE,
    resultCode: s.resultCode,
    sha256: s.sha256,
    agency: s.agency,
    signer: s.signer,
    signedAt: s.signedAt,
  });
}

export function statementBytes(s: ResultStatement): Buffer {
  return Buffer.from(statementText(s), 'utf8');
}
