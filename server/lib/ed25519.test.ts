import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generatePrivateKey,
  keyIdOf,
  parsePrivateKey,
  privatePem,
  publicPem,
  signBytes,
  verifyBytes,
} from './ed25519.ts';

// RFC 8032 §7.1, TEST 1 and TEST 2: secret key, public key, message, signature (hex).
const RFC8032 = [
  {
    secret: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    public: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    message: '',
    signature:
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    secret: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    public: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    message: '72',
    signature:
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
];

// The PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410 §7).
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const pemOfSeed = (hex: string) =>
  privatePem(
    createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'pkcs8' }),
  );

describe('Ed25519', () => {
  it.each(RFC8032)('gives the RFC 8032 signature for secret $secret', (v) => {
    const key = parsePrivateKey(pemOfSeed(v.secret));
    const pub = publicPem(key);
    const raw = Buffer.from(pub.replace(/-----[^-]+-----|\s/g, ''), 'base64').subarray(12);
    expect(raw.toString('hex')).toBe(v.public);
    const message = Buffer.from(v.message, 'hex');
    const signature = signBytes(key, message);
    expect(Buffer.from(signature, 'base64url').toString('hex')).toBe(v.signature);
    expect(verifyBytes(pub, message, signature)).toBe(true);
    expect(verifyBytes(pub, Buffer.from('73', 'hex'), signature)).toBe(false);
  });

  it('reads a key as PEM, as PEM with \\n escapes, and as base64 DER; refuses other key types', () => {
    const key = generatePrivateKey();
    const pem = privatePem(key);
    const der = key.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    for (const text of [pem, pem.replaceAll('\n', '\\n'), der])
      expect(publicPem(parsePrivateKey(text))).toBe(publicPem(key));
    expect(() => parsePrivateKey('not a key')).toThrow();
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    expect(() => parsePrivateKey(ec.export({ format: 'pem', type: 'pkcs8' }).toString())).toThrow(/Ed25519/);
  });

  it('names a key by its public part, and rejects garbage signatures without throwing', () => {
    const key = generatePrivateKey();
    expect(keyIdOf(publicPem(key))).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(publicPem(key))).not.toBe(keyIdOf(publicPem(generatePrivateKey())));
    expect(verifyBytes(publicPem(key), Buffer.from('x'), '!!')).toBe(false);
    expect(verifyBytes('not a key', Buffer.from('x'), signBytes(key, Buffer.from('x')))).toBe(false);
  });
});
