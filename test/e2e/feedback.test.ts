// A member and a manager (the community's owner) in two Indonesian browsers. The manager keeps the feedback inbox
// open on a phone-sized screen; the member sends a question through the Indonesian form and opens "Masukan saya";
// the question appears live in the manager's "Baru" tab, without reload, waiting "baru saja masuk"; the manager takes
// it ("Ambil") and replies with Ctrl+Enter; the member's open page shows the reply without reload, and the bell
// leads back to it. At 390 px nothing scrolls sideways. A second run has a moderator release feedback the checker
// held (the reasons named, the word marked) and collide with the owner on the same item: she is told who took it.
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFailed } from 'vitest';
import type { Feedback } from '../../server/contracts/surveys';
import { screenshot, useBrowserSuite } from './browser';
import { createCommunityThroughUi, joinFromList, makeUser, registerThroughUi } from './flows';

/** Fails when the page is wider than the viewport (something overflows sideways on a phone), naming what sticks out. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const found = await page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > client + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { scroll: document.documentElement.scrollWidth, client, wide };
  });
  expect(found.wide).toEqual([]);
  expect(found.scroll).toBeLessThanOrEqual(found.client);
}

const markNoReload = (page: Page): Promise<unknown> => page.evaluate(() => Object.assign(window, { rukunNoReload: true }));
const stillNoReload = (page: Page): Promise<unknown> => page.evaluate(() => Reflect.get(window, 'rukunNoReload'));

describe('feedback in the browser (Bahasa Indonesia)', () => {
  const { openPage } = useBrowserSuite();

  it('a member sends feedback and sees the reply', async () => {
    const run = Date.now().toString(36);
    const ani = makeUser('Ani', run);
    const budi = makeUser('Budi', run);
    const community = { name: `Warga Bogor ${run}`, slug: `warga-fb-${run}` };
    const [manager, member] = await Promise.all([openPage(), openPage()]);
    onTestFailed(async () => {
      await screenshot(manager, `feedback-manager-${run}`);
      await screenshot(member, `feedback-member-${run}`);
    });

    await registerThroughUi(manager, ani);
    await createCommunityThroughUi(manager, community);
    await registerThroughUi(member, budi);
    await joinFromList(member, community.slug);

    // The manager opens the inbox from the community page, on a phone: empty, live, nothing sideways.
    await manager.setViewportSize({ width: 390, height: 844 });
    await manager.getByTestId('feedback-inbox-link').getByText('Kotak masukan', { exact: true }).click();
    await manager.waitForURL(`**/c/${community.slug}/feedback/inbox`);
    await manager.getByRole('heading', { name: `Kotak masukan · ${community.name}` }).waitFor();
    await manager.locator('[data-testid="fb-inbox"][data-realtime="joined"]').waitFor();
    await manager.getByText('Tidak ada masukan baru.', { exact: true }).waitFor();
    await manager.locator('[data-testid="fb-tab-new"][data-count="0"]').waitFor();
    expect(await manager.getByTestId('fb-tab-held').textContent()).toBe('Ditahan 0');
    await expectNoSidewaysScroll(manager);
    // On a phone: no empty "pick one" card under the list; filters and tabs are targets of at least 40 px.
    expect(await manager.getByTestId('fb-placeholder').isVisible()).toBe(false);
    const heights = await manager.locator('.fb-filter select, .fb-tabs .fb-tab').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(2);
    expect(heights.every((h) => h >= 40)).toBe(true);
    await markNoReload(manager);

    // The member sends a question through the Indonesian form.
    // "Masukan saya" is reachable from the community page too.
    expect(await member.getByTestId('my-feedback-link').getAttribute('href')).toBe('/me/feedback');
    expect(await member.getByTestId('my-feedback-link').textContent()).toBe('Masukan saya');
    await member.getByTestId('feedback-link').getByText('Kirim masukan', { exact: true }).click();
    await member.waitForURL(`**/c/${community.slug}/feedback`);
    await member.getByRole('heading', { name: `Kirim masukan · ${community.name}` }).waitFor();
    const body = `Kapan kopdar berikutnya diadakan? Saya ingin ikut bantu ${run}.`;
    await member.getByRole('radio', { name: 'Pertanyaan', exact: true }).check();
    await member.getByLabel('Pesan Anda', { exact: true }).fill(body);
    expect(await member.getByTestId('fb-counter').textContent()).toBe(`${body.length} dari 5.000 karakter`);
    const [sent] = await Promise.all([
      member.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/communities/${community.slug}/feedback`),
      member.getByRole('button', { name: 'Kirim masukan', exact: true }).click(),
    ]);
    expect(sent.status()).toBe(201);
    const { feedback } = (await sent.json()) as { feedback: Feedback };
    expect(feedback).toMatchObject({ kind: 'question', body, status: 'new' });
    await member.getByRole('heading', { name: 'Terima kasih! Masukan Anda sudah terkirim.' }).waitFor();

    // "Masukan saya": the question, sent, no reply yet.
    await member.getByRole('link', { name: 'Lihat masukan saya' }).click();
    await member.waitForURL(`**/me/feedback?id=${feedback.id}`);
    const mine = member.locator(`[data-testid="fb-mine"][data-feedback-id="${feedback.id}"]`);
    await mine.getByText(body).waitFor();
    expect(await mine.getByTestId('fb-mine-status').textContent()).toBe('Terkirim');
    await mine.getByText('Belum ada balasan. Tim akan menjawab Anda di sini.').waitFor();
    await markNoReload(member);

    // The question has appeared in the manager's "Baru" tab by itself.
    const row = manager.locator(`[data-testid="fb-row"][data-feedback-id="${feedback.id}"]`);
    await row.getByText(body).waitFor();
    await manager.locator('[data-testid="fb-tab-new"][data-count="1"]').waitFor();
    // Just arrived: one "Baru masuk" badge, not also "baru saja masuk" beside it.
    const waitedOrFresh = await row.locator('[data-testid="fb-row-waited"], [data-testid="fb-row-fresh"]').allTextContents();
    expect(waitedOrFresh.length).toBeGreaterThan(0);
    expect(waitedOrFresh.filter((text) => /baru saja masuk|Baru masuk/i.test(text)).length).toBeLessThanOrEqual(1);
    expect(await row.getByText('Pertanyaan', { exact: true }).count()).toBe(1);
    expect(await stillNoReload(manager)).toBe(true);
    await expectNoSidewaysScroll(manager);

    // The manager takes it and replies with Ctrl+Enter.
    await row.click();
    const pane = manager.locator(`[data-testid="fb-pane"][data-feedback-id="${feedback.id}"]`);
    await pane.getByText('Belum ada yang mengambil.').waitFor();
    await pane.getByRole('button', { name: 'Ambil', exact: true }).click();
    await pane.getByText('Anda yang menangani.').waitFor();
    await expectNoSidewaysScroll(manager);
    const answer = `Bulan depan di Kebun Raya, ${run}. Terima kasih mau bantu!`;
    await pane.getByLabel('Balas ke anggota', { exact: true }).fill(answer);
    const [replied] = await Promise.all([
      manager.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === `/api/feedback/${feedback.id}`),
      pane.getByLabel('Balas ke anggota', { exact: true }).press('Control+Enter'),
    ]);
    expect(replied.status()).toBe(200);
    await pane.getByText('Balasan terkirim. Anggota sudah diberi tahu.').waitFor();
    await pane.getByTestId('fb-reply').getByText(answer).waitFor();
    expect(await pane.getByLabel('Balas ke anggota', { exact: true }).inputValue()).toBe('');
    await expectNoSidewaysScroll(manager);

    // The member's open page shows the reply without reload; the bell says so and leads back to it.
    await mine.getByTestId('fb-reply').getByText(answer).waitFor();
    await mine.getByText('Balasan baru', { exact: true }).waitFor();
    expect(await mine.getByText('Belum ada balasan. Tim akan menjawab Anda di sini.').count()).toBe(0);
    expect(await stillNoReload(member)).toBe(true);
    await member.getByTestId('notifications-count').getByText('1', { exact: true }).waitFor();
    await member.getByTestId('notifications-bell').click();
    const link = member.getByRole('link', { name: new RegExp(`^${community.name} membalas masukan Anda: “Bulan depan di Kebun Raya`) });
    await link.waitFor();
    await link.click();
    await member.waitForURL(`**/me/feedback?id=${feedback.id}`);
    await mine.getByTestId('fb-reply').getByText(answer).waitFor();
    await member.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(member);
  }, 120_000);

  it('a moderator releases held feedback and is told who took an item first', async () => {
    const run = Date.now().toString(36);
    const ani = makeUser('Ani', run);
    const budi = makeUser('Budi', run);
    const cici = makeUser('Cici', run);
    const community = { name: `Warga Bekasi ${run}`, slug: `warga-fb2-${run}` };
    const [owner, member, moderator] = await Promise.all([openPage(), openPage(), openPage()]);
    onTestFailed(async () => {
      await screenshot(owner, `feedback2-owner-${run}`);
      await screenshot(moderator, `feedback2-moderator-${run}`);
    });
    await registerThroughUi(owner, ani);
    await createCommunityThroughUi(owner, community);
    await registerThroughUi(member, budi);
    await joinFromList(member, community.slug);
    await registerThroughUi(moderator, cici);
    await joinFromList(moderator, community.slug);

    // The owner makes Cici a moderator and adds a rule that holds "kampret"; Budi sends a clean question and a
    // problem with the word in it.
    const ciciId = await moderator.evaluate(async () => ((await (await fetch('/api/me')).json()) as { user: { id: string } }).user.id);
    const api = async (page: Page, method: string, path: string, body: unknown): Promise<{ status: number; json: unknown }> =>
      page.evaluate(
        async ({ method: m, path: p, body: b }) => {
          const response = await fetch(p, { method: m, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(b) });
          return { status: response.status, json: (await response.json().catch(() => null)) as unknown };
        },
        { method, path, body },
      );
    expect((await api(owner, 'PUT', `/api/communities/${community.slug}/members/${ciciId}/role`, { role: 'moderator' })).status).toBe(200);
    expect((await api(owner, 'POST', `/api/communities/${community.slug}/word-rules`, { pattern: 'kampret', match: 'word', action: 'hold' })).status).toBe(201);
    const question = await api(member, 'POST', `/api/communities/${community.slug}/feedback`, { kind: 'question', body: `Di mana daftar aturan grup ${run}?` });
    const problem = await api(member, 'POST', `/api/communities/${community.slug}/feedback`, { kind: 'problem', body: `Admin kampret, kiriman saya hilang ${run}` });
    expect([question.status, problem.status]).toEqual([201, 201]);
    const questionId = (question.json as { feedback: Feedback }).feedback.id;
    const problemId = (problem.json as { feedback: Feedback }).feedback.id;

    // Cici's inbox: one new, one held. The held one names the rule and marks the word; she releases it.
    await moderator.setViewportSize({ width: 390, height: 844 });
    await moderator.goto(`/c/${community.slug}/feedback/inbox`);
    await moderator.locator('[data-testid="fb-inbox"][data-realtime="joined"]').waitFor();
    await moderator.locator('[data-testid="fb-tab-new"][data-count="1"]').waitFor();
    await moderator.locator('[data-testid="fb-tab-held"][data-count="1"]').click();
    await moderator.locator(`[data-testid="fb-row"][data-feedback-id="${problemId}"]`).click();
    const held = moderator.locator(`[data-testid="fb-pane"][data-feedback-id="${problemId}"]`);
    await held.getByTestId('fb-held-reasons').getByText('Aturan kata komunitas: “kampret”').waitFor();
    expect(await held.getByTestId('match-highlight').first().textContent()).toBe('kampret');
    await expectNoSidewaysScroll(moderator);
    await held.getByRole('button', { name: 'Loloskan ke kotak masukan' }).click();
    await moderator.locator(`[data-testid="fb-row"][data-feedback-id="${problemId}"]`).getByText('Pindah ke “Baru”').waitFor();
    await moderator.locator('[data-testid="fb-tab-new"][data-count="2"]').waitFor();
    await moderator.locator('[data-testid="fb-tab-held"][data-count="0"]').waitFor();

    // Both open the question; the owner takes it first; Cici's "Ambil" is refused with who has it, and a refresh.
    // The oldest waiting item comes first: "j" opens it, as in the moderation console.
    await moderator.getByTestId('fb-tab-new').click();
    await moderator.locator(`[data-testid="fb-row"][data-feedback-id="${problemId}"]`).waitFor();
    expect(await moderator.getByTestId('fb-row').first().getAttribute('data-feedback-id')).toBe(questionId);
    await moderator.keyboard.press('j');
    const pane = moderator.locator(`[data-testid="fb-pane"][data-feedback-id="${questionId}"]`);
    await pane.getByText('Belum ada yang mengambil.').waitFor();
    expect((await api(owner, 'PATCH', `/api/feedback/${questionId}`, { assignee: 'me' })).status).toBe(200);
    await pane.getByRole('button', { name: 'Ambil', exact: true }).click();
    const conflict = moderator.locator('[data-testid="fb-conflict"][data-conflict="claimed"]');
    expect(await conflict.locator('p').textContent()).toBe('Ani baru saja mengambil item ini. Muat ulang untuk melihat siapa yang memegangnya sekarang.');
    await pane.getByText('Ditangani Ani.').waitFor();
    await conflict.getByRole('button', { name: 'Muat ulang' }).click();
    await conflict.waitFor({ state: 'detached' });
    await moderator.locator(`[data-testid="fb-row"][data-feedback-id="${questionId}"]`).getByText('Dipegang Ani').waitFor();
    await expectNoSidewaysScroll(moderator);

    // The filters ask the server: unassigned leaves only the problem; problems only, the same; mine, nothing yet.
    await moderator.getByLabel('Penanggung jawab', { exact: true }).selectOption({ label: 'Belum diambil' });
    await moderator.locator(`[data-testid="fb-row"][data-feedback-id="${questionId}"]`).waitFor({ state: 'detached' });
    await moderator.locator(`[data-testid="fb-row"][data-feedback-id="${problemId}"]`).waitFor();
    await moderator.getByLabel('Penanggung jawab', { exact: true }).selectOption({ label: 'Semua' });
    await moderator.getByLabel('Jenis', { exact: true }).selectOption({ label: 'Masalah' });
    await moderator.locator(`[data-testid="fb-row"][data-feedback-id="${questionId}"]`).waitFor({ state: 'detached' });
    await moderator.locator(`[data-testid="fb-row"][data-feedback-id="${problemId}"]`).waitFor();
    expect(await moderator.getByTestId('fb-row').count()).toBe(1);
    await moderator.getByLabel('Penanggung jawab', { exact: true }).selectOption({ label: 'Yang saya tangani' });
    await moderator.getByText('Tidak ada yang cocok dengan saringan ini.').waitFor();
    expect(await moderator.getByTestId('fb-row').count()).toBe(0);
    // On a 1280 px screen the inbox uses the width: list and pane side by side, wider than the 760 px column.
    await moderator.setViewportSize({ width: 1280, height: 900 });
    const consoleWidth = await moderator.locator('.fb-console').evaluate((el) => el.getBoundingClientRect().width);
    expect(consoleWidth).toBeGreaterThan(1100);
    await expectNoSidewaysScroll(moderator);
  }, 120_000);
});
