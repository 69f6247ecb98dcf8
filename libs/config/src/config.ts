import { resolve } from 'node:path';
import { z } from 'zod';

const DEV_AUTH_SECRET = 'plenum-development-secret-do-not-use-in-production';

/**
 * Secrets printed in this repository (the code's default and docker/compose.yaml's): anyone can
 * sign tokens with them, so they are only good for a server that nobody else can reach.
 */
const PUBLISHED_AUTH_SECRETS = new Set([
  DEV_AUTH_SECRET,
  'change-me-dev-default-auth-secret-not-for-production',
]);

/** localhost, 127.0.0.0/8 and ::1: addresses only this machine reaches. */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127(\.\d{1,3}){3}$/.test(host)
  );
}

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const urlList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(z.url({ message: 'Each entry must be an origin such as https://congress.example' })),
  );

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.url().default('http://localhost:3000'),
  DATABASE_URL: z
    .url()
    .refine((u) => u.startsWith('postgres://') || u.startsWith('postgresql://'), {
      message: 'Must be a postgres:// URL',
    })
    .default('postgres://postgres@127.0.0.1:5432/plenum'),
  REDIS_URL: z
    .url()
    .refine((u) => u.startsWith('redis://') || u.startsWith('rediss://'), {
      message: 'Must be a redis:// or rediss:// URL',
    })
    .default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z.string().default('plenum'),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(15_000),
  DATABASE_POOL_TIMEOUT_MS: z.coerce.number().int().min(100).default(2000),
  DATABASE_PROBE_TIMEOUT_MS: z.coerce.number().int().min(100).default(1000),
  AUTH_SECRET: z.string().min(32, 'At least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(900).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  COOKIE_SECURE: booleanString.optional(),
  CORS_ORIGINS: urlList.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z
    .url()
    .refine((u) => /^smtps?:\/\//.test(u), { message: 'Must be an smtp:// or smtps:// URL' })
    .optional(),
  MAIL_FROM: z.string().default('Plenum <no-reply@plenum.local>'),
  LIVEKIT_URL: z.url().optional(),
  LIVEKIT_API_KEY: z.string().optional(),
  LIVEKIT_API_SECRET: z.string().optional(),
  LIVEKIT_API_URL: z
    .url()
    .refine((u) => /^https?:\/\//.test(u), { message: 'Must be an http:// or https:// URL' })
    .optional(),
  RECORDINGS_FILE_PREFIX: z
    .string()
    .regex(/^[\w./-]*$/, { message: 'Letters, digits, dots, dashes and slashes only' })
    .default('plenum-recordings/'),
  RECORDINGS_FILE_DIR: z.string().min(1).optional(),
  RECORDINGS_S3_BUCKET: z.string().min(1).optional(),
  RECORDINGS_S3_REGION: z.string().min(1).optional(),
  RECORDINGS_S3_ENDPOINT: z
    .url()
    .refine((u) => /^https?:\/\//.test(u), { message: 'Must be an http:// or https:// URL' })
    .optional(),
  RECORDINGS_S3_ACCESS_KEY: z.string().min(1).optional(),
  RECORDINGS_S3_SECRET: z.string().min(1).optional(),
  RECORDINGS_S3_FORCE_PATH_STYLE: booleanString.default(false),
  RECORDINGS_S3_PUBLIC_URL: z
    .url()
    .refine((u) => /^https?:\/\//.test(u), { message: 'Must be an http:// or https:// URL' })
    .optional(),
  DEMO_SEED: z.enum(['auto', 'off']).default('auto'),
  WEB_DIST: z.string().optional(),
  STORAGE_DIR: z.string().min(1).default('var/storage'),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  LOGIN_THROTTLE_WINDOW_SECONDS: z.coerce.number().int().min(10).default(900),
  EMAIL_LINK_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).default(3),
  EMAIL_LINK_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  EMAIL_LINK_WINDOW_SECONDS: z.coerce.number().int().min(10).default(900),
  QA_VOTE_QUEUE_MAX: z.coerce.number().int().min(1).default(1000),
  REMINDER_EMAIL_LEASE_MS: z.coerce.number().int().min(1000).default(60_000),
  WORKER_JOB_LOCK_MS: z.coerce.number().int().min(1000).optional(),
  METRICS_TOKEN: z
    .string()
    .min(16, 'At least 16 characters (for example: openssl rand -hex 24)')
    .regex(/^[\x21-\x7e]+$/, { message: 'Printable characters without spaces only' })
    .optional(),
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  QUEUE_DASHBOARD_WRITABLE: booleanString.default(false),
});

/** BullMQ's own job lock and stalled-check interval, used when WORKER_JOB_LOCK_MS is not set. */
const BULLMQ_JOB_LOCK_MS = 30_000;

/**
 * The BullMQ job lock of the worker's processors (lock duration and stalled-check interval):
 * BullMQ's 30 s unless WORKER_JOB_LOCK_MS is set. Read by the processors' decorators, which are
 * evaluated before the worker parses its configuration; loadConfig() reports a bad value.
 */
export function workerJobLock(
  env: NodeJS.ProcessEnv = process.env,
): { lockDuration: number; stalledInterval: number } | Record<string, never> {
  const parsed = envSchema.shape.WORKER_JOB_LOCK_MS.safeParse(env.WORKER_JOB_LOCK_MS || undefined);
  if (!parsed.success || parsed.data === undefined) return {};
  return { lockDuration: parsed.data, stalledInterval: parsed.data };
}

/** Rules across variables, checked on the raw values so they are listed with the rest. */
function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (env.NODE_ENV === 'production' && !env.AUTH_SECRET) {
    problems.push('AUTH_SECRET: Required in production: a random string of at least 32 characters');
  } else if (
    (!env.AUTH_SECRET || PUBLISHED_AUTH_SECRETS.has(env.AUTH_SECRET)) &&
    !isLoopbackUrl(env.PUBLIC_URL ?? 'http://localhost:3000')
  ) {
    problems.push(
      `AUTH_SECRET: ${env.AUTH_SECRET ? 'This secret is published in the Plenum repository' : 'Not set, so the published development secret would sign sign-ins'}; with PUBLIC_URL ${env.PUBLIC_URL} others can reach this server. Set a random string of at least 32 characters, e.g. AUTH_SECRET="$(openssl rand -base64 48)"`,
    );
  }
  const livekit = [env.LIVEKIT_URL, env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET];
  if (livekit.some(Boolean) && !livekit.every(Boolean)) {
    problems.push(
      'LIVEKIT_URL: Set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET together, or none',
    );
  }
  const s3 = [env.RECORDINGS_S3_BUCKET, env.RECORDINGS_S3_ACCESS_KEY, env.RECORDINGS_S3_SECRET];
  if (s3.some(Boolean) && !s3.every(Boolean)) {
    problems.push(
      'RECORDINGS_S3_BUCKET: Set RECORDINGS_S3_BUCKET, RECORDINGS_S3_ACCESS_KEY and RECORDINGS_S3_SECRET together, or none',
    );
  }
  const s3Extras = [
    env.RECORDINGS_S3_REGION,
    env.RECORDINGS_S3_ENDPOINT,
    env.RECORDINGS_S3_PUBLIC_URL,
  ];
  if (s3Extras.some(Boolean) && !env.RECORDINGS_S3_BUCKET) {
    problems.push('RECORDINGS_S3_BUCKET: Required when other RECORDINGS_S3_* variables are set');
  }
  const port = env.PORT ?? '3000';
  if (env.METRICS_PORT && env.METRICS_PORT === port) {
    problems.push('METRICS_PORT: Must differ from PORT (leave it unset to serve /metrics on PORT)');
  }
  if (env.WORKER_METRICS_PORT && [port, env.METRICS_PORT].includes(env.WORKER_METRICS_PORT)) {
    problems.push('WORKER_METRICS_PORT: Must differ from PORT and METRICS_PORT');
  }
  const lease = Number(env.REMINDER_EMAIL_LEASE_MS ?? 60_000);
  const lock = Number(env.WORKER_JOB_LOCK_MS ?? BULLMQ_JOB_LOCK_MS);
  if (lease <= lock) {
    problems.push(
      `REMINDER_EMAIL_LEASE_MS: Must be longer than the worker's job lock (${lock} ms), or a job handed out again could send an e-mail that is still being sent`,
    );
  }
  return problems;
}

export interface PlenumConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  /**
   * How long PostgreSQL may take: a statement (`statement_timeout`, 0 = no limit), a request
   * waiting for a pooled connection or opening one, and the watch's `SELECT 1` before the
   * database counts as stalled (requests then answer 503 at once until it answers again).
   */
  database: { statementTimeoutMs: number; poolTimeoutMs: number; probeTimeoutMs: number };
  authSecret: string;
  usesDevelopmentSecret: boolean;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  cookieSecure: boolean;
  corsOrigins: string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  smtpUrl: string | undefined;
  mailFrom: string;
  /** `url` is what browsers connect to; `apiUrl` is where the api itself reaches RoomService. */
  livekit: { url: string; apiUrl: string; apiKey: string; apiSecret: string } | undefined;
  /**
   * Where LiveKit egress writes session recordings: a file path prefix on the egress host, and
   * optionally an S3-compatible bucket instead. `fileDir` is where the api reads those files
   * (a volume shared with the egress); `s3.publicUrl` is where browsers fetch uploaded ones.
   */
  recordings: {
    filePrefix: string;
    fileDir: string | undefined;
    s3:
      | {
          bucket: string;
          region: string;
          endpoint: string | undefined;
          accessKey: string;
          secret: string;
          forcePathStyle: boolean;
          publicUrl: string | undefined;
        }
      | undefined;
  };
  demoSeed: 'auto' | 'off';
  webDist: string | undefined;
  /** Where uploaded files (booth images and documents, workshop materials) are kept, as an absolute path outside the web root. */
  storageDir: string;
  loginThrottle: { perAccount: number; perAddress: number; windowSeconds: number };
  /** Password-reset and sign-in link requests, counted per e-mail address and per client. */
  emailLinkThrottle: { perAccount: number; perAddress: number; windowSeconds: number };
  /** Q&A votes waiting for their batch beyond this are refused with `BUSY`, never queued on. */
  qaVoteQueueMax: number;
  /**
   * How long a worker's claim on a reminder e-mail protects it. A claim is only left behind by a
   * worker that died (or hung) mid-send; after the lease another worker sends the message again
   * with the same Message-ID. The default (60 s) is longer than BullMQ's job lock (30 s), so a
   * job handed out again by the stalled check never races a live send, and longer than the SMTP
   * timeouts (MailService). The crash tests shorten it rather than wait a minute.
   */
  reminderEmailLeaseMs: number;
  /**
   * Prometheus metrics, off unless one of these is set. The api serves `/metrics` on `port`
   * (an internal listener on `host`) when given, else on its own port when `token` is set; the
   * worker serves its own on `workerPort`. Where `token` is set, a scrape must bring it as a
   * bearer token.
   */
  metrics: {
    token: string | undefined;
    port: number | undefined;
    workerPort: number | undefined;
    host: string;
  };
  /** bull-board may retry, add, clean and remove jobs; read-only unless set. */
  queueDashboardWritable: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Plenum cannot start: the environment has ${problems.length} problem(s):\n` +
        problems.map((p) => `  - ${p}`).join('\n') +
        '\nFix these variables (see .env.example) and start again.',
    );
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; lists every bad variable at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): PlenumConfig {
  // An empty variable (`AUTH_SECRET=` copied from .env.example) means "use the default".
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(given);
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`)),
    ...crossFieldProblems(given),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const publicOrigin = new URL(e.PUBLIC_URL).origin;
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL.replace(/\/$/, ''),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    database: {
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      poolTimeoutMs: e.DATABASE_POOL_TIMEOUT_MS,
      probeTimeoutMs: e.DATABASE_PROBE_TIMEOUT_MS,
    },
    authSecret: e.AUTH_SECRET ?? DEV_AUTH_SECRET,
    usesDevelopmentSecret: !e.AUTH_SECRET || PUBLISHED_AUTH_SECRETS.has(e.AUTH_SECRET),
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    cookieSecure: e.COOKIE_SECURE ?? e.PUBLIC_URL.startsWith('https://'),
    corsOrigins: Array.from(new Set([publicOrigin, ...(e.CORS_ORIGINS ?? [])])),
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    livekit:
      e.LIVEKIT_URL && e.LIVEKIT_API_KEY && e.LIVEKIT_API_SECRET
        ? {
            url: e.LIVEKIT_URL,
            apiUrl: e.LIVEKIT_API_URL ?? e.LIVEKIT_URL.replace(/^ws(s?):/, 'http$1:'),
            apiKey: e.LIVEKIT_API_KEY,
            apiSecret: e.LIVEKIT_API_SECRET,
          }
        : undefined,
    recordings: {
      filePrefix: e.RECORDINGS_FILE_PREFIX,
      fileDir: e.RECORDINGS_FILE_DIR ? resolve(e.RECORDINGS_FILE_DIR) : undefined,
      s3:
        e.RECORDINGS_S3_BUCKET && e.RECORDINGS_S3_ACCESS_KEY && e.RECORDINGS_S3_SECRET
          ? {
              bucket: e.RECORDINGS_S3_BUCKET,
              region: e.RECORDINGS_S3_REGION ?? 'us-east-1',
              endpoint: e.RECORDINGS_S3_ENDPOINT,
              accessKey: e.RECORDINGS_S3_ACCESS_KEY,
              secret: e.RECORDINGS_S3_SECRET,
              forcePathStyle: e.RECORDINGS_S3_FORCE_PATH_STYLE,
              publicUrl: e.RECORDINGS_S3_PUBLIC_URL?.replace(/\/$/, ''),
            }
          : undefined,
    },
    demoSeed: e.DEMO_SEED,
    webDist: e.WEB_DIST,
    storageDir: resolve(e.STORAGE_DIR),
    loginThrottle: {
      perAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      perAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
      windowSeconds: e.LOGIN_THROTTLE_WINDOW_SECONDS,
    },
    emailLinkThrottle: {
      perAccount: e.EMAIL_LINK_MAX_PER_ACCOUNT,
      perAddress: e.EMAIL_LINK_MAX_PER_ADDRESS,
      windowSeconds: e.EMAIL_LINK_WINDOW_SECONDS,
    },
    qaVoteQueueMax: e.QA_VOTE_QUEUE_MAX,
    reminderEmailLeaseMs: e.REMINDER_EMAIL_LEASE_MS,
    metrics: {
      token: e.METRICS_TOKEN,
      port: e.METRICS_PORT,
      workerPort: e.WORKER_METRICS_PORT,
      host: e.METRICS_HOST,
    },
    queueDashboardWritable: e.QUEUE_DASHBOARD_WRITABLE,
  };
}

export const PLENUM_CONFIG = Symbol('PLENUM_CONFIG');
