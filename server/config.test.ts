import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.UNIT_SET).toBe('2018');
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('refuses a bad port naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT="eighty"/);
  });

  it('refuses an unsupported database URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL=.*postgres/);
  });

  it('refuses an unknown unit set', () => {
    expect(() => loadConfig({ UNIT_SET: '2019' })).toThrow(/UNIT_SET/);
  });
});
