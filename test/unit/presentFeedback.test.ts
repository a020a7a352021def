// The two views of a feedback item: staff see who took it, held state and the checker's reasons; its author sees it
// as sent (clear, no reasons, no assignee) with the replies and who wrote them.
import { describe, expect, it } from 'vitest';
import { presentFeedback, type FeedbackRow } from '../../server/presenters/presentFeedback';

const at = new Date('2026-12-05T03:00:00.000Z');
const user = (id: string, locale = 'id') => ({ id, handle: `h_${id}`, displayName: `Nama ${id}`, locale, createdAt: at });
const reason = { kind: 'lexicon', source: 'lexicon', match: 'bangsat', entry: 'bangsat', action: 'hold', severity: 'strong', category: 'insult', ruleId: null, start: 6, end: 13 };

function row(overrides: Partial<FeedbackRow> = {}): FeedbackRow {
  return {
    id: 'f1',
    kind: 'problem',
    body: 'Dasar bangsat',
    status: 'in_progress',
    screening: 'held',
    checkReasons: JSON.stringify([reason]),
    firstResponseAt: at,
    resolvedAt: null,
    statusChangedAt: null,
    replyCount: 1,
    version: 3,
    createdAt: at,
    updatedAt: at,
    community: { slug: 'kopdar' },
    author: user('author', 'en'),
    assignee: user('mod'),
    replies: [{ id: 'r1', body: 'Kami cek dulu.', createdAt: at, author: user('mod') }],
    ...overrides,
  };
}

describe('presentFeedback', () => {
  it('shows staff the assignee, the held state and the reasons', () => {
    const staff = presentFeedback(row(), 'staff');
    expect(staff).toMatchObject({ screening: 'held', assignee: { id: 'mod' }, reasons: [reason], version: 3, communitySlug: 'kopdar' });
  });

  it('shows the author a held item as sent: clear, no reasons, no assignee, with the replies and their writers', () => {
    const own = presentFeedback(row(), 'author');
    expect(own).toMatchObject({ screening: 'clear', assignee: null, replies: [{ id: 'r1', body: 'Kami cek dulu.', author: { id: 'mod', displayName: 'Nama mod' } }] });
    expect(own).not.toHaveProperty('reasons');
    expect(JSON.stringify(own)).not.toContain('"match"');
  });

  it('gives no reasons on clear feedback, and reads broken stored reasons as none', () => {
    expect(presentFeedback(row({ screening: 'clear' }), 'staff')).not.toHaveProperty('reasons');
    expect(presentFeedback(row({ checkReasons: '{not json' }), 'staff').reasons).toEqual([]);
    expect(presentFeedback(row({ checkReasons: '{"a":1}' }), 'staff').reasons).toEqual([]);
  });

  it('never carries e-mail addresses or other private user fields', () => {
    const withEmail = { ...user('author'), email: 'rahasia@example.test', passwordHash: 'x' };
    const shown = JSON.stringify(presentFeedback(row({ author: withEmail, assignee: withEmail }), 'staff'));
    expect(shown).not.toContain('rahasia@example.test');
    expect(shown).not.toContain('passwordHash');
  });
});
