// Issue 9, finding 12: login was limited per address only. Now each account (by its normalised login, known or
// not) waits an exponentially growing delay after a few failures, whatever the address; the per-address limit counts
// failures only. Addresses come from X-Forwarded-For behind one trusted proxy; time is a clock the test moves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient, type ApiResponse } from '../helpers/api';
import { createUser, unique, type TestUser } from '../helpers/factories';
import { startRedisServer, type TestRedisServer } from '../helpers/redisServer';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { expectError } from '../integration/support';

const PASSWORD = 'kata-sandi-rahasia';
const WRONG = 'salah-kata-sandi';
const FREE_FAILURES = 3;
const ADDRESS_LIMIT = 6;

let nowMs = Date.now();
let server: TestServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer({
    process: 'server',
    now: () => new Date(nowMs),
    env: {
      RUKUN_RATE_LIMITS: 'on',
      TRUST_PROXY: '1',
      RATE_LIMIT_LOGIN_PER_15MIN: String(ADDRESS_LIMIT),
      RATE_LIMIT_REGISTER_PER_HOUR: '1000',
      LOGIN_FAILURES_BEFORE_BACKOFF: String(FREE_FAILURES),
      // Every attempt below comes from a new address: they meet the account-wide record.
      LOGIN_ACCOUNT_FAILURES_BEFORE_BACKOFF: String(FREE_FAILURES),
      LOGIN_BACKOFF_BASE_SECONDS: '60',
      LOGIN_BACKOFF_MAX_SECONDS: '600',
    },
  });
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await server?.close();
});

let addressCounter = 0;
/** A fresh client address each call, so the per-address limit never sees the same one twice. */
function freshAddress(): string {
  addressCounter += 1;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

function login(loginName: string, password: string, address = freshAddress()): Promise<ApiResponse> {
  return api.request('POST', '/api/auth/login', { body: { login: loginName, password }, headers: { 'x-forwarded-for': address } });
}

/** Registers through a fresh address (registration has its own per-address limit). */
function newUser(): Promise<TestUser> {
  return createUser(apiClient(server.baseUrl));
}

function retryAfter(res: ApiResponse): number {
  expectError(res, 429, 'rate_limited');
  return Number(res.headers.get('retry-after'));
}

/** Fails `count` times, each from a new address, and expects 401 every time. */
async function failFromEverywhere(loginName: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) expectError(await login(loginName, WRONG), 401, 'invalid_credentials');
}

describe('per account, from many addresses', () => {
  it('waits after N failures, each wait twice the last up to the cap; a correct login after the wait works and resets', async () => {
    const user = await newUser();
    await failFromEverywhere(user.handle, FREE_FAILURES);
    // From yet another address, even with the right password: the account waits a minute.
    expect(retryAfter(await login(user.handle, PASSWORD))).toBe(60);
    expect(retryAfter(await login(user.handle, WRONG))).toBe(60);

    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      nowMs += waits.at(-1) === undefined ? 60_000 : (waits.at(-1) ?? 0) * 1000;
      // The wait is over: one more attempt is verified (and fails), then the next wait is longer.
      expectError(await login(user.handle, WRONG), 401, 'invalid_credentials');
      waits.push(retryAfter(await login(user.handle, WRONG)));
    }
    expect(waits).toEqual([120, 240, 480, 600, 600]);

    nowMs += 600_000;
    const ok = await login(user.handle, PASSWORD);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    // Reset: the account has its free failures again.
    await failFromEverywhere(user.handle, FREE_FAILURES);
    expect(retryAfter(await login(user.handle, PASSWORD))).toBe(60);
  });

  it('counts every spelling of one login together (case, spaces, the Kelvin sign that lower-cases to k)', async () => {
    const user = await createUser(apiClient(server.baseUrl), { handle: `k_${unique()}` });
    for (const spelling of [user.handle.toUpperCase(), ` ${user.handle} `, `\u212A${user.handle.slice(1)}`]) {
      expectError(await login(spelling, WRONG), 401, 'invalid_credentials');
    }
    expect(retryAfter(await login(user.handle, PASSWORD))).toBe(60);
  });

  it('lets only N of many concurrent guesses be checked, however many addresses send them', async () => {
    const user = await newUser();
    const results = await Promise.all(Array.from({ length: 12 }, () => login(user.handle, WRONG)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(FREE_FAILURES);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - FREE_FAILURES);
  });

  it('throttles an unknown handle and an unknown e-mail exactly like a known account', async () => {
    const known = await newUser();
    const sequence = async (loginName: string) => {
      const seen: string[] = [];
      for (let i = 0; i < FREE_FAILURES + 2; i++) {
        const res = await login(loginName, WRONG);
        seen.push(`${res.status} ${res.headers.get('retry-after') ?? '-'} ${JSON.stringify(res.body)}`);
      }
      return seen;
    };
    const expected = await sequence(known.handle);
    expect(expected.filter((s) => s.startsWith('429'))).toHaveLength(2);
    expect(await sequence(`nobody_${unique()}`)).toEqual(expected);
    expect(await sequence(`nobody_${unique()}@example.test`)).toEqual(expected);
  });
});

describe('one address shared by many people', () => {
  it('another account signs in from the address a locked-out account was attacked from', async () => {
    const [victim, neighbour] = await Promise.all([newUser(), newUser()]);
    const office = freshAddress();
    for (let i = 0; i < FREE_FAILURES; i++) expectError(await login(victim.handle, WRONG, office), 401, 'invalid_credentials');
    retryAfter(await login(victim.handle, PASSWORD, office));
    const res = await login(neighbour.handle, PASSWORD, office);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it('counts failures only: correct logins go on after someone else failed a few times', async () => {
    const office = freshAddress();
    const people = await Promise.all(Array.from({ length: 4 }, () => newUser()));
    const strangers = await Promise.all(Array.from({ length: ADDRESS_LIMIT - 1 }, () => newUser()));
    // Someone guesses one password each for several accounts (no account reaches its own limit).
    for (const stranger of strangers) expectError(await login(stranger.handle, WRONG, office), 401, 'invalid_credentials');
    // Everybody else in the office signs in, several times: successes do not count.
    for (let round = 0; round < 2; round++) {
      for (const person of people) {
        const res = await login(person.handle, PASSWORD, office);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      }
    }
    // The address still has a limit of failures, against password spraying across accounts.
    const extra = await newUser();
    expectError(await login(extra.handle, WRONG, office), 401, 'invalid_credentials');
    retryAfter(await login(people[0]?.handle ?? '', PASSWORD, office));
  });
});

describe('Redis down', () => {
  let redis: TestRedisServer;
  let outage: TestServer;

  beforeAll(async () => {
    // Its own Redis: stopping the run's shared one would break every other test file.
    redis = await startRedisServer();
    outage = await startTestServer({
      process: 'server',
      env: { REDIS_URL: redis.url, RUKUN_RATE_LIMITS: 'on', TRUST_PROXY: '1', LOGIN_FAILURES_BEFORE_BACKOFF: '1' },
    });
  });
  afterAll(async () => {
    await outage?.close();
    await redis?.dispose();
  });

  it('lets logins through rather than locking everybody out', async () => {
    const outageApi = apiClient(outage.baseUrl);
    const user = await createUser(outageApi);
    await redis.stop();
    const attempt = (password: string) => outageApi.request('POST', '/api/auth/login', { body: { login: user.handle, password }, headers: { 'x-forwarded-for': freshAddress() } });
    expectError(await attempt(WRONG), 401, 'invalid_credentials');
    const res = await attempt(PASSWORD);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });
});

describe('per account, from one address', () => {
  it('makes only that address wait: the owner still signs in from theirs, and the attacker still waits after', async () => {
    const local = await startTestServer({
      process: 'server',
      env: { RUKUN_RATE_LIMITS: 'on', TRUST_PROXY: '1', RATE_LIMIT_LOGIN_PER_15MIN: '100', RATE_LIMIT_REGISTER_PER_HOUR: '1000', LOGIN_FAILURES_BEFORE_BACKOFF: '3', LOGIN_ACCOUNT_FAILURES_BEFORE_BACKOFF: '10' },
    });
    try {
      const client = apiClient(local.baseUrl);
      const victim = await createUser(client);
      const from = (address: string, password: string) =>
        client.request('POST', '/api/auth/login', { body: { login: victim.handle, password }, headers: { 'x-forwarded-for': address } });
      for (let i = 0; i < 3; i++) expectError(await from('203.0.113.9', WRONG), 401, 'invalid_credentials');
      expect(retryAfter(await from('203.0.113.9', PASSWORD))).toBeGreaterThan(0);
      expect((await from('198.51.100.7', PASSWORD)).status).toBe(200);
      expect(retryAfter(await from('203.0.113.9', WRONG))).toBeGreaterThan(0);
    } finally {
      await local.close();
    }
  });
});
