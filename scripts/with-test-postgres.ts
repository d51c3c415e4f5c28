import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * `npm run test:pg`: runs a command (the test suite) against the local PostgreSQL server. It creates
 * a fresh, uniquely named database, points DATABASE_URL at it (test files then create and drop their
 * own databases on the same server) and drops it afterwards. The server URL comes from
 * TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres (trust auth, as on the CI machine).
 */
const serverUrl = process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-test-postgres.ts <command> [args…]');
  process.exit(2);
}

const name = `motcua_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const admin = new pg.Client({ connectionString: serverUrl });
try {
  await admin.connect();
} catch (error) {
  console.error(`Cannot reach PostgreSQL at ${serverUrl}: ${(error as Error).message}`);
  console.error('Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start');
  process.exit(1);
}
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
console.log(`Running on PostgreSQL database ${name}`);

const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url.toString() } });
await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.end();
process.exit(result.status ?? 1);
