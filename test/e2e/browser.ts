// Headless Debian Chromium for end-to-end tests. Never downloads a browser: the system one must be installed.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Clock } from '../../server/lib/clock';
import { startTestServer, type TestServer } from '../helpers/testServer';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches the system Chromium, headless. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** A fresh browser profile (own cookies, own storage) with an Indonesian-speaking user's settings. */
export async function indonesianContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    viewport: { width: 412, height: 915 },
  });
  context.setDefaultTimeout(15_000);
  return context;
}

/** Saves a screenshot under .tmp/e2e for a failed test. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = join(process.cwd(), '.tmp', 'e2e');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true }).catch(() => undefined);
}

/**
 * Registers the suite's set-up: one Rukun server and one Chromium for the file, closed afterwards. Returns
 * `openPage()`, which gives each caller a fresh Indonesian browser profile on that server. `now` is the server's
 * clock (for tests that move time forward).
 */
export function useBrowserSuite(options: { now?: Clock } = {}): { openPage: () => Promise<Page> } {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (!existsSync(resolve('client/dist/index.html'))) {
      throw new Error('The web client is not built: run `npm run build:client` before the end-to-end tests.');
    }
    [server, browser] = await Promise.all([startTestServer(options.now ? { now: options.now } : {}), launchBrowser()]);
  }, 90_000);

  afterAll(async () => {
    await Promise.allSettled(contexts.map((context) => context.close()));
    await browser?.close();
    await server?.close();
  }, 30_000);

  return {
    async openPage() {
      if (!browser || !server) throw new Error('setup failed');
      const context = await indonesianContext(browser, server.baseUrl);
      contexts.push(context);
      return context.newPage();
    },
  };
}
