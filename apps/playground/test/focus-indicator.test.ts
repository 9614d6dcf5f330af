import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pausePlayground, playgroundForSuite } from './browser.js';

/** Room around a control for a ring drawn outside it (the map's is 2 px off, 3 px wide). */
const PAD = 8;
/** One control of each kind: the toolbar's select, button and field, the map, and a checkbox and field of a ticked optimizer and an unticked one. */
const SAMPLE = ['function', 'play', 'noise', 'map', 'use-irprop-', 'irprop--etaPlus', 'use-irprop+', 'irprop+-etaPlus', 'sgd-lr'];

/**
 * Runs in the page: how many pixels differ between two pictures of the same spot by 3:1 contrast or more,
 * the change WCAG asks of a focus indicator against its unfocused state.
 */
async function changedPixels([before, after]: [string, string]): Promise<number> {
  const load = async (src: string) => {
    const image = new Image();
    image.src = src;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    return context.getImageData(0, 0, image.width, image.height).data;
  };
  const [a, b] = await Promise.all([load(before), load(after)]);
  const lin = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  const luminance = (d: Uint8ClampedArray, k: number) => 0.2126 * lin(d[k]!) + 0.7152 * lin(d[k + 1]!) + 0.0722 * lin(d[k + 2]!);
  let n = 0;
  for (let k = 0; k < a.length; k += 4) {
    const [x, y] = [luminance(a, k), luminance(b, k)];
    if ((Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05) >= 3) n++;
  }
  return n;
}

/** The focused element's id and box; null once focus has left the page's controls. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    if (e === null || e === document.body) return null;
    const { x, y, width, height } = e.getBoundingClientRect();
    return { id: e.id, box: { x, y, width, height } };
  });

describe('the focus indicator', () => {
  const playground = playgroundForSuite();
  let page: Page;

  beforeAll(async () => {
    page = await playground().open();
    await pausePlayground(page);
    // A field's blinking caret, and the arrows a number field shows when focused, would count as a change:
    // only the indicator should.
    await page.addStyleTag({ content: '* { caret-color: transparent !important; } ::-webkit-inner-spin-button { display: none !important; }' });
    // Tab from the top: the pause left focus on its button. A click on the heading moves where Tab starts.
    await page.click('h1');
  }, 60_000);

  it('rings a control of every kind reached with Tab, in a ticked optimizer\'s box and a faded one, with a change of 3:1 all round it, 2 px thick', async () => {
    const faint: string[] = [];
    const reached: string[] = [];
    for (let stop = await (page.keyboard.press('Tab'), focused(page)); stop !== null && !reached.includes(stop.id); ) {
      reached.push(stop.id);
      // Two pictures a control take a tenth of a second: one control of each kind is enough.
      if (!SAMPLE.includes(stop.id)) {
        await page.keyboard.press('Tab');
        stop = await focused(page);
        continue;
      }
      const { x, y, width, height } = stop.box;
      const clip = { x: x - PAD, y: y - PAD, width: width + 2 * PAD, height: height + 2 * PAD };
      await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'center' }), stop.id);
      const shown = (await focused(page))!.box;
      const at = { ...clip, x: shown.x - PAD, y: shown.y - PAD };
      const withFocus = (await page.screenshot({ clip: at })).toString('base64');
      await page.evaluate(() => (document.activeElement as HTMLElement).blur());
      const without = (await page.screenshot({ clip: at })).toString('base64');
      const changed = await page.evaluate(changedPixels, [`data:image/png;base64,${without}`, `data:image/png;base64,${withFocus}`] as [string, string]);
      // As much as a ring 2 px thick round the control (WCAG 2.4.13's least area). Chromium's own thin ring
      // fell short on the select and buttons, and on a faded box's field it was faded too (216 px of 404).
      const least = 2 * 2 * (width + height);
      if (changed < least) faint.push(`${stop.id}: ${changed} px of ${Math.round(least)}`);
      await page.keyboard.press('Tab');
      stop = await focused(page);
    }
    // Every control of the page was reached: the toolbar's five, the map, nine checkboxes and 27 fields.
    expect(faint).toEqual([]);
    expect(reached).toEqual(expect.arrayContaining(SAMPLE));
    expect(reached).toHaveLength(await page.locator('select, button, input, #map').count());
  }, 60_000);
});
