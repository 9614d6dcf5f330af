import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serve } from './serve.js';

/** The built page: `npm run build` (npm test does) makes it. */
export const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
/** Debian's Chromium, or CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium as every browser test runs it: no sandbox (containers), no GPU, and nothing fetched
 * in the background, so the only requests are the page's own. Throws, saying what to do, if the page is
 * not built or Chromium not installed.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`the playground is not built (no ${DIST}/index.html): run npm run build (npm test does)`);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (.ci/run does), or set CHROMIUM_PATH`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A served build and a browser to open it in; `close` ends both. */
export interface Playground {
  browser: Browser;
  url: string;
  /** A new page on the playground, once it has laid out and drawn (its legend is filled). */
  open(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

/** Serves the built page under `prefix` and launches Chromium: one launch for a whole test file. */
export async function startPlayground(prefix = '/'): Promise<Playground> {
  const browser = await launchChromium();
  let server: Server;
  let url: string;
  try {
    ({ server, url } = await serve(DIST, prefix));
  } catch (e) {
    await browser.close();
    throw e;
  }
  return {
    browser,
    url,
    async open(options = { viewport: { width: 1480, height: 900 } }) {
      const page = await browser.newPage(options);
      await page.goto(url);
      await page.waitForSelector('#legend li', { timeout: 30_000 });
      return page;
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** Stops the animation, if it runs, so what a test reads is not changing under it. */
export async function pausePlayground(page: Page): Promise<void> {
  if ((await page.textContent('#play')) === 'Pause') await page.click('#play');
}

/**
 * One served build and browser for the enclosing suite (call it in a `describe` body): started before
 * its tests, closed after them. The returned function gives the Playground once the tests run.
 */
export function playgroundForSuite(): () => Playground {
  let playground: Playground | undefined;
  beforeAll(async () => {
    playground = await startPlayground();
  }, 60_000);
  afterAll(async () => {
    await playground?.close();
  });
  return () => {
    if (playground === undefined) throw new Error('the playground is not started: call playgroundForSuite() in a describe body and use it in its tests');
    return playground;
  };
}
