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
import { foundCommunityWithMembers, makeUser } from './flows';

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
  // The page's badges say so at once, without a reload.
  await page.getByTestId('survey-page').getByTestId('sv-answered').waitFor();
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

    await foundCommunityWithMembers({ page: pageA, user: ani }, [{ page: pageB, user: budi }, { page: pageC, user: cici }], community);

    // The manager finds no surveys yet and opens the builder, on a phone.
    await pageA.getByTestId('surveys-link').click();
    await pageA.getByText('Belum ada survei.').waitFor();
    await pageA.getByRole('link', { name: 'Survei baru' }).click();
    await pageA.getByRole('heading', { name: `Survei baru · ${community.name}` }).waitFor();
    await pageA.setViewportSize({ width: 390, height: 844 });
    // Saving the empty form: the keyboard goes to the first marked field, and the summary links to each problem.
    await pageA.getByRole('button', { name: 'Simpan draf' }).click();
    const formSummary = pageA.getByTestId('sv-form-summary');
    await formSummary.waitFor();
    await pageA.locator('[data-problem="title"]:focus').waitFor();
    expect(await formSummary.getByRole('link').allTextContents()).toEqual([
      'Judul: Wajib diisi.',
      'Pertanyaan 1 · Pertanyaan: Wajib diisi.',
      'Pertanyaan 1 · Pilihan: Beri paling sedikit dua pilihan, dan tidak ada yang kosong.',
    ]);
    await formSummary.getByRole('link', { name: 'Pertanyaan 1 · Pilihan: Beri paling sedikit dua pilihan, dan tidak ada yang kosong.' }).click();
    await editor(pageA, 0).locator('input[aria-label="Pilihan 1"]:focus').waitFor();
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
    await pageA.locator('button[aria-label="Naikkan pertanyaan 3"]:focus').waitFor();
    // ... and the move is announced.
    expect(await pageA.getByTestId('sv-announce').textContent()).toBe('Pertanyaan dipindah ke urutan 3 dari 4.');
    await pageA.getByRole('button', { name: 'Hapus pertanyaan 3' }).click();
    // The keyboard goes to the question that took its place.
    await editor(pageA, 2).locator('legend:focus').getByText('Pertanyaan 3').waitFor();
    expect(await pageA.getByTestId('sv-announce').textContent()).toBe('Pertanyaan 3 dihapus.');
    expect(await pageA.getByTestId('sv-q-editor').evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')))).toEqual(['single', 'rating', 'nps']);
    // The preview shows the answering form as members will see it; on a phone it is a tab next to the form.
    const preview = pageA.getByTestId('sv-preview');
    expect(await preview.isVisible()).toBe(false);
    await pageA.getByRole('tab', { name: 'Pratinjau' }).click();
    expect(await pageA.getByTestId('survey-form').isVisible()).toBe(false);
    expect(await preview.getByTestId('sv-question').count()).toBe(3);
    await preview.getByText('Pematangsiantar').waitFor();
    await preview.getByText('0 = Sangat tidak mungkin').waitFor();
    await preview.getByText('10 = Sangat mungkin').waitFor();
    const previewSteps = await preview.locator('.sv-scale--nps .sv-scale__step').evaluateAll((els) =>
      els.map((el) => { const r = el.getBoundingClientRect(); return { top: Math.round(r.top), width: r.width, height: r.height }; }),
    );
    expect(previewSteps[6]!.top).toBeGreaterThan(previewSteps[5]!.top);
    expect(previewSteps.every((s) => s.width >= 40 && s.height >= 40)).toBe(true);
    await expectNoSidewaysScroll(pageA);
    await pageA.getByRole('tab', { name: 'Pratinjau' }).press('ArrowLeft');
    await pageA.locator('[role="tab"][aria-selected="true"]:focus').getByText('Ubah').waitFor();
    await pageA.getByTestId('survey-form').waitFor();

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
    // The keyboard is on the first unanswered question; the summary links to both.
    await pageB.locator('[data-testid="sv-question"][data-kind="single"] input:focus').waitFor();
    const answerSummary = pageB.getByTestId('sv-answer-summary');
    expect(await answerSummary.getByRole('link').allTextContents()).toEqual([
      '1. Kopdar berikutnya di mana?: Mohon jawab pertanyaan ini.',
      '2. Seberapa puas dengan kopdar terakhir?: Mohon jawab pertanyaan ini.',
    ]);
    await answerSummary.getByRole('link').nth(1).click();
    await pageB.locator('[data-testid="sv-question"][data-kind="rating"] input:focus').waitFor();
    await pageB.getByText('Sangat tidak mungkin').waitFor();
    await expectNoSidewaysScroll(pageB);
    // On a phone the 0-10 scale takes two rows (0-5, 6-10) of targets at least 40 x 40 px.
    const steps = await pageB.locator('[data-testid="sv-question"][data-kind="nps"] .sv-scale__step').evaluateAll((els) =>
      els.map((el) => { const r = el.getBoundingClientRect(); return { top: Math.round(r.top), width: r.width, height: r.height }; }),
    );
    expect(steps).toHaveLength(11);
    expect(new Set(steps.slice(0, 6).map((s) => s.top)).size).toBe(1);
    expect(new Set(steps.slice(6).map((s) => s.top)).size).toBe(1);
    expect(steps[6]!.top).toBeGreaterThan(steps[0]!.top);
    expect(steps.every((s) => s.width >= 40 && s.height >= 40)).toBe(true);
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
    expect(await pageA.getByTestId('sv-nps-bar').getAttribute('aria-label')).toBe('NPS 0: 1 detraktor, 0 pasif, 1 promotor');
    expect(await pageA.getByTestId('sv-rating-chart').getAttribute('aria-label')).toBe(
      'Seberapa puas dengan kopdar terakhir?: 1: 0 jawaban; 2: 0 jawaban; 3: 0 jawaban; 4: 1 jawaban; 5: 1 jawaban',
    );
    // The charts add no unnamed tab stops of their own (recharts' keyboard layer is off).
    expect(await pageA.locator('[data-testid="survey-results"] svg[role="application"], [data-testid="survey-results"] .recharts-wrapper [tabindex]:not([tabindex="-1"])').count()).toBe(0);
    expect(await pageA.getByTestId('sv-csv').getAttribute('href')).toBe(`/api/surveys/${survey.id}/results.csv`);
    expect(await pageA.getByText('Matikan jika file akan dibagikan', { exact: false }).count()).toBe(0);
    await pageA.getByLabel('Sertakan nama dan e-mail (tercatat di log audit)').check();
    expect(await pageA.getByTestId('sv-csv').getAttribute('href')).toBe(`/api/surveys/${survey.id}/results.csv?identify=true`);
    await expectNoSidewaysScroll(pageA);

    // Budi comes back: already answered, no form; the list says so too.
    await openSurveyFromList(pageB, community.slug, title);
    await pageB.getByTestId('sv-already').getByText('Anda sudah menjawab survei ini. Setiap anggota menjawab satu kali.').waitFor();
    expect(await pageB.getByTestId('sv-answer-form').count()).toBe(0);
    await pageB.goto(`/c/${community.slug}/surveys`);
    await pageB.locator(`[data-testid="survey-card"][data-survey-id="${survey.id}"]`).getByText('Sudah dijawab').waitFor();
    await expectNoSidewaysScroll(pageB);

    // The manager edits the open survey: what would invalidate the two answers is locked in the form, rewording,
    // an appended option and a new optional question at the end are saved.
    await pageA.goto(`/surveys/${survey.id}/edit`);
    await pageA.getByTestId('sv-open-notice').waitFor();
    expect(await pageA.getByLabel('Survei anonim').isDisabled()).toBe(true);
    expect(await editor(pageA, 0).getByLabel('Jenis jawaban').isDisabled()).toBe(true);
    expect(await pageA.getByRole('button', { name: 'Hapus pertanyaan 1' }).isDisabled()).toBe(true);
    expect(await pageA.getByRole('button', { name: 'Turunkan pertanyaan 1' }).isDisabled()).toBe(true);
    expect(await editor(pageA, 2).getByLabel('Wajib dijawab').isDisabled()).toBe(true);
    await pageA.getByLabel('Judul', { exact: true }).fill(`${title} (diperbarui)`);
    await editor(pageA, 0).getByRole('button', { name: 'Tambah pilihan' }).click();
    await editor(pageA, 0).getByLabel('Pilihan 4', { exact: true }).fill('Tebing Tinggi');
    await pageA.getByRole('button', { name: 'Tambah: Jawaban bebas' }).click();
    await editor(pageA, 3).getByLabel('Pertanyaan', { exact: true }).fill('Ada saran lain?');
    expect(await editor(pageA, 3).getByLabel('Wajib dijawab').isDisabled()).toBe(true);
    expect(await pageA.getByRole('button', { name: 'Naikkan pertanyaan 4' }).isDisabled()).toBe(true);
    // Had the server refused (say, another manager's edit reached it first), the form says what and how to go on.
    const patchUrl = `**/api/surveys/${survey.id}`;
    await pageA.route(patchUrl, (route) =>
      route.request().method() === 'PATCH'
        ? route.fulfill({
            status: 409,
            contentType: 'application/json',
            body: JSON.stringify({
              error: {
                code: 'survey_locked',
                message: 'locked',
                details: [{ path: 'body.questions', reason: 'question_removed', message: 'Pertanyaan survei yang sudah dibuka tidak bisa dihapus.' }],
              },
            }),
          })
        : route.continue(),
    );
    await pageA.getByRole('button', { name: 'Simpan perubahan' }).click();
    const locked = pageA.getByTestId('sv-locked');
    await locked.getByText('Pertanyaan survei yang sudah dibuka tidak bisa dihapus.').waitFor();
    expect(await locked.textContent()).toContain('Server menolak perubahan ini');
    await locked.getByRole('button', { name: 'Muat ulang survei' }).waitFor();
    await pageA.unroute(patchUrl);
    const [patched] = await Promise.all([
      pageA.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === `/api/surveys/${survey.id}`),
      pageA.getByRole('button', { name: 'Simpan perubahan' }).click(),
    ]);
    expect(patched.status()).toBe(200);
    await pageA.waitForURL(`**/surveys/${survey.id}`);
    expect(await pageA.getByTestId('sv-flash').textContent()).toBe('Survei disimpan.');
    await pageA.getByRole('heading', { name: `${title} (diperbarui)` }).waitFor();
    await pageA.getByRole('link', { name: 'Hasil' }).click();
    await pageA.locator('[data-testid="sv-result"][data-kind="text"]').getByText('Belum ada jawaban tertulis.').waitFor();
    expect(await optionRows.count()).toBe(4);

    // Closing asks in the page (no browser dialog); "keep it open" leaves it open.
    await pageA.goto(`/surveys/${survey.id}`);
    await pageA.getByTestId('sv-close').click();
    const confirmClose = pageA.getByTestId('sv-close-confirm');
    await confirmClose.getByText('Tutup survei ini sekarang? Anggota tidak akan bisa menjawab lagi.').waitFor();
    await pageA.locator('[data-testid="sv-close-confirm"]:focus').waitFor();
    await confirmClose.getByRole('button', { name: 'Biarkan dibuka' }).click();
    await confirmClose.waitFor({ state: 'detached' });
    expect(await pageA.getByTestId('sv-state').textContent()).toBe('Dibuka');
    await pageA.getByTestId('sv-close').click();
    await pageA.getByTestId('sv-close-yes').click();
    await pageA.getByTestId('sv-closed').waitFor();
    expect(await pageA.getByTestId('sv-state').textContent()).toBe('Ditutup');
  }, 180_000);

  it('an anonymous survey hides its breakdowns below 5 responses while the count stays live; the form speaks English too', async () => {
    const run = `${Date.now().toString(36)}a`;
    const dewi = makeUser('Dewi', run);
    const eko = makeUser('Eko', run);
    const community = { name: `Kopdar Solo ${run}`, slug: `kopdar-sva-${run}` };
    const title = `Survei anonim ${run}`;
    const [pageA, pageB] = await Promise.all([openPage(), openPage()]);
    onTestFailed(async () => {
      await screenshot(pageA, `surveys-anon-A-${run}`);
      await screenshot(pageB, `surveys-anon-B-${run}`);
    });
    await foundCommunityWithMembers({ page: pageA, user: dewi }, [{ page: pageB, user: eko }], community);

    // Made through the API (the builder has its own test), opened, and watched on the results page.
    const id = await pageA.evaluate(
      async ({ slug, body }) => {
        const post = (path: string, json?: unknown) =>
          fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: json === undefined ? undefined : JSON.stringify(json) });
        const created = (await (await post(`/api/communities/${slug}/surveys`, body)).json()) as { survey: { id: string } };
        await post(`/api/surveys/${created.survey.id}/open`);
        return created.survey.id;
      },
      {
        slug: community.slug,
        body: {
          title,
          anonymous: true,
          questions: [
            { kind: 'multi', prompt: 'Topik yang diminati', options: ['Moderasi', 'Acara'], required: true },
            { kind: 'nps', prompt: 'Rekomendasi?', required: true },
            { kind: 'text', prompt: 'Saran', maxLength: 40 },
          ],
        },
      },
    );
    await pageA.goto(`/surveys/${id}/results`);
    await pageA.locator('[data-testid="survey-results"][data-realtime="joined"]').waitFor();
    await pageA.getByTestId('sv-hidden').getByText('Disembunyikan sampai 5 orang menjawab').waitFor();
    expect(await pageA.getByLabel('Sertakan nama dan e-mail (tercatat di log audit)').count()).toBe(0);
    // Below 5 responses the server refuses the CSV: the button is off and says why.
    const csv = pageA.getByTestId('sv-csv');
    expect(await csv.isDisabled()).toBe(true);
    expect(await csv.getAttribute('href')).toBeNull();
    expect(await pageA.getByTestId('sv-csv-reason').textContent()).toBe('Unduhan tersedia setelah 5 anggota menjawab.');
    expect(await csv.evaluate((el) => el.getAttribute('aria-describedby'))).toBe('sv-csv-reason');

    // Eko reads it in English, is told it is anonymous, and answers.
    await openSurveyFromList(pageB, community.slug, title);
    await pageB.getByTestId('language-switch').selectOption('en');
    await pageB.getByTestId('sv-privacy').getByText('This survey is anonymous: managers see the totals, never who answered what.').waitFor();
    await pageB.getByText('0 = Not at all likely').waitFor();
    await pageB.getByText('10 = Extremely likely').waitFor();
    await pageB.getByLabel('Acara', { exact: true }).check();
    await pageB.locator('[data-testid="sv-question"][data-kind="nps"]').getByRole('radio', { name: '10', exact: true }).check();
    const saran = pageB.locator('[data-testid="sv-question"][data-kind="text"] textarea');
    await saran.fill('Lebih sering kopdar');
    expect(await pageB.locator('[data-testid="sv-question"][data-kind="text"] .sv-text__counter').textContent()).toBe('19/40');
    await pageB.getByRole('button', { name: 'Send answers' }).click();
    await pageB.getByTestId('sv-thanks').getByText('Thank you for your answers. They have been recorded.').waitFor();

    // The count moves live; the breakdowns stay hidden, and say why.
    await pageA.locator('[data-testid="sv-response-count"][data-count="1"]').waitFor();
    // One notice at the top; the questions show their prompts only, no "answered by 0" counts, no repeated notice.
    expect(await pageA.locator('[data-testid="sv-result"][data-hidden="true"]').count()).toBe(3);
    expect(await pageA.getByTestId('sv-hidden').count()).toBe(1);
    expect(await pageA.locator('[data-testid="sv-result"]').getByText('Dijawab', { exact: false }).count()).toBe(0);
    expect(await pageA.locator('[data-testid="sv-result"]').getByText('Disembunyikan', { exact: false }).count()).toBe(0);
    expect(await pageA.getByTestId('sv-csv').isDisabled()).toBe(true);
    expect(await pageA.getByTestId('sv-option-chart').count()).toBe(0);
    expect(await pageA.getByTestId('sv-hidden').textContent()).toContain('Dengan kurang dari 5 tanggapan');
    // The note on breakdowns updating in steps of 5 belongs to shown results, not to hidden ones.
    expect(await pageA.getByTestId('sv-batched').count()).toBe(0);
    await pageA.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(pageA);
    await pageB.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(pageB);
  }, 120_000);
});
