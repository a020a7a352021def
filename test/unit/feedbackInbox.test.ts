// Pure pieces behind the feedback screens (client/src/feedback): how long an item has waited, said in both
// languages; the inbox reducer (order, live arrivals, my own changes, counts, greyed items); reading 409 conflicts
// and the checker's reasons; the routes; and the feedback_reply notification in both languages.
import { describe, expect, it } from 'vitest';
import type { Notification, User } from '../../server/contracts/api';
import type { Feedback } from '../../server/contracts/surveys';
import { ApiRequestError } from '../../client/src/api/errors';
import type { InboxCounts, InboxPage } from '../../client/src/feedback/api';
import { readCounts } from '../../client/src/feedback/api';
import { heldReasons, readConflict } from '../../client/src/feedback/conflict';
import { fbEn } from '../../client/src/feedback/i18n/en';
import { fbId } from '../../client/src/feedback/i18n/id';
import type { FbDictionary, FbPluralBase, FbTranslate } from '../../client/src/feedback/i18n/types';
import { reasonText } from '../../client/src/feedback/reasonText';
import { arrived, changed, compareInbox, emptyInbox, hasLeft, loaded, matchesView, seen, tabOf, type InboxView } from '../../client/src/feedback/inboxState';
import { matchFeedbackRoute, myFeedbackPath } from '../../client/src/feedback/routes';
import { mergeMine, repliedSince } from '../../client/src/feedback/useMyFeedback';
import { isOverdue, isWaiting, waitedSince, waitedText } from '../../client/src/feedback/waiting';
import { en } from '../../client/src/i18n/en';
import { interpolate } from '../../client/src/i18n/format';
import { id } from '../../client/src/i18n/id';
import type { Translate } from '../../client/src/i18n/types';
import { describeNotification } from '../../client/src/notifications/describeNotification';

const NOW = Date.parse('2026-12-05T12:00:00.000Z');
const hoursAgo = (hours: number): string => new Date(NOW - hours * 3_600_000).toISOString();
const minutesAgo = (minutes: number): string => new Date(NOW - minutes * 60_000).toISOString();

const user = (name: string): User => ({ id: `u-${name}`, handle: name.toLowerCase(), displayName: name, locale: 'id', createdAt: hoursAgo(1000) });
const ANI = user('Ani');
const BUDI = user('Budi');
const ME = user('Mira');

function feedback(idValue: string, overrides: Partial<Feedback> = {}): Feedback {
  const item = {
    id: idValue,
    communitySlug: 'warga',
    kind: 'question',
    body: `Pertanyaan ${idValue}`,
    status: 'new',
    screening: 'clear',
    author: ANI,
    assignee: null,
    replies: [],
    firstResponseAt: null,
    resolvedAt: null,
    version: 0,
    createdAt: hoursAgo(1),
    updatedAt: hoursAgo(1),
    replyCount: 0,
    ...overrides,
  };
  return item as Feedback;
}

const reply = (body: string, at: string) => ({ id: `r-${body}`, body, author: ME, createdAt: at });

function pluralOf(dictionary: FbDictionary, locale: string) {
  const rules = new Intl.PluralRules(locale);
  return (base: FbPluralBase, count: number): string => interpolate(dictionary[`${base}_${rules.select(count) === 'one' ? 'one' : 'other'}`], { count: String(count) });
}
const say = (dictionary: FbDictionary, locale: string) => {
  const tn = pluralOf(dictionary, locale);
  return (since: string) => waitedText(waitedSince(since, NOW), (key) => dictionary[key], tn);
};

const view = (overrides: Partial<InboxView> = {}): InboxView => ({ tab: 'new', kind: null, assignee: null, waitingHours: 24, onlyOverdue: false, meId: ME.id, ...overrides });
const counts = (overrides: Partial<InboxCounts> = {}): InboxCounts => ({ new: 0, in_progress: 0, resolved: 0, held: 0, ...overrides });
const page = (items: Feedback[], c: Partial<InboxCounts> = {}, nextCursor: string | null = null): InboxPage => ({ items, counts: counts(c), nextCursor });
const ids = (items: Feedback[]): string[] => items.map((item) => item.id);

describe('waiting time', () => {
  it('uses whole minutes, then hours up to three days, then days', () => {
    expect(waitedSince(new Date(NOW - 30_000).toISOString(), NOW)).toEqual({ unit: 'justNow', count: 0 });
    expect(waitedSince(minutesAgo(1), NOW)).toEqual({ unit: 'minutes', count: 1 });
    expect(waitedSince(minutesAgo(59), NOW)).toEqual({ unit: 'minutes', count: 59 });
    expect(waitedSince(minutesAgo(60), NOW)).toEqual({ unit: 'hours', count: 1 });
    expect(waitedSince(minutesAgo(26 * 60 + 59), NOW)).toEqual({ unit: 'hours', count: 26 });
    expect(waitedSince(hoursAgo(71), NOW)).toEqual({ unit: 'hours', count: 71 });
    expect(waitedSince(hoursAgo(72), NOW)).toEqual({ unit: 'days', count: 3 });
    expect(waitedSince(hoursAgo(24 * 9 + 23), NOW)).toEqual({ unit: 'days', count: 9 });
  });

  it('treats a clock running behind the server, or a broken date, as just now', () => {
    expect(waitedSince(new Date(NOW + 90_000).toISOString(), NOW)).toEqual({ unit: 'justNow', count: 0 });
    expect(waitedSince('not a date', NOW)).toEqual({ unit: 'justNow', count: 0 });
  });

  it('speaks Indonesian ("menunggu 26 jam") and English with plurals', () => {
    const inId = say(fbId, 'id');
    const inEn = say(fbEn, 'en');
    expect(inId(hoursAgo(26))).toBe('menunggu 26 jam');
    expect(inId(hoursAgo(1))).toBe('menunggu 1 jam');
    expect(inId(minutesAgo(5))).toBe('menunggu 5 menit');
    expect(inId(hoursAgo(24 * 4))).toBe('menunggu 4 hari');
    expect(inId(new Date(NOW).toISOString())).toBe('baru saja masuk');
    expect(inEn(hoursAgo(26))).toBe('waiting 26 hours');
    expect(inEn(hoursAgo(1))).toBe('waiting 1 hour');
    expect(inEn(minutesAgo(1))).toBe('waiting 1 minute');
    expect(inEn(hoursAgo(24 * 3))).toBe('waiting 3 days');
  });

  it('counts only open items nobody has answered, past the limit', () => {
    const old = feedback('a', { createdAt: hoursAgo(30) });
    expect(isWaiting(old)).toBe(true);
    expect(isOverdue(old, NOW, 24)).toBe(true);
    expect(isOverdue(old, NOW, 48)).toBe(false);
    expect(isOverdue(feedback('b', { createdAt: hoursAgo(24) }), NOW, 24)).toBe(false);
    const answered = feedback('c', { createdAt: hoursAgo(30), status: 'in_progress', firstResponseAt: hoursAgo(2), replies: [reply('ok', hoursAgo(2))] });
    expect(isWaiting(answered)).toBe(false);
    expect(isOverdue(answered, NOW, 24)).toBe(false);
    expect(isOverdue(feedback('d', { createdAt: hoursAgo(30), status: 'resolved', resolvedAt: hoursAgo(1) }), NOW, 24)).toBe(false);
  });
});

describe('inbox order', () => {
  it('puts items waiting past the limit first, then the other waiting ones oldest first, then the answered ones newest first', () => {
    const answeredOld = feedback('answered-old', { createdAt: hoursAgo(100), status: 'in_progress', firstResponseAt: hoursAgo(90), replies: [reply('x', hoursAgo(90))] });
    const answeredNew = feedback('answered-new', { createdAt: hoursAgo(5), status: 'in_progress', firstResponseAt: hoursAgo(4), replies: [reply('y', hoursAgo(4))] });
    const overdueNewer = feedback('overdue-newer', { createdAt: hoursAgo(26) });
    const overdueOlder = feedback('overdue-older', { createdAt: hoursAgo(50) });
    const fresh = feedback('fresh', { createdAt: minutesAgo(10) });
    const waiting = feedback('waiting', { createdAt: hoursAgo(3) });
    const items = [fresh, answeredOld, waiting, answeredNew, overdueNewer, overdueOlder].sort(compareInbox(NOW, 24));
    expect(ids(items)).toEqual(['overdue-older', 'overdue-newer', 'waiting', 'fresh', 'answered-new', 'answered-old']);
  });

  it('a limit of 72 hours keeps the waiting ones by age; resolved ones come newest first', () => {
    const a = feedback('a', { createdAt: hoursAgo(50) });
    const b = feedback('b', { createdAt: hoursAgo(2) });
    expect(ids([b, a].sort(compareInbox(NOW, 72)))).toEqual(['a', 'b']);
    const r1 = feedback('r1', { status: 'resolved', createdAt: hoursAgo(9), resolvedAt: hoursAgo(1) });
    const r2 = feedback('r2', { status: 'resolved', createdAt: hoursAgo(3), resolvedAt: hoursAgo(2) });
    expect(ids([r1, r2].sort(compareInbox(NOW, 24)))).toEqual(['r2', 'r1']);
  });
});

describe('inbox reducer', () => {
  it('loads a page in inbox order with the server counts', () => {
    const state = loaded(emptyInbox, page([feedback('b', { createdAt: hoursAgo(2) }), feedback('a', { createdAt: hoursAgo(30) })], { new: 2, held: 1 }, 'next'), view(), NOW);
    expect(ids(state.items)).toEqual(['a', 'b']);
    expect(state.counts).toEqual(counts({ new: 2, held: 1 }));
    expect(state.nextCursor).toBe('next');
  });

  it('appends a next page without dropping what is shown', () => {
    const first = loaded(emptyInbox, page([feedback('a', { createdAt: hoursAgo(30) })], { new: 2 }, 'c1'), view(), NOW);
    const second = loaded(first, page([feedback('b', { createdAt: hoursAgo(2) })], { new: 2 }), view(), NOW, true);
    expect(ids(second.items)).toEqual(['a', 'b']);
    expect(second.nextCursor).toBeNull();
  });

  it('feedback:new adds the item to the new tab at its place, counts it and marks it fresh', () => {
    const start = loaded(emptyInbox, page([feedback('old', { createdAt: hoursAgo(30) })], { new: 1 }), view(), NOW);
    const next = arrived(start, feedback('live', { createdAt: new Date(NOW).toISOString() }), view(), NOW);
    expect(ids(next.items)).toEqual(['old', 'live']);
    expect(next.counts.new).toBe(2);
    expect(next.fresh).toEqual(['live']);
    expect(seen(next, 'live').fresh).toEqual([]);
    // The same event twice (a reconnect, two processes) does not count twice.
    expect(arrived(next, feedback('live', { createdAt: new Date(NOW).toISOString() }), view(), NOW).counts.new).toBe(2);
  });

  it('feedback:new on another tab or outside the filters only moves the counts', () => {
    const onProgress = arrived(emptyInbox, feedback('x'), view({ tab: 'in_progress' }), NOW);
    expect(onProgress.items).toEqual([]);
    expect(onProgress.counts.new).toBe(1);
    const mineOnly = arrived(emptyInbox, feedback('y'), view({ assignee: 'me' }), NOW);
    expect(mineOnly.items).toEqual([]);
    const problems = arrived(emptyInbox, feedback('z', { kind: 'suggestion' }), view({ kind: 'problem' }), NOW);
    expect(problems.items).toEqual([]);
    const held = arrived(emptyInbox, feedback('h', { screening: 'held' }), view(), NOW);
    expect(held.items).toEqual([]);
    expect(held.counts).toEqual(counts({ held: 1 }));
    expect(ids(arrived(emptyInbox, feedback('h', { screening: 'held' }), view({ tab: 'held' }), NOW).items)).toEqual(['h']);
  });

  it('my own change moves the counts, keeps the item where it is and greys it when it left the tab', () => {
    const a = feedback('a', { createdAt: hoursAgo(30) });
    const b = feedback('b', { createdAt: hoursAgo(2) });
    const start = loaded(emptyInbox, page([a, b], { new: 2, in_progress: 3 }), view(), NOW);
    const assigned = changed(start, { ...a, assignee: ME, version: 1 }, view(), NOW);
    expect(assigned.counts).toEqual(start.counts);
    expect(assigned.items[0]?.assignee?.id).toBe(ME.id);
    const answered = changed(assigned, { ...a, assignee: ME, status: 'in_progress', firstResponseAt: hoursAgo(0), replies: [reply('halo', hoursAgo(0))], version: 2 }, view(), NOW);
    expect(ids(answered.items)).toEqual(['a', 'b']);
    expect(answered.counts).toEqual(counts({ new: 1, in_progress: 4 }));
    expect(hasLeft(answered.items[0] as Feedback, view())).toBe(true);
    // A reload of the tab keeps the greyed item I moved (now answered, so after the waiting ones) and takes the rest
    // from the server.
    const reloaded = loaded(answered, page([b], { new: 1, in_progress: 4 }), view(), NOW);
    expect(ids(reloaded.items)).toEqual(['b', 'a']);
  });

  it('an older version never overwrites a newer one', () => {
    const a = feedback('a', { version: 3, status: 'in_progress' });
    const start = loaded(emptyInbox, page([a], { in_progress: 1 }), view({ tab: 'in_progress' }), NOW);
    const stale = changed(start, { ...a, version: 2, status: 'new' }, view({ tab: 'in_progress' }), NOW);
    expect(stale).toBe(start);
  });

  it('release of held feedback moves it from "held" to "new"', () => {
    const h = feedback('h', { screening: 'held' });
    const heldView = view({ tab: 'held' });
    const start = loaded(emptyInbox, page([h], { held: 1, new: 4 }), heldView, NOW);
    expect(tabOf(h)).toBe('held');
    const released = changed(start, { ...h, screening: 'clear', version: 1 }, heldView, NOW);
    expect(released.counts).toEqual(counts({ held: 0, new: 5 }));
    expect(hasLeft(released.items[0] as Feedback, heldView)).toBe(true);
  });

  it('matches the filters: kind, assigned to me, unassigned, only overdue', () => {
    const mine = feedback('m', { assignee: ME, createdAt: hoursAgo(30) });
    const theirs = feedback('t', { assignee: BUDI, kind: 'problem' });
    const nobody = feedback('n');
    expect(matchesView(mine, view({ assignee: 'me' }), NOW)).toBe(true);
    expect(matchesView(theirs, view({ assignee: 'me' }), NOW)).toBe(false);
    expect(matchesView(nobody, view({ assignee: 'none' }), NOW)).toBe(true);
    expect(matchesView(mine, view({ assignee: 'none' }), NOW)).toBe(false);
    expect(matchesView(theirs, view({ kind: 'problem' }), NOW)).toBe(true);
    expect(matchesView(nobody, view({ kind: 'problem' }), NOW)).toBe(false);
    expect(matchesView(mine, view({ onlyOverdue: true }), NOW)).toBe(true);
    expect(matchesView(nobody, view({ onlyOverdue: true }), NOW)).toBe(false);
  });

  it('reads missing counts as zero', () => {
    expect(readCounts({ new: 3 })).toEqual(counts({ new: 3 }));
    expect(readCounts(null)).toEqual(counts());
  });
});

describe('conflicts and held reasons', () => {
  it('reads already_claimed with who has it, and version_conflict with the current item', () => {
    const current = feedback('a', { version: 4, assignee: BUDI });
    const claimed = readConflict(new ApiRequestError({ status: 409, code: 'already_claimed', message: 'x', details: { feedback: current } }));
    expect(claimed).toEqual({ kind: 'claimed', name: 'Budi', current });
    const bare = readConflict(new ApiRequestError({ status: 409, code: 'already_claimed', message: 'x', details: { assignee: { user: { displayName: 'Sari' } } } }));
    expect(bare).toEqual({ kind: 'claimed', name: 'Sari', current: null });
    expect(readConflict(new ApiRequestError({ status: 409, code: 'version_conflict', message: 'x' }))).toEqual({ kind: 'version', current: null });
    expect(readConflict(new ApiRequestError({ status: 422, code: 'validation_failed', message: 'x' }))).toBeNull();
    expect(readConflict(new Error('boom'))).toBeNull();
  });

  it('reads the checker reasons as objects or as JSON text', () => {
    // The server's shape (FeedbackCheckReason), and a scored one as the post checker writes them.
    const reasons = [
      { kind: 'word', source: 'preset', match: 'anjing', entry: 'anjing', action: 'hold', severity: 'severe', category: null, ruleId: null, start: 6, end: 12 },
      { source: 'wordlist', category: 'profanity', severity: 'severe', match: 'bangsat', score: 0.97 },
    ];
    const withReasons = (extra: Record<string, unknown>): Feedback => ({ ...feedback('h'), ...extra }) as unknown as Feedback;
    expect(heldReasons(withReasons({ reasons }))).toEqual([
      { source: 'preset · word · severe', kind: 'word', category: null, severity: 'severe', match: 'anjing', score: null, start: 6, end: 12 },
      { source: 'wordlist · profanity · severe', kind: null, category: 'profanity', severity: 'severe', match: 'bangsat', score: 0.97, start: null, end: null },
    ]);
    expect(heldReasons(withReasons({ checkReasons: JSON.stringify(reasons) }))).toHaveLength(2);
    expect(heldReasons(withReasons({ checkReasons: 'not json' }))).toEqual([]);
    expect(heldReasons(feedback('h'))).toEqual([]);
  });
});

describe('my feedback', () => {
  it('stays newest first and notices new replies', () => {
    const older = feedback('older', { createdAt: hoursAgo(5) });
    const newer = feedback('newer', { createdAt: hoursAgo(1) });
    const shown = mergeMine([], [older, newer]);
    expect(ids(shown)).toEqual(['newer', 'older']);
    const replied = { ...older, replies: [reply('Jawabannya...', hoursAgo(0))] };
    expect(repliedSince(shown, [replied, newer])).toEqual(['older']);
    expect(ids(mergeMine(shown, [replied]))).toEqual(['newer', 'older']);
    expect(mergeMine(shown, [replied])[1]?.replies).toHaveLength(1);
  });
});

describe('routes', () => {
  it('maps the three screens and back', () => {
    expect(matchFeedbackRoute({ pathname: '/c/warga/feedback', search: '' })).toEqual({ name: 'send', slug: 'warga' });
    expect(matchFeedbackRoute({ pathname: '/c/warga/feedback/inbox/', search: '' })).toEqual({ name: 'inbox', slug: 'warga' });
    expect(matchFeedbackRoute({ pathname: '/me/feedback', search: '?id=f%201' })).toEqual({ name: 'mine', focus: 'f 1' });
    expect(matchFeedbackRoute({ pathname: '/c/warga', search: '' })).toBeNull();
    expect(matchFeedbackRoute({ pathname: '/c/%E0%A4%A/feedback', search: '' })).toBeNull();
    expect(myFeedbackPath('f 1')).toBe('/me/feedback?id=f%201');
  });
});

describe('feedback_reply notification', () => {
  const translator = (dictionary: Record<string, string>): Translate =>
    ((key: string, vars?: Record<string, string | number>) => interpolate(dictionary[key] ?? key, vars)) as Translate;
  const note = (data: Record<string, unknown>): Notification => ({ id: 'n1', kind: 'feedback_reply', communitySlug: 'warga', data, readAt: null, createdAt: new Date(NOW).toISOString() });

  it('says who replied with an excerpt, in both languages, and leads to my feedback', () => {
    const n = note({ feedbackId: 'f1', communitySlug: 'warga', communityName: 'Warga Bandung', excerpt: 'Kopdar  berikutnya\nbulan depan.' });
    expect(describeNotification(n, translator(id))).toEqual({ text: 'Warga Bandung membalas masukan Anda: “Kopdar berikutnya bulan depan.”', reason: null, href: '/me/feedback?id=f1' });
    expect(describeNotification(n, translator(en)).text).toBe('Warga Bandung replied to your feedback: “Kopdar berikutnya bulan depan.”');
  });

  it('shortens a long excerpt to one line and works without one', () => {
    const long = describeNotification(note({ feedbackId: 'f1', excerpt: 'a'.repeat(300) }), translator(en)).text;
    expect(long.length).toBeLessThan(140);
    expect(long).toContain('…');
    expect(describeNotification(note({}), translator(id))).toEqual({ text: 'warga membalas masukan Anda.', reason: null, href: '/me/feedback' });
    // Code points, not UTF-16 units: an emoji at the cut is kept whole.
    const emoji = describeNotification(note({ excerpt: `${'a'.repeat(78)}😀😀😀` }), translator(en)).text;
    expect(emoji).toContain(`${'a'.repeat(78)}😀…`);
  });
});

describe('dictionaries', () => {
  it('have the same keys in both languages and no empty strings', () => {
    expect(Object.keys(fbId).sort()).toEqual(Object.keys(fbEn).sort());
    for (const value of [...Object.values(fbEn), ...Object.values(fbId)]) expect(value.trim()).not.toBe('');
  });
});

describe('held reasons in words', () => {
  const tr = (dictionary: FbDictionary) => ((key: keyof FbDictionary, vars?: Record<string, string | number>) => interpolate(dictionary[key], vars)) as FbTranslate;
  const base = { source: 'x', kind: null, category: null, severity: null, match: null, score: null, start: null, end: null };

  it('names community rules and the built-in list, with category and severity, in both languages', () => {
    const rule = { ...base, source: 'rule · word_rule', kind: 'word_rule', match: 'kampret' };
    const lexicon = { ...base, source: 'lexicon · insult · severe', kind: 'lexicon', category: 'insult', severity: 'severe', match: 'bangsat' };
    expect(reasonText(rule, tr(fbId))).toBe('Aturan kata komunitas: “kampret”');
    expect(reasonText(rule, tr(fbEn))).toBe('Community word rule: “kampret”');
    expect(reasonText(lexicon, tr(fbId))).toBe('Daftar kata bawaan (hinaan, berat): “bangsat”');
    expect(reasonText(lexicon, tr(fbEn))).toBe('Built-in word list (insult, severe): “bangsat”');
  });

  it('falls back to the checker names, and shows a score when there is one', () => {
    expect(reasonText({ ...base, source: 'spam · shouting', kind: 'shouting', score: 0.5 }, tr(fbEn))).toBe('spam · shouting (score 0.50)');
    expect(reasonText({ ...base, source: 'spam · shouting', kind: 'shouting' }, tr(fbId))).toBe('spam · shouting');
  });
});
