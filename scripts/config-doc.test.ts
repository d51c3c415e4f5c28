import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Config } from '../server/config.ts';
import { MEANINGS, renderConfigDoc } from './config-doc-render.ts';

describe('docs/configuration.md', () => {
  it('describes every setting the configuration schema has', () => {
    expect(Object.keys(MEANINGS).sort()).toEqual(Object.keys(Config.shape).sort());
  });

  it('matches the configuration schema (run node scripts/config-doc.ts after changing server/config.ts)', () => {
    const onDisk = readFileSync(new URL('../docs/configuration.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(renderConfigDoc());
  });
});
