import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors';
import { decodeCursor, encodeCursor, toPage } from '../../server/lib/cursor';
import { parseHashtags } from '../../server/lib/hashtags';
import { localeFromHeader } from '../../server/lib/locale';
import { hashPassword, verifyPassword } from '../../server/lib/passwords';
import { loadConfig, ConfigError } from '../../server/config';

describe('hashtags', () => {
  it('parses distinct, lower-cased tags in any script, not anchors or numbers', () => {
    expect(parseHashtags('Kopdar #Jakarta dan #kopi, lagi #KOPI! #1 a#b http://x.id/#frag #日本')).toEqual(['jakarta', 'kopi', '日本']);
  });
  it('stops at 20 tags', () => {
    expect(parseHashtags(Array.from({ length: 30 }, (_, i) => `#t${i}`).join(' '))).toHaveLength(20);
  });
});

describe('cursor', () => {
  it('round-trips and pages with one extra row', () => {
    const at = new Date('2026-11-22T01:02:03.004Z');
    expect(decodeCursor(encodeCursor({ at, id: 'abc' }))).toEqual({ at, id: 'abc' });
    const rows = [1, 2, 3].map((n) => ({ n, at, id: String(n) }));
    const page = toPage(rows, 2, (r) => ({ at: r.at, id: r.id }));
    expect(page.rows.map((r) => r.n)).toEqual([1, 2]);
    expect(decodeCursor(page.nextCursor ?? '')).toEqual({ at, id: '2' });
    expect(toPage(rows, 3, (r) => ({ at: r.at, id: r.id })).nextCursor).toBeNull();
  });
  it('answers a tampered cursor with a 400', () => {
    for (const bad of ['garbage', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["nope","x"]').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(AppError);
    }
  });
});

describe('locale', () => {
  it('prefers Indonesian when the browser ranks it above English', () => {
    expect(localeFromHeader('id-ID,id;q=0.9,en;q=0.8')).toBe('id');
    expect(localeFromHeader('en-US,en;q=0.9,id;q=0.8')).toBe('en');
    expect(localeFromHeader('fr-FR,id;q=0.5')).toBe('id');
    expect(localeFromHeader(undefined)).toBeNull();
    expect(localeFromHeader('*')).toBeNull();
    expect(localeFromHeader('fr-FR')).toBeNull();
  });
});

describe('passwords', () => {
  it('verifies the right password only', async () => {
    const hash = await hashPassword('kata-sandi-rahasia');
    expect(hash.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('kata-sandi-rahasia', hash)).toBe(true);
    expect(await verifyPassword('kata-sandi-salah!', hash)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});

describe('config', () => {
  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'abc', REDIS_URL: 'http://x', RUKUN_RATE_LIMITS: 'maybe' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/REDIS_URL/);
      expect(problems).toMatch(/RUKUN_RATE_LIMITS/);
    }
  });
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe('file:./data/rukun.db');
  });
});
