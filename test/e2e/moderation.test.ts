// A moderator (the community's owner) with the console open, and a member, in two Indonesian browsers. The owner
// adds a "hold" word rule and tries it in the test box; the member posts a text the checker now holds; the item
// appears live in the owner's queue with the matched word highlighted; the owner approves it with the keyboard; the
// item greys out with who decided, the member sees the post published, and the audit log records the decision.
import type { Post } from '../../server/contracts/api';
import { describe, expect, it, onTestFailed } from 'vitest';
import { screenshot, useBrowserSuite } from './browser';
import { createCommunityThroughUi, joinFromList, makeUser, registerThroughUi, waitForLiveFeed } from './flows';

describe('moderation console in the browser (Bahasa Indonesia)', () => {
  const { openPage } = useBrowserSuite();

  it('shows a held post live to the moderator, who approves it; the member sees it published', async () => {
    const run = Date.now().toString(36);
    const ani = makeUser('Ani', run);
    const budi = makeUser('Budi', run);
    const community = { name: `Warga Depok ${run}`, slug: `warga-${run}` };
    const [mod, member] = await Promise.all([openPage(), openPage()]);
    onTestFailed(async () => {
      await screenshot(mod, `moderation-mod-${run}`);
      await screenshot(member, `moderation-member-${run}`);
    });

    // The owner opens moderation from the community page and adds a word rule that holds "bangsat".
    await registerThroughUi(mod, ani);
    await createCommunityThroughUi(mod, community);
    await mod.getByTestId('moderation-link').getByText('Moderasi', { exact: true }).click();
    await mod.waitForURL(`**/c/${community.slug}/moderation`);
    await mod.getByTestId('mod-tab-rules').click();
    await mod.getByLabel('Kata, frasa atau pola', { exact: true }).fill('bangsat');
    await mod.getByTestId('rule-match').selectOption('word');
    await mod.getByTestId('rule-action').selectOption('hold');
    await mod.getByRole('button', { name: 'Tambah aturan' }).click();
    await mod.locator('[data-testid="rule-item"]').getByText('bangsat', { exact: true }).waitFor();

    // The live test box says what the checker would do, and marks the word.
    await mod.getByLabel('Teks yang diuji', { exact: true }).fill('Dasar bangsat kamu');
    await mod.locator('[data-testid="rules-test-result"][data-action="hold"]').waitFor();
    expect(await mod.getByTestId('rules-test-highlight').getByTestId('match-highlight').first().textContent()).toBe('bangsat');

    // Back to the queue: empty, counter 0, live. A reload would wipe the marker.
    await mod.getByTestId('mod-tab-queue').click();
    await mod.locator('[data-testid="mod-console"][data-realtime="joined"]').waitFor();
    await mod.locator('[data-testid="mod-open-count"][data-count="0"]').waitFor();
    await mod.evaluate(() => Object.assign(window, { rukunNoReload: true }));

    // The member joins and posts a text the checker holds.
    await registerThroughUi(member, budi);
    await joinFromList(member, community.slug);
    await waitForLiveFeed(member);
    const body = `Dasar bangsat kamu ${run}`;
    await member.getByLabel('Kiriman Anda', { exact: true }).fill(body);
    const [response] = await Promise.all([
      member.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/communities/${community.slug}/posts`,
      ),
      member.getByRole('button', { name: 'Kirim', exact: true }).click(),
    ]);
    expect(response.status()).toBe(201);
    const { post } = (await response.json()) as { post: Post };
    const memberItem = `[data-testid="feed-item"][data-post-id="${post.id}"]`;
    await member.locator(`${memberItem} [data-testid="post-status"][data-review="awaiting_review"]`).waitFor();

    // It appears live in the owner's queue, counted, without a reload.
    const queueItem = mod.locator(`[data-testid="mod-queue-item"][data-post-id="${post.id}"]`);
    await queueItem.waitFor();
    await mod.locator('[data-testid="mod-open-count"][data-count="1"]').waitFor();
    expect(await mod.getByTestId('mod-open-count').textContent()).toBe('1 item terbuka');
    expect(await mod.evaluate(() => Reflect.get(window, 'rukunNoReload'))).toBe(true);

    // Opening it claims it and shows the post with the matched word marked.
    await queueItem.click();
    const pane = mod.getByTestId('mod-item-pane');
    await pane.waitFor();
    expect(await pane.getByTestId('mod-item-body').textContent()).toBe(body);
    expect(await pane.getByTestId('mod-item-body').getByTestId('match-highlight').first().textContent()).toBe('bangsat');
    await queueItem.getByText('Ditangani oleh Anda').waitFor();

    // "?" shows the shortcuts; Escape closes them; "a" approves.
    await mod.keyboard.press('?');
    await mod.getByRole('dialog', { name: 'Pintasan keyboard' }).waitFor();
    await mod.keyboard.press('Escape');
    await mod.getByTestId('mod-help').waitFor({ state: 'detached' });
    const [decision] = await Promise.all([
      mod.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/decision')),
      mod.keyboard.press('a'),
    ]);
    expect(decision.status()).toBe(200);
    expect(decision.request().postDataJSON()).toMatchObject({ action: 'approve', version: expect.any(Number) });

    // The item stays, greyed, with who decided; the counter drops.
    await mod.locator(`[data-testid="mod-queue-item"][data-post-id="${post.id}"][data-state="resolved"]`).waitFor();
    expect(await queueItem.getByTestId('mod-decided-by').textContent()).toBe('Disetujui oleh Ani');
    await mod.locator('[data-testid="mod-open-count"][data-count="0"]').waitFor();

    // The member sees the post published, live.
    await member.locator(`${memberItem}[data-status="published"]`).waitFor();
    expect(await member.locator(`${memberItem} [data-testid="post-status"]`).count()).toBe(0);

    // The audit log has the decision.
    await mod.getByTestId('mod-tab-log').click();
    await mod.locator('[data-testid="log-entry"][data-action="decision.approve"]').waitFor();
  }, 120_000);
});
