// Two people in two browsers, both with an Indonesian browser: they register, A starts a community, B joins, A posts
// and B sees the post arrive live, without reloading. A sees their own post go from "Sedang diperiksa" to published,
// and a duplicate held for review marked "Menunggu moderator", also after a reload.
import type { Post } from '../../server/contracts/api';
import { describe, expect, it, onTestFailed } from 'vitest';
import { screenshot, useBrowserSuite } from './browser';
import {
  createCommunityThroughUi,
  joinFromList,
  makeUser,
  recordedStatusBadges,
  recordStatusBadges,
  registerThroughUi,
  waitForLiveFeed,
} from './flows';

interface CreatedPost {
  post: Post;
}

describe('community feed in the browser (Bahasa Indonesia)', () => {
  const { openPage } = useBrowserSuite();

  it('shows a member\'s new post live to another member, in Indonesian', async () => {
    const run = Date.now().toString(36);
    const ani = makeUser('Ani', run);
    const budi = makeUser('Budi', run);
    const community = { name: `Kopdar Bandung ${run}`, slug: `kopdar-${run}` };
    const [pageA, pageB] = await Promise.all([openPage(), openPage()]);
    onTestFailed(async () => {
      await screenshot(pageA, `feed-A-${run}`);
      await screenshot(pageB, `feed-B-${run}`);
    });

    // Both sign up through the form; the browser prefers Indonesian, so the interface is Indonesian.
    await registerThroughUi(pageA, ani);
    expect(await pageA.evaluate(() => document.documentElement.lang)).toBe('id');
    expect(await pageA.getByTestId('language-switch').inputValue()).toBe('id');
    expect(await pageA.getByTestId('current-user').textContent()).toBe('Ani');
    await createCommunityThroughUi(pageA, community);
    await waitForLiveFeed(pageA);

    await registerThroughUi(pageB, budi);
    await joinFromList(pageB, community.slug);
    await pageB.getByText('Belum ada kiriman. Jadilah yang pertama menyapa!').waitFor();
    await waitForLiveFeed(pageB);
    // A marker that a reload would wipe: the post must arrive in this very page.
    await pageB.evaluate(() => Object.assign(window, { rukunNoReload: true }));

    // A writes a clean post; the counter counts in Indonesian number format.
    const body = `Halo semua, sampai jumpa di kopdar Sabtu ini! #kopdar ${run}`;
    await recordStatusBadges(pageA);
    await pageA.getByLabel('Kiriman Anda', { exact: true }).fill(body);
    expect(await pageA.getByText(`${[...body].length} / 10.000 karakter`).count()).toBe(1);
    const [response] = await Promise.all([
      pageA.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/communities/${community.slug}/posts`,
      ),
      pageA.getByRole('button', { name: 'Kirim', exact: true }).click(),
    ]);
    expect(response.status()).toBe(201);
    const created = (await response.json()) as CreatedPost;
    expect(created.post).toMatchObject({ status: 'pending', review: 'checking', body });
    const itemSelector = `[data-testid="feed-item"][data-post-id="${created.post.id}"]`;

    // A's own post ends published in A's feed; while it was pending it said "Sedang diperiksa". The check may
    // publish it before the answer to the POST is rendered, so the badge is asserted only if it was ever shown.
    await pageA.locator(`${itemSelector}[data-status="published"]`).waitFor();
    const badges = await recordedStatusBadges(pageA);
    expect(badges.every((text) => text === 'Sedang diperiksa')).toBe(true);
    expect(await pageA.locator(`${itemSelector} [data-testid="post-status"]`).count()).toBe(0);

    // B sees it appear live, announced for screen readers, with the hashtag as a filter link.
    const itemB = pageB.locator(itemSelector);
    await itemB.waitFor();
    expect(await itemB.getByTestId('post-body').textContent()).toBe(body);
    expect(await pageB.evaluate(() => Reflect.get(window, 'rukunNoReload'))).toBe(true);
    expect(await pageB.getByTestId('feed-announcer').textContent()).toBe('Kiriman baru dari Ani');
    expect(await itemB.getByRole('link', { name: '#kopdar' }).getAttribute('href')).toBe(
      `/c/${community.slug}?tag=kopdar`,
    );
    expect(await itemB.getByRole('button', { name: '0 balasan' }).count()).toBe(1);
    expect(await itemB.getByRole('button', { name: 'Suka: 0' }).count()).toBe(1);

    // The same text again within minutes is held as a duplicate: A's post says "Menunggu moderator" and stays
    // in A's feed after a reload, while B never gets it.
    await pageA.getByLabel('Kiriman Anda', { exact: true }).fill(body);
    const [again] = await Promise.all([
      pageA.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/communities/${community.slug}/posts`,
      ),
      pageA.getByRole('button', { name: 'Kirim', exact: true }).click(),
    ]);
    const held = (await again.json()) as CreatedPost;
    const heldSelector = `[data-testid="feed-item"][data-post-id="${held.post.id}"]`;
    const heldBadge = `${heldSelector} [data-testid="post-status"][data-review="awaiting_review"]`;
    await pageA.locator(heldBadge).waitFor();
    expect(await pageA.locator(heldBadge).textContent()).toBe('Menunggu moderator');
    await pageA.reload();
    await pageA.locator(heldBadge).waitFor();
    expect(await pageB.locator(heldSelector).count()).toBe(0);

    // A is told why, in Indonesian, through the bell.
    await pageA.getByTestId('notifications-count').getByText('1', { exact: true }).waitFor();
    await pageA.getByRole('button', { name: 'Notifikasi: 1 belum dibaca' }).click();
    await pageA.getByText(`Kiriman Anda di ${community.name} menunggu moderator.`).waitFor();
  }, 120_000);
});
