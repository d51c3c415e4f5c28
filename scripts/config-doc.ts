/**
 * Writes docs/configuration.md from the zod schema in server/config.ts (`node scripts/config-doc.ts`), so
 * the documented settings are the settings the code reads. A test checks the file is current.
 */
import { writeFileSync } from 'node:fs';
import { renderConfigDoc } from './config-doc-render.ts';

const out = new URL('../docs/configuration.md', import.meta.url).pathname;
writeFileSync(out, renderConfigDoc());
console.log(`wrote ${out}`);
