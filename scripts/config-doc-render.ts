import { z } from 'zod';
import { Config } from '../server/config.ts';

interface Property {
  type?: string;
  enum?: unknown[];
  anyOf?: Property[];
}

/**
 * What each setting means, for people. Every key of the schema must be here (a test checks), so a new
 * setting cannot land undocumented; types and defaults come from the schema itself.
 */
export const MEANINGS: Record<keyof Config, string> = {
  PORT: 'HTTP port',
  HOST: 'interface to listen on',
  HTTP_REUSE_PORT:
    'let several HTTP processes on this machine listen on the same port (Linux SO_REUSEPORT: the kernel spreads connections between them; with `RUN_WORKER=false` and a separate worker)',
  DATABASE_URL:
    'unset → embedded PGlite in `PGLITE_DIR`; `postgres://…` → a PostgreSQL server; `memory://` → in-memory PGlite (tests); `file://DIR` → PGlite in DIR',
  PGLITE_DIR: 'where the embedded database lives',
  LOG_LEVEL: 'pino log level',
  LOG_REQUESTS: 'log each request and its answer at `info` (turn off where a load balancer keeps the access log)',
  PUBLIC_URL: 'the address citizens use (links and QR codes on forms)',
  UNIT_SET: 'administrative units in force: 2018 (city, 30 districts, 584 communes) or 2025 (126 communes)',
  WEB_DIST_DIR: 'the built web app',
  RUN_WORKER: 'run background jobs inside the HTTP process (`node server/main.ts worker` runs them alone)',
  SEED_DEMO: 'load the demo data at start (`npm start` turns it on)',
  WORKER_CONCURRENCY: 'jobs a worker runs at once',
  JOBS_POLL_MS: 'how often a worker looks for due jobs',
  SMTP_URL: 'SMTP server for e-mail (unset: messages go to the development mailbox)',
  MAIL_FROM: 'sender of e-mails',
  SMS_GATEWAY_URL: 'HTTP SMS gateway (unset: development mailbox)',
  SMS_GATEWAY_TOKEN: 'token for the SMS gateway',
  ZNS_API_URL: 'Zalo ZNS endpoint',
  ZNS_ACCESS_TOKEN: 'Zalo ZNS token (unset: ZNS off)',
  ZNS_TEMPLATES: 'Zalo ZNS template ids per event',
  NOTIFY_RATE_LIMITS: 'messages per minute per channel',
  SLA_ACCEPTANCE_WORKING_HOURS: 'working hours an online dossier may wait for acceptance before the desk is alerted',
  SESSION_IDLE_MINUTES: 'a session ends after this long without use',
  SESSION_ABSOLUTE_HOURS: 'a session ends after this long in any case',
  RATE_LIMIT_WINDOW_SECONDS: 'window of the rate limits below',
  RATE_LIMIT_LOGIN_MAX: 'log-in attempts per address and window',
  RATE_LIMIT_REGISTER_MAX: 'registrations per address and window',
  RATE_LIMIT_CODE_MAX: 'verification-code attempts per address and window',
  RATE_LIMIT_LOOKUP_MAX: 'public look-ups (tracking, problem reports) per address and window',
  LOGIN_LOCKOUT_THRESHOLD: 'failed log-ins before an account is locked for a while',
  LOGIN_LOCKOUT_BASE_SECONDS: 'first lock-out; it doubles with each further failure',
  DEV_MAILBOX:
    'list undelivered development messages at `/api/dev/outbox` and `/api/dev/mailbox` (never in production)',
  OIDC_ISSUER: 'national e-ID (VNeID) OpenID provider; unset: e-ID login off',
  OIDC_CLIENT_ID: 'client id at the e-ID provider',
  OIDC_CLIENT_SECRET: 'client secret at the e-ID provider',
  OIDC_REDIRECT_URI: 'callback registered at the e-ID provider',
  FILES_DIR:
    'where dossier files are stored (content-addressed by SHA-256); with `FILE_STORAGE=s3`, only the staging of uploads in flight',
  FILE_STORAGE:
    '`local`: blobs in `FILES_DIR`; `s3`: blobs in an S3-compatible bucket (MinIO, Ceph RGW, AWS S3), keys `sha256/ab/abcd…`',
  S3_ENDPOINT: 'S3 endpoint URL (MinIO, Ceph); unset: AWS S3 for `S3_REGION`',
  S3_BUCKET: 'bucket for dossier files (required with `FILE_STORAGE=s3`; create it beforehand)',
  S3_REGION: 'S3 region (signing region; MinIO and Ceph accept the default)',
  S3_ACCESS_KEY_ID: 'S3 access key; unset with the secret: the SDK default credential chain (instance or pod role)',
  S3_SECRET_ACCESS_KEY: 'S3 secret key (set together with `S3_ACCESS_KEY_ID`)',
  S3_FORCE_PATH_STYLE:
    'address the bucket as `endpoint/bucket/key` (MinIO, Ceph and most self-hosted stores need `true`)',
  DOSSIER_MAX_FILE_BYTES: 'largest file a dossier accepts',
  DOSSIER_MAX_FILES: 'most files in one request',
  SIGNING_PRIVATE_KEY:
    'Ed25519 private key (PKCS#8 PEM, or base64 DER) that signs e-results; unset: one is generated once and kept in the database (development, demos; ADR 0017)',
  PAYMENTS_VIETQR_BANK_BIN: 'bank (BIN) of the account fees are paid into',
  PAYMENTS_VIETQR_ACCOUNT: 'the account fees are paid into (the default is a made-up demo account)',
  PAYMENTS_VIETQR_ACCOUNT_NAME: 'name shown for that account',
  PAYMENTS_INTENT_TTL_MINUTES: 'how long a payment QR stays valid',
  PAYOS_CLIENT_ID: 'payOS-style bank-transfer aggregator: client id',
  PAYOS_API_KEY: 'payOS-style aggregator: API key',
  PAYOS_CHECKSUM_KEY: 'payOS-style aggregator: webhook signing key (HMAC-SHA256)',
  PAYOS_API_URL: 'payOS-style aggregator: API address',
  VNPAY_TMN_CODE: 'VNPAY merchant code',
  VNPAY_HASH_SECRET: 'VNPAY signing secret (HMAC-SHA512)',
  VNPAY_PAY_URL: 'VNPAY payment page',
  VNPAY_API_URL: 'VNPAY merchant API (query, refund)',
  VNPAY_RETURN_URL: 'where VNPAY sends the browser back',
  PAYMENTS_NETWORK: 'allow real calls to payment gateways (off: tests and demos never leave the machine)',
};

/** The configuration reference as markdown: one row per environment variable, in the schema's order. */
export function renderConfigDoc(): string {
  const schema = z.toJSONSchema(Config, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, Property>;
  };
  const defaults = Config.parse({}) as Record<string, unknown>;
  const rows = Object.entries(schema.properties).map(([name, p]) => {
    const values = p.enum ?? p.anyOf?.flatMap((a) => a.enum ?? []) ?? [];
    const kind = values.length > 0 ? values.map((v) => `\`${String(v)}\``).join(' \\| ') : (p.type ?? 'string');
    const value = defaults[name];
    const def = value === undefined ? 'unset' : `\`${JSON.stringify(value).replace(/^"|"$/g, '')}\``;
    const meaning = (MEANINGS as Record<string, string>)[name] ?? '';
    return `| \`${name}\` | ${def} | ${kind} | ${meaning.replaceAll('|', '\\|')} |`;
  });
  return [
    '# Configuration',
    '',
    'Every setting is an environment variable, validated at start-up by `server/config.ts` (the only reader of',
    '`process.env`); a bad value stops the process with one line naming the variable. This file is generated from',
    'that schema by `node scripts/config-doc.ts`; a test fails when it is out of date.',
    '',
    '| Variable | Default | Values | Meaning |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
