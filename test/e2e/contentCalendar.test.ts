// A manager plans content in the Indonesian interface: she opens the content calendar from her community, schedules
// a post two hours ahead (date and time in WIB), opens it in the calendar and moves it an hour later. The server's
// clock is then moved past that time (an injected clock, no waiting on real time): the sweeper hands the post to the
// flagging worker, which checks and publishes it, and a member's open feed shows it live while the manager's
// calendar says it went out. A member schedules his own post from the feed's composer. At phone width (390 px)
// neither screen scrolls sideways.
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFailed } from 'vitest';
import { screenshot, useBrowserSuite } from './browser';
import { createCommunityThroughUi, joinFromList, makeUser, registerThroughUi, waitForLiveFeed } from './flows';

const HOUR = 3_600_000;
// The server's clock runs this far ahead of real time; the test moves it forward.
let offset = 0;

/** Fails when the page is wider than the viewport (something overflows sideways on a phone). */
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

describe('content calendar in the browser (Bahasa Indonesia)', () => {
  const { openPage } = useBrowserSuite({ now: () => new Date(Date.now() + offset) });

  it('a manager schedules a post from the calendar, moves it, and sees it go live in a member\'s feed', async () => {
    const run = Date.now().toString(36);
    const ani = makeUser('Ani', run);
    const budi = makeUser('Budi', run);
    const community = { name: `Warga Bogor ${run}`, slug: `warga-cal-${run}` };
    const text = `Kerja bakti Minggu pagi ${run}, kumpul di balai warga.`;
    const [pageA, pageB] = await Promise.all([openPage(), openPage()]);
    onTestFailed(async () => {
      await screenshot(pageA, `calendar-A-${run}`);
      await screenshot(pageB, `calendar-B-${run}`);
    });

    await registerThroughUi(pageA, ani);
    await createCommunityThroughUi(pageA, community);
    await registerThroughUi(pageB, budi);
    await joinFromList(pageB, community.slug);
    await waitForLiveFeed(pageB);

    // The owner (a manager) opens the content calendar from the community page, at phone width.
    await pageA.setViewportSize({ width: 390, height: 844 });
    await pageA.getByRole('link', { name: 'Kalender konten' }).click();
    await pageA.waitForURL(`**/c/${community.slug}/calendar`);
    await pageA.getByRole('heading', { name: `Kalender konten · ${community.name}` }).waitFor();
    await pageA.locator('[data-testid="content-calendar"][data-realtime="joined"]').waitFor();
    await pageA.getByText('Waktu menurut zona komunitas: WIB').waitFor();

    const at = DateTime.now().setZone('Asia/Jakarta').plus({ hours: 2 }).startOf('hour');
    const composer = pageA.getByTestId('calendar-composer');
    await composer.getByLabel('Isi kiriman').fill(text);
    await composer.getByLabel('Terbit: Tanggal').fill(at.toFormat('yyyy-MM-dd'));
    await composer.getByLabel('Terbit: Jam').fill(at.toFormat('HH:mm'));
    await composer.getByRole('button', { name: 'Jadwalkan', exact: true }).click();
    await pageA.getByTestId('calendar-live').getByText(/^Dijadwalkan pada .* WIB\.$/).waitFor();
    const entry = pageA.getByTestId('calendar-post').filter({ hasText: text });
    await entry.getByText(`${at.toFormat('HH.mm')} WIB`).waitFor();
    await expectNoSidewaysScroll(pageA);

    // Opened and moved an hour later through the form.
    await entry.getByRole('button', { name: 'Buka' }).click();
    const panel = entry.getByTestId('scheduled-post-panel');
    const later = at.plus({ hours: 1 });
    await panel.getByLabel('Terbit: Tanggal').fill(later.toFormat('yyyy-MM-dd'));
    await panel.getByLabel('Terbit: Jam').fill(later.toFormat('HH:mm'));
    await panel.getByRole('button', { name: 'Simpan waktu baru' }).click();
    await pageA.getByTestId('calendar-live').getByText(/^Dipindahkan ke .* WIB\.$/).waitFor();
    await entry.getByText(`${later.toFormat('HH.mm')} WIB`).waitFor();
    await expectNoSidewaysScroll(pageA);
    // Not yet: the member's feed does not have it.
    expect(await pageB.getByTestId('feed-list').getByText(text).count()).toBe(0);

    // A member schedules one of his own from the feed's composer ("Jadwalkan…"), far beyond the manager's time.
    await pageB.setViewportSize({ width: 390, height: 844 });
    const own = `Titip info lowongan ${run}`;
    const ownAt = DateTime.now().setZone('Asia/Jakarta').plus({ hours: 10 }).startOf('hour');
    await pageB.getByTestId('composer-body').fill(own);
    await pageB.getByRole('button', { name: 'Jadwalkan…' }).click();
    await pageB.getByLabel('Terbit: Tanggal').fill(ownAt.toFormat('yyyy-MM-dd'));
    await pageB.getByLabel('Terbit: Jam').fill(ownAt.toFormat('HH:mm'));
    await pageB.getByText(/^Zona waktu: WIB · Terbit .* WIB$/).waitFor();
    await expectNoSidewaysScroll(pageB);
    await pageB.getByTestId('composer-submit').click();
    await pageB.getByTestId('pending-list').getByText(own).waitFor();
    await pageB.getByTestId('pending-list').getByText('Terjadwal').waitFor();

    // The server's clock passes the new time: the post goes out, checked by the flagging worker.
    offset = later.toMillis() - Date.now() + 60_000;
    await pageB.getByTestId('feed-list').getByText(text).waitFor({ timeout: 30_000 });
    await pageA.getByTestId('calendar-live').getByText(`Sudah tayang: “${text}”`).waitFor({ timeout: 30_000 });
    await entry.waitFor({ state: 'detached' });
  });
});
