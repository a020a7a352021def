// What a person does in the web app, step by step, through the Indonesian interface (labels are asserted by use).
import type { Page } from 'playwright-core';

export interface TestUser {
  handle: string;
  displayName: string;
  email: string;
  password: string;
}

/** A unique user for this run. */
export function makeUser(name: string, run: string): TestUser {
  const handle = `${name.toLowerCase()}_${run}`;
  return { handle, displayName: name, email: `${handle}@example.test`, password: 'kata-sandi-rahasia-123' };
}

/** Opens the app signed out and registers through the form; ends on the communities screen. */
export async function registerThroughUi(page: Page, user: TestUser): Promise<void> {
  await page.goto('/');
  await page.getByRole('heading', { name: 'Masuk ke Rukun' }).waitFor();
  await page.getByRole('button', { name: 'Daftar sekarang' }).click();
  await page.getByRole('heading', { name: 'Buat akun Rukun' }).waitFor();
  await page.getByLabel('Nama tampilan', { exact: true }).fill(user.displayName);
  await page.getByLabel('Nama pengguna', { exact: true }).fill(user.handle);
  await page.getByLabel('Alamat e-mail', { exact: true }).fill(user.email);
  await page.getByLabel('Kata sandi', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Buat akun' }).click();
  await page.getByRole('heading', { name: 'Komunitas', exact: true }).waitFor();
}

/** Creates a community from the communities screen; ends on its feed. */
export async function createCommunityThroughUi(page: Page, community: { name: string; slug: string }): Promise<void> {
  await page.getByLabel('Nama komunitas', { exact: true }).fill(community.name);
  await page.getByLabel('Alamat', { exact: true }).fill(community.slug);
  await page.getByRole('button', { name: 'Buat komunitas' }).click();
  await page.waitForURL(`**/c/${community.slug}`);
  await page.getByTestId('community-title').getByText(community.name).waitFor();
}

/** Joins a community from the list on the communities screen; ends on its feed. */
export async function joinFromList(page: Page, slug: string): Promise<void> {
  const card = page.locator(`[data-testid="community-card"][data-slug="${slug}"]`);
  await card.getByRole('button', { name: 'Gabung' }).click();
  await page.waitForURL(`**/c/${slug}`);
}

/** The owner registers and founds the community on their page; each member registers and joins on theirs. */
export async function foundCommunityWithMembers(owner: { page: Page; user: TestUser }, members: { page: Page; user: TestUser }[], community: { name: string; slug: string }): Promise<void> {
  await registerThroughUi(owner.page, owner.user);
  await createCommunityThroughUi(owner.page, community);
  for (const member of members) {
    await registerThroughUi(member.page, member.user);
    await joinFromList(member.page, community.slug);
  }
}

/** Waits until the feed's socket has joined the community's rooms, so live events reach it. */
export async function waitForLiveFeed(page: Page): Promise<void> {
  await page.locator('[data-testid="feed"][data-realtime="joined"]').waitFor();
}

/** Starts recording every status badge text the page shows, however briefly. */
export async function recordStatusBadges(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { rukunSeenBadges: seen });
    const collect = (): void => {
      for (const badge of document.querySelectorAll('[data-testid="post-status"]')) {
        const text = badge.textContent ?? '';
        if (!seen.includes(text)) seen.push(text);
      }
    };
    new MutationObserver(collect).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** The status badge texts recorded since recordStatusBadges. */
export async function recordedStatusBadges(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen: unknown = Reflect.get(window, 'rukunSeenBadges');
    return Array.isArray(seen) ? seen.filter((text): text is string => typeof text === 'string') : [];
  });
}
