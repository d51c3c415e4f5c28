import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../server/db/client.ts';
import { prepareDatabase } from '../server/db/setup.ts';
import { recordAudit } from '../server/modules/audit/service.ts';

// The command itself, end to end, on an embedded database directory (the chain logic is tested on both
// databases in server/modules/audit/audit.test.ts).
const dir = await mkdtemp(join(tmpdir(), 'motcua-audit-'));
afterAll(async () => rm(dir, { recursive: true, force: true }));

const run = () =>
  spawnSync(process.execPath, ['scripts/audit-verify.ts'], {
    cwd: new URL('..', import.meta.url).pathname,
    env: { ...process.env, DATABASE_URL: `file://${dir}`, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });

it(
  'npm run audit:verify seals, passes an intact chain and names the first edited row',
  { timeout: 120_000 },
  async () => {
    const handle = await openDatabase(`file://${dir}`, '');
    await prepareDatabase(handle);
    for (let i = 1; i <= 5; i += 1)
      await recordAudit(handle.db, {
        at: new Date(),
        action: 'dossier.read',
        record: { type: 'dossier', id: `D-${i}` },
      });
    await handle.close();

    const ok = run();
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/intact: 5 rows/);

    const again = await openDatabase(`file://${dir}`, '');
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(again.db);
    const target = await again.db
      .selectFrom('audit_seals as s')
      .innerJoin('audit_log as a', 'a.id', 's.audit_id')
      .select(['a.id', 's.chain', 's.seq'])
      .where('a.record_id', '=', 'D-3')
      .executeTakeFirstOrThrow();
    await sql`UPDATE audit_log SET record_id = 'D-99' WHERE id = ${target.id}`.execute(again.db);
    await again.close();

    const broken = run();
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain(`BROKEN at row chain=${target.chain} seq=${target.seq}`);
  },
);
