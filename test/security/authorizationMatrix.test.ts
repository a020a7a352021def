// Every route of the OpenAPI document (and the operations routes outside /api) x every caller kind, against the one
// expected table in matrix/table.ts. A documented route without a row fails, and so does a row for a route that is
// gone. Each call is a real, valid request for its caller (real ids, fresh targets where the call changes them), so
// the answer tests authorization, not validation. Status and error code are compared; every mismatch is listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../helpers/api';
import type { TestUser } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { CALLERS, type CallerKind } from './matrix/callers';
import { TABLE, cellFor, type Call, type Cell, type Row } from './matrix/table';
import { buildWorld, heldItem, publishedPost, type Caller, type Env, type OwnPosts, type World } from './matrix/world';

/** Routes outside the OpenAPI document (it covers /api only). */
const OPERATIONS_ROUTES = ['GET /admin/queues', 'GET /metrics', 'GET /healthz', 'GET /readyz'];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
/** Cells in flight at once: enough to overlap the flagging worker's waits, few enough for a shared 2-core box. */
const CONCURRENCY = 12;

/** `METHOD /path` of a table key (without its `#variant`). */
function routeOf(key: string): string {
  return key.split(' #')[0] ?? key;
}

async function documentedRoutes(api: ApiClient): Promise<string[]> {
  const res = await api.request<{ paths: Record<string, Record<string, unknown>> }>('GET', '/api/openapi.json');
  if (res.status !== 200) throw new Error(`openapi.json: ${res.status}`);
  return Object.entries(res.body.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => METHODS.includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
}

/** Runs `tasks` with at most `limit` of them at once. */
async function pool<T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      const task = tasks[index];
      if (task) results[index] = await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
  return results;
}

/** A copy of `items` in random order (Fisher-Yates). */
function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** "STATUS" or "STATUS code", as cells are written. */
function outcomeOf(status: number, body: unknown): string {
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
  return status >= 400 && typeof code === 'string' ? `${status} ${code}` : String(status);
}

function matches(cell: string, got: string): boolean {
  return cell.split(' | ').some((alternative) => alternative.trim() === got);
}

describe('authorization matrix: every route x every caller kind', () => {
  let server: TestServer;
  let api: ApiClient;
  let env: Env;
  let main: World;
  const callers = new Map<CallerKind, Caller>();

  /** Builds a caller of `kind` in `world`; `seedOwn` gives it its own published and held post before any sanction. */
  async function buildCaller(kind: CallerKind, world: World, seedOwn: boolean): Promise<Caller> {
    const spec = CALLERS.find((c) => c.kind === kind);
    if (!spec) throw new Error(`no caller kind ${kind}`);
    let own: OwnPosts | undefined;
    const asMember = async (user: TestUser): Promise<void> => {
      if (!seedOwn) return;
      const [publishedId, held] = await Promise.all([publishedPost(env, world, user), heldItem(env, world, user)]);
      own = { publishedId, held };
    };
    const built = await spec.build({ env, world, asMember });
    return { ...built, world, ...(own ? { own } : {}) };
  }

  beforeAll(async () => {
    server = await startTestServer();
    api = apiClient(server.baseUrl);
    const [elsewhere, world] = await Promise.all([buildWorld(api), buildWorld(api)]);
    env = { api, db: server.rukun.deps.db, elsewhere, config: server.rukun.deps.config };
    main = world;
    const built = await Promise.all(CALLERS.map(async ({ kind }) => [kind, await buildCaller(kind, main, true)] as const));
    for (const [kind, caller] of built) callers.set(kind, caller);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('has one row for every documented route and no row for a route that is gone', async () => {
    const documented = new Set([...(await documentedRoutes(api)), ...OPERATIONS_ROUTES]);
    const tabled = new Set(Object.keys(TABLE).map(routeOf));
    const missing = [...documented].filter((r) => !tabled.has(r)).sort();
    const stale = [...tabled].filter((r) => !documented.has(r)).sort();
    expect({ missing, stale }, 'add a row to test/security/matrix/table.ts for each missing route; drop the stale ones').toEqual({ missing: [], stale: [] });
  });

  it('answers every caller as the contract says', async () => {
    interface Cellular {
      key: string;
      kind: CallerKind;
      cell: string;
      row: Row;
    }
    const cells: Cellular[] = Object.entries(TABLE).flatMap(([key, row]) =>
      CALLERS.flatMap(({ kind }) => {
        const cell: Cell = cellFor(row, kind);
        return cell === null ? [] : [{ key, kind, cell, row }];
      }),
    );

    const run = async ({ key, kind, cell, row }: Cellular): Promise<string | null> => {
      let call: Call;
      let caller: Caller;
      try {
        const shared = callers.get(kind);
        if (!shared) throw new Error(`caller ${kind} not built`);
        // A fresh caller gets a community of its own; the anonymous caller has no state to change.
        caller = row.fresh && shared.user ? await buildCaller(kind, await buildWorld(api), false) : shared;
        call = await row.call({ env, caller, world: caller.world });
      } catch (err) {
        return `${key} x ${kind}: setup failed: ${err instanceof Error ? err.message : String(err)}`;
      }
      const [method = 'GET', template = '/'] = routeOf(key).split(' ');
      const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
        const value = call.params?.[name];
        if (value === undefined) throw new Error(`${key}: no value for {${name}}`);
        return encodeURIComponent(value);
      });
      const query = call.query ? `?${new URLSearchParams(call.query).toString()}` : '';
      const token = call.token === undefined ? caller.user?.token : (call.token ?? undefined);
      const res = await api.request(method, `${path}${query}`, { ...(call.body !== undefined ? { body: call.body } : {}), ...(token ? { token } : {}) });
      const got = outcomeOf(res.status, res.body);
      return matches(cell, got) ? null : `${key} x ${kind}: expected ${cell}, got ${got}`;
    };

    // Run in a new random order each time: rows must not depend on each other, and this keeps them honest.
    const order = shuffled(cells.map((_c, i) => i));
    const byOrder = await pool(CONCURRENCY, order.map((i) => () => run(cells[i] as Cellular)));
    const results: (string | null)[] = [];
    order.forEach((cellIndex, k) => {
      results[cellIndex] = byOrder[k] ?? null;
    });
    const mismatches = results.filter((r): r is string => r !== null);
    expect(mismatches, `${mismatches.length} of ${cells.length} cells differ from the contract:\n${mismatches.join('\n')}`).toEqual([]);
  }, 120_000);
});
