import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { verifyAuditChain } from '../server/modules/audit/service.ts';

/**
 * `npm run audit:verify`: walks the audit trail's hash chain on the configured database
 * (DATABASE_URL, or the embedded PGlite directory) and names the first broken row. Exit 1 when broken.
 */
const config = loadConfig();
const database = await openDatabase(config.DATABASE_URL, config.PGLITE_DIR);
try {
  const started = performance.now();
  const check = await verifyAuditChain(database.db);
  const ms = Math.round(performance.now() - started);
  if (check.ok) {
    process.stdout.write(`Audit trail intact: ${check.rows} rows in ${check.chains} chains verified in ${ms} ms.\n`);
  } else {
    process.stdout.write(
      `Audit trail BROKEN at row chain=${check.brokenChain} seq=${check.brokenSeq}: ${check.reason}. ${check.rows} rows checked before it are intact.\n`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
