import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCitizen, createOfficer, loginAs } from '../../../test/helpers/auth.ts';
import { canonicalJson } from './canonical.ts';
import { recordAudit, verifyAuditChain } from './service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const entry = (i: number, recordId = `D-${i}`) => ({
  at: t.ctx.clock.now(),
  actor: { id: randomUUID(), kind: 'officer' },
  action: 'dossier.read',
  record: { type: 'dossier', id: recordId },
  ip: '10.0.0.1',
  before: { status: 1, n: i },
  after: { status: 2, note: 'Tiếp nhận hồ sơ', list: [3, { b: 1, a: 2 }] },
});

describe('hash chain', () => {
  it('serialises canonically: key order does not matter, dates are ISO', () => {
    expect(canonicalJson({ b: 1, a: { d: new Date('2023-10-27T02:32:00Z'), c: [2, 1] } })).toBe(
      '{"a":{"c":[2,1],"d":"2023-10-27T02:32:00.000Z"},"b":1}',
    );
  });

  it('stays valid with many concurrent writers, on one record and across records', async () => {
    await Promise.all([
      ...Array.from({ length: 40 }, (_, i) => recordAudit(t.ctx.db, entry(i))),
      ...Array.from({ length: 20 }, (_, i) => recordAudit(t.ctx.db, entry(100 + i, 'SAME-DOSSIER'))),
    ]);
    const check = await verifyAuditChain(t.ctx.db);
    expect(check).toMatchObject({ ok: true });
    expect(check.rows).toBeGreaterThanOrEqual(60);
    if (check.ok) expect(check.chains).toBeGreaterThan(1);
    // One record's events stay in one chain, in order.
    const same = await t.ctx.db
      .selectFrom('audit_log')
      .select(['chain', 'seq'])
      .where('record_id', '=', 'SAME-DOSSIER')
      .orderBy('seq')
      .execute();
    expect(new Set(same.map((r) => r.chain)).size).toBe(1);
    expect(same).toHaveLength(20);
  });

  it('rolls back with the caller’s transaction', async () => {
    const before = await verifyAuditChain(t.ctx.db);
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        await recordAudit(trx, entry(999, 'ROLLED-BACK'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await verifyAuditChain(t.ctx.db)).rows).toBe(before.rows);
  });

  it('refuses updates and deletes from the application', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE seq = 1`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
  });

  it('names the first edited row when someone with owner rights tampers', async () => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(t.ctx.db);
    try {
      const target = await t.ctx.db
        .selectFrom('audit_log')
        .select(['chain', 'seq'])
        .where('record_id', '=', 'D-7')
        .executeTakeFirstOrThrow();
      const where = sql`chain = ${target.chain} AND seq = ${target.seq}`;
      await sql`UPDATE audit_log SET after = '{"status": 3}'::jsonb WHERE ${where}`.execute(t.ctx.db);
      const check = await verifyAuditChain(t.ctx.db, 5);
      expect(check).toMatchObject({
        ok: false,
        brokenChain: target.chain,
        brokenSeq: target.seq,
        reason: expect.stringMatching(/edited/),
      });
      // Re-hashing the edited row does not help: the next row's link breaks instead.
      const { createHash } = await import('node:crypto');
      const fake = createHash('sha256').update('forged').digest('hex');
      await sql`UPDATE audit_log SET hash = ${fake} WHERE ${where}`.execute(t.ctx.db);
      const again = await verifyAuditChain(t.ctx.db);
      expect(again).toMatchObject({ ok: false, brokenChain: target.chain, brokenSeq: target.seq });
    } finally {
      await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(t.ctx.db);
    }
  });
});

describe('GET /api/audit', () => {
  it('lets an inspector search by record and period, and refuses everyone else', async () => {
    const inspector = await loginAs(t.ctx, await createOfficer(t.ctx, { role: 'inspector', unitCode: '01' }));
    const res = await t.app.inject({ url: '/api/audit?recordType=dossier&recordId=D-3', headers: inspector });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0]).toMatchObject({ action: 'dossier.read', recordId: 'D-3', after: { status: 2 } });
    const future = await t.app.inject({ url: '/api/audit?from=2030-01-01', headers: inspector });
    expect(future.json().total).toBe(0);

    const admin = await loginAs(t.ctx, await createOfficer(t.ctx, { role: 'city_admin', unitCode: '01' }));
    expect((await t.app.inject({ url: '/api/audit', headers: admin })).statusCode).toBe(403);
    const citizen = await loginAs(t.ctx, await createCitizen(t.ctx));
    expect((await t.app.inject({ url: '/api/audit', headers: citizen })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/audit' })).statusCode).toBe(401);
  });

  it('finds what a person did and what was done to their account', async () => {
    const reg = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'audited@example.vn', password: 'Ghinhan2024pw', fullName: 'Người Được Ghi' },
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const id = reg.json().account.id as string;
    const inspector = await loginAs(t.ctx, await createOfficer(t.ctx, { role: 'inspector', unitCode: '01' }));
    const res = await t.app.inject({ url: `/api/audit?person=${id}`, headers: inspector });
    const items = res.json().items as Array<{ action: string; after: Record<string, unknown> }>;
    expect(items.map((i) => i.action)).toContain('account.register');
    expect(JSON.stringify(items)).not.toContain('password_hash');
  });
});
