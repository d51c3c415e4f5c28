import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import {
  findOpenPaymentIntent,
  newReference,
  createPaymentIntent,
  expireOverdueIntents,
  findPaymentIntent,
  getPaymentIntent,
  onPaymentEvent,
} from './service.ts';
import { productionRecurring } from '../../jobs/catalogue.ts';
import { createTestIntent } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('payment intents', () => {
  it('sums the fee lines into the amount and starts CREATED, version 0, in VND', async () => {
    const intent = await createTestIntent(t.ctx);
    expect(intent).toMatchObject({
      amount: 1_000_000,
      currency: 'VND',
      state: 'CREATED',
      version: 0,
      refundedAmount: 0,
    });
    expect(intent.reference).toMatch(/^HS[0-9A-Z]{10}$/);
    expect(intent.reference.length).toBeLessThanOrEqual(25);
  });

  it('makes references that fit VietQR 62-01 and never repeat in 10,000 draws', () => {
    const seen = new Set(Array.from({ length: 10_000 }, () => newReference('DH')));
    expect(seen.size).toBe(10_000);
    for (const r of seen) expect(r).toMatch(/^DH[0-9A-HJKMNP-TV-Z]{10}$/);
  });

  it('refuses an intent without fee lines or with a deadline in the past', async () => {
    await expect(createTestIntent(t.ctx, { feeLines: [] })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(createTestIntent(t.ctx, { expiresAt: new Date('2020-01-01T00:00:00Z') })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(
      createTestIntent(t.ctx, { feeLines: [{ label: { vi: 'Phí', en: 'Fee' }, amount: 1.5 }] }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('joins the caller’s transaction: rolled back with it', async () => {
    let id = '';
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        id = (await createTestIntent({ ...t.ctx, db: trx })).id;
        throw new Error('the dossier could not be saved');
      }),
    ).rejects.toThrow('dossier');
    expect(id).not.toBe('');
    expect(await findPaymentIntent(t.ctx, id)).toBeUndefined();
  });

  it('is generic: an O2O order is a subject like a dossier', async () => {
    const intent = await createPaymentIntent(t.ctx, {
      subject: { type: 'vend_order', id: 'vm-042/slot-7/1', reference: 'VM042-000731' },
      feeLines: [{ label: { vi: 'Nước suối 500 ml', en: 'Water 500 ml' }, amount: 8_000 }],
      payer: { name: 'Khách lẻ' },
      referencePrefix: 'DH',
      payee: { bankBin: '970436', account: '0011001800879' },
    });
    expect(intent).toMatchObject({ amount: 8_000, subject: { type: 'vend_order' }, vietqr: { bankBin: '970436' } });
  });

  it('expires overdue intents once, telling the subject, and leaves the others', async () => {
    const events: string[] = [];
    const off = onPaymentEvent('dossier', 'expired', async (_ctx, e) => {
      events.push(e.intent.id);
    });
    const soon = await createTestIntent(t.ctx, { expiresAt: new Date(t.clock.now().getTime() + 60_000) });
    const later = await createTestIntent(t.ctx, { expiresAt: new Date(t.clock.now().getTime() + 3_600_000) });
    t.clock.advance(120_000);
    const [a, b] = await Promise.all([expireOverdueIntents(t.ctx), expireOverdueIntents(t.ctx)]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    expect(events.filter((id) => id === soon.id)).toHaveLength(1);
    expect((await getPaymentIntent(t.ctx, soon.id)).state).toBe('EXPIRED');
    expect((await getPaymentIntent(t.ctx, later.id)).state).toBe('CREATED');
    off();
  });

  it('runs the expiry sweep as a registered recurring job of the worker', async () => {
    const job = productionRecurring().find((r) => r.job.name === 'payments.expire-intents');
    expect(job?.job.mode).toBe('at-least-once');
    const intent = await createTestIntent(t.ctx, { expiresAt: new Date(t.clock.now().getTime() + 1_000) });
    t.clock.advance(5_000);
    await job?.job.handle(
      { slot: t.clock.now().toISOString() },
      {
        ctx: t.ctx,
        trx: undefined,
        job: { id: 1, name: 'payments.expire-intents', key: null, attempts: 1, maxAttempts: 5, runAt: t.clock.now() },
      },
    );
    expect((await getPaymentIntent(t.ctx, intent.id)).state).toBe('EXPIRED');
  });

  it('finds the subject’s open payment so a repeated click reuses its QR', async () => {
    const intent = await createTestIntent(t.ctx, { subject: { type: 'dossier', id: 'open-1', reference: 'X-1' } });
    expect((await findOpenPaymentIntent(t.ctx, 'dossier', 'open-1'))?.id).toBe(intent.id);
    expect(await findOpenPaymentIntent(t.ctx, 'dossier', 'nobody')).toBeUndefined();
    t.clock.advance(31 * 60_000);
    expect(await findOpenPaymentIntent(t.ctx, 'dossier', 'open-1')).toBeUndefined();
  });

  it('answers NOT_FOUND for an unknown payment', async () => {
    await expect(getPaymentIntent(t.ctx, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
