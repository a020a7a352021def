// Rate limits on the routes people abuse: login, register, posting, and the costly ones (rule previews and
// checks, community creation). Counters live in Redis so every server
// process shares them; if Redis is down the limit lets requests through rather than failing them.
import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { Redis } from 'ioredis';
import type { Config } from '../config';
import { AppError } from '../errors';

export interface RateLimiters {
  login: RequestHandler;
  register: RequestHandler;
  posting: RequestHandler;
  reporting: RequestHandler;
  /** Trying a draft rule on past posts: the heaviest request a manager can make. */
  rulePreview: RequestHandler;
  /** The dry-run check of a text (the "test a text" box asks as the manager types). */
  ruleCheck: RequestHandler;
  communityCreation: RequestHandler;
  /** Calendar feed fetches that name no feed, per address: guessing tokens (server/routes/events/calendarRoutes.ts). */
  calendarFeedMisses: RequestHandler;
  /** Fetches of one calendar feed, per token, from every address together. */
  calendarFeed: RequestHandler;
  /** RSVP answers per user: each one is announced to the whole community, and leaving may promote and notify. */
  rsvp: RequestHandler;
  /** Feedback sent per member (issue 11): each one is checked and may reach every moderator's inbox live. */
  feedback: RequestHandler;
}

const passThrough: RequestHandler = (_req, _res, next) => next();

/** Builds the limiters from config; RUKUN_RATE_LIMITS=off makes them all pass through. */
export function createRateLimiters(config: Config, redis: Redis, prefix: string): RateLimiters {
  if (config.RUKUN_RATE_LIMITS === 'off') {
    return { login: passThrough, register: passThrough, posting: passThrough, reporting: passThrough, rulePreview: passThrough, ruleCheck: passThrough, communityCreation: passThrough, calendarFeedMisses: passThrough, calendarFeed: passThrough, rsvp: passThrough, feedback: passThrough };
  }
  const make = (name: string, windowMs: number, limit: number, key?: (req: Request) => string) =>
    rateLimit({
      windowMs,
      limit,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      passOnStoreError: true,
      // Login counts failures only (a 2xx gives its count back), so people behind one NAT who sign in correctly do
      // not use up their address's allowance; guessing one account is held back per account (loginThrottle.ts).
      // Calendar feed misses likewise (see below).
      skipSuccessfulRequests: name === 'login' || name === 'calendarFeedMisses',
      ...(key ? { keyGenerator: key } : {}),
      store: new RedisStore({
        prefix: `${prefix}:rl:${name}:`,
        sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as Promise<RedisReply>,
      }),
      handler: (_req, res, next) => {
        // express-rate-limit has already set Retry-After; the error middleware writes the contract body.
        res.setHeader('Retry-After', res.getHeader('Retry-After') ?? String(Math.ceil(windowMs / 1000)));
        next(new AppError('rate_limited'));
      },
    });
  return {
    login: make('login', 15 * 60_000, config.RATE_LIMIT_LOGIN_PER_15MIN),
    register: make('register', 60 * 60_000, config.RATE_LIMIT_REGISTER_PER_HOUR),
    // Posting is limited per user, not per address: a whole office can share one NAT.
    posting: make('posting', 60_000, config.RATE_LIMIT_POSTS_PER_MIN, (req) => req.auth?.user.id ?? 'anonymous'),
    reporting: make('reporting', 60 * 60_000, config.RATE_LIMIT_REPORTS_PER_HOUR, (req) => req.auth?.user.id ?? 'anonymous'),
    // Per user as well: previews and checks run the checker, and each new community makes its creator an owner.
    rulePreview: make('rulePreview', 60_000, config.RATE_LIMIT_RULE_PREVIEWS_PER_MIN, (req) => req.auth?.user.id ?? 'anonymous'),
    ruleCheck: make('ruleCheck', 60_000, config.RATE_LIMIT_RULE_CHECKS_PER_MIN, (req) => req.auth?.user.id ?? 'anonymous'),
    communityCreation: make('communityCreation', 60 * 60_000, config.RATE_LIMIT_COMMUNITIES_PER_HOUR, (req) => req.auth?.user.id ?? 'anonymous'),
    // Calendar apps fetch feeds from a few shared addresses (Google's servers fetch every Google user's feeds), so
    // per address only the misses count: guessing is held back, subscribers behind one fetcher are not. Each real
    // feed is limited on its own, keyed by the token's hash so Redis never holds the credential.
    calendarFeedMisses: make('calendarFeedMisses', 60 * 60_000, config.RATE_LIMIT_CALENDAR_FEED_PER_HOUR),
    calendarFeed: make('calendarFeed', 60 * 60_000, config.RATE_LIMIT_CALENDAR_FEED_PER_HOUR, (req) =>
      createHash('sha256').update(String(req.params.token ?? '')).digest('base64url'),
    ),
    rsvp: make('rsvp', 60_000, config.RATE_LIMIT_RSVP_PER_MINUTE, (req) => req.auth?.user.id ?? 'anonymous'),
    feedback: make('feedback', 60 * 60_000, config.RATE_LIMIT_FEEDBACK_PER_HOUR, (req) => req.auth?.user.id ?? 'anonymous'),
  };
}
