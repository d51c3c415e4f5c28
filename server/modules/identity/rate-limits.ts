import type { Config } from '../../config.ts';

/**
 * Per-route limits for @fastify/rate-limit (installed by installIdentity with `global: false`), per
 * client IP, from configuration. Other modules use `rateLimit(config, 'lookup')` on their public
 * look-ups (e.g. tracking a dossier by code).
 */
export type LimitKind = 'login' | 'register' | 'code' | 'lookup';

export function rateLimit(config: Config, kind: LimitKind): { max: number; timeWindow: number } {
  const max = {
    login: config.RATE_LIMIT_LOGIN_MAX,
    register: config.RATE_LIMIT_REGISTER_MAX,
    code: config.RATE_LIMIT_CODE_MAX,
    lookup: config.RATE_LIMIT_LOOKUP_MAX,
  }[kind];
  return { max, timeWindow: config.RATE_LIMIT_WINDOW_SECONDS * 1000 };
}
