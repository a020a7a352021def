// Issue 9, finding 11, in the browser: the register and create-community forms put a name's problem on its field,
// in Bahasa Indonesia, and send nothing until it is fixed. (Needs `npm run build:client` first.)
import { describe, expect, it, onTestFailed } from 'vitest';
import { id } from '../../client/src/i18n/id';
import { screenshot, useBrowserSuite } from '../e2e/browser';
import { createCommunityThroughUi, makeUser, registerThroughUi } from '../e2e/flows';

describe('name fields in the browser (Bahasa Indonesia)', () => {
  const { openPage } = useBrowserSuite();

  it('shows the problem on the field and registers once the name is fixed', async () => {
    const run = Date.now().toString(36);
    const page = await openPage();
    onTestFailed(() => screenshot(page, `names-${run}`));
    const user = makeUser('Sari', run);

    // Only a Hangul filler: looks empty, is refused on the field, nothing is sent.
    await page.goto('/');
    await page.getByRole('button', { name: 'Daftar sekarang' }).click();
    const displayName = page.getByLabel('Nama tampilan', { exact: true });
    await displayName.fill('\u3164');
    await page.getByLabel('Nama pengguna', { exact: true }).fill(user.handle);
    await page.getByLabel('Alamat e-mail', { exact: true }).fill(user.email);
    await page.getByLabel('Kata sandi', { exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Buat akun' }).click();
    await page.getByText(id['validation.nameBlank']).waitFor();
    expect(await displayName.getAttribute('aria-invalid')).toBe('true');

    await displayName.fill('Sari\u202Etrela');
    await page.getByRole('button', { name: 'Buat akun' }).click();
    await page.getByText(id['validation.nameBidi']).waitFor();

    // Fixed: the same form registers (an Arabic name with Latin is fine).
    await page.goto('/');
    await registerThroughUi(page, { ...user, displayName: 'Sari سارة' });

    // The community form does the same for the community's name.
    const communityName = page.getByLabel('Nama komunitas', { exact: true });
    await communityName.fill('Kopdar\u200B');
    await page.getByLabel('Alamat', { exact: true }).fill(`kopdar-${run}`);
    await page.getByRole('button', { name: 'Buat komunitas' }).click();
    await page.getByText(id['validation.nameInvisible']).waitFor();
    expect(await communityName.getAttribute('aria-invalid')).toBe('true');
    await createCommunityThroughUi(page, { name: `Kopdar ${run}`, slug: `kopdar-${run}` });
  });
});
