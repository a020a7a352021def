// Per-account login throttle, next to the per-address limit of rateLimits.ts.
//
// Design. The per-address limit alone lets an attacker with many addresses guess one account's password without
// end, and lets one attacker behind a shared address (an office, a campus NAT) lock everybody there out. So:
// - Two records per account (keyed by its normalised login, see lib/logins.ts), in Redis, shared by every server
//   process: one for the account from this address, one for the account from everywhere. Each lets a number of
//   failures go free (LOGIN_FAILURES_BEFORE_BACKOFF from one address, LOGIN_ACCOUNT_FAILURES_BEFORE_BACKOFF from all
//   of them together); from then on each attempt makes the next one wait LOGIN_BACKOFF_BASE_SECONDS, doubling per
//   further failure up to LOGIN_BACKOFF_MAX_SECONDS, and 429 rate_limited with Retry-After answers meanwhile.
//   So one attacker, from one address, only makes that address wait for that account: the owner still signs in from
//   theirs (a lock-out anyone could cause by typing a public handle five times otherwise). An attacker spread over
//   many addresses meets the account-wide record instead, and gets a few guesses an hour once it is spent.
//   A successful login clears both records; failures are forgotten a day (or two caps) after the last one.
// - The key is the login as typed (normalised), not the account it finds, and it is hashed: an unknown login is
//   counted and answered exactly like a known one, and a locked handle says nothing about which e-mail shares its
//   account. The price: the handle and the e-mail of one account have a budget each.
// - The attempt is counted BEFORE the password is checked, in one Lua script that also reads the wait: concurrent
//   attempts fired at the moment a wait ends cannot all slip through, only the first one is verified. A success
//   then clears the count, so in effect only failures are counted.
// - Time comes from the injected clock (waits are stored as instants), so tests move time instead of sleeping.
// - If Redis is down, logins go through, as with the per-address limit: an outage must not lock everybody out.
import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { normalizeLogin } from '../lib/logins';

export interface LoginThrottle {
  /** Before the password check: 429 for an account that must wait, otherwise counts this attempt against it. */
  guard: RequestHandler;
  /** After a successful login: the account's failures are forgotten, from this address and from everywhere. */
  forget(login: string, address: string | undefined): Promise<void>;
}

// KEYS: the hashes {failures, until} of the account from this address and from everywhere. ARGV: now (ms), free
// failures of each key, base delay, max delay, forget after. Returns the milliseconds still to wait (the attempt is
// refused and not counted), or 0 (counted against both, go ahead).
const RESERVE_ATTEMPT = `
local now = tonumber(ARGV[1])
local wait = 0
for i = 1, 2 do
  local waitUntil = tonumber(redis.call('HGET', KEYS[i], 'until') or '0')
  if waitUntil - now > wait then wait = waitUntil - now end
end
if wait > 0 then return wait end
for i = 1, 2 do
  local failures = redis.call('HINCRBY', KEYS[i], 'failures', 1)
  local free = tonumber(ARGV[1 + i])
  if failures >= free then
    local delay = math.min(tonumber(ARGV[4]) * 2 ^ (failures - free), tonumber(ARGV[5]))
    redis.call('HSET', KEYS[i], 'until', string.format('%d', math.floor(now + delay)))
  end
  redis.call('PEXPIRE', KEYS[i], ARGV[6])
end
return 0
`;

const DAY_MS = 86_400_000;

/** Builds the throttle from config; RUKUN_RATE_LIMITS=off makes it pass everything through. */
export function createLoginThrottle(deps: Pick<Deps, 'config' | 'redis' | 'now' | 'logger'>): LoginThrottle {
  const { config, redis } = deps;
  if (config.RUKUN_RATE_LIMITS === 'off') return { guard: (_req, _res, next) => next(), forget: async () => undefined };
  const baseMs = config.LOGIN_BACKOFF_BASE_SECONDS * 1000;
  const maxMs = Math.max(baseMs, config.LOGIN_BACKOFF_MAX_SECONDS * 1000);
  const account = (login: string) => createHash('sha256').update(normalizeLogin(login)).digest('base64url');
  const keys = (login: string, address: string | undefined) => [
    `${config.QUEUE_PREFIX}:login:from:${createHash('sha256').update(`${address ?? ''}\n${normalizeLogin(login)}`).digest('base64url')}`,
    `${config.QUEUE_PREFIX}:login:account:${account(login)}`,
  ];

  const guard: RequestHandler = async (req, res, next) => {
    const login = loginOf(req);
    // A body without a string login is refused by validation next; there is no account to count it against.
    if (login === null) return next();
    let waitMs = 0;
    try {
      const free = [config.LOGIN_FAILURES_BEFORE_BACKOFF, config.LOGIN_ACCOUNT_FAILURES_BEFORE_BACKOFF];
      const args = [deps.now().getTime(), ...free, baseMs, maxMs, Math.max(DAY_MS, 2 * maxMs)];
      waitMs = Number(await redis.eval(RESERVE_ATTEMPT, 2, ...keys(login, req.ip), ...args.map(String)));
    } catch (err) {
      deps.logger.warn({ err }, 'login throttle unavailable; letting the login through');
    }
    if (waitMs <= 0) return next();
    res.setHeader('Retry-After', String(Math.ceil(waitMs / 1000)));
    next(new AppError('rate_limited'));
  };

  const forget = async (login: string, address: string | undefined): Promise<void> => {
    try {
      await redis.del(...keys(login, address));
    } catch (err) {
      deps.logger.warn({ err }, 'login throttle unavailable; could not clear failures');
    }
  };

  return { guard, forget };
}

function loginOf(req: Request): string | null {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || !('login' in body)) return null;
  return typeof body.login === 'string' ? body.login : null;
}
