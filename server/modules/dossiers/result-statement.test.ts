import { describe, expect, it } from 'vitest';
import { parsePrivateKey, publicPem, signBytes, verifyBytes } from '../../lib/ed25519.ts';
import { RESULT_CODE, resultCodeOf, statementBytes, statementText } from './result-statement.ts';

const statement = {
  resultCode: 'H26.103.25.7-250908-0112-KQ1',
  sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  agency: 'H26.103.25.7',
  signer: 'Trần Quang Vinh',
  signedAt: '2025-09-10T03:15:00.000Z',
};

// RFC 8032 §7.1 TEST 1 secret key, wrapped as PKCS#8 (RFC 8410).
const KEY = parsePrivateKey(
  Buffer.concat([
    Buffer.from('302e020100300506032b657004220420', 'hex'),
    Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex'),
  ]).toString('base64'),
);

describe('the e-result statement', () => {
  it('codes results {dossier code}-KQ{n} and reads the code back', () => {
    expect(resultCodeOf('000.00.06.H56-231027-0361', 2)).toBe('000.00.06.H56-231027-0361-KQ2');
    expect(RESULT_CODE.exec('000.00.06.H56-231027-0361-KQ2')?.slice(1)).toEqual(['000.00.06.H56-231027-0361', '2']);
    for (const bad of ['000.00.06.H56-231027-0361', '000.00.06.H56-231027-0361-KQ0', 'x-KQ1'])
      expect(RESULT_CODE.test(bad)).toBe(false);
  });

  it('is one fixed text: the keys in order, no whitespace, UTF-8', () => {
    expect(statementText(statement)).toBe(
      '{"type":"motcua.e-result.v1","resultCode":"H26.103.25.7-250908-0112-KQ1","sha256":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855","agency":"H26.103.25.7","signer":"Trần Quang Vinh","signedAt":"2025-09-10T03:15:00.000Z"}',
    );
    const { resultCode, sha256, agency, signer, signedAt } = statement;
    const reordered = { signedAt, signer, agency, sha256, resultCode };
    expect(statementText(reordered)).toBe(statementText(statement));
  });

  it('gives a deterministic Ed25519 signature that any change to a field breaks', () => {
    const signature = signBytes(KEY, statementBytes(statement));
    expect(signature).toBe(signBytes(KEY, statementBytes(statement)));
    const pub = publicPem(KEY);
    expect(verifyBytes(pub, statementBytes(statement), signature)).toBe(true);
    for (const field of Object.keys(statement) as (keyof typeof statement)[]) {
      const changed = { ...statement, [field]: `${statement[field]}x` };
      expect(verifyBytes(pub, statementBytes(changed), signature)).toBe(false);
    }
  });
});
