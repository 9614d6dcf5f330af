import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axNodes } from './accessibility-tree.js';
import { pausePlayground, playgroundForSuite } from './browser.js';

/** The map as a screen reader is given it: its name and its description. */
const map = async (page: Page) => (await axNodes(page, ['image'])).find((n) => n.name.includes('contour map'))!;
/** The live region's text, as Chromium exposes it. */
const liveSummary = async (page: Page) => (await page.locator('#run-summary').textContent()) ?? '';
/** The optimizers the legend lists: the ticked ones. */
const legendNames = (page: Page) => page.locator('#legend li b').allTextContents();

describe('the map\'s text alternative', () => {
  const playground = playgroundForSuite();
  let page: Page;

  beforeAll(async () => {
    page = await playground().open();
  }, 60_000);

  it('describes the function and where each ticked optimizer is, and follows the run', async () => {
    const first = (await map(page)).description;
    expect(first).toContain('0.01x² + 100y² from (3, −2)');
    const names = await legendNames(page);
    expect(names.length).toBeGreaterThan(1);
    for (const name of names) expect(first).toMatch(new RegExp(`${name} (is|ended) at \\(`));
    // A frame or more later, the runs have moved on, and so have the words.
    await page.waitForTimeout(300);
    expect((await map(page)).description).not.toBe(first);
  });

  it('is spoken by a live region once the runs stand still, and then agrees with the map', async () => {
    await pausePlayground(page);
    // A status (a polite live region) that only a screen reader finds: not shown, nor taking room.
    const region = page.getByRole('status').filter({ hasText: '0.01x² + 100y² from' });
    expect(await region.count()).toBe(1);
    const box = (await region.boundingBox())!;
    expect(box.width * box.height).toBeLessThanOrEqual(1);
    expect(await liveSummary(page)).toBe((await map(page)).description);
    await page.click('#step');
    expect(await liveSummary(page)).toMatch(/iteration \d+ of 500/);
    expect(await liveSummary(page)).toBe((await map(page)).description);
  });

  it('follows a new function and a new line-up', async () => {
    await page.selectOption('#function', 'himmelblau');
    await pausePlayground(page);
    await page.uncheck('#use-sgd');
    await page.click('#step');
    const words = (await map(page)).description;
    expect(words).toMatch(/^Himmelblau from \(−0\.5, −0\.5\), iteration 1 of 500\./);
    expect(words).not.toContain('SGD');
    expect(await liveSummary(page)).toBe(words);
    await page.check('#use-sgd');
  });

  it('stays quiet while the runs play, instead of speaking every frame', async () => {
    await page.click('#reset');
    await page.click('#play');
    expect(await page.textContent('#play')).toBe('Pause');
    const changes = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let n = 0;
          const observer = new MutationObserver((records) => (n += records.length));
          observer.observe(document.getElementById('run-summary')!, { childList: true, characterData: true, subtree: true });
          setTimeout(() => {
            observer.disconnect();
            resolve(n);
          }, 1000);
        }),
    );
    // The map moved meanwhile: its description did.
    expect(Number((await page.textContent('#iteration'))!.split(' ')[1])).toBeGreaterThan(1);
    expect(changes).toBe(0);
  });
});
