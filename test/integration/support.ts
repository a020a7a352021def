// Assertions and waits the integration suites share. Not a test file itself (no `.test.ts`).
import { expect } from 'vitest';
import type { ApiResponse } from '../helpers/api';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Asserts the contract's error body: `{error: {code, message, details?}}`, and 422 details as [{path, message}]. */
export function expectErrorShape(res: ApiResponse<unknown>): ErrorBody {
  const body = res.body as ErrorBody;
  expect(body, `status ${res.status} body ${JSON.stringify(res.body)}`).toMatchObject({
    error: { code: expect.stringMatching(/^[a-z][a-z0-9_]*$/), message: expect.any(String) },
  });
  expect(body.error.message.length).toBeGreaterThan(0);
  if (res.status === 422 && body.error.code === 'validation_failed') {
    expect(Array.isArray(body.error.details), `422 details of ${JSON.stringify(body)}`).toBe(true);
    const details = body.error.details as unknown[];
    expect(details.length).toBeGreaterThan(0);
    for (const d of details) expect(d).toMatchObject({ path: expect.any(String), message: expect.any(String) });
  }
  return body;
}

/** Asserts a failure with this status and code in the contract's shape; returns the body. */
export function expectError(res: ApiResponse<unknown>, status: number, code?: string): ErrorBody {
  expect(res.status, `expected ${status}${code ? ` ${code}` : ''}, got ${res.status} ${JSON.stringify(res.body)}`).toBe(status);
  const body = expectErrorShape(res);
  if (code) expect(body.error.code).toBe(code);
  return body;
}

/** The `path` of each 422 detail. */
export function detailPaths(body: ErrorBody): string[] {
  return (body.error.details as { path: string }[]).map((d) => d.path);
}

/** Polls `probe` until it returns something other than undefined; fails with `what` after `timeoutMs`. */
export async function waitUntil<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
