import { describe, expect, it } from 'vitest';
import { normalizedString, normalizeText } from '../../server/checker/index';
import { tokenText } from '../../server/checker/normalize/normalizeText';
import { check } from './helpers';

describe('normalizeText', () => {
  it.each([
    ['NFKC / full-width letters', 'ｆｕｃｋ you', 'fuck you'],
    ['case folding', 'ANJING', 'anjing'],
    ['diacritics', 'fück ànjìng', 'fuck anjing'],
    ['zero-width characters', 'fu\u200Bck an\u200Djing', 'fuck anjing'],
    ['Cyrillic look-alikes', 'аnjing ѕhit', 'anjing shit'],
    ['Greek look-alikes', 'ΚΟΝΤΟL', 'kontol'],
    ['leetspeak digits', '4nj1ng b4ngs4t', 'anjing bangsat'],
    ['leetspeak symbols', 'a$$hole sh!t b@ngsat', 'asshole shit bangsat'],
  ])('folds %s', (_kind, input, expected) => {
    expect(normalizedString(normalizeText(input))).toBe(expected);
  });

  it('keeps numbers, prices and times as digits', () => {
    expect(normalizedString(normalizeText('Rp 5000, jam 10, mulai 10am, covid19, Galaxy A55'))).toBe(
      'rp 5000 jam 10 mulai 10am covid19 galaxy a55',
    );
  });

  it('treats links and e-mail addresses as opaque (no leetspeak inside them)', () => {
    const norm = normalizeText('see bit.ly/4nj1ng or mail b4ngs4t@example.com');
    expect(normalizedString(norm)).toBe('see bit ly 4nj1ng or mail b4ngs4t example com');
    expect(norm.entities.links).toHaveLength(1);
    expect(norm.entities.emails).toHaveLength(1);
  });

  it('joins letters written apart into one extra token', () => {
    const norm = normalizeText('what the f u c k is this');
    expect(normalizedString(norm)).toBe('what the f u c k is this');
    const joined = norm.tokens.filter((t) => t.split).map((t) => tokenText(norm, t));
    expect(joined).toContain('fuck');
    // Short words around the letters ("is") may join a second, longer run; ordinary words never do.
    expect(joined.every((text) => text.startsWith('fuck'))).toBe(true);
  });

  it('treats a leading @ as a mention, not a letter', () => {
    expect(normalizedString(normalizeText('@budi thanks'))).toBe('abudi thanks');
    expect(check('@budi thanks, see you @sari').action).toBe('publish');
  });
});

describe('evasions are caught and reported on the original span', () => {
  it.each([
    ['spaced letters', 'what the f u c k is this', 'f u c k', 'fuck'],
    ['dotted letters', 'F.U.C.K off', 'F.U.C.K', 'fuck'],
    ['dashed letters', 'k-o-n-t-o-l', 'k-o-n-t-o-l', 'kontol'],
    ['spaced capitals', 'B U L L S H I T', 'B U L L S H I T', 'bullshit'],
    ['repeated letters', 'fuuuuuck this', 'fuuuuuck', 'fuck'],
    ['repeated vowels (id)', 'anjiiiing lah', 'anjiiiing', 'anjing'],
    ['doubled final consonant', 'goblokk', 'goblokk', 'goblok'],
    ['leet digits', 'dasar 4nj1ng', '4nj1ng', 'anjing'],
    ['leet symbols', 'a$$hole moderators', 'a$$hole', 'asshole'],
    ['interior !', 'this is sh!t', 'sh!t', 'shit'],
    ['asterisk wildcard', 'f*ck this', 'f*ck', 'fuck'],
    ['v for u', 'what the fvck', 'fvck', 'fuck'],
    ['full-width', 'ｆｕｃｋ you all', 'ｆｕｃｋ', 'fuck'],
    ['zero-width inside', 'ko\u200Bntol', 'ko\u200Bntol', 'kontol'],
    ['combining diacritic', 'fu\u0308ck', 'fu\u0308ck', 'fuck'],
    ['Cyrillic letters', 'аnjing', 'аnjing', 'anjing'],
    ['dropped vowel', 'bjingan semua', 'bjingan', 'bajingan'],
    ['consonant skeleton', 'bngst lu', 'bngst', 'bangsat'],
    ['final consonant as spoken', 'ngentod', 'ngentod', 'ngentot'],
    ['word split in two', 'dasar kon tol', 'kon tol', 'kontol'],
    ['@ for a', '@sshole', '@sshole', 'asshole'],
    ['spaced pieces of one or two letters', 'f u ck you', 'f u ck', 'fuck'],
    ['enclosed letters', 'go 🅵🆄🅲🅺 yourself', '🅵🆄🅲🅺', 'fuck'],
    ['circled letters', 'ⓕⓤⓒⓚ', 'ⓕⓤⓒⓚ', 'fuck'],
    ['Armenian look-alike', 'fսck', 'fսck', 'fuck'],
    ['trailing @ for a', 'you mothafuck@!', 'mothafuck@', 'mothafucka'],
  ])('%s: %s', (_kind, text, span, entry) => {
    const reason = check(text).reasons.find((r) => r.source === 'lexicon');
    expect(reason?.entry).toBe(entry);
    expect(reason?.match).toBe(span);
    expect(text.slice(reason?.start, reason?.end)).toBe(span);
  });

  it('reports offsets in the original text when characters before the match are folded or removed', () => {
    const text = 'ｈｅｙ\u200B\u200B you, ａｎｊｉｎｇ!';
    const reason = check(text).reasons[0];
    expect(reason?.match).toBe('ａｎｊｉｎｇ');
    expect(text.slice(reason?.start, reason?.end)).toBe('ａｎｊｉｎｇ');
  });

  it('covers astral characters (mathematical letters) in the span', () => {
    const text = 'ok 𝐟𝐮𝐜𝐤 ok';
    const reason = check(text).reasons[0];
    expect(reason?.match).toBe('𝐟𝐮𝐜𝐤');
  });
});
