// Finding 13: /metrics was open to anyone. It now needs METRICS_TOKEN when one is set, and otherwise answers only a
// scraper on this host. How a non-loopback caller is refused without a token: the server checks req.ip, the address
// Express derives from the socket and, with TRUST_PROXY=n, from the last n X-Forwarded-For hops. A caller elsewhere
// either connects from a non-loopback address (req.ip is that address) or comes through a proxy (the proxy adds
// X-Forwarded-For, and the request is refused for carrying it). The proof below sends, from loopback, what a proxy
// in front would send for an outside caller.
import { afterAll, describe, expect, it } from 'vitest';
import { isLoopback } from '../../server/middlewares/metricsAccess';
import { startTestServer, type TestServer } from '../helpers/testServer';

const TOKEN = 'metrics-token-for-the-test-0123456789';
const servers: TestServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
});

async function start(env: Record<string, string>, process: 'all' | 'worker' = 'all'): Promise<TestServer> {
  const server = await startTestServer({ env, process });
  servers.push(server);
  return server;
}

async function scrape(url: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const res = await fetch(`${url}/metrics`, { headers });
  return { status: res.status, text: await res.text() };
}

describe('/metrics with METRICS_TOKEN', () => {
  it('refuses no token and a wrong token with 401, and serves the right one', async () => {
    const server = await start({ METRICS_TOKEN: TOKEN });
    const none = await scrape(server.baseUrl);
    expect(none.status).toBe(401);
    expect(none.text).not.toContain('rukun_http_request_duration_seconds');
    expect((await scrape(server.baseUrl, { authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
    expect((await scrape(server.baseUrl, { authorization: 'Bearer short' })).status).toBe(401);
    expect((await scrape(server.baseUrl, { authorization: TOKEN })).status).toBe(401);
    const right = await scrape(server.baseUrl, { authorization: `Bearer ${TOKEN}` });
    expect(right.status).toBe(200);
    expect(right.text).toContain('rukun_http_request_duration_seconds');
  });

  it('guards a worker-only process on WORKER_OPS_PORT the same way', async () => {
    const worker = await start({ METRICS_TOKEN: TOKEN, WORKER_OPS_PORT: '0' }, 'worker');
    const opsUrl = worker.rukun.opsUrl ?? '';
    expect(opsUrl).not.toBe('');
    const none = await fetch(`${opsUrl}/metrics`);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    expect((await scrape(opsUrl, { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    // Probes stay open.
    expect((await fetch(`${opsUrl}/healthz`)).status).toBe(200);
  });
});

describe('/metrics without a token', () => {
  it('answers a loopback caller', async () => {
    const server = await start({});
    const res = await scrape(server.baseUrl);
    expect(res.status).toBe(200);
    expect(res.text).toContain('rukun_http_request_duration_seconds');
  });

  it('refuses an outside caller that reaches it through a trusted proxy (TRUST_PROXY=1, X-Forwarded-For)', async () => {
    const server = await start({ TRUST_PROXY: '1' });
    expect((await scrape(server.baseUrl, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(403);
    // Even a forwarded loopback address is refused: it came through a proxy, so it is not a scraper on this host.
    expect((await scrape(server.baseUrl, { 'x-forwarded-for': '127.0.0.1' })).status).toBe(403);
  });

  it('refuses a request that came through a proxy on this host that is not declared (TRUST_PROXY=0)', async () => {
    const server = await start({});
    expect((await scrape(server.baseUrl, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(403);
    expect((await scrape(server.baseUrl, { forwarded: 'for=203.0.113.7' })).status).toBe(403);
  });

  it('a worker-only ops port follows the same rule', async () => {
    const worker = await start({ WORKER_OPS_PORT: '0', TRUST_PROXY: '1' }, 'worker');
    const opsUrl = worker.rukun.opsUrl ?? '';
    expect((await scrape(opsUrl)).status).toBe(200);
    expect((await scrape(opsUrl, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(403);
  });

  it('counts only loopback addresses as local', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['10.0.0.1', '192.168.1.2', '::ffff:10.0.0.1', 'fe80::1', '', undefined].map(isLoopback)).toEqual([false, false, false, false, false, false]);
  });
});
