import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../../server/checker/index';
import { check, makeAuthor, NOW } from './helpers';

const minutesAgo = (minutes: number): Date => new Date(NOW.getTime() - minutes * 60_000);

describe('duplicate phase', () => {
  const text = 'Promo diskon besar hari ini, cek grup sebelah!';

  it('holds the same text from the same author within minutes, compared after normalisation', () => {
    const author = makeAuthor({ recentPosts: [{ body: 'PROMO   diskon besaaar hari ini... cek grup sebelah', createdAt: minutesAgo(3) }] });
    const result = check(text, { author });
    expect(result.action).toBe('hold');
    expect(result.reasons[0]).toMatchObject({ source: 'spam', kind: 'duplicate', start: 0, end: text.length });
  });

  it('ignores copies outside the window, different texts and very short texts', () => {
    expect(check(text, { author: makeAuthor({ recentPosts: [{ body: text, createdAt: minutesAgo(30) }] }) }).reasons).toEqual([]);
    expect(check(text, { author: makeAuthor({ recentPosts: [{ body: 'Something else', createdAt: minutesAgo(1) }] }) }).reasons).toEqual([]);
    expect(check('ok siap', { author: makeAuthor({ recentPosts: [{ body: 'ok siap', createdAt: minutesAgo(1) }] }) }).reasons).toEqual([]);
  });
});

describe('link flood phase', () => {
  it('holds more than three links and spans them', () => {
    const text = 'a.com b.com https://c.io/x www.d.net';
    const [reason] = check(text).reasons;
    expect(reason).toMatchObject({ kind: 'link_flood', action: 'hold', match: text, normalized: '4 links' });
  });

  it('allows three links and respects a community threshold', () => {
    expect(check('a.com b.com c.com').reasons).toEqual([]);
    const strict = compileRuleSet({ version: 1, rules: [], spam: { maxLinks: 1 } });
    expect(check('a.com b.com', { compiled: strict }).reasons[0]?.kind).toBe('link_flood');
  });
});

describe('mention flood phase', () => {
  it('holds more than five mentions but not e-mail addresses', () => {
    expect(check('@a @b @c @d @e @f lihat ini').reasons[0]).toMatchObject({ kind: 'mention_flood', action: 'hold' });
    expect(check('@a @b @c @d @e lihat ini').reasons).toEqual([]);
    expect(check('a@x.com b@x.com c@x.com d@x.com e@x.com f@x.com').reasons.filter((r) => r.kind === 'mention_flood')).toEqual([]);
  });
});

describe('new member link phase', () => {
  it('flags a link from a member who joined less than a day ago', () => {
    const author = makeAuthor({ joinedAt: new Date(NOW.getTime() - 2 * 3_600_000) });
    const result = check('Cek www.promo-murah.com ya', { author });
    expect(result.action).toBe('flag');
    expect(result.reasons[0]).toMatchObject({ kind: 'new_member_link', match: 'www.promo-murah.com' });
    expect(check('Halo semua, salam kenal', { author }).reasons).toEqual([]);
    expect(check('Cek www.promo-murah.com ya').reasons).toEqual([]);
  });
});

describe('shouting phase', () => {
  it('flags long texts that are mostly capitals, not short ones', () => {
    expect(check('KENAPA ADMIN TIDAK PERNAH MEMBALAS PESAN SAYA').reasons[0]).toMatchObject({ kind: 'shouting', action: 'flag' });
    expect(check('MANTAP SEKALI!').reasons).toEqual([]);
    expect(check('Acara KOPDAR bulan ini di Jakarta Selatan ya').reasons).toEqual([]);
  });
});

describe('verdict', () => {
  it('is the most severe action of all reasons', () => {
    const author = makeAuthor({ joinedAt: new Date(NOW.getTime() - 3_600_000) });
    const result = check('KONTOL LIHAT WWW.SPAM.COM SEKARANG JUGA YA SEMUA', { author });
    expect(result.reasons.map((r) => r.kind).sort()).toEqual(['lexicon', 'new_member_link', 'shouting']);
    expect(result.action).toBe('hold');
  });

  it('publishes clean text with no reasons and nothing censored', () => {
    expect(check('Selamat pagi semua')).toEqual({ action: 'publish', reasons: [], censored: null, censoredTitle: null });
  });
});
