import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes' || v === 'on');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^file:/, 'must be a SQLite file: URL (file:./data/rukun.db)')
    .default('file:./data/rukun.db'),
  DATA_DIR: z.string().min(1).default('./data'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').default('redis://127.0.0.1:6379'),
  REDIS_AUTOSTART: bool.default(true),
  RUKUN_PROCESS: z.enum(['all', 'server', 'worker']).default('all'),
  /** A worker-only process serves /healthz, /readyz and /metrics on this port when set (it has no other HTTP). */
  WORKER_OPS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
  /** How many reverse proxies sit in front (0: none). A count, never "trust all": X-Forwarded-For is spoofable. */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  COOKIE_SECURE: bool.default(false),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/, 'like 100kb').default('100kb'),
  RUKUN_RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  RATE_LIMIT_LOGIN_PER_15MIN: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_REGISTER_PER_HOUR: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_POSTS_PER_MIN: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_REPORTS_PER_HOUR: z.coerce.number().int().min(1).default(30),
  // Per account (server/middlewares/loginThrottle.ts): after this many failed logins in a row each further attempt
  // waits a delay that starts at the base and doubles up to the cap, whichever address it comes from.
  LOGIN_FAILURES_BEFORE_BACKOFF: z.coerce.number().int().min(1).default(5),
  // The same, for one account from all addresses together: a spread-out guesser meets this one.
  LOGIN_ACCOUNT_FAILURES_BEFORE_BACKOFF: z.coerce.number().int().min(1).default(20),
  LOGIN_BACKOFF_BASE_SECONDS: z.coerce.number().int().min(1).default(60),
  LOGIN_BACKOFF_MAX_SECONDS: z.coerce.number().int().min(1).default(3600),
  RATE_LIMIT_RULE_PREVIEWS_PER_MIN: z.coerce.number().int().min(1).default(5),
  RATE_LIMIT_RULE_CHECKS_PER_MIN: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_COMMUNITIES_PER_HOUR: z.coerce.number().int().min(1).default(5),
  /** Personal calendar feed fetches per hour: per feed, and unknown-token fetches per address (rateLimits.ts). */
  RATE_LIMIT_CALENDAR_FEED_PER_HOUR: z.coerce.number().int().min(1).default(60),
  // Per user: each RSVP broadcasts event:updated to the community and leaving may promote and notify someone.
  RATE_LIMIT_RSVP_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  // Per member: each feedback item runs the checker and may announce feedback:new to the community's staff.
  RATE_LIMIT_FEEDBACK_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /** A word-rule preview answers with what it has (partial: true) after this many milliseconds. */
  RULE_PREVIEW_DEADLINE_MS: z.coerce.number().int().min(1).max(600_000).default(20_000),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(10),
  // Flagging jobs asked for within this many milliseconds of the previous add share one job (workers/queues.ts).
  FLAG_GATHER_MS: z.coerce.number().min(0).max(100).default(8),
  SWEEP_INTERVAL_SECONDS: z.coerce.number().min(1).default(30),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(1).default(20),
  CLIENT_DIST: z.string().default('client/dist'),
  /** Prefix of every Redis key Rukun writes (queues, rate limits, Socket.IO channels). */
  QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/).default('rukun'),
  /** Handles of instance administrators (the queue dashboard), comma-separated; applied at start-up. */
  RUKUN_ADMINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[a-z0-9_]{3,32}$/, 'each handle is 3-32 of a-z, 0-9, _'))),
  /** When set, /metrics needs `Authorization: Bearer <token>`; when unset, /metrics answers loopback callers only. */
  METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  /**
   * The server key anonymous survey pseudonyms derive from (server/lib/surveyPseudonym.ts). Kept out of the database:
   * when unset, one is generated once into survey-pseudonym.key (mode 0600) next to the SQLite file.
   */
  SURVEY_PSEUDONYM_KEY: z.string().min(32, 'at least 32 characters').optional(),
  /** Where e-mail goes (smtp:// or smtps://, e.g. smtp://127.0.0.1:2525). E-mail is off while unset: nothing is written or sent. */
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s]+$/, 'must start with smtp:// or smtps://').optional(),
  /** The From header of every e-mail (an address, or "Name <address>"); its domain also names each Message-ID. */
  MAIL_FROM: z.string().min(3).default('Rukun <no-reply@localhost>'),
  /** Outbox rows a mail job reads per page; each row is still claimed, sent and marked one at a time. */
  MAIL_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  /** Messages one mail worker sends at once (SMTP connections it keeps open). */
  MAIL_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  /** Sends of one message before it counts as failed for good (temporary SMTP refusals and crashes included). */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  /** First retry delay of a mail job that met a down or refusing SMTP server; it doubles on every further retry. */
  MAIL_BACKOFF_MS: z.coerce.number().int().min(1).max(3_600_000).default(10_000),
  /** Tries of one mail job (the delays above add up to about three hours with the defaults). */
  MAIL_JOB_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(11),
  /**
   * How long a worker holds a message it is sending; after that another worker may take it over (a killed worker's
   * messages). Longer than the SMTP timeouts (which are capped below it), so a live send is never taken over.
   */
  MAIL_LEASE_SECONDS: z.coerce.number().int().min(2).max(86_400).default(300),
  /** How often the workers look for outbox rows with no mail job waiting (a job lost with Redis, or one that gave up). */
  MAIL_SWEEP_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /**
   * The key of one-click unsubscribe links (an HMAC names member, community and kind; nothing is stored). When unset,
   * one is generated once into mail-token.key (mode 0600) next to the SQLite file.
   */
  MAIL_TOKEN_KEY: z.string().min(32, 'at least 32 characters').optional(),
});

export type Config = z.output<typeof envSchema>;

/** Raised at start-up with every configuration problem listed, not just the first. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment once; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return parsed.data;
}
