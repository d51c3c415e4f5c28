import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCitizen, createOfficer, loginAs } from '../../../test/helpers/auth.ts';
import { canonicalJson } from './canonical.ts';
import { runDueJobs } from '../../jobs/worker.ts';
import { auditSeal } from './jobs.ts';
import { recordAudit, sealAuditLog, verifyAuditChain } from './service.ts';

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

/** The seals of one record's rows, in chain order, with the entry's number (before.n). */
async function sealsOf(recordId: string, app: TestApp = t) {
  const rows = await app.ctx.db
    .selectFrom('audit_seals as s')
    .innerJoin('audit_log as a', 'a.id', 's.audit_id')
    .select(['a.id', 's.chain', 's.seq', 'a.before'])
    .where('a.record_id', '=', recordId)
    .orderBy('s.seq')
    .execute();
  return rows.map((r) => ({ id: r.id, chain: r.chain, seq: r.seq, n: (r.before as { n: number } | null)?.n ?? 0 }));
}

describe('hash chain', () => {
  it('serialises canonically: key order does not matter, dates are ISO', () => {
    expect(canonicalJson({ b: 1, a: { d: new Date('2023-10-27T02:32:00Z'), c: [2, 1] } })).toBe(
      '{"a":{"c":[2,1],"d":"2023-10-27T02:32:00.000Z"},"b":1}',
    );
  });

  it('stays valid with many concurrent writers and sealers, on one record and across records', async () => {
    await Promise.all([
      ...Array.from({ length: 40 }, (_, i) => recordAudit(t.ctx.db, entry(i))),
      ...Array.from({ length: 20 }, (_, i) => recordAudit(t.ctx.db, entry(100 + i, 'SAME-DOSSIER'))),
      // Sealers racing the writers: each seals what is committed; none seals a row twice.
      ...Array.from({ length: 5 }, () => sealAuditLog(t.ctx.db, { batchSize: 7 })),
    ]);
    await sealAuditLog(t.ctx.db);
    const check = await verifyAuditChain(t.ctx.db);
    expect(check).toMatchObject({ ok: true, pending: 0 });
    expect(check.rows).toBeGreaterThanOrEqual(60);
    if (check.ok) expect(check.chains).toBeGreaterThan(1);
    // One record's events stay in one chain.
    const same = await sealsOf('SAME-DOSSIER');
    expect(new Set(same.map((r) => r.chain)).size).toBe(1);
    expect(same).toHaveLength(20);
  });

  it('keeps one record’s events in the order they were written, across seals', async () => {
    for (let i = 0; i < 12; i += 1) {
      await recordAudit(t.ctx.db, entry(i, 'IN-ORDER'));
      if (i % 5 === 0) await sealAuditLog(t.ctx.db, { batchSize: 3 });
    }
    await sealAuditLog(t.ctx.db);
    expect((await sealsOf('IN-ORDER')).map((r) => r.n)).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });

  it('leaves a row of a transaction still running for a later seal, in its place', async () => {
    // PGlite is one connection: a transaction left open would block the sealer itself.
    if (t.database.kind === 'pglite') return;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let written!: () => void;
    const wrote = new Promise<void>((r) => (written = r));
    const open = t.ctx.db.transaction().execute(async (trx) => {
      await recordAudit(trx, entry(500, 'LONG-TRANSACTION'));
      written();
      await held;
    });
    await wrote;
    await recordAudit(t.ctx.db, entry(501, 'AFTER-IT'));
    await sealAuditLog(t.ctx.db);
    // Neither is sealed: the later row waits behind the open transaction's row.
    expect(await sealsOf('LONG-TRANSACTION')).toHaveLength(0);
    expect(await sealsOf('AFTER-IT')).toHaveLength(0);
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, pending: 1 });
    release();
    await open;
    await sealAuditLog(t.ctx.db);
    expect(await sealsOf('LONG-TRANSACTION')).toHaveLength(1);
    expect(await sealsOf('AFTER-IT')).toHaveLength(1);
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, pending: 0 });
  });

  it('rolls back with the caller’s transaction', async () => {
    const before = await verifyAuditChain(t.ctx.db);
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        await recordAudit(trx, entry(999, 'ROLLED-BACK'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await sealAuditLog(t.ctx.db);
    expect((await verifyAuditChain(t.ctx.db)).rows).toBe(before.rows);
  });

  it('refuses updates and deletes from the application', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x' WHERE id = 1`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE id = 1`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE audit_seals SET hash = 'x' WHERE seq = 1`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_seals WHERE seq = 1`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
  });

  it('names the first edited row when someone with owner rights tampers', async () => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(t.ctx.db);
    try {
      const [target] = await sealsOf('D-7');
      if (!target) throw new Error('D-7 is not sealed');
      await sql`UPDATE audit_log SET after = '{"status": 3}'::jsonb WHERE id = ${target.id}`.execute(t.ctx.db);
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
      await sql`ALTER TABLE audit_seals DISABLE TRIGGER audit_seals_no_update`.execute(t.ctx.db);
      await sql`UPDATE audit_seals SET hash = ${fake} WHERE audit_id = ${target.id}`.execute(t.ctx.db);
      const again = await verifyAuditChain(t.ctx.db);
      expect(again).toMatchObject({ ok: false, brokenChain: target.chain, brokenSeq: target.seq });
    } finally {
      await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(t.ctx.db);
      await sql`ALTER TABLE audit_seals ENABLE TRIGGER audit_seals_no_update`.execute(t.ctx.db);
    }
  });

  it('names a row slipped in behind the sealer, then a deleted row', async () => {
    const other = await createTestApp();
    try {
      for (let i = 0; i < 3; i += 1) await recordAudit(other.ctx.db, entry(i, `X-${i}`));
      await sealAuditLog(other.ctx.db);
      // An insert that backdates its transaction id to before the cursor is never sealed: verify says so.
      await sql`INSERT INTO audit_log (txid, occurred_at, action) VALUES (1, now(), 'forged')`.execute(other.ctx.db);
      expect(await verifyAuditChain(other.ctx.db)).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/no chain/),
      });
      // A deleted row breaks its chain (the chains are walked first, so this is named before the above).
      const [gone] = await sealsOf('X-1', other);
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(other.ctx.db);
      await sql`DELETE FROM audit_log WHERE id = ${gone!.id}`.execute(other.ctx.db);
      expect(await verifyAuditChain(other.ctx.db)).toMatchObject({
        ok: false,
        brokenChain: gone!.chain,
        brokenSeq: gone!.seq,
        reason: expect.stringMatching(/deleted/),
      });
    } finally {
      await other.close();
    }
  });
});

describe('the audit.seal job', () => {
  it('seals everything appended since, in several short transactions, when the worker runs it', async () => {
    const other = await createTestApp();
    try {
      const entries = Array.from({ length: 1234 }, (_, i) => ({
        occurred_at: other.ctx.clock.now(),
        action: 'dossier.read',
        record_type: 'dossier',
        record_id: `J-${i}`,
      }));
      for (let i = 0; i < entries.length; i += 500)
        await other.ctx.db
          .insertInto('audit_log')
          .values(entries.slice(i, i + 500))
          .execute();
      expect(await verifyAuditChain(other.ctx.db)).toMatchObject({ ok: true, pending: 1234 });
      const counts = await runDueJobs(other.ctx, { jobs: [], recurring: [auditSeal] });
      expect(counts.done).toBe(1);
      const check = await verifyAuditChain(other.ctx.db);
      expect(check).toMatchObject({ ok: true, pending: 0 });
      expect(check.rows).toBeGreaterThanOrEqual(1234);
    } finally {
      await other.close();
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
