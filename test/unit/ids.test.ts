// newId (server/lib/ids.ts): UUIDv7 from pooled random bytes, still time-ordered and monotonic within the process.
import { describe, expect, it } from 'vitest';
import { newId } from '../../server/lib/ids';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The Unix milliseconds a UUIDv7 carries in its first 48 bits. */
const msecsOf = (id: string) => Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('newId', () => {
  it('makes valid, distinct UUIDv7s that sort in the order they were made, many per millisecond and across refills of the random pool', () => {
    const before = Date.now();
    const ids = Array.from({ length: 5000 }, () => newId());
    const after = Date.now();
    for (const id of ids) expect(id).toMatch(UUID_V7);
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i++) expect((ids[i] as string) > (ids[i - 1] as string)).toBe(true);
    expect(msecsOf(ids[0] as string)).toBeGreaterThanOrEqual(before);
    expect(msecsOf(ids.at(-1) as string)).toBeLessThanOrEqual(after);
  });

  it('varies the random part from one id to the next', () => {
    const tails = new Set(Array.from({ length: 200 }, () => newId().slice(-12)));
    expect(tails.size).toBe(200);
  });
});
