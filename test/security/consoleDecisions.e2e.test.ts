// Issue 9, findings 6 and 8, in the moderation console (headless Chromium, Bahasa Indonesia). A ban chosen with an
// empty sanction reason is never dropped: with no reason anywhere the form asks for one and sends nothing; with a
// removal reason the ban takes it, and the member is banned. On the moderator's own held post, approve and remove
// are disabled with an explanation.
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFailed } from 'vitest';
import type { AuthResult, Post } from '../../server/contracts/api';
import { apiClient } from '../helpers/api';
import { createUser, join, type TestUser } from '../helpers/factories';
import { screenshot, useBrowserSuite } from '../e2e/browser';
import { createCommunityThroughUi, makeUser, registerThroughUi } from '../e2e/flows';

/** The owner's console in a browser on a fresh community, with a member and a held post of each of them. */
async function scene(openPage: () => Promise<Page>, run: string) {
  const ani = makeUser('Ani', run);
  const community = { name: `Warga Bogor ${run}`, slug: `bogor-${run}` };
  const mod = await openPage();
  onTestFailed(async () => screenshot(mod, `console-decisions-${run}`));
  await registerThroughUi(mod, ani);
  await createCommunityThroughUi(mod, community);

  // The member and the posts come through the API: the browser is only the owner's console.
  const api = apiClient(new URL(mod.url()).origin);
  const login = await api.request<AuthResult>('POST', '/api/auth/login', { body: { login: ani.handle, password: ani.password } });
  const owner: TestUser = { id: login.body.user.id, handle: ani.handle, token: login.body.token };
  const budi = await createUser(api);
  await join(api, budi, community.slug);
  const post = async (user: TestUser, body: string) => (await api.request<{ post: Post }>('POST', `/api/communities/${community.slug}/posts`, { token: user.token, body: { body } })).body.post;
  const theirs = await post(budi, `Dasar bangsat kamu ${run}`);
  const mine = await post(owner, `Dasar bangsat semua ${run}`);

  await mod.goto(`/c/${community.slug}/moderation`);
  await mod.locator('[data-testid="mod-console"][data-realtime="joined"]').waitFor();
  const decisions: unknown[] = [];
  mod.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/decision')) decisions.push(r.postDataJSON());
  });
  return { mod, api, community, budi, theirs, mine, decisions, pane: mod.getByTestId('mod-item-pane') };
}

describe('moderation console decisions (Bahasa Indonesia)', () => {
  const { openPage } = useBrowserSuite();

  it('does not offer approve or remove on the moderator’s own post, and says why', async () => {
    const { mod, mine, pane } = await scene(openPage, `o${Date.now().toString(36)}`);
    await mod.locator(`[data-testid="mod-queue-item"][data-post-id="${mine.id}"]`).click();
    await pane.getByTestId('mod-own-post').waitFor();
    expect(await pane.getByTestId('mod-own-post').textContent()).toContain('kiriman Anda sendiri');
    expect(await pane.getByTestId('mod-approve').isDisabled()).toBe(true);
    await pane.getByTestId('mod-reason').fill('Saya hapus');
    expect(await pane.getByTestId('mod-remove').isDisabled()).toBe(true);
    expect(await pane.getByTestId('mod-escalate').isDisabled()).toBe(false);
  }, 120_000);

  it('never drops a chosen ban silently: it asks for a reason, or takes the removal reason', async () => {
    const { mod, api, community, budi, theirs, decisions, pane } = await scene(openPage, `b${Date.now().toString(36)}`);
    await mod.locator(`[data-testid="mod-queue-item"][data-post-id="${theirs.id}"]`).click();
    await pane.getByTestId('mod-item-body').getByText(theirs.body).waitFor();

    // Ban with no reason anywhere, Approve: the form asks, nothing is sent.
    await pane.getByTestId('mod-sanction-toggle').check();
    await pane.getByTestId('mod-sanction-kind').selectOption('ban');
    await pane.getByTestId('mod-approve').click();
    await pane.getByTestId('mod-sanction-missing').waitFor();
    expect(decisions).toEqual([]);

    // A removal reason and Remove: the ban takes the removal reason and is saved with the removal.
    await pane.getByTestId('mod-reason').fill('Kata kasar');
    const [response] = await Promise.all([
      mod.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/decision')),
      pane.getByTestId('mod-remove').click(),
    ]);
    expect(response.status()).toBe(200);
    expect(decisions).toEqual([expect.objectContaining({ action: 'remove', reason: 'Kata kasar', sanction: { kind: 'ban', reason: 'Kata kasar' } })]);
    const again = await api.request<{ error?: { code: string } }>('POST', `/api/communities/${community.slug}/posts`, { token: budi.token, body: { body: `Halo lagi ${theirs.id}` } });
    expect({ status: again.status, code: again.body.error?.code }).toEqual({ status: 403, code: 'banned' });
  }, 120_000);
});
