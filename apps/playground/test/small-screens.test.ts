import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { playgroundForSuite } from './browser.js';

/**
 * Runs in the page: what a narrow screen gets wrong. Anything wider than the window (the page would
 * scroll sideways, or cut it off), a control squeezed too small to use, and any two controls on top of
 * each other (one hides the other).
 */
function misfits(): string[] {
  const width = document.documentElement.clientWidth;
  const name = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className ? `.${String(e.className).replace(/ /g, '.')}` : ''}`;
  const out: string[] = [];
  if (document.documentElement.scrollWidth > width) out.push(`the page is ${document.documentElement.scrollWidth} px wide`);
  for (const e of document.body.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.width * r.height > 1 && e.checkVisibility() && (r.left < -0.5 || r.right > width + 0.5)) out.push(`${name(e)} spans ${Math.round(r.left)} to ${Math.round(r.right)}`);
  }
  const controls = [...document.querySelectorAll('select, button, input, canvas')].map((e) => [e, e.getBoundingClientRect()] as const);
  // Shown at a size a finger or a pointer can hit (the checkboxes are 13 px).
  for (const [e, r] of controls) if (r.width < 12 || r.height < 12) out.push(`${name(e)} is ${Math.round(r.width)}×${Math.round(r.height)} px`);
  for (const [a, ra] of controls)
    for (const [b, rb] of controls)
      if (a !== b && a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING && ra.left < rb.right && rb.left < ra.right && ra.top < rb.bottom && rb.top < ra.bottom)
        out.push(`${name(a)} overlaps ${name(b)}`);
  return out;
}

/** A 375 px phone; 200 % zoom of a 1280×900 window, which lays the page out in 640×450 CSS px. */
const SCREENS: Record<string, BrowserContextOptions> = {
  'a 375 px wide phone': { viewport: { width: 375, height: 700 } },
  '200 % zoom': { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 },
};

describe('the playground on small screens', () => {
  const playground = playgroundForSuite();

  for (const [screen, options] of Object.entries(SCREENS)) {
    it(`fits ${screen}: nothing wider than the window, no control over another, every control at a usable size`, async () => {
      const page: Page = await playground().open(options);
      expect(await page.evaluate(misfits)).toEqual([]);
      await page.close();
    });
  }
});
