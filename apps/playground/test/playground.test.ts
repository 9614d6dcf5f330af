import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from './serve.js';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let server: Server;
let url: string;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const foreign: string[] = [];

/** The map canvas as a data URL: equal strings mean an identical picture. */
const picture = () => page.evaluate(() => (document.getElementById('map') as HTMLCanvasElement).toDataURL());
/** One pixel of the map, in canvas coordinates. */
const pixel = (x: number, y: number) =>
  page.evaluate(([px, py]) => Array.from((document.getElementById('map') as HTMLCanvasElement).getContext('2d')!.getImageData(px!, py!, 1, 1).data), [x, y]);

async function pause(): Promise<void> {
  if ((await page.textContent('#play')) === 'Pause') await page.click('#play');
  await page.waitForTimeout(100);
}

describe('the playground page in headless Chromium', () => {
  beforeAll(async () => {
    expect(existsSync(join(dist, 'index.html')), 'build the page first: npm run build (npm test does)').toBe(true);
    expect(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: apt-get install chromium (.ci/run does)`).toBe(true);
    // Served from a nested folder: the build's asset paths are relative.
    ({ server, url } = await serve(dist, '/any/nested/folder/'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1480, height: 900 } });
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
    page.on('request', (r) => !r.url().startsWith(new URL(url).origin) && foreign.push(r.url()));
    await page.goto(url);
    await page.waitForTimeout(1500);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('loads without console or page errors, requesting nothing outside its origin', () => {
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
  });

  it('works opened straight from disk (file://), where module scripts are refused', async () => {
    const local = await browser.newPage({ viewport: { width: 1480, height: 900 } });
    const errors: string[] = [];
    local.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
    local.on('pageerror', (e) => errors.push(`page: ${e.message}`));
    await local.goto(pathToFileURL(join(dist, 'index.html')).href);
    await local.waitForSelector('#legend li', { timeout: 30_000 }); // the script has run
    await local.waitForTimeout(300);
    expect(errors).toEqual([]);
    expect(await local.locator('#legend li').count()).toBeGreaterThan(0);
    expect(await local.locator('#optimizers fieldset').count()).toBe(9);
    await local.close();
  });

  it('fits an 800 px wide window without sideways scrolling', async () => {
    const narrow = await browser.newPage({ viewport: { width: 800, height: 600 } });
    await narrow.goto(url);
    await narrow.waitForSelector('#legend li', { timeout: 30_000 }); // laid out and drawn
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
    expect((await narrow.locator('#map').boundingBox())!.width).toBeGreaterThanOrEqual(300);
    await narrow.close();
  });

  it('draws a map of at least 300×300 with a legend, and animates', async () => {
    const box = await page.locator('#map').boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(300);
    expect(box!.height).toBeGreaterThanOrEqual(300);
    expect(await page.locator('#legend li').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('iRprop−')]));
    const a = await picture();
    // A frame or more later (however slow the machine), the picture has moved on.
    await page.waitForFunction((was) => (document.getElementById('map') as HTMLCanvasElement).toDataURL() !== was, a, { timeout: 30_000 });
  });

  it('a click on the map starts every optimizer from there', async () => {
    await pause();
    const before = await picture();
    // Click at canvas pixel (150, 400); the canvas is shown at its own size.
    await page.locator('#map').click({ position: { x: 150, y: 400 } });
    await pause();
    expect(await picture()).not.toBe(before);
    expect(await pixel(150, 400)).toEqual([255, 255, 255, 255]); // the start marker's white face
    expect(await page.textContent('#iteration')).toMatch(/iteration \d+/);
  });

  it('a click in the axes\' margin starts on the window\'s edge, where the start is drawn', async () => {
    await page.locator('#map').click({ position: { x: 6, y: 6 } });
    await pause();
    // The margin is 36 px: the start square, centred on the corner (36, 36), shows its white face inside.
    expect(await pixel(39, 39)).toEqual([255, 255, 255, 255]);
  });

  it('the map takes keyboard focus, and the arrow keys move the start', async () => {
    await page.selectOption('#function', 'scaled');
    await page.click('#reset');
    await pause();
    await page.focus('#map');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('map');
    const before = await picture();
    // The default start (3, −2) is drawn at (463, 475); four presses left move it 4 · 8/40 = 0.8 = 48.8 px.
    for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowLeft');
    await pause();
    expect(await picture()).not.toBe(before);
    expect(await pixel(414, 475)).toEqual([255, 255, 255, 255]);
  });

  it('after the last iteration, Play replays the runs, and an edit runs again', async () => {
    await pause();
    await page.evaluate(() => {
      for (let k = 0; k < 500; k++) document.getElementById('step')!.click();
    });
    expect(await page.textContent('#iteration')).toBe('iteration 500 of 500');
    expect(await page.textContent('#play')).toBe('Play');
    await page.click('#play');
    await page.waitForFunction(() => document.getElementById('iteration')!.textContent !== 'iteration 500 of 500', null, { timeout: 30_000 });
    expect(await page.textContent('#play')).toBe('Pause');
    // To the end again, playing: one iteration a frame, ≈8 s at 60 fps, longer on a loaded machine.
    await page.waitForFunction(() => document.getElementById('iteration')!.textContent === 'iteration 500 of 500', null, { timeout: 60_000 });
    expect(await page.textContent('#play')).toBe('Play');
    await page.fill('#sgd-lr', '0.005');
    await page.dispatchEvent('#sgd-lr', 'change');
    await page.waitForFunction(() => Number(document.getElementById('iteration')!.textContent!.split(' ')[1]) > 0, null, { timeout: 30_000 });
    await page.fill('#sgd-lr', '0.004');
    await page.dispatchEvent('#sgd-lr', 'change');
  }, 90_000);

  it('a run that diverges on its first step says when, and is marked on the loss chart', async () => {
    await page.selectOption('#function', 'scaled');
    await pause();
    const others = await page.locator('#optimizers input[type=checkbox]:checked').evaluateAll((els) => els.map((e) => e.id).filter((id) => id !== 'use-sgd'));
    for (const id of others) await page.uncheck(`[id="${id}"]`);
    await page.fill('#sgd-lr', '1e308');
    await page.dispatchEvent('#sgd-lr', 'change');
    await pause();
    await page.click('#step');
    expect(await page.locator('#legend li', { hasText: 'SGD' }).textContent()).toContain('diverged at iteration 1');
    // With SGD alone and no line to draw, only its cross puts its blue (#1f77b4) on the chart.
    const blue = await page.evaluate(() => {
      const canvas = document.getElementById('loss') as HTMLCanvasElement;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let k = 0; k < data.length; k += 4) if (Math.abs(data[k]! - 31) + Math.abs(data[k + 1]! - 119) + Math.abs(data[k + 2]! - 180) < 30) n++;
      return n;
    });
    expect(blue).toBeGreaterThan(5);
    await page.fill('#sgd-lr', '0.004');
    await page.dispatchEvent('#sgd-lr', 'change');
    for (const id of others) await page.check(`[id="${id}"]`);
  });

  it('a hyperparameter the library refuses is explained in its optimizer\'s box, where it was typed', async () => {
    const box = page.locator('#optimizers fieldset[data-id="sgd"]');
    await page.fill('#sgd-momentum', '1');
    await page.dispatchEvent('#sgd-momentum', 'change');
    // The legend says so too, but it can be off screen while the value is typed.
    expect(await box.innerText()).toContain('SGD: momentum must satisfy 0 ≤ momentum < 1, got 1');
    await page.fill('#sgd-momentum', '0');
    await page.dispatchEvent('#sgd-momentum', 'change');
    expect(await box.innerText()).not.toContain('must satisfy');
  });

  it('says what to do when no optimizer is ticked', async () => {
    const ids = await page.locator('#optimizers input[type=checkbox]:checked').evaluateAll((els) => els.map((e) => e.id));
    for (const id of ids) await page.uncheck(`[id="${id}"]`);
    expect(await page.locator('#legend').textContent()).toContain('No optimizer ticked');
    for (const id of ids) await page.check(`[id="${id}"]`);
  });

  it('changing the function redraws the picture and the explanation', async () => {
    await pause();
    const before = await picture();
    await page.selectOption('#function', 'rosenbrock');
    await pause();
    expect(await picture()).not.toBe(before);
    expect(await page.textContent('#note')).toContain('valley');
  });

  it('an emptied or unreadable hyperparameter keeps the value in use instead of running with 0', async () => {
    await pause();
    for (const typed of ['', 'NaN']) {
      await page.fill('#sgd-lr', '');
      await page.focus('#sgd-lr');
      await page.keyboard.type(typed);
      await page.keyboard.press('Tab'); // commits the field: its change event
      expect(await page.inputValue('#sgd-lr')).toBe('0.004');
    }
    await page.selectOption('#function', 'scaled');
    await pause();
    for (let k = 0; k < 5; k++) await page.click('#step');
    // With lr = 0, SGD would sit at the start, f − f* = 4.00e+2.
    expect(await page.locator('#legend li', { hasText: 'SGD' }).textContent()).not.toContain('4.00e+2');
  });

  it('draws each path on a dark casing, so light colours stay visible on the light map', async () => {
    await page.selectOption('#function', 'scaled');
    await pause();
    for (let k = 0; k < 3; k++) await page.click('#step');
    // SGD's first steps run straight up from the start (3, −2), at canvas x = 36 + 7/8 · 488 = 463.
    const row = await Promise.all(Array.from({ length: 17 }, (_, k) => pixel(455 + k, 400)));
    const darkest = Math.min(...row.map(([r, g, b]) => r! + g! + b!));
    expect(darkest).toBeLessThan(300); // SGD's blue alone sums to 330
  });

  it('turning an optimizer on adds its path and its legend entry', async () => {
    await page.click('#step');
    await pause();
    const before = await picture();
    await page.check('#use-signum');
    await page.click('#step');
    await page.click('#step');
    await pause();
    expect(await page.locator('#legend li').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Signum')]));
    expect(await picture()).not.toBe(before);
    expect(problems).toEqual([]);
  });
});
