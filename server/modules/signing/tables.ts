/** Kysely row types for the signing module (migrations/0091_result_signatures.sql). */
export interface SigningKeysTable {
  key_id: string;
  algorithm: 'Ed25519';
  /** SPKI PEM, published at GET /api/signing/keys. */
  public_key: string;
  /** PKCS#8 PEM, only for a key the deployment generated itself (no SIGNING_PRIVATE_KEY). */
  private_key: string | null;
  origin: 'configured' | 'generated';
  created_at: Date;
}

export interface SigningTables {
  signing_keys: SigningKeysTable;
}
