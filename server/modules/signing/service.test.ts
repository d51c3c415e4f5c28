import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { generatePrivateKey, keyIdOf, privatePem, publicPem } from '../../lib/ed25519.ts';
import { getSigner, listPublicKeys, verifySignature } from './service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const message = Buffer.from('{"type":"motcua.e-result.v1"}');

describe('the deployment’s signing key', () => {
  it('generates one key once, even for parallel first calls, and keeps it', async () => {
    const signers = await Promise.all([getSigner(t.ctx), getSigner(t.ctx), getSigner(t.ctx)]);
    expect(new Set(signers.map((s) => s.keyId)).size).toBe(1);
    expect((await getSigner(t.ctx)).keyId).toBe(signers[0].keyId);
    const rows = await t.ctx.db.selectFrom('signing_keys').selectAll().execute();
    expect(rows).toMatchObject([{ key_id: signers[0].keyId, origin: 'generated', algorithm: 'Ed25519' }]);
  });

  it('signs with SIGNING_PRIVATE_KEY when set, and still verifies what the earlier key signed', async () => {
    const before = await getSigner(t.ctx);
    const oldSignature = before.sign(message);
    t.clock.advance(1000);
    const key = generatePrivateKey();
    const configured = { ...t.ctx, config: { ...t.ctx.config, SIGNING_PRIVATE_KEY: privatePem(key) } };
    const signer = await getSigner(configured);
    expect(signer.keyId).toBe(keyIdOf(publicPem(key)));
    const signature = signer.sign(message);
    const check = (keyId: string, sig: string, algorithm = 'Ed25519') =>
      verifySignature(configured, { keyId, algorithm, bytes: message, signature: sig });
    expect(await check(signer.keyId, signature)).toBe(true);
    expect(await check(before.keyId, oldSignature)).toBe(true);
    expect(await check(before.keyId, signature)).toBe(false);
    expect(await check('0000000000000000', signature)).toBe(false);
    expect(await check(signer.keyId, signature, 'RS256')).toBe(false);
    const published = await listPublicKeys(configured);
    expect(published.map((k) => [k.keyId, k.origin])).toEqual([
      [before.keyId, 'generated'],
      [signer.keyId, 'configured'],
    ]);
    expect(JSON.stringify(published)).not.toContain('PRIVATE KEY');
    const stored = await t.ctx.db.selectFrom('signing_keys').selectAll().where('key_id', '=', signer.keyId).execute();
    expect(stored[0]!.private_key).toBeNull();
  });
});
