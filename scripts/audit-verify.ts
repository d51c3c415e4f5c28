import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { sealAuditLog, verifyAuditChain } from '../server/modules/audit/service.ts';

/**
 * `npm run audit:verify`: seals what the worker has not sealed yet (the same sealer, under the same lock),
 * then walks the audit trail's hash chains on the configured database (DATABASE_URL, or the embedded PGlite
 * directory) and names the first broken row. Exit 1 when broken.
 */
const config = loadConfig();
const database = await openDatabase(config.DATABASE_URL, config.PGLITE_DIR);
try {
  const started = performance.now();
  const { sealed } = await sealAuditLog(database.db, { maxRows: Number.MAX_SAFE_INTEGER });
  const check = await verifyAuditChain(database.db);
  const ms = Math.round(performance.now() - started);
  if (check.ok) {
    const pending =
      check.pending > 0 ? ` ${check.pending} rows of transactions still running wait for the sealer.` : '';
    process.stdout.write(
      `Audit trail intact: ${check.rows} rows in ${check.chains} chains verified in ${ms} ms (${sealed} sealed now).${pending}\n`,
    );
  } else if (check.brokenChain < 0) {
    process.stdout.write(`Audit trail BROKEN: ${check.reason}. ${check.rows} chained rows are intact.\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(
      `Audit trail BROKEN at row chain=${check.brokenChain} seq=${check.brokenSeq}: ${check.reason}. ${check.rows} rows checked before it are intact.\n`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
