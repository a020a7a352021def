// Word rules through the whole pipeline: who may manage them, what each action does to a post (block at submission,
// hold, flag and censor through the worker, allow over the lexicons), phrase and regex matching, refused regexes,
// the dry-run check, and the audit trail of rule and settings changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Post, ReasonView } from '../../../server/contracts/api';
import { apiClient, type ApiClient } from '../../helpers/api';
import { createPost, unique, waitForPost, type TestUser } from '../../helpers/factories';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { expectError } from '../support';
import { auditLog, cast, heldPost, itemFor, openQueue, publishedPost } from './support';

let server: TestServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await server.close();
});

interface Rule {
  id: string;
  pattern: string;
  match: string;
  action: string;
  locale: string | null;
  createdById: string;
  createdAt: string;
}

interface CheckReply {
  action: string;
  reasons: (ReasonView & { start: number; end: number; match: string; field: string })[];
  censored: string | null;
}

async function addRule(user: TestUser, slug: string, rule: { pattern: string; match: string; action: string; locale?: string }): Promise<Rule> {
  const res = await api.request<{ rule: Rule }>('POST', `/api/communities/${slug}/word-rules`, { token: user.token, body: rule });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.rule;
}

async function listRules(user: TestUser, slug: string) {
  return api.request<{ items: Rule[] }>('GET', `/api/communities/${slug}/word-rules`, { token: user.token });
}

async function check(user: TestUser, slug: string, body: string) {
  return api.request<CheckReply>('POST', `/api/communities/${slug}/moderation/check`, { token: user.token, body: { body } });
}

async function getPost(user: TestUser, postId: string) {
  return api.request<{ post: Post }>('GET', `/api/posts/${postId}`, { token: user.token });
}

/** Waits until the worker has finished checking the post (published, or held for review). */
async function checked(author: TestUser, postId: string): Promise<Post> {
  return waitForPost(api, author, postId, (p) => p.status === 'published' || p.review === 'awaiting_review');
}

describe('managing word rules', () => {
  it('lets a manager create, list and delete rules', async () => {
    const { community, manager } = await cast(api);
    const rule = await addRule(manager, community.slug, { pattern: 'judol', match: 'word', action: 'hold', locale: 'id' });
    expect(rule).toMatchObject({ id: expect.any(String), pattern: 'judol', match: 'word', action: 'hold', locale: 'id', createdById: manager.id, createdAt: expect.any(String) });
    const second = await addRule(manager, community.slug, { pattern: 'slot gacor', match: 'phrase', action: 'flag' });
    expect(second.locale).toBeNull();

    const listed = await listRules(manager, community.slug);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((r) => r.id).sort()).toEqual([rule.id, second.id].sort());

    expect((await api.request('DELETE', `/api/word-rules/${rule.id}`, { token: manager.token })).status).toBe(204);
    expect((await listRules(manager, community.slug)).body.items.map((r) => r.id)).toEqual([second.id]);
    expectError(await api.request('DELETE', `/api/word-rules/${rule.id}`, { token: manager.token }), 404, 'not_found');
  });

  it('refuses moderators (403) and members', async () => {
    const { community, manager, moderator, members } = await cast(api);
    const [member] = members as [TestUser];
    const rule = await addRule(manager, community.slug, { pattern: 'judol', match: 'word', action: 'hold' });

    expectError(await listRules(moderator, community.slug), 403, 'forbidden');
    expectError(await api.request('POST', `/api/communities/${community.slug}/word-rules`, { token: moderator.token, body: { pattern: 'togel', match: 'word', action: 'block' } }), 403, 'forbidden');
    expectError(await api.request('DELETE', `/api/word-rules/${rule.id}`, { token: moderator.token }), 403, 'forbidden');
    expectError(await check(moderator, community.slug, 'halo'), 403, 'forbidden');
    expectError(await listRules(member, community.slug), 403, 'forbidden');
    expect((await listRules(manager, community.slug)).body.items.map((r) => r.id)).toEqual([rule.id]);
  });

  it('refuses catastrophic and unusable regexes with 422 and stores nothing', async () => {
    const { community, manager } = await cast(api);
    for (const pattern of ['(a+)+$', '(\\w+\\s?)*x', '(x+x+)+y', '(?=judi)judi', '(', 'a*']) {
      const res = await api.request('POST', `/api/communities/${community.slug}/word-rules`, { token: manager.token, body: { pattern, match: 'regex', action: 'block' } });
      const body = expectError(res, 422);
      expect(body.error.details, pattern).toEqual([expect.objectContaining({ path: 'body.pattern', message: expect.any(String) })]);
    }
    expect((await listRules(manager, community.slug)).body.items).toEqual([]);
  });
});

describe('what each rule does to a post', () => {
  it('block: refuses the post at submission with 422 content_blocked and the matches, also on edit', async () => {
    const { community, manager, author } = await cast(api);
    const rule = await addRule(manager, community.slug, { pattern: 'togel', match: 'word', action: 'block' });
    const text = 'Info TOGEL hari ini';

    const refused = expectError(await api.request('POST', `/api/communities/${community.slug}/posts`, { token: author.token, body: { body: text } }), 422, 'content_blocked');
    const matches = (refused.error.details as { matches: { match: string; ruleId: string; start: number; end: number }[] }).matches;
    expect(matches).toEqual([expect.objectContaining({ match: 'TOGEL', ruleId: rule.id, start: 5, end: 10 })]);
    const mine = await api.request<{ items: Post[] }>('GET', `/api/communities/${community.slug}/posts?status=pending`, { token: author.token });
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([]);

    const original = `Jadwal ronda malam ${unique()}`;
    const post = await publishedPost(api, author, community.slug, original);
    const edit = expectError(await api.request('PATCH', `/api/posts/${post.id}`, { token: author.token, body: { body: `${original} ada togel` } }), 422, 'content_blocked');
    expect((edit.error.details as { matches: { ruleId: string }[] }).matches.map((m) => m.ruleId)).toEqual([rule.id]);
    expect((await getPost(author, post.id)).body.post).toMatchObject({ status: 'published', body: original, revision: 1 });
  });

  it('hold: keeps the post from members and opens an item with the rule as its reason', async () => {
    const { community, manager, moderator, author, members } = await cast(api);
    const [reader] = members as [TestUser];
    const rule = await addRule(manager, community.slug, { pattern: 'judol', match: 'word', action: 'hold' });
    const post = await createPost(api, author, community.slug, { body: `Main judol yuk ${unique()}` });
    const held = await checked(author, post.id);
    expect(held).toMatchObject({ status: 'pending', review: 'awaiting_review' });
    expectError(await getPost(reader, post.id), 404, 'not_found');

    const item = await itemFor(api, moderator, community.slug, post.id);
    expect(item.reasons).toEqual([expect.objectContaining({ source: 'rule', ruleId: rule.id, match: 'judol', start: 5, end: 10, action: 'hold' })]);
  });

  it('flag: publishes the post and opens an item for a moderator to look at', async () => {
    const { community, manager, moderator, author, members } = await cast(api);
    const [reader] = members as [TestUser];
    const rule = await addRule(manager, community.slug, { pattern: 'pinjol', match: 'word', action: 'flag' });
    const post = await createPost(api, author, community.slug, { body: `Ada yang pernah pakai pinjol? ${unique()}` });
    expect((await checked(author, post.id)).status).toBe('published');
    expect((await getPost(reader, post.id)).body.post.status).toBe('published');

    const item = await itemFor(api, moderator, community.slug, post.id);
    expect(item.state).toBe('open');
    expect(item.reasons).toEqual([expect.objectContaining({ source: 'rule', ruleId: rule.id, match: 'pinjol', action: 'flag' })]);
  });

  it('censor: publishes with the match masked for members; the author and moderators see the original', async () => {
    const { community, manager, moderator, author, members } = await cast(api);
    const [reader] = members as [TestUser];
    await addRule(manager, community.slug, { pattern: 'zonkcoin', match: 'word', action: 'censor' });
    const suffix = unique();
    const text = `Jangan beli Zonkcoin ya ${suffix}`;
    const post = await createPost(api, author, community.slug, { body: text });
    expect((await checked(author, post.id)).status).toBe('published');

    const masked = `Jangan beli ******** ya ${suffix}`;
    expect((await getPost(reader, post.id)).body.post.body).toBe(masked);
    const feed = await api.request<{ items: Post[] }>('GET', `/api/communities/${community.slug}/posts`, { token: reader.token });
    expect(feed.body.items.find((p) => p.id === post.id)?.body).toBe(masked);
    expect((await getPost(author, post.id)).body.post.body).toBe(text);
    expect((await getPost(moderator, post.id)).body.post.body).toBe(text);
  });

  it('allow: stops a lexicon hit on the word it names', async () => {
    const { community, manager, moderator, author } = await cast(api);
    const before = await heldPost(api, author, community.slug, `Dasar bangsat kamu ${unique()}`);
    expect(before.status).toBe('pending');

    await addRule(manager, community.slug, { pattern: 'bangsat', match: 'word', action: 'allow' });
    const post = await createPost(api, author, community.slug, { body: `Dasar bangsat kamu ${unique()}` });
    expect((await checked(author, post.id)).status).toBe('published');
    expect((await openQueue(api, moderator, community.slug)).items.map((i) => i.postId)).toEqual([before.id]);

    const dry = await check(manager, community.slug, 'Dasar bangsat kamu');
    expect(dry.body).toMatchObject({ action: 'publish', reasons: [] });
    // Only the named word: other lexicon words are still caught.
    expect((await check(manager, community.slug, 'Dasar goblok kamu')).body.action).toBe('hold');
  });

  it('phrase: matches across punctuation and spacing between its words', async () => {
    const { community, manager, moderator, author } = await cast(api);
    const rule = await addRule(manager, community.slug, { pattern: 'jual akun', match: 'phrase', action: 'hold' });
    const text = `Siapa mau jual, akun game? ${unique()}`;
    const post = await createPost(api, author, community.slug, { body: text });
    expect((await checked(author, post.id)).review).toBe('awaiting_review');
    const item = await itemFor(api, moderator, community.slug, post.id);
    expect(item.reasons).toEqual([expect.objectContaining({ ruleId: rule.id, match: 'jual, akun', start: 10, end: 20 })]);

    const dry = await check(manager, community.slug, 'jual...akun murah');
    expect(dry.body.action).toBe('hold');
    expect(dry.body.reasons).toEqual([expect.objectContaining({ ruleId: rule.id, match: 'jual...akun', start: 0, end: 11 })]);
    // The words in another order are not the phrase.
    expect((await check(manager, community.slug, 'akun siapa yang mau dijual')).body.action).toBe('publish');
  });

  it('regex: holds what the pattern matches and names the span', async () => {
    const { community, manager, moderator, author } = await cast(api);
    const rule = await addRule(manager, community.slug, { pattern: 'wa\\.me/\\d+', match: 'regex', action: 'hold' });
    const text = `Hubungi wa.me/62812345 ya ${unique()}`;
    const post = await createPost(api, author, community.slug, { body: text });
    expect((await checked(author, post.id)).review).toBe('awaiting_review');
    const item = await itemFor(api, moderator, community.slug, post.id);
    // A brand-new member's link is also flagged as spam; the rule's own reason is the one that holds it.
    expect(item.reasons.filter((r) => r.source === 'rule')).toEqual([expect.objectContaining({ kind: 'regex_rule', ruleId: rule.id, match: 'wa.me/62812345', start: 8, end: 22, action: 'hold' })]);
    const clean = await createPost(api, author, community.slug, { body: `Hubungi saya lewat DM ${unique()}` });
    expect((await checked(author, clean.id)).status).toBe('published');
  });
});

describe('the dry-run check', () => {
  it('returns the action, each reason with its span, and the censored text, without saving anything', async () => {
    const { community, manager, moderator } = await cast(api);
    const censorRule = await addRule(manager, community.slug, { pattern: 'zonkcoin', match: 'word', action: 'censor' });
    const flagRule = await addRule(manager, community.slug, { pattern: 'pinjol', match: 'word', action: 'flag' });

    const body = 'Beli zonkcoin pakai pinjol';
    const res = await check(manager, community.slug, body);
    expect(res.status).toBe(200);
    expect(res.body.action).toBe('flag');
    expect(res.body.censored).toBe('Beli ******** pakai pinjol');
    expect(res.body.reasons.map((r) => r.ruleId).sort()).toEqual([censorRule.id, flagRule.id].sort());
    for (const reason of res.body.reasons) expect(body.slice(reason.start, reason.end)).toBe(reason.match);

    const onlyCensor = await check(manager, community.slug, 'Zonkcoin lagi');
    expect(onlyCensor.body).toMatchObject({ action: 'censor', censored: '******** lagi' });
    expect((await check(manager, community.slug, 'Selamat pagi')).body).toMatchObject({ action: 'publish', reasons: [], censored: null });
    expect((await openQueue(api, moderator, community.slug)).items).toEqual([]);
  });

  it('still catches lexicon words in a community with no rules of its own', async () => {
    const { community, manager } = await cast(api);
    expect((await listRules(manager, community.slug)).body.items).toEqual([]);

    const mild = await check(manager, community.slug, 'what a crap day');
    expect(mild.body.action).toBe('flag');
    expect(mild.body.reasons).toEqual([expect.objectContaining({ source: 'lexicon', match: 'crap', start: 7, end: 11 })]);
    const strong = await check(manager, community.slug, 'Dasar b4ngs4t kamu');
    expect(strong.body.action).toBe('hold');
    expect(strong.body.reasons).toEqual([expect.objectContaining({ source: 'lexicon', match: 'b4ngs4t', start: 6, end: 13 })]);
  });
});

describe('the audit trail of rules and settings', () => {
  it('records rule creation and deletion, and lexicon settings changes with before and after', async () => {
    const { community, manager, moderator } = await cast(api);
    const rule = await addRule(manager, community.slug, { pattern: 'judol', match: 'word', action: 'hold' });
    expect((await api.request('DELETE', `/api/word-rules/${rule.id}`, { token: manager.token })).status).toBe(204);
    const patched = await api.request('PATCH', `/api/communities/${community.slug}/settings`, { token: manager.token, body: { lexiconActions: { strong: 'censor' } } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);

    // The new setting is live at once.
    expect((await check(manager, community.slug, 'Dasar bangsat kamu')).body).toMatchObject({ action: 'censor', censored: 'Dasar ******* kamu' });

    const log = await auditLog(api, moderator, community.slug);
    const created = log.find((e) => e.action === 'rule.create' && e.target.id === rule.id);
    expect(created).toMatchObject({ actor: { id: manager.id }, target: { type: 'rule' }, after: { pattern: 'judol', match: 'word', action: 'hold' } });
    const deleted = log.find((e) => e.action === 'rule.delete' && e.target.id === rule.id);
    expect(deleted).toMatchObject({ actor: { id: manager.id }, before: { pattern: 'judol', match: 'word', action: 'hold' } });
    const settings = log.find((e) => e.action === 'settings.update');
    expect(settings).toMatchObject({ actor: { id: manager.id }, target: { type: 'community', id: community.id } });
    expect(JSON.stringify(settings?.before)).not.toContain('censor');
    expect(JSON.stringify(settings?.after)).toContain('censor');
    expect(log.map((e) => e.action).indexOf('settings.update')).toBeLessThan(log.map((e) => e.action).indexOf('rule.delete'));
  });
});
