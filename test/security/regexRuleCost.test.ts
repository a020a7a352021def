// Finding 2 of issue 9: a regex word rule could freeze the event loop. Proves that patterns whose program is
// too large are refused with 422 and a reason naming the limit, that repeat counts multiply in that size, and
// that the worst accepted rule on a post of the maximum length is checked whole, a bounded window per call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkText, compileRuleSet, validateRule, type WordRule } from '../../server/checker/index';
import { CELLS_PER_CALL, MAX_PROGRAM_SIZE } from '../../server/checker/rules/regexSafety';
import { apiClient, type ApiClient } from '../helpers/api';
import { createCommunity, createUser } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/testServer';

const rep = (piece: string, times: number): string => piece.repeat(times);
const MAX_POST = 10_000;

// Each was accepted before and took about a second per check on a 10,000-character post (see the report).
const HOSTILE = {
  'many bounded repeats in a row': `a${rep('.{100}', 80)}#`,
  'an alternation of bounded repeats': `(${Array.from({ length: 40 }, (_, i) => `${String.fromCharCode(97 + (i % 26))}.{10}`).join('|')})#`,
  'character classes repeated': `a${rep('[a-z]{100}', 45)}#`,
  'nested repeats whose counts multiply': '((ab){1}){100}',
};

// The largest program accepted: 'a', sixteen .{5} and '#' expand to 98 steps per character.
const WORST_ACCEPTED = `a${rep('.{5}', 16)}#`;
const rule = (pattern: string): WordRule => ({ id: 'r1', pattern, match: 'regex', action: 'hold', locale: null });
const author = { id: 'a', joinedAt: new Date(0), recentPosts: [] };
const now = new Date('2026-11-22T10:00:00Z');

describe('regex rule cost is bounded at creation', () => {
  it.each(Object.entries(HOSTILE))('refuses %s as too complex, naming the limit in both languages', (_name, pattern) => {
    expect(pattern.length).toBeLessThanOrEqual(500);
    const error = validateRule(rule(pattern));
    expect(error?.code).toBe('regex_too_complex');
    expect(error?.limit).toBe(MAX_PROGRAM_SIZE);
    expect(error?.message).toContain(`limit is ${MAX_PROGRAM_SIZE}`);
    expect(error?.messages?.id).toContain(`batasnya ${MAX_PROGRAM_SIZE}`);
  });

  it('accepts the worst rule at the limit and keeps every engine call within the cell budget', () => {
    expect(validateRule(rule(WORST_ACCEPTED))).toBeNull();
    const [compiled] = compileRuleSet({ version: 1, rules: [rule(WORST_ACCEPTED)] }).regexRules;
    if (compiled === undefined) throw new Error('no regex rule compiled');
    expect(compiled.engine.re2().numberOfInstructions()).toBeLessThanOrEqual(MAX_PROGRAM_SIZE);
    expect(compiled.window.length * compiled.engine.re2().numberOfInstructions()).toBeLessThanOrEqual(CELLS_PER_CALL);
    // A post of the maximum length does not fit in one call: it is read in windows.
    expect(compiled.window.length).toBeLessThan(MAX_POST);
  });
});

describe('a post of the maximum length against the worst accepted rule', () => {
  // A clock that never moves: these prove the windows give the right answer, whatever the machine's speed.
  const compiled = compileRuleSet({ version: 1, rules: [rule(WORST_ACCEPTED)], regex: { clock: () => 0 } });
  const run = (text: string) => checkText({ text, title: null, compiled, author, now });
  const window = compiled.regexRules[0]?.window ?? { length: 0, overlap: 0 };

  it('finds a match at the very end of adversarial text', () => {
    const text = `${'a'.repeat(MAX_POST - 1)}#`;
    const result = run(text);
    expect(result.action).toBe('hold');
    expect(result.reasons.filter((r) => r.kind === 'regex_rule')).toMatchObject([{ start: MAX_POST - 82, end: MAX_POST, match: text.slice(-82) }]);
    expect(result.reasons.some((r) => r.kind === 'regex_timeout')).toBe(false);
  });

  it('finds a match that straddles the boundary between two windows, once', () => {
    const match = `a${'b'.repeat(80)}#`;
    const at = window.length - 40;
    const text = `${'x'.repeat(at)}${match}${'x'.repeat(MAX_POST - at - match.length)}`;
    const reasons = run(text).reasons.filter((r) => r.kind === 'regex_rule');
    expect(reasons).toMatchObject([{ start: at, end: at + match.length }]);
  });

  it('reads word boundaries with the real neighbours at a window edge', () => {
    // The second alternative only makes the program large enough to need windows on a long post.
    const boundary = compileRuleSet({ version: 1, rules: [rule(String.raw`\b(?:spam|z{60}q)\b`)], regex: { clock: () => 0 } });
    const [spam] = boundary.regexRules;
    if (spam === undefined) throw new Error('no regex rule compiled');
    const step = spam.window.length - spam.window.overlap;
    // Some window starts on the 's' of an 'xspam', where a window without context would see the word "spam".
    const starts = Array.from({ length: Math.floor(MAX_POST / step) }, (_, i) => (i + 1) * step);
    expect(starts.some((start) => start % 5 === 1)).toBe(true);
    const text = 'xspam'.repeat(MAX_POST / 5);
    expect(checkText({ text, title: null, compiled: boundary, author, now }).reasons.filter((r) => r.kind === 'regex_rule')).toEqual([]);
    const hit = `${'xspam'.repeat(MAX_POST / 5 - 2)} spam!`;
    expect(checkText({ text: hit, title: null, compiled: boundary, author, now }).reasons.filter((r) => r.kind === 'regex_rule')).toHaveLength(1);
  });
});

describe('through the API', () => {
  let server: TestServer;
  let api: ApiClient;
  beforeAll(async () => {
    server = await startTestServer();
    api = apiClient(server.baseUrl);
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers 422 with the reason and the limit, for a new rule and for a preview', async () => {
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    for (const path of ['word-rules', 'word-rules/preview']) {
      for (const pattern of [...Object.values(HOSTILE), 'a(.{100}){80}#']) {
        const res = await api.request<{ error: { code: string; details: { path: string; code: string; message: string; limit?: number }[] } }>('POST', `/api/communities/${community.slug}/${path}`, {
          token: owner.token,
          body: { pattern, match: 'regex', action: 'hold' },
        });
        expect(res.status).toBe(422);
        const [detail] = res.body.error.details;
        expect(detail?.path).toBe('body.pattern');
        expect(['regex_too_complex', 'catastrophic_regex']).toContain(detail?.code);
        if (detail?.code === 'regex_too_complex') expect(detail.limit).toBe(MAX_PROGRAM_SIZE);
        expect(detail?.message.length).toBeGreaterThan(20);
      }
    }
  });

  it('checks a post of the maximum length against the worst accepted rule, to the right answer', async () => {
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    const created = await api.request('POST', `/api/communities/${community.slug}/word-rules`, { token: owner.token, body: { pattern: WORST_ACCEPTED, match: 'regex', action: 'block' } });
    expect(created.status).toBe(201);
    const body = `${'a'.repeat(MAX_POST - 1)}#`;
    const res = await api.request<{ action: string; reasons: { kind: string; start: number; end: number }[] }>('POST', `/api/communities/${community.slug}/moderation/check`, { token: owner.token, body: { body } });
    expect(res.status).toBe(200);
    // The budget runs on the real clock here (a frozen one above proves the windows): on a machine loaded enough to
    // spend 50 ms on a check that takes 5-10 ms, the post is held for a human. It is never let through.
    if (res.body.action === 'hold') {
      expect(res.body.reasons.map((r) => r.kind)).toContain('regex_timeout');
      return;
    }
    expect(res.body.action).toBe('block');
    expect(res.body.reasons.filter((r) => r.kind === 'regex_rule')).toMatchObject([{ start: MAX_POST - 82, end: MAX_POST }]);
  });
});
