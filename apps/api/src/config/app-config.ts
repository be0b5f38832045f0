import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { channelProfile } from '@order-hub/rules';
import { CHANNELS, type Channel } from '@order-hub/types';
import { z } from 'zod';
import { SSO_VARIABLES, ssoConfigFrom, type SsoSettings } from '../modules/auth/sso/sso-config';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), { message: 'must be a postgres:// or postgresql:// URL' });

/** `<CHANNEL>_SYNC_INTERVAL_SECONDS` for every channel, defaulting to its profile's cadence. */
function syncIntervalVariables() {
  const seconds = (channel: Channel) =>
    z.coerce.number({ message: 'must be a number' }).int().min(5).default(channelProfile(channel).syncIntervalSeconds);
  return Object.fromEntries(CHANNELS.map((c) => [`${c}_SYNC_INTERVAL_SECONDS`, seconds(c)])) as Record<
    `${Channel}_SYNC_INTERVAL_SECONDS`,
    ReturnType<typeof seconds>
  >;
}

const envSchema = z.object({
  PORT: z.coerce.number({ message: 'must be a number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  PGLITE_DIR: z.string().min(1).optional(),
  CREDENTIALS_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, { message: 'must be 32 bytes, base64-encoded' })
    .optional(),
  DEMO_DATA: booleanFlag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).default(10_000),
  GRAPHQL_MAX_ALIASES: z.coerce.number({ message: 'must be a number' }).int().min(1).max(1000).default(20),
  GRAPHQL_MAX_QUERY_BYTES: z.coerce.number({ message: 'must be a number' }).int().min(4096).default(65_536),
  GRAPHIQL: booleanFlag.default(false),
  GRAPHQL_INTROSPECTION: z
    .enum(['authenticated', 'always', 'never'], { message: 'must be authenticated, always or never' })
    .default('authenticated'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number({ message: 'must be a number' }).int().min(0).default(1200),
  AUTH_FAILURE_LIMIT_PER_MINUTE: z.coerce.number({ message: 'must be a number' }).int().min(0).default(10),
  TRUST_PROXY: z
    .string()
    .refine((v) => /^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/.test(v.replace(/\s/g, '')), {
      message: 'must be true, false, a number of proxy hops, or a comma-separated list of proxy addresses',
    })
    .default('false'),
  LOG_LINES_PER_CAUSE_PER_MINUTE: z.coerce.number({ message: 'must be a number' }).int().min(0).default(10),
  WEB_DIST_DIR: z.string().min(1).optional(),
  REDIS_URL: z
    .string()
    .refine((v) => /^rediss?:\/\/[^/]/.test(v), { message: 'must be a redis:// or rediss:// URL' })
    .optional(),
  SYNC_ENABLED: booleanFlag.default(true),
  SYNC_BACKFILL_DAYS: z.coerce.number({ message: 'must be a number' }).int().min(1).max(180).default(30),
  SYNC_OVERLAP_SECONDS: z.coerce.number({ message: 'must be a number' }).int().min(0).max(3600).default(300),
  SYNC_LEASE_SECONDS: z.coerce.number({ message: 'must be a number' }).int().min(3).max(600).default(45),
  ...syncIntervalVariables(),
  CHANNEL_TIMEOUT_MS: z.coerce.number({ message: 'must be a number' }).int().min(100).max(300_000).default(20_000),
  CHANNEL_RETRY_BASE_MS: z.coerce.number({ message: 'must be a number' }).int().min(1).default(500),
  CHANNEL_RATE_SCALE: z.coerce
    .number({ message: 'must be a number' })
    .positive({ message: 'must be positive' })
    .default(1),
  OUTBOX_SENDING_LEASE_MS: z.coerce.number({ message: 'must be a number' }).int().min(1_000).default(30_000),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number({ message: 'must be a number' }).int().min(1).max(100).default(20),
  OUTBOX_RETRY_BASE_MS: z.coerce.number({ message: 'must be a number' }).int().min(1).default(1_000),
  OUTBOX_RETRY_MAX_MS: z.coerce.number({ message: 'must be a number' }).int().min(1).default(300_000),
  WORKER_CONCURRENCY: z.coerce.number({ message: 'must be a number' }).int().min(1).max(256).default(16),
  MCF_POLL_SECONDS: z.coerce.number({ message: 'must be a number' }).int().min(1).default(60),
  SANDBOX_PORT: z.coerce.number({ message: 'must be a number' }).int().min(0).max(65535).default(4010),
  ALLOW_CUSTOM_CHANNEL_HOSTS: booleanFlag.default(false),
  EASYPOST_API_KEY: z.string().trim().min(1).optional(),
  EASYPOST_WEBHOOK_SECRET: z.string().min(1).optional(),
  EASYPOST_BASE_URL: z
    .string()
    .refine((v) => /^https?:\/\/[^/]+\/(.*\/)?v2\/?$/.test(v), { message: 'must be an http(s) URL ending in /v2/' })
    .optional(),
  PUBLIC_URL: z
    .string()
    .refine((v) => /^https?:\/\/[^/?#]+\/?$/.test(v), {
      message: "must be the console's origin, such as https://hub.example.com (no path)",
    })
    .optional(),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\/[^/]/.test(v), { message: 'must be an smtp:// or smtps:// URL' })
    .optional(),
  MAIL_FROM: z.string().trim().min(3).max(320).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number({ message: 'must be a number' }).int().min(1).max(10_080).default(120),
  SESSION_MAX_HOURS: z.coerce.number({ message: 'must be a number' }).int().min(1).max(720).default(12),
  PUSH_QUEUE_URL: z
    .string()
    .refine((v) => /^https?:\/\/[^/]+\/.+/.test(v), {
      message: 'must be the queue URL, such as https://sqs.us-east-1.amazonaws.com/123456789012/order-hub',
    })
    .optional(),
  PUSH_QUEUE_ARN: z
    .string()
    .refine((v) => /^arn:aws:sqs:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,80}$/.test(v), {
      message: 'must be an SQS queue ARN, such as arn:aws:sqs:us-east-1:123456789012:order-hub',
    })
    .optional(),
  PUSH_QUEUE_ENDPOINT: z
    .string()
    .refine((v) => /^https?:\/\/[^/?#]+\/?$/.test(v), { message: 'must be an http(s) origin' })
    .optional(),
  PUSH_QUEUE_REGION: z.string().trim().min(1).default('us-east-1'),
  PUSH_QUEUE_MAX_RECEIVES: z.coerce.number({ message: 'must be a number' }).int().min(1).max(100).default(5),
  ADMIN_EMAIL: z
    .string()
    .trim()
    .refine((v) => /^[^\s@]+@[^\s@]+$/.test(v), { message: 'must be an e-mail address' })
    .optional(),
  ...SSO_VARIABLES,
});

/** Every environment variable the api reads (each one is documented in .env.example). */
export const CONFIG_VARIABLES = Object.keys(envSchema.shape);

export type DatabaseSettings =
  | { kind: 'postgres'; url: string }
  /** `dataDir` is a directory, or `memory` for a database that lives only as long as the process. */
  | { kind: 'pglite'; dataDir: string };

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseSettings;
  /** AES-256-GCM key for channel credentials. */
  credentialsKey: Buffer;
  demoData: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Lines one cause (an error code and operation, a message template) may log per minute; 0: unlimited. */
  logLinesPerCausePerMinute: number;
  /** Per minute: requests per token (per address without one), refused authentications per address; 0: off. */
  rateLimit: { perMinute: number; authFailuresPerMinute: number };
  /**
   * Which X-Forwarded-For hops to believe for the client's address (Fastify's `trustProxy`): behind a reverse proxy
   * every client otherwise shares the proxy's address, and with it one rate limit and one failed-sign-in budget.
   */
  trustProxy: boolean | number | string[];
  /** Who may run GraphQL introspection and read the hub's version in `health`. */
  introspection: z.infer<typeof envSchema>['GRAPHQL_INTROSPECTION'];
  graphql: {
    maxDepth: number;
    maxCost: number;
    /** Most selections of one field in one selection set (aliases), fragments included. */
    maxAliases: number;
    /** Largest query document accepted, in bytes (refused before it is parsed). */
    maxQueryBytes: number;
    graphiql: boolean;
  };
  webDistDir: string;
  sync: {
    enabled: boolean;
    backfillDays: number;
    overlapMs: number;
    /** How long a pull's lease on its account lasts without a heartbeat (renewed every third of it while it runs). */
    leaseMs: number;
    /** Per channel, from `<CHANNEL>_SYNC_INTERVAL_SECONDS`. */
    intervalMs: Record<Channel, number>;
    channelTimeoutMs: number;
    /** First backoff step of a retried channel read or a throttled call (doubling, full jitter, capped at 30 s). */
    channelRetryBaseMs: number;
    /** Multiplies every client-side request budget (for simulators that run faster than the real channels). */
    channelRateScale: number;
  };
  /**
   * Delivery retries: attempts before a row is DEAD, and the exponential backoff's base and cap; `sendingLeaseMs`
   * is how long a row in flight stays held without its holder's heartbeat (renewed every quarter of it).
   */
  outbox: { maxAttempts: number; retryBaseMs: number; retryMaxMs: number; sendingLeaseMs: number };
  /** Jobs one process runs at once (BullMQ worker or in-process queue). */
  workerConcurrency: number;
  /** How often an MCF order is read from Amazon until its packages' tracking has gone to the origin channel. */
  mcfPollMs: number;
  /** Set: jobs go through BullMQ on this Redis (scale-out); unset: each process runs its own. */
  redisUrl: string | null;
  /** Port of the channel sandbox the embedded demo starts (DEMO_DATA=true). */
  sandboxPort: number;
  /** PRODUCTION channel accounts may name hosts other than the channels' published ones (a proxy, a test double). */
  allowCustomChannelHosts: boolean;
  /** Seeds the tracking provider's settings on the first start only (later changes go through the settings page). */
  trackingProviderSeed: { apiKey: string | null; webhookSecret: string | null; baseUrl: string | null };
  /** The console's origin as people reach it (links in e-mails, the SSO redirect); null: the request's own origin. */
  publicUrl: string | null;
  /** Outgoing mail (invitations, password resets); null: no SMTP, admins copy the links instead. */
  mail: { smtpUrl: string; from: string } | null;
  /** Single sign-on through one OpenID Connect issuer; null: password sign-in only. */
  sso: SsoSettings | null;
  /** A console session ends after `idleMs` without a request, and `maxMs` after sign-in whatever the activity. */
  sessions: { idleMs: number; maxMs: number };
  /** Who the first start invites as the first admin (ADMIN_EMAIL); null: admin@hub.localhost. */
  adminEmail: string | null;
  /**
   * The queue channels with queue pushes (Amazon notifications) deliver to: the hub long-polls `url` (at
   * `endpoint` when set: a sandbox or a local SQS) with the AWS SDK's credentials (AWS_ACCESS_KEY_ID…), and gives
   * `arn` to the channel when subscribing. A message received `maxReceives` times without success is dead-lettered.
   * Null without PUSH_QUEUE_URL: those channels are polled only.
   */
  pushQueue: { url: string; arn: string | null; endpoint: string | null; region: string; maxReceives: number } | null;
}

/** A bad environment: the message is one line naming the variable and the rule. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses and validates the environment once, at boot. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'environment');
    const shown = env[name] === undefined ? '' : ` (got "${env[name]}")`;
    throw new ConfigError(`Invalid configuration: ${name} ${issue.message}${shown}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : {
          kind: 'pglite',
          dataDir: e.PGLITE_DIR === 'memory' ? 'memory' : resolve(e.PGLITE_DIR ?? join(dataDir, 'pglite')),
        },
    credentialsKey: e.CREDENTIALS_KEY ? Buffer.from(e.CREDENTIALS_KEY, 'base64') : localCredentialsKey(dataDir),
    demoData: e.DEMO_DATA,
    logLevel: e.LOG_LEVEL,
    logLinesPerCausePerMinute: e.LOG_LINES_PER_CAUSE_PER_MINUTE,
    rateLimit: { perMinute: e.RATE_LIMIT_PER_MINUTE, authFailuresPerMinute: e.AUTH_FAILURE_LIMIT_PER_MINUTE },
    trustProxy: trustProxySetting(e.TRUST_PROXY),
    introspection: e.GRAPHQL_INTROSPECTION,
    graphql: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxCost: e.GRAPHQL_MAX_COST,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxQueryBytes: e.GRAPHQL_MAX_QUERY_BYTES,
      graphiql: e.GRAPHIQL,
    },
    webDistDir: resolve(e.WEB_DIST_DIR ?? defaultWebDistDir()),
    sync: {
      enabled: e.SYNC_ENABLED,
      backfillDays: e.SYNC_BACKFILL_DAYS,
      overlapMs: e.SYNC_OVERLAP_SECONDS * 1000,
      leaseMs: e.SYNC_LEASE_SECONDS * 1000,
      intervalMs: Object.fromEntries(
        CHANNELS.map((c) => [c, e[`${c}_SYNC_INTERVAL_SECONDS` as const] * 1000]),
      ) as Record<Channel, number>,
      channelTimeoutMs: e.CHANNEL_TIMEOUT_MS,
      channelRetryBaseMs: e.CHANNEL_RETRY_BASE_MS,
      channelRateScale: e.CHANNEL_RATE_SCALE,
    },
    outbox: {
      maxAttempts: e.OUTBOX_MAX_ATTEMPTS,
      retryBaseMs: e.OUTBOX_RETRY_BASE_MS,
      retryMaxMs: e.OUTBOX_RETRY_MAX_MS,
      sendingLeaseMs: e.OUTBOX_SENDING_LEASE_MS,
    },
    workerConcurrency: e.WORKER_CONCURRENCY,
    mcfPollMs: e.MCF_POLL_SECONDS * 1000,
    redisUrl: e.REDIS_URL ?? null,
    sandboxPort: e.SANDBOX_PORT,
    allowCustomChannelHosts: e.ALLOW_CUSTOM_CHANNEL_HOSTS,
    trackingProviderSeed: {
      apiKey: e.EASYPOST_API_KEY ?? null,
      webhookSecret: e.EASYPOST_WEBHOOK_SECRET ?? null,
      baseUrl: e.EASYPOST_BASE_URL ?? null,
    },
    publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/$/, '') : null,
    mail: e.SMTP_URL ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM ?? 'Order Hub <order-hub@localhost>' } : null,
    sessions: { idleMs: e.SESSION_IDLE_MINUTES * 60_000, maxMs: e.SESSION_MAX_HOURS * 3_600_000 },
    adminEmail: e.ADMIN_EMAIL ?? null,
    pushQueue: e.PUSH_QUEUE_URL
      ? {
          url: e.PUSH_QUEUE_URL,
          arn: e.PUSH_QUEUE_ARN ?? null,
          endpoint: e.PUSH_QUEUE_ENDPOINT ?? null,
          region: e.PUSH_QUEUE_REGION,
          maxReceives: e.PUSH_QUEUE_MAX_RECEIVES,
        }
      : null,
    sso: ssoConfigFrom(e, (message) => {
      throw new ConfigError(`Invalid configuration: ${message}`);
    }),
  };
}

/**
 * Without CREDENTIALS_KEY a key is generated once into the data directory, so a fresh clone runs with no
 * set-up. Production deployments set CREDENTIALS_KEY (losing this file loses access to stored credentials).
 */
function localCredentialsKey(dataDir: string): Buffer {
  const file = join(dataDir, 'credentials.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600 });
  return key;
}

/** The console's build output: the web workspace's dist folder in this checkout. */
function defaultWebDistDir(): string {
  try {
    return join(dirname(require.resolve('@order-hub/web/package.json')), 'dist');
  } catch {
    return join(process.cwd(), 'apps', 'web', 'dist');
  }
}

function trustProxySetting(value: string): boolean | number | string[] {
  const v = value.replace(/\s/g, '');
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^\d+$/.test(v)) return Number(v);
  return v.split(',');
}
