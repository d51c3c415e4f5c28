/**
 * `npm run bench -- NAME` runs bench/NAME.bench.ts (benchmarks, not tests; results go to bench/RESULTS.md
 * by hand, with the command that produced them). Without a name it lists them.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const dir = new URL('.', import.meta.url).pathname;
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();
const name = process.argv[2];
if (!name || !benches.includes(name)) {
  console.log(`usage: npm run bench -- <name>   (PostgreSQL benches read DATABASE_URL)\n\n${benches.join('\n')}`);
  process.exit(name ? 2 : 0);
}
const result = spawnSync(process.execPath, [`${dir}${name}.bench.ts`, ...process.argv.slice(3)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
