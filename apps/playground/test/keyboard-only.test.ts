import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { playgroundForSuite } from './browser.js';

/** Presses Tab until `id` has focus, as someone without a mouse gets there; fails if Tab never reaches it. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let k = 0; k < 60; k++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

const iteration = async (page: Page) => Number((await page.textContent('#iteration'))!.split(' ')[1]);
/** The map's words: they say the function, the start and the runs. */
const words = async (page: Page) => (await page.textContent('#map-summary')) ?? '';

describe('the playground from the keyboard alone', () => {
  const playground = playgroundForSuite();
  let page: Page;

  beforeAll(async () => {
    page = await playground().open();
    await page.click('h1'); // from here on, no pointer: Tab starts at the top
  }, 60_000);

  it('chooses a function, pauses, steps and resets the start', async () => {
    await tabTo(page, 'function');
    await page.keyboard.press('ArrowDown');
    expect(await page.textContent('#note')).toContain('valley'); // Rosenbrock's
    await tabTo(page, 'play');
    await page.keyboard.press('Space');
    expect(await page.textContent('#play')).toBe('Play');
    const paused = await iteration(page);
    await tabTo(page, 'step');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    expect(await iteration(page)).toBe(paused + 2);
    await tabTo(page, 'reset');
    await page.keyboard.press('Enter');
    expect(await words(page)).toMatch(/^Rosenbrock from \(−1\.2, 1\), iteration 0 of 500/);
  });

  it('moves the start with the arrow keys on the map', async () => {
    await tabTo(page, 'map');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    // Rosenbrock's window is 4 wide and 4 high: a fortieth of it a press.
    expect(await words(page)).toMatch(/^Rosenbrock from \(−1\.3, 1\.1\)/);
  });

  it('sets the noise, ticks an optimizer off and on, and edits a hyperparameter, committed by Tab', async () => {
    await page.keyboard.press('Shift+Tab'); // back from the map to the noise field
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('noise');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    await page.keyboard.press('Tab');
    expect(await page.inputValue('#noise')).toBe('2');
    expect(await page.locator('#noise-kept').isVisible()).toBe(false);
    await tabTo(page, 'use-sgd');
    await page.keyboard.press('Space');
    expect(await page.locator('#legend b').allTextContents()).not.toContain('SGD');
    await page.keyboard.press('Space');
    expect(await page.locator('#legend b').allTextContents()).toContain('SGD');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sgd-lr');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1e308');
    await page.keyboard.press('Tab');
    // Such a rate throws SGD off the map at once: the edit was taken.
    await page.waitForFunction(() => document.getElementById('legend')!.textContent!.includes('diverged'), null, { timeout: 30_000 });
  });
});
