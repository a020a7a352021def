// A manager and two members in three Indonesian browsers. The manager (the community's owner) builds a survey through
// the Indonesian builder: a single choice with an appended option, a rating and an NPS question, plus a text question
// moved up with the keyboard-reachable buttons and removed again; the live preview follows. She opens it and watches
// the results page while the two members answer: the count goes 0 -> 1 -> 2 in that very page, without reload, and
// the breakdowns (options, mean, NPS) follow. A member who sends nothing is told which questions are required; a
// member revisiting sees "already answered". Phone width (390 px) never scrolls sideways.
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFailed } from 'vitest';
import type { Survey } from '../../server/contracts/surveys';
import { screenshot, useBrowserSuite } from './browser';
import { createCommunityThroughUi, joinFromList, makeUser, registerThroughUi } from './flows';

/** Fails when the page is wider than the viewport (something overflows sideways on a phone), naming what sticks out. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const found = await page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > client + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className)}`);
    return { scroll: document.documentElement.scrollWidth, client, wide };
  });
  expect(found.wide).toEqual([]);
  expect(found.scroll).toBeLessThanOrEqual(found.client);
}

/** The n-th question editor of the builder (0-based). */
const editor = (page: Page, n: number) => page.getByTestId('sv-q-editor').nth(n);

/** Opens the survey from the community's surveys list. */
async function openSurveyFromList(page: Page, slug: string, title: string): Promise<void> {
  await page.goto(`/c/${slug}`);
  await page.getByTestId('surveys-link').click();
  await page.waitForURL(`**/c/${slug}/surveys`);
  await page.getByRole('link', { name: title }).click();
  await page.getByTestId('survey-page').waitFor();
}

/** Answers the survey's three questions and sends; ends on the thank-you state. */
async function answer(page: Page, choices: { city: string; rating: number; nps: number }): Promise<void> {
  await page.locator('[data-testid="sv-question"][data-kind="single"]').getByLabel(choices.city, { exact: true }).check();
  await page.locator('[data-testid="sv-question"][data-kind="rating"]').getByRole('radio', { name: `${choices.rating} dari 5`, exact: true }).check();
  await page.locator('[data-testid="sv-question"][data-kind="nps"]').getByRole('radio', { name: String(choices.nps), exact: true }).check();
  await page.getByRole('button', { name: 'Kirim jawaban' }).click();
  await page.getByTestId('sv-thanks').getByText('Terima kasih atas jawaban Anda. Jawaban Anda sudah tercatat.').waitFor();
}

describe('surveys in the browser (Bahasa Indonesia)', () => {
  const { openPage } = useBrowserSuite();

  it('a manager builds a survey in Indonesian, two members answer, the results page updates live', async () => {
    const run = Date.now().toString(36);
    const ani = makeUser('Ani', run);
    const budi = makeUser('Budi', run);
    const cici = makeUser('Cici', run);
    const community = { name: `Kopdar Medan ${run}`, slug: `kopdar-sv-${run}` };
    const title = `Survei kopdar ${run}`;
    const [pageA, pageB, pageC] = await Promise.all([openPage(), openPage(), openPage()]);
    onTestFailed(async () => {
      await screenshot(pageA, `surveys-A-${run}`);
      await screenshot(pageB, `surveys-B-${run}`);
      await screenshot(pageC, `surveys-C-${run}`);
    });

    await registerThroughUi(pageA, ani);
    await createCommunityThroughUi(pageA, community);
    await registerThroughUi(pageB, budi);
    await joinFromList(pageB, community.slug);
    await registerThroughUi(pageC, cici);
    await joinFromList(pageC, community.slug);

    // The manager finds no surveys yet and opens the builder, on a phone.
    await pageA.getByTestId('surveys-link').click();
    await pageA.getByText('Belum ada survei.').waitFor();
    await pageA.getByRole('link', { name: 'Survei baru' }).click();
    await pageA.getByRole('heading', { name: `Survei baru · ${community.name}` }).waitFor();
    await pageA.setViewportSize({ width: 390, height: 844 });
    await pageA.getByLabel('Judul', { exact: true }).fill(title);
    await pageA.getByLabel('Deskripsi (opsional)', { exact: true }).fill('Bantu kami merencanakan kopdar berikutnya.');
    // Anonymity is explained in plain words, whichever way the box is.
    await pageA.getByLabel('Survei anonim').check();
    await pageA.getByTestId('sv-anon-help').getByText(/nama samaran/).waitFor();
    expect(await pageA.getByTestId('sv-anon-help').textContent()).toContain('paling sedikit 5 orang');
    await pageA.getByLabel('Survei anonim').uncheck();
    await pageA.getByTestId('sv-anon-help').getByText(/bisa melihat siapa/).waitFor();

    // Question 1: one choice, with a third option appended; required.
    await editor(pageA, 0).getByLabel('Pertanyaan', { exact: true }).fill('Kopdar berikutnya di mana?');
    await editor(pageA, 0).getByLabel('Pilihan 1', { exact: true }).fill('Medan');
    await editor(pageA, 0).getByLabel('Pilihan 2', { exact: true }).fill('Binjai');
    await editor(pageA, 0).getByRole('button', { name: 'Tambah pilihan' }).click();
    await editor(pageA, 0).getByLabel('Pilihan 3', { exact: true }).fill('Pematangsiantar');
    await editor(pageA, 0).getByLabel('Wajib dijawab').check();
    // Question 2: a rating 1..5, required; question 3: NPS.
    await pageA.getByRole('button', { name: 'Tambah: Penilaian' }).click();
    await editor(pageA, 1).getByLabel('Pertanyaan', { exact: true }).fill('Seberapa puas dengan kopdar terakhir?');
    await editor(pageA, 1).getByLabel('Wajib dijawab').check();
    expect(await editor(pageA, 1).getByLabel('Terendah').inputValue()).toBe('1');
    expect(await editor(pageA, 1).getByLabel('Tertinggi').inputValue()).toBe('5');
    await pageA.getByRole('button', { name: 'Tambah: Rekomendasi (0–10)' }).click();
    await editor(pageA, 2).getByLabel('Pertanyaan', { exact: true }).fill('Seberapa mungkin Anda mengajak teman ke komunitas ini?');
    // A text question, moved up one place from the keyboard, then removed again.
    await pageA.getByRole('button', { name: 'Tambah: Jawaban bebas' }).click();
    await editor(pageA, 3).getByLabel('Pertanyaan', { exact: true }).fill('Saran lain');
    await pageA.getByRole('button', { name: 'Naikkan pertanyaan 4' }).focus();
    await pageA.keyboard.press('Enter');
    expect(await editor(pageA, 2).getAttribute('data-kind')).toBe('text');
    expect(await editor(pageA, 3).getAttribute('data-kind')).toBe('nps');
    // The keyboard stays on the moved question's button.
    expect(await pageA.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Naikkan pertanyaan 3');
    await pageA.getByRole('button', { name: 'Hapus pertanyaan 3' }).click();
    expect(await pageA.getByTestId('sv-q-editor').evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')))).toEqual(['single', 'rating', 'nps']);
    // The preview shows the answering form as members will see it.
    const preview = pageA.getByTestId('sv-preview');
    expect(await preview.getByTestId('sv-question').count()).toBe(3);
    await preview.getByText('Pematangsiantar').waitFor();
    await preview.getByText('0 = Sangat tidak mungkin').waitFor();
    await preview.getByText('10 = Sangat mungkin').waitFor();
    await expectNoSidewaysScroll(pageA);

    const [created, opened] = await Promise.all([
      pageA.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/communities/${community.slug}/surveys`),
      pageA.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/surveys\/[^/]+\/open$/.test(new URL(r.url()).pathname)),
      pageA.getByRole('button', { name: 'Simpan dan buka' }).click(),
    ]);
    expect(created.status()).toBe(201);
    expect(opened.status()).toBe(200);
    const { survey } = (await created.json()) as { survey: Survey };
    expect(survey).toMatchObject({ title, anonymous: false, state: 'draft' });
    expect(survey.questions.map((q) => [q.kind, q.required, q.min, q.max])).toEqual([
      ['single', true, null, null],
      ['rating', true, 1, 5],
      ['nps', false, 0, 10],
    ]);
    expect(survey.questions[0]?.options).toEqual(['Medan', 'Binjai', 'Pematangsiantar']);
    await pageA.waitForURL(`**/surveys/${survey.id}`);
    expect(await pageA.getByTestId('sv-flash').textContent()).toBe('Survei dibuka: anggota sudah bisa menjawab.');
    expect(await pageA.getByTestId('sv-state').textContent()).toBe('Dibuka');
    await expectNoSidewaysScroll(pageA);

    // The manager watches the results: nobody has answered yet.
    await pageA.getByRole('link', { name: 'Hasil' }).click();
    await pageA.locator('[data-testid="survey-results"][data-realtime="joined"]').waitFor();
    await pageA.locator('[data-testid="sv-response-count"][data-count="0"]').waitFor();
    expect(await pageA.getByTestId('sv-response-count').textContent()).toBe('0 tanggapan');
    // A marker that a reload would wipe: the counts must move in this very page.
    await pageA.evaluate(() => Object.assign(window, { rukunNoReload: true }));

    // Budi finds it, sends nothing first and is told what is required, then answers.
    await openSurveyFromList(pageB, community.slug, title);
    await pageB.setViewportSize({ width: 390, height: 844 });
    await pageB.getByRole('button', { name: 'Kirim jawaban' }).click();
    expect(await pageB.getByTestId('sv-answer-error').allTextContents()).toEqual(['Mohon jawab pertanyaan ini.', 'Mohon jawab pertanyaan ini.']);
    await pageB.getByText('Sangat tidak mungkin').waitFor();
    await expectNoSidewaysScroll(pageB);
    await answer(pageB, { city: 'Binjai', rating: 4, nps: 9 });
    await pageA.locator('[data-testid="sv-response-count"][data-count="1"]').waitFor();
    expect(await pageA.getByTestId('sv-response-count').textContent()).toBe('1 tanggapan');

    // Cici answers too; the manager's page follows again.
    await openSurveyFromList(pageC, community.slug, title);
    await answer(pageC, { city: 'Medan', rating: 5, nps: 6 });
    await pageA.locator('[data-testid="sv-response-count"][data-count="2"]').waitFor();
    expect(await pageA.getByTestId('sv-response-count').textContent()).toBe('2 tanggapan');
    expect(await pageA.evaluate(() => Reflect.get(window, 'rukunNoReload'))).toBe(true);
    // The breakdowns follow the counts (a named survey shows them from the first answer).
    await pageA.getByTestId('sv-mean').getByText('Rata-rata: 4,5 (dari 1 sampai 5)').waitFor();
    await pageA.getByTestId('sv-nps').getByText('NPS: 0').waitFor();
    const optionRows = pageA.locator('[data-testid="sv-result"][data-kind="single"] [data-testid="sv-count-row"]');
    expect(await optionRows.evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent)))).toEqual([
      ['Medan', '1', '50%'],
      ['Binjai', '1', '50%'],
      ['Pematangsiantar', '0', '0%'],
    ]);
    // The charts carry their numbers for screen readers.
    expect(await pageA.getByTestId('sv-nps-bar').getAttribute('aria-label')).toBe('NPS 0: 1 kritikus, 0 netral, 1 promotor');
    expect(await pageA.getByTestId('sv-csv').getAttribute('href')).toBe(`/api/surveys/${survey.id}/results.csv`);
    await pageA.getByLabel('Sertakan nama').check();
    expect(await pageA.getByTestId('sv-csv').getAttribute('href')).toBe(`/api/surveys/${survey.id}/results.csv?identify=true`);
    await expectNoSidewaysScroll(pageA);

    // Budi comes back: already answered, no form; the list says so too.
    await openSurveyFromList(pageB, community.slug, title);
    await pageB.getByTestId('sv-already').getByText('Anda sudah menjawab survei ini. Setiap anggota menjawab satu kali.').waitFor();
    expect(await pageB.getByTestId('sv-answer-form').count()).toBe(0);
    await pageB.goto(`/c/${community.slug}/surveys`);
    await pageB.locator(`[data-testid="survey-card"][data-survey-id="${survey.id}"]`).getByText('Sudah dijawab').waitFor();
    await expectNoSidewaysScroll(pageB);
  }, 180_000);
});
