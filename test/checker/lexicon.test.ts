import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../../server/checker/index';
import { check, entries } from './helpers';

describe('lexicon phase', () => {
  it.each([
    'Scunthorpe', 'assassin', 'class', 'pass', 'assess', 'Middlesex', 'cocktail', 'therapist', 'Cumulative', 'hancock',
    'Shiitake', 'Shiites', 'Dickens', 'cumin', 'summa cum laude', 'Titanic', 'analysis', 'Arsenal', 'batch', 'Niger',
    'asuransi', 'asusila', 'asumsi', 'asupan', 'pengasuh', 'santai', 'pantai', 'petai', 'memekik', 'memekakkan',
    'setangkai', 'begonia', 'cukup', 'cukai', 'tahi lalat', 'tai chi', 'bener', 'beneran', 'pakis', 'fagot',
    'suka', 'pula', 'dupa', 'kanker', 'hore', 'jinggaan', 'pelacuran', 'Ari Pollak',
    'UUID=709cbe4c-80c1-56db-8ab1-dbce3146d2f7', "who're you", 'She bangs at the door', 'bring your ball bag',
    'go blok sebelah', 'is it ok', 'di ke ya a b',
  ])('keeps "%s" clean', (text) => {
    expect(check(text).reasons).toEqual([]);
  });

  it.each([
    ['anjingnya', 'anjing'],
    ['goblokk', 'goblok'],
    ['bangsatt', 'bangsat'],
    ['kontolmu', 'kontol'],
    ['dasar tolol', 'tolol'],
    ['anjinglah', 'anjing'],
    ['bangsatannya', 'bangsat'],
    ['goblokin', 'goblok'],
    ['memeknya', 'memek'],
    ['fuckyou', 'fuck'],
    ['bitches', 'bitches'],
  ])('matches the affixed form %s', (text, entry) => {
    expect(entries(text)).toEqual([entry]);
  });

  it('maps severities to actions: severe holds, strong and mild flag', () => {
    expect(check('kontol').action).toBe('hold');
    expect(check('bangsat').action).toBe('flag');
    expect(check('crap').action).toBe('flag');
    const [reason] = check('kontol').reasons;
    expect(reason).toMatchObject({ source: 'lexicon', kind: 'lexicon', severity: 'severe', category: 'sexual', lang: 'id', action: 'hold' });
  });

  it('lets a community override the severity mapping', () => {
    const strict = compileRuleSet({ version: 1, rules: [], lexiconActions: { strong: 'hold', mild: 'censor' } });
    expect(check('bangsat', { compiled: strict }).action).toBe('hold');
    const mild = check('what crap', { compiled: strict });
    expect(mild.action).toBe('censor');
    expect(mild.censored).toBe('what ****');
  });

  it('treats animal words literally next to literal context, as insults otherwise', () => {
    expect(check('Saya punya anjing kecil').action).toBe('publish');
    expect(check('Anjing laut berenang').action).toBe('publish');
    expect(check('Restoran ini tidak menjual daging babi').action).toBe('publish');
    expect(check('Dasar anjing kamu').action).toBe('flag');
    expect(check('Dasar anjing itu').action).toBe('flag');
    expect(check('Anjing, itu orang gila').action).toBe('flag');
  });

  it('keeps the most specific entry when hits overlap', () => {
    expect(entries('fucking hell')).toEqual(['fucking']);
    expect(entries('B U L L S H I T')).toEqual(['bullshit']);
  });

  it('ignores words inside links and e-mail addresses', () => {
    expect(check('mail budi@asu.co.id or see kontol.example.com/anjing').reasons.filter((r) => r.source === 'lexicon')).toEqual([]);
  });

  it('checks the title too and reports which field matched', () => {
    const result = check('isi postingan biasa', { title: 'Dasar goblok' });
    expect(result.reasons[0]).toMatchObject({ field: 'title', match: 'goblok', entry: 'goblok' });
  });
});
