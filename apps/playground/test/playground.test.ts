import type { Server } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST as dist, launchChromium } from './browser.js';
import { serve } from './serve.js';

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

/** A phone: 390×844 CSS px at 3 device pixels each. */
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

/** Each canvas's backing store and displayed (CSS) size. */
const sizes = (p: Page) =>
  p.evaluate(() =>
    Object.fromEntries(
      ['map', 'loss'].map((id) => {
        const c = document.getElementById(id) as HTMLCanvasElement;
        const rect = c.getBoundingClientRect();
        return [id, { store: [c.width, c.height], css: [rect.width, rect.height] }];
      }),
    ),
  );

/** Waits until both canvases' stores are their displayed size × `ratio`, give or take a pixel. */
const backedAt = (p: Page, ratio: number) =>
  p.waitForFunction(
    (r) =>
      ['map', 'loss'].every((id) => {
        const c = document.getElementById(id) as HTMLCanvasElement;
        const rect = c.getBoundingClientRect();
        return Math.abs(c.width - rect.width * r) <= 1 && Math.abs(c.height - rect.height * r) <= 1;
      }),
    ratio,
    { timeout: 30_000 },
  );

/**
 * Records every label the page draws on a canvas: its size on screen in CSS px (the font's px × the
 * context's scale ÷ the store's pixels per displayed CSS px) and whether it lies inside its canvas. The
 * map's labels are drawn on its offscreen backdrop, the map store's size, and shown on the map.
 */
function recordLabels(): void {
  const seen = new Map<string, { text: string; canvas: string; cssPx: number; inside: boolean }>();
  (window as unknown as { labels: typeof seen }).labels = seen;
  const fillText = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number, maxWidth?: number) {
    const shown = (this.canvas.id === 'loss' ? document.getElementById('loss') : document.getElementById('map')) as HTMLCanvasElement;
    const t = this.getTransform();
    const m = this.measureText(text);
    const cssPx = parseFloat(this.font) * Math.hypot(t.a, t.b) * (shown.getBoundingClientRect().width / this.canvas.width);
    // Two opposite corners of the ink's box, in store pixels: both inside, all of it is (the upright 'y' too).
    const corners = [
      [x - m.actualBoundingBoxLeft, y - m.actualBoundingBoxAscent],
      [x + m.actualBoundingBoxRight, y + m.actualBoundingBoxDescent],
    ];
    const inside = corners.every(([cx, cy]) => {
      const p = t.transformPoint(new DOMPoint(cx, cy));
      return p.x >= -0.5 && p.y >= -0.5 && p.x <= this.canvas.width + 0.5 && p.y <= this.canvas.height + 0.5;
    });
    seen.set(`${this.canvas.id}|${text}|${cssPx.toFixed(2)}|${inside}`, { text, canvas: this.canvas.id || 'backdrop', cssPx, inside });
    return maxWidth === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, maxWidth);
  };
}

/**
 * Keeps the media query lists the page makes on the device pixel ratio. A real zoom or move to another
 * screen fires `change` on them, but Chromium does not when a test emulates a new ratio: the test fires it.
 */
function keepRatioQueries(): void {
  const queries: MediaQueryList[] = [];
  (window as unknown as { ratioQueries: MediaQueryList[] }).ratioQueries = queries;
  const matchMedia = window.matchMedia.bind(window);
  window.matchMedia = (query: string) => {
    const list = matchMedia(query);
    if (query.includes('resolution')) queries.push(list);
    return list;
  };
}

describe('the playground page in headless Chromium', () => {
  beforeAll(async () => {
    // Served from a nested folder: the build's asset paths are relative.
    browser = await launchChromium();
    ({ server, url } = await serve(dist, '/any/nested/folder/'));
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
    // Click at canvas pixel (150, 400): at 1 device pixel per CSS pixel, the store is the displayed size.
    await page.locator('#map').click({ position: { x: 150, y: 400 } });
    // A new start is something to watch: the click plays the runs, even on a paused page.
    expect(await page.textContent('#play')).toBe('Pause');
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

  it('Reset start puts the start back at the function\'s own', async () => {
    await page.click('#reset');
    await pause();
    // 0.01x² + 100y²'s start (3, −2) is drawn at (463, 475); the corner where the last click put it is the map's again.
    expect(await pixel(463, 475)).toEqual([255, 255, 255, 255]);
    expect(await pixel(39, 39)).not.toEqual([255, 255, 255, 255]);
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

  it('says beside the field why a typed value was not taken, until one is', async () => {
    await pause();
    const kept = page.locator('#optimizers fieldset[data-id="sgd"] .kept');
    for (const [typed, why] of [['', 'lr: left empty; still 0.004.'], ['1e999', 'lr: not a number the page can use; still 0.004.']] as const) {
      await page.fill('#sgd-lr', '');
      await page.focus('#sgd-lr');
      await page.keyboard.type(typed);
      await page.keyboard.press('Tab');
      // Only the value put back said anything: it looked like a lost keystroke.
      expect(await kept.isVisible()).toBe(true);
      expect(await kept.textContent()).toBe(why);
    }
    await page.fill('#sgd-lr', '0.004');
    await page.dispatchEvent('#sgd-lr', 'change');
    expect(await kept.isVisible()).toBe(false);
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

  it('gradient noise redraws the runs, refuses a σ below 0 or above 10, and at 0 draws the exact picture again', async () => {
    await pause();
    await page.selectOption('#function', 'scaled');
    await page.click('#reset');
    const setNoise = async (sigma: string) => {
      await page.fill('#noise', sigma);
      await page.dispatchEvent('#noise', 'change');
    };
    /** 20 iterations from the start, paused: the map and legend then. */
    const after20 = async () => {
      await page.evaluate(() => {
        for (let k = 0; k < 20; k++) document.getElementById('step')!.click();
      });
      return [await picture(), await page.textContent('#legend')];
    };
    const exact = await after20();
    await setNoise('2');
    const noisy = await after20();
    expect(noisy[0]).not.toBe(exact[0]);
    expect(noisy[1]).not.toBe(exact[1]);
    await setNoise('-1');
    expect(await page.inputValue('#noise')).toBe('2');
    expect(await page.textContent('#noise-kept')).toBe('noise: below 0; still 2.');
    // 1e308 made the noise ±Infinity: every run, Rprop's too, 'diverged at iteration 1'.
    await setNoise('1e308');
    expect(await page.inputValue('#noise')).toBe('2');
    expect(await page.textContent('#noise-kept')).toBe('noise: above 10; still 2.');
    expect(await page.getAttribute('#noise', 'max')).toBe('10');
    await setNoise('10');
    expect(await page.locator('#noise-kept').isVisible()).toBe(false);
    expect(await page.inputValue('#noise')).toBe('10');
    await setNoise('0');
    expect(await page.locator('#noise-kept').isVisible()).toBe(false);
    expect(await after20()).toEqual(exact);
    expect(problems).toEqual([]);
  });

  describe('on a 390 px phone at 3 device pixels per CSS pixel', () => {
    let phone: Page;
    const phoneProblems: string[] = [];

    beforeAll(async () => {
      phone = await browser.newPage(PHONE);
      phone.on('console', (m) => m.type() === 'error' && phoneProblems.push(`console: ${m.text()}`));
      phone.on('pageerror', (e) => phoneProblems.push(`page: ${e.message}`));
      await phone.addInitScript(recordLabels);
      await phone.addInitScript(keepRatioQueries);
      await phone.goto(url);
      await phone.waitForSelector('#legend li', { timeout: 30_000 }); // laid out and drawn
    }, 60_000);

    afterAll(async () => {
      await phone?.close();
    });

    it('backs each canvas with 3 store pixels per displayed CSS pixel, the map square and the page unscrolled sideways', async () => {
      const { map, loss } = await sizes(phone);
      expect(map!.css[0]).toBeGreaterThanOrEqual(300);
      expect(map!.css[0]).toBeLessThanOrEqual(390);
      expect(map!.css[1]).toBe(map!.css[0]);
      expect(Math.abs(map!.store[0]! - map!.css[0]! * 3)).toBeLessThanOrEqual(1);
      expect(Math.abs(map!.store[1]! - map!.css[1]! * 3)).toBeLessThanOrEqual(1);
      expect(Math.abs(loss!.store[0]! - loss!.css[0]! * 3)).toBeLessThanOrEqual(1);
      expect(Math.abs(loss!.store[1]! - loss!.css[1]! * 3)).toBeLessThanOrEqual(1);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    });

    it('draws every label at 12 CSS px, inside its canvas, on every function', async () => {
      for (const id of await phone.locator('#function option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))) {
        await phone.selectOption('#function', id);
        await phone.click('#step'); // a frame drawn with this function, playing or not
      }
      const labels = await phone.evaluate(() => [...(window as unknown as { labels: Map<string, { text: string; canvas: string; cssPx: number; inside: boolean }> }).labels.values()]);
      // Tick labels on both canvases, the chart's title among them.
      expect(labels.map((l) => l.text)).toEqual(expect.arrayContaining(['-2', 'y', '1e0', 'iteration', expect.stringContaining('f − f*')]));
      for (const label of labels) {
        expect(label.cssPx, `'${label.text}' on ${label.canvas}`).toBeCloseTo(12, 1);
        expect(label.inside, `'${label.text}' on ${label.canvas} is cut off`).toBe(true);
      }
    });

    it('a tap starts the runs where it landed', async () => {
      if ((await phone.textContent('#play')) === 'Pause') await phone.click('#play');
      const box = (await phone.locator('#map').boundingBox())!;
      for (const [fx, fy] of [[0.3, 0.7], [0.62, 0.21]]) {
        const [x, y] = [box.width * fx!, box.height * fy!];
        await phone.locator('#map').tap({ position: { x, y } });
        await phone.waitForTimeout(100);
        // The start square's white face is 8.5 CSS px across: white 3 CSS px every way from the tap
        // puts its centre within 1.25 CSS px of it.
        const face = await phone.evaluate(
          ([cx, cy]) => {
            const canvas = document.getElementById('map') as HTMLCanvasElement;
            const scale = canvas.width / canvas.getBoundingClientRect().width;
            return [[0, 0], [-3, -3], [3, -3], [-3, 3], [3, 3]].map(([dx, dy]) =>
              Array.from(canvas.getContext('2d')!.getImageData(Math.round((cx! + dx!) * scale), Math.round((cy! + dy!) * scale), 1, 1).data),
            );
          },
          [x, y],
        );
        expect(face).toEqual(Array(5).fill([255, 255, 255, 255]));
      }
    });

    it('follows a resized window and a new devicePixelRatio, redrawn at once', async () => {
      if ((await phone.textContent('#play')) === 'Pause') await phone.click('#play');
      // Paused, nothing redraws the canvases but the resize: a store resized and not redrawn is transparent.
      const drawn = () =>
        phone.evaluate(() =>
          ['map', 'loss'].every((id) => {
            const c = document.getElementById(id) as HTMLCanvasElement;
            return c.getContext('2d')!.getImageData(c.width >> 1, c.height >> 1, 1, 1).data[3] === 255;
          }),
        );
      await phone.setViewportSize({ width: 600, height: 844 });
      await phone.waitForFunction(() => document.getElementById('map')!.getBoundingClientRect().width > 500, null, { timeout: 30_000 });
      await backedAt(phone, 3);
      expect(await drawn()).toBe(true);
      const cdp = await phone.context().newCDPSession(phone);
      await cdp.send('Emulation.setDeviceMetricsOverride', { width: 600, height: 844, deviceScaleFactor: 2, mobile: true });
      const fired = await phone.evaluate(() => {
        const query = (window as unknown as { ratioQueries: MediaQueryList[] }).ratioQueries.at(-1)!;
        query.dispatchEvent(new MediaQueryListEvent('change', { media: query.media, matches: false }));
        return query.media;
      });
      expect(fired).toBe('(resolution: 3dppx)');
      await backedAt(phone, 2);
      expect(await drawn()).toBe(true);
      // Watching for the next change, from the new ratio.
      expect(await phone.evaluate(() => (window as unknown as { ratioQueries: MediaQueryList[] }).ratioQueries.at(-1)!.media)).toBe('(resolution: 2dppx)');
      expect(phoneProblems).toEqual([]);
    });
  });
});
