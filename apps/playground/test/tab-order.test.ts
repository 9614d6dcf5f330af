import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pausePlayground, playgroundForSuite } from './browser.js';

/** A place Tab stops: the control's id and its box on the page (scrolling aside). */
interface Stop {
  id: string;
  top: number;
  bottom: number;
  left: number;
}

/** Every stop of Tab from the top of the page, in order, until focus leaves the controls or comes round again. */
async function tabStops(page: Page): Promise<Stop[]> {
  await page.click('h1'); // Tab starts after the heading, whatever had focus
  const stops: Stop[] = [];
  for (;;) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const e = document.activeElement;
      if (e === null || e === document.body) return null;
      const r = e.getBoundingClientRect();
      return { id: e.id, top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left + scrollX };
    });
    if (stop === null || stops.some((s) => s.id === stop.id)) return stops;
    stops.push(stop);
  }
}

/** Steps that go against reading order: to an earlier line, or leftwards on the same line. */
function backwards(stops: Stop[]): string[] {
  const out: string[] = [];
  for (let k = 1; k < stops.length; k++) {
    const [a, b] = [stops[k - 1]!, stops[k]!];
    const sameLine = b.top < a.bottom && a.top < b.bottom;
    if (sameLine ? b.left < a.left : b.top < a.top) out.push(`${a.id} → ${b.id}`);
  }
  return out;
}

describe('the order Tab goes through the controls', () => {
  const playground = playgroundForSuite();

  it('on a 375 px phone, one column, reads like the page: left to right, then down', async () => {
    const page = await playground().open({ viewport: { width: 375, height: 700 } });
    await pausePlayground(page);
    const stops = await tabStops(page);
    expect(stops).toHaveLength(await page.locator('select, button, input, #map').count());
    expect(backwards(stops)).toEqual([]);
    await page.close();
  });

  it('on a wide screen, goes down the map\'s column, then down the optimizers\' column to its right', async () => {
    const page = await playground().open({ viewport: { width: 1480, height: 900 } });
    await pausePlayground(page);
    const stops = await tabStops(page);
    const split = stops.findIndex((s) => s.id.startsWith('use-'));
    const [left, right] = [stops.slice(0, split), stops.slice(split)];
    expect(left.map((s) => s.id)).toEqual(['function', 'play', 'step', 'reset', 'noise', 'map']);
    expect(right).toHaveLength(await page.locator('#optimizers input').count());
    // Two columns side by side: each is read in order, the right one wholly right of the left one.
    expect(Math.min(...right.map((s) => s.left))).toBeGreaterThan(Math.max(...left.map((s) => s.left)));
    expect([...backwards(left), ...backwards(right)]).toEqual([]);
    await page.close();
  });
});
