// The real entry point (server/index.ts) as `npm start` runs it: config errors, migrations, graceful shutdown.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { freePort } from '../helpers/freePort';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function boot(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, LOG_LEVEL: 'info', RUKUN_RATE_LIMITS: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitForHealth(url: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become ready');
}

describe('npm start entry point', () => {
  it('refuses bad configuration listing every problem, with a non-zero exit', async () => {
    const run = boot({ PORT: 'not-a-port', REDIS_URL: 'http://wrong', DATABASE_URL: 'postgres://x' });
    const code = await run.exited;
    expect(code).not.toBe(0);
    expect(run.output()).toMatch(/PORT/);
    expect(run.output()).toMatch(/REDIS_URL/);
    expect(run.output()).toMatch(/DATABASE_URL/);
  });

  it('migrates a new database, serves, and on SIGTERM finishes the in-flight request before exiting 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rukun-boot-'));
    dirs.push(dir);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const run = boot({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${join(dir, 'boot.db')}`,
      DATA_DIR: dir,
      REDIS_URL: inject('redisUrl'),
      REDIS_AUTOSTART: 'false',
      QUEUE_PREFIX: `boot${port}`,
    });
    await waitForHealth(url);
    // Send the headers and half of the body, stop the process, then finish the body: the request is
    // certainly in flight when SIGTERM arrives, and must still be answered.
    const body = JSON.stringify({ handle: 'shutdown_user', email: 's@example.test', password: 'kata-sandi-rahasia', displayName: 'S' });
    const req = request(`${url}/api/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
    const inFlight = new Promise<{ status: number }>((resolve, reject) => {
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
      });
      req.on('error', reject);
    });
    req.write(body.slice(0, 20));
    await new Promise((r) => setTimeout(r, 200));
    run.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    req.end(body.slice(20));
    const response = await inFlight;
    expect(response.status).toBe(201);
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(/shutting down/);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
