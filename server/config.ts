import { z } from 'zod';
import { parsePrivateKey } from './lib/ed25519.ts';

/**
 * The only reader of process.env. Every setting is validated at start-up; a bad value stops the
 * process with one line naming the variable and what was expected.
 */
const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

// Which set of administrative units is in force. 2018 is the article's three tiers (city, 30
// districts, 584 communes); 2025 is the two-tier reform (Resolution 1656/NQ-UBTVQH15, from 01/07/2025).
export const UnitSet = z.enum(['2018', '2025']);
export type UnitSet = z.infer<typeof UnitSet>;

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const Config = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  // Several HTTP processes on one machine share the port (SO_REUSEPORT; the kernel spreads connections).
  HTTP_REUSE_PORT: booleanFlag.default(false),
  DATABASE_URL: z
    .string()
    .refine((v) => v === 'memory://' || /^postgres(ql)?:\/\//.test(v) || v.startsWith('file://'), {
      message: 'expected postgres://…, postgresql://…, file://<dir> or memory://',
    })
    .optional(),
  PGLITE_DIR: z.string().min(1).default('./data/pglite'),
  LOG_LEVEL: LogLevel.default('info'),
  // One line when a request arrives and one when it is answered; off where the load balancer keeps access logs.
  LOG_REQUESTS: booleanFlag.default(true),
  PUBLIC_URL: z
    .url({ message: 'expected an absolute URL such as https://dichvucong.hanoi.gov.vn' })
    .default('http://localhost:3000'),
  UNIT_SET: UnitSet.default('2018'),
  WEB_DIST_DIR: z.string().min(1).default('./web/dist'),
  RUN_WORKER: booleanFlag.default(true),
  // Demo officers, citizens and dossiers; `npm start` turns it on, production leaves it off.
  SEED_DEMO: booleanFlag.default(false),
  // Job queue and notifications (issue 7, docs/jobs.md, docs/notifications.md). Unset SMTP_URL / SMS_GATEWAY_URL:
  // messages go to the development mailbox instead of real people; ZNS stays off without ZNS_ACCESS_TOKEN.
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  JOBS_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'expected smtp://user:pass@host:587 or smtps://…')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Một Cửa Hà Nội <no-reply@localhost>'),
  SMS_GATEWAY_URL: z.url({ message: 'expected the HTTP(S) URL of the SMS gateway' }).optional(),
  SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  ZNS_API_URL: z.url().default('https://business.openapi.zalo.me/message/template'),
  ZNS_ACCESS_TOKEN: z.string().min(1).optional(),
  ZNS_TEMPLATES: z
    .string()
    .regex(/^([\w.-]+=\w+)(,[\w.-]+=\w+)*$/, 'expected event=templateId,…')
    .optional(),
  NOTIFY_RATE_LIMITS: z
    .string()
    .regex(/^(email|sms|zns|inapp)=\d+(,(email|sms|zns|inapp)=\d+)*$/, 'expected channel=perMinute,…')
    .default('email=120,sms=60,zns=60'),
  // SLA watch (issue 7): an online dossier waiting longer than this for acceptance is alerted (DOMAIN §3.2).
  SLA_ACCEPTANCE_WORKING_HOURS: z.coerce.number().positive().max(400).default(8),
  // Identity (issue 3): session lifetimes, abuse limits, dev mailbox, national e-ID (VNeID) login.
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_LOGIN_MAX: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_REGISTER_MAX: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_CODE_MAX: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_LOOKUP_MAX: z.coerce.number().int().min(1).default(120),
  LOGIN_LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCKOUT_BASE_SECONDS: z.coerce.number().int().min(1).default(30),
  // Development mailbox (GET /api/dev/outbox) and one-time codes in the log; never in production.
  DEV_MAILBOX: booleanFlag.default(false),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: z.url().optional(),
  // Dossiers (issue 6, docs/dossiers.md): content-addressed file storage and upload limits. FILE_STORAGE=s3
  // keeps the blobs in an S3-compatible bucket (MinIO, Ceph RGW, AWS S3); uploads still stage in FILES_DIR.
  FILES_DIR: z.string().min(1).default('./data/files'),
  FILE_STORAGE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z
    .url({
      protocol: /^https?$/,
      message: 'expected the http(s) URL of the S3 endpoint, such as https://minio.hanoi.internal:9000',
    })
    .optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'expected an S3 bucket name (3–63 lowercase letters, digits, . or -)')
    .optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanFlag.default(false),
  DOSSIER_MAX_FILE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(20 * 1024 * 1024),
  DOSSIER_MAX_FILES: z.coerce.number().int().min(1).max(500).default(50),
  // E-results (ADR 0017): the deployment's Ed25519 key that signs them. Unset: one is generated once and kept
  // in the database (development and demos); production sets it from its secret store.
  SIGNING_PRIVATE_KEY: z
    .string()
    .refine(
      isEd25519PrivateKey,
      'expected an Ed25519 private key: PKCS#8 PEM (newlines may be written \\n) or base64 DER',
    )
    .optional(),
  // Payments (issue 8, docs/payments.md). The collecting account printed in VietQR; gateways stay offline
  // (no network call) until their credentials are set.
  PAYMENTS_VIETQR_BANK_BIN: z
    .string()
    .regex(/^\d{6}$/, 'expected a 6-digit NAPAS bank BIN')
    .default('970415'),
  PAYMENTS_VIETQR_ACCOUNT: z
    .string()
    .regex(/^[A-Za-z0-9]{1,19}$/, 'expected 1–19 letters or digits')
    .default('113000123456'),
  PAYMENTS_VIETQR_ACCOUNT_NAME: z.string().min(1).max(60).optional(),
  PAYMENTS_INTENT_TTL_MINUTES: z.coerce.number().int().min(1).max(43_200).default(30),
  PAYOS_CLIENT_ID: z.string().min(1).optional(),
  PAYOS_API_KEY: z.string().min(1).optional(),
  PAYOS_CHECKSUM_KEY: z.string().min(1).optional(),
  PAYOS_API_URL: z.url().default('https://api-merchant.payos.vn'),
  VNPAY_TMN_CODE: z.string().min(1).optional(),
  VNPAY_HASH_SECRET: z.string().min(1).optional(),
  VNPAY_PAY_URL: z.url().default('https://sandbox.vnpayment.vn/paymentv2/vpcpay.html'),
  VNPAY_API_URL: z.url().default('https://sandbox.vnpayment.vn/merchant_webapi/api/transaction'),
  VNPAY_RETURN_URL: z.url().optional(),
  // Network calls to gateways (create, query, refund) only when this is on and the credentials are set.
  PAYMENTS_NETWORK: booleanFlag.default(false),
});
export type Config = z.infer<typeof Config>;

function isEd25519PrivateKey(text: string): boolean {
  try {
    parsePrivateKey(text);
    return true;
  } catch {
    return false;
  }
}

export class ConfigError extends Error {}

/** Settings that only make sense together, reported like any other bad value: one line naming the variable. */
function combinationIssues(c: Config): { name: keyof Config; message: string }[] {
  const issues: { name: keyof Config; message: string }[] = [];
  if (c.FILE_STORAGE === 's3' && !c.S3_BUCKET)
    issues.push({ name: 'S3_BUCKET', message: 'required when FILE_STORAGE=s3' });
  if (Boolean(c.S3_ACCESS_KEY_ID) !== Boolean(c.S3_SECRET_ACCESS_KEY))
    issues.push({
      name: c.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID',
      message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together (or both unset: the default credential chain)',
    });
  return issues;
}

/** Parses an environment-like record; throws ConfigError with one readable line per bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Config.safeParse(present);
  const issues = parsed.success
    ? combinationIssues(parsed.data)
    : parsed.error.issues.map((issue) => ({ name: issue.path.join('.'), message: issue.message }));
  if (parsed.success && issues.length === 0) return parsed.data;
  const lines = issues.map(({ name, message }) => {
    // A secret is never echoed, even a malformed one: the line ends up in logs.
    const isSecret = /SECRET|TOKEN|PRIVATE_KEY|API_KEY/.test(name) && present[name] !== undefined;
    return `Invalid configuration: ${name}=${isSecret ? '(hidden)' : JSON.stringify(present[name] ?? '')}: ${message}`;
  });
  throw new ConfigError(lines.join('\n'));
}
