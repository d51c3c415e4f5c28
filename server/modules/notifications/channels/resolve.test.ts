import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../config.ts';
import type { AppContext } from '../../../context.ts';
import { createManualClock } from '../../../lib/clock.ts';
import { rateLimitPerMinute, resolveChannel } from './resolve.ts';
import { parseZnsTemplates, toZaloPhone } from './zns.ts';

function contextWith(env: Record<string, string>): AppContext {
  return {
    db: undefined as never, // channel selection reads the configuration only
    dbKind: 'pglite',
    config: loadConfig({ LOG_LEVEL: 'silent', ...env }),
    clock: createManualClock(new Date('2023-10-27T02:32:00Z')),
    log: pino({ level: 'silent' }),
  };
}

describe('channel configuration', () => {
  it('keeps e-mail and SMS on the machine when nothing is configured', () => {
    const ctx = contextWith({});
    expect(resolveChannel(ctx, 'email').transport).toBe('dev-mailbox');
    expect(resolveChannel(ctx, 'sms').transport).toBe('dev-mailbox');
    expect(resolveChannel(ctx, 'inapp').transport).toBe('inbox');
  });

  it('uses SMTP and the SMS gateway once configured', () => {
    const ctx = contextWith({
      SMTP_URL: 'smtp://mailer:secret@mail.hanoi.example:587',
      SMS_GATEWAY_URL: 'https://sms.example/send',
    });
    expect(resolveChannel(ctx, 'email').transport).toBe('smtp');
    expect(resolveChannel(ctx, 'sms').transport).toBe('sms-gateway');
  });

  it('reads the per-channel limits, unlimited when absent', () => {
    const ctx = contextWith({ NOTIFY_RATE_LIMITS: 'email=30,sms=5' });
    expect(rateLimitPerMinute(ctx, 'email')).toBe(30);
    expect(rateLimitPerMinute(ctx, 'sms')).toBe(5);
    expect(rateLimitPerMinute(ctx, 'zns')).toBe(0);
  });

  it('stops start-up on a mistyped SMTP URL or rate limit, naming the variable', () => {
    expect(() => loadConfig({ SMTP_URL: 'mail.hanoi.example:587' })).toThrow(ConfigError);
    expect(() => loadConfig({ NOTIFY_RATE_LIMITS: 'fax=3' })).toThrow(/NOTIFY_RATE_LIMITS/);
  });

  it('maps our templates to Zalo template ids and phones to the 84… form', () => {
    expect(parseZnsTemplates('dossier.accepted=231234,dossier.apology=231240').get('dossier.apology')).toBe('231240');
    expect(toZaloPhone('091 234 5678')).toBe('84912345678');
    expect(toZaloPhone('84912345678')).toBe('84912345678');
  });
});
