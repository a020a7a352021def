// A manager and two members in three Indonesian browsers. The manager (the community's owner) creates an event with
// one place through the Indonesian form; the first member answers "Akan hadir" and gets a check-in QR code; the second
// lands on "Di daftar tunggu (#1)"; when the first answers "Tidak akan hadir", the second's page turns to going live,
// without reload, and the manager checks the second in through the link her QR code holds (the code prefilled, not
// submitted), renames the event and cancels it, which the second member's page follows live. Check-in of an event
// days ahead is shown closed up front. Phone width (390 px) never scrolls sideways; the answers stack there.
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFailed } from 'vitest';
import type { CommunityEvent } from '../../server/contracts/api';
import { screenshot, useBrowserSuite } from './browser';
import { foundCommunityWithMembers, makeUser } from './flows';

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

/** Opens the event from the community's events list, waits until its socket has joined the community's rooms. */
async function openEventFromList(page: Page, slug: string, title: string): Promise<void> {
  await page.goto(`/c/${slug}`);
  await page.getByTestId('events-link').click();
  await page.waitForURL(`**/c/${slug}/events`);
  await page.getByRole('link', { name: title }).click();
  await page.locator('[data-testid="event-page"][data-realtime="joined"]').waitFor();
}

describe('events in the browser (Bahasa Indonesia)', () => {
  const { openPage } = useBrowserSuite();

  it('creates an event with one place; the waitlisted member is promoted live when the first one leaves', async () => {
    const run = Date.now().toString(36);
    const ani = makeUser('Ani', run);
    const budi = makeUser('Budi', run);
    const cici = makeUser('Cici', run);
    const community = { name: `Kopdar Makassar ${run}`, slug: `kopdar-ev-${run}` };
    const title = `Kopdar malam ${run}`;
    const [pageA, pageB, pageC] = await Promise.all([openPage(), openPage(), openPage()]);
    onTestFailed(async () => {
      await screenshot(pageA, `events-A-${run}`);
      await screenshot(pageB, `events-B-${run}`);
      await screenshot(pageC, `events-C-${run}`);
    });

    await foundCommunityWithMembers({ page: pageA, user: ani }, [{ page: pageB, user: budi }, { page: pageC, user: cici }], community);

    // The manager opens the events, which are empty, and creates one through the Indonesian form. The start is three
    // hours ahead in Jakarta (WIB), so check-in (open from a day before) works later in this test.
    await pageA.getByTestId('events-link').click();
    await pageA.getByText('Belum ada acara mendatang.').waitFor();
    await pageA.getByRole('link', { name: 'Acara baru' }).click();
    await pageA.getByRole('heading', { name: `Acara baru · ${community.name}` }).waitFor();
    await pageA.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(pageA);
    const start = DateTime.now().setZone('Asia/Jakarta').plus({ hours: 3 }).startOf('hour');
    const end = start.plus({ hours: 2 });
    await pageA.getByLabel('Judul', { exact: true }).fill(title);
    await pageA.getByLabel('Deskripsi (opsional)', { exact: true }).fill('Ngobrol santai sambil makan pisang epe.');
    await pageA.getByLabel('Mulai: Tanggal').fill(start.toFormat('yyyy-MM-dd'));
    await pageA.getByLabel('Mulai: Jam').fill(start.toFormat('HH:mm'));
    await pageA.getByLabel('Selesai: Tanggal').fill(end.toFormat('yyyy-MM-dd'));
    await pageA.getByLabel('Selesai: Jam').fill(end.toFormat('HH:mm'));
    expect(await pageA.getByLabel('Zona waktu').inputValue()).toBe('Asia/Jakarta');
    await pageA.getByLabel('Tempat (opsional)', { exact: true }).fill('Pantai Losari');
    await pageA.getByLabel('Jumlah tempat (opsional)').fill('1');
    await pageA.getByLabel('30 menit sebelumnya').check();
    const [created] = await Promise.all([
      pageA.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/communities/${community.slug}/events`),
      pageA.getByRole('button', { name: 'Buat acara' }).click(),
    ]);
    expect(created.status()).toBe(201);
    const { event } = (await created.json()) as { event: CommunityEvent };
    expect(event).toMatchObject({ title, timezone: 'Asia/Jakarta', capacity: 1, location: 'Pantai Losari', reminders: [1440, 120, 30] });
    expect(event.startsAt).toBe(start.toUTC().toISO());
    await pageA.waitForURL(`**/events/${event.id}`);
    expect(await pageA.getByTestId('event-saved').textContent()).toBe('Acara dibuat.');
    expect(await pageA.getByTestId('event-time').textContent()).toMatch(/ WIB$/);
    expect(await pageA.getByTestId('event-reminders').textContent()).toBe('Pengingat: 1 hari sebelumnya, 2 jam sebelumnya, 30 menit sebelumnya');
    expect(await pageA.getByTestId('capacity').textContent()).toContain('0 dari 1 tempat terisi');
    await expectNoSidewaysScroll(pageA);

    // Budi takes the only place and gets his check-in code as a QR code.
    await openEventFromList(pageB, community.slug, title);
    await pageB.getByRole('button', { name: 'Akan hadir', exact: true }).click();
    await pageB.getByTestId('my-rsvp').getByText('Anda akan hadir').waitFor();
    await pageB.getByTestId('checkin-qr').waitFor();

    // Cici finds it full and joins the waitlist: first in line.
    await openEventFromList(pageC, community.slug, title);
    await pageC.getByTestId('capacity').getByText('Penuh').waitFor();
    await pageC.getByRole('button', { name: 'Masuk daftar tunggu' }).click();
    await pageC.getByTestId('my-rsvp').getByText('Daftar tunggu #1').waitFor();
    expect(await pageC.getByTestId('capacity').locator('p').textContent()).toBe('1 dari 1 tempat terisi · Penuh · 1 di daftar tunggu');
    expect(await pageC.getByTestId('checkin-code').count()).toBe(0);
    // Waitlisted is not going: the button says so, in the waitlist's colours rather than the pressed fill.
    const waitlisted = pageC.getByTestId('rsvp-going');
    expect(await waitlisted.textContent()).toBe('Di daftar tunggu (#1)');
    expect(await waitlisted.getAttribute('class')).toContain('ev-rsvp__button--waitlisted');
    await pageC.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(pageC);
    // On a phone the three answers stack full width, one line each.
    const boxOf = async (answer: string): Promise<{ x: number; y: number; width: number; height: number }> =>
      (await pageC.getByTestId(`rsvp-${answer}`).boundingBox()) ?? { x: -1, y: -1, width: 0, height: 0 };
    const going = await boxOf('going');
    const interested = await boxOf('interested');
    const notGoing = await boxOf('not_going');
    expect(interested.x).toBe(going.x);
    expect(notGoing.y).toBeGreaterThan(interested.y);
    expect(interested.y).toBeGreaterThan(going.y);
    expect(going.width).toBeGreaterThan(300);
    expect(Math.max(going.height, interested.height, notGoing.height)).toBeLessThan(56);
    // A marker that a reload would wipe: the promotion must arrive in this very page.
    await pageC.evaluate(() => Object.assign(window, { rukunNoReload: true }));

    // Budi cannot come after all; Cici's page turns to going by itself and shows her code.
    await pageB.getByRole('button', { name: 'Tidak akan hadir' }).click();
    await pageB.getByTestId('my-rsvp').getByText('Anda tidak akan hadir').waitFor();
    await pageC.locator('[data-testid="my-rsvp"][data-status="going"]').waitFor();
    expect(await pageC.getByTestId('my-rsvp').textContent()).toBe('Anda akan hadir');
    expect(await pageC.getByTestId('rsvp-announcer').textContent()).toBe('Ada tempat kosong: sekarang Anda terdaftar akan hadir!');
    expect(await pageC.evaluate(() => Reflect.get(window, 'rukunNoReload'))).toBe(true);
    expect(await pageC.getByRole('button', { name: 'Akan hadir', exact: true }).getAttribute('aria-pressed')).toBe('true');
    const code = (await pageC.getByTestId('checkin-code-text').textContent()) ?? '';
    expect(code).toMatch(/^[2-9A-Z]{4} [2-9A-Z]{4}$/);
    await expectNoSidewaysScroll(pageC);
    // The bell says why, and leads back to the event.
    await pageC.getByTestId('notifications-bell').click();
    await pageC.getByRole('link', { name: `Ada tempat kosong: Anda kini terdaftar akan hadir di ${title}.` }).waitFor();

    // At the door the manager's phone camera opens the link in Cici's QR code: the check-in screen with her code
    // filled in, not yet submitted; the manager confirms. The attendee list then shows her checked in.
    await pageA.getByRole('link', { name: 'Check-in' }).waitFor();
    await pageA.goto(`/events/${event.id}/checkin?code=${code.replace(' ', '').toLowerCase()}`);
    await pageA.getByTestId('checkin-summary').getByText('0 dari 1 peserta sudah check-in').waitFor();
    expect(await pageA.getByLabel('Kode check-in').inputValue()).toBe(code.replace(' ', ''));
    await pageA.getByTestId('checkin-prefilled').waitFor();
    expect(await pageA.getByTestId('checkin-window').count()).toBe(0);
    const submit = pageA.getByRole('button', { name: 'Check-in', exact: true });
    const submitBox = await submit.boundingBox();
    expect(submitBox?.height ?? 0).toBeLessThan(56);
    await submit.click();
    await pageA.getByTestId('checkin-result').getByText(`Cici (@${cici.handle}) sudah check-in.`).waitFor();
    await pageA.getByTestId('checkin-summary').getByText('1 dari 1 peserta sudah check-in').waitFor();
    await expectNoSidewaysScroll(pageA);
    await pageA.getByRole('link', { name: 'Buka daftar peserta' }).click();
    const row = pageA.locator(`[data-testid="attendee"][data-status="going"]`);
    await row.getByText('Cici', { exact: true }).waitFor();
    expect(await row.getByTestId('checkin-toggle').isChecked()).toBe(true);

    // The list and the month calendar both show it; neither scrolls sideways on a phone.
    await pageA.goto(`/c/${community.slug}/events`);
    const card = pageA.locator(`[data-testid="event-card"][data-event-id="${event.id}"]`);
    expect(await card.getByTestId('event-counts').textContent()).toBe('1 akan hadir');
    await expectNoSidewaysScroll(pageA);
    await pageA.getByRole('link', { name: 'Kalender' }).click();
    await pageA.getByTestId('event-calendar').waitFor();
    // Three hours ahead may already be next month (late on the last day): the calendar opens on this month.
    if (start.toFormat('yyyy-MM') !== DateTime.now().setZone('Asia/Jakarta').toFormat('yyyy-MM')) {
      await pageA.goto(`/c/${community.slug}/events?view=calendar&month=${start.toFormat('yyyy-MM')}`);
    }
    await pageA.locator(`[data-testid="event-calendar"] [data-day="${start.toFormat('yyyy-MM-dd')}"]`).getByRole('link', { name: title }).waitFor();
    await expectNoSidewaysScroll(pageA);

    // Cici finds it under My events and makes her private calendar address.
    await pageC.goto('/me/events');
    await pageC.locator(`[data-testid="event-card"][data-event-id="${event.id}"]`).getByText('Sudah check-in').waitFor();
    await pageC.getByText('Langganan acara saya').click();
    await pageC.getByRole('button', { name: 'Buat alamat kalender saya' }).click();
    expect(await pageC.getByTestId('feed-url').inputValue()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.+\.ics$/);
    expect(await pageC.getByTestId('feed-webcal').getAttribute('href')).toMatch(/^webcal:\/\//);
    expect(await pageC.getByTestId('feed-copy-now').textContent()).toBe('Salin sekarang — alamat ini tidak akan ditampilkan lagi.');
    await expectNoSidewaysScroll(pageC);

    // The manager renames the event and then cancels it; Cici's open event page follows both live.
    await openEventFromList(pageC, community.slug, title);
    await pageC.evaluate(() => Object.assign(window, { rukunNoReload: true }));
    await pageA.goto(`/events/${event.id}/edit`);
    await pageA.getByTestId('event-form').waitFor();
    // Someone else edits it meanwhile (here: the same manager in another tab): saving the stale form is refused
    // with a prompt to reload, which brings the other edit in.
    const other = await pageA.evaluate(async (id) => {
      const response = await fetch(`/api/events/${id}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ location: 'Benteng' }) });
      return response.status;
    }, event.id);
    expect(other).toBe(200);
    await pageA.getByLabel('Judul', { exact: true }).fill(`${title} (basi)`);
    await pageA.getByRole('button', { name: 'Simpan perubahan' }).click();
    await pageA.getByTestId('version-conflict').waitFor();
    await pageA.getByRole('button', { name: 'Muat ulang acara' }).click();
    await pageA.getByTestId('version-conflict').waitFor({ state: 'detached' });
    expect(await pageA.getByLabel('Tempat (opsional)', { exact: true }).inputValue()).toBe('Benteng');
    expect(await pageA.getByLabel('Judul', { exact: true }).inputValue()).toBe(title);
    await pageA.getByLabel('Judul', { exact: true }).fill(`${title} (pindah ke Fort Rotterdam)`);
    await pageA.getByLabel('Tempat (opsional)', { exact: true }).fill('Fort Rotterdam');
    await pageA.getByRole('button', { name: 'Simpan perubahan' }).click();
    await pageA.waitForURL(`**/events/${event.id}`);
    expect(await pageA.getByTestId('event-saved').textContent()).toBe('Perubahan disimpan.');
    await pageC.getByTestId('event-title').getByText(`${title} (pindah ke Fort Rotterdam)`).waitFor();
    pageA.once('dialog', (dialog) => void dialog.accept());
    await pageA.getByRole('button', { name: 'Batalkan acara' }).click();
    await pageA.getByTestId('event-state').getByText('Dibatalkan').waitFor();
    await pageC.getByTestId('event-state').getByText('Dibatalkan').waitFor();
    // A cancelled event keeps what happened and nothing to press: no answers, no places, no calendar file.
    await pageC.getByTestId('cancelled-notice').getByText('Acara ini dibatalkan — tadinya Anda akan hadir.').waitFor();
    expect(await pageC.getByTestId('rsvp-not_going').count()).toBe(0);
    expect(await pageC.getByTestId('capacity').count()).toBe(0);
    expect(await pageC.getByTestId('event-ics').count()).toBe(0);
    expect(await pageC.getByTestId('checkin-code').count()).toBe(0);
    expect(await pageC.evaluate(() => Reflect.get(window, 'rukunNoReload'))).toBe(true);

    // Check-in of an event five days ahead is not open yet: the screens say when it opens, and nothing can be marked.
    const later = start.plus({ days: 5 });
    const laterId = await pageA.evaluate(
      async ({ slug, body }) => {
        const response = await fetch(`/api/communities/${slug}/events`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
        return ((await response.json()) as { event: { id: string } }).event.id;
      },
      { slug: community.slug, body: { title: `${title} lagi`, startsAt: later.toUTC().toISO(), endsAt: later.plus({ hours: 2 }).toUTC().toISO(), timezone: 'Asia/Makassar' } },
    );
    await pageA.goto(`/events/${laterId}/checkin`);
    const notice = pageA.locator('[data-testid="checkin-window"][data-phase="before"]');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/^Check-in dibuka .+ WITA\.$/);
    expect(await pageA.getByLabel('Kode check-in').isDisabled()).toBe(true);
    await pageA.goto(`/events/${laterId}/attendees`);
    await pageA.locator('[data-testid="checkin-window"][data-phase="before"]').waitFor();
  }, 180_000);
});
