import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// "Works in Node and browsers", proven in a browser: the built package loaded by headless Chromium as
// native ES modules (no bundler), its WebAssembly SIMD kernels compiled by Chromium's engine, and every
// recorded trace replayed there bit for bit on the reference rules, the kernels and the zero-copy path.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const found = existsSync(CHROMIUM);
const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const traceFiles = ['torch', 'variants'].flatMap((folder) =>
  readdirSync(join(packageDir, 'test', 'fixtures', folder))
    .filter((f) => f.endsWith('.json') && !f.startsWith('linear-mse'))
    .map((f) => `../fixtures/${folder}/${f}`),
);

/** The made-up origin the package is served at; every request elsewhere is refused and recorded. */
const ORIGIN = 'http://rprop.test';
const TYPES: Record<string, string> = { html: 'text/html', js: 'text/javascript', json: 'application/json' };

/** Serves packages/core's files (dist, test pages, fixtures) to `page` under ORIGIN, from disk. */
async function servePackage(page: Page, foreign: string[]): Promise<void> {
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) {
      foreign.push(url.href);
      return route.abort();
    }
    // (A URL's path has its '..' segments resolved already: nothing outside the package is reachable.)
    const file = join(packageDir, decodeURIComponent(url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname));
    if (!existsSync(file) || !statSync(file).isFile()) return route.fulfill({ status: 404 });
    return route.fulfill({ status: 200, contentType: TYPES[file.split('.').pop()!] ?? 'application/octet-stream', body: readFileSync(file) });
  });
}

interface Report {
  simd: boolean;
  activeAtFirstUse: boolean;
  prepared: boolean;
  entryPointProblems: string[];
  replayed: number;
  problems: string[];
}

let browser: Browser;
let report: Report;
const pageProblems: string[] = [];
const foreignRequests: string[] = [];

(found ? describe : describe.skip)(
  found ? 'the rprop package in headless Chromium' : `rprop in a browser: SKIPPED, no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`,
  () => {
    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
      const page = await browser.newPage();
      page.on('pageerror', (e) => pageProblems.push(`page: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && pageProblems.push(`console: ${m.text()}`));
      await servePackage(page, foreignRequests);
      await page.goto(`${ORIGIN}/test/browser/`);
      // A string, not a function: vitest rewrites `import()` in this file's functions for Node.
      const files = traceFiles.map((f) => new URL(f, `${ORIGIN}/test/browser/`).href);
      report = (await page.evaluate(`import('./replay-page.js').then((m) => m.run(${JSON.stringify(files)}))`)) as Report;
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
    });

    it('loads every browser entry point with no error and nothing fetched from elsewhere', () => {
      expect(pageProblems).toEqual([]);
      expect(foreignRequests).toEqual([]);
    });

    it('runs the WebAssembly SIMD kernels, compiled at first use (no prepareKernels needed in Chromium)', () => {
      expect(report).toMatchObject({ simd: true, activeAtFirstUse: true, prepared: true });
    });

    it('rprop/kernels steps equal rprop/rules steps bit for bit, every variant, float32 and float64', () => {
      expect(report.entryPointProblems).toEqual([]);
    });

    it('replays every recorded trace exactly on the reference rules, the kernels and the zero-copy path', () => {
      expect(traceFiles.length).toBeGreaterThanOrEqual(30);
      expect(report.replayed).toBe(3 * traceFiles.length);
      expect(report.problems.slice(0, 5)).toEqual([]);
    });
  },
);
