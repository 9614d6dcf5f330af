import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pausePlayground, playgroundForSuite } from './browser.js';

/** Text the page shows, with its contrast against what is painted behind it and the WCAG AA minimum for its size. */
interface TextContrast {
  text: string;
  ratio: number;
  minimum: number;
}

/**
 * Runs in the page: every shown piece of text (an element's own text, or a field's value) with its
 * contrast ratio. Colours are composited as Chromium paints them, through each ancestor's background and
 * opacity: the faded boxes of unticked optimizers are drawn at their opacity over the white box.
 */
function measureContrast(): TextContrast[] {
  type RGBA = [number, number, number, number];
  const parse = (css: string): RGBA => {
    const [r, g, b, a] = css.match(/[\d.]+/g)!.map(Number);
    return [r!, g!, b!, a ?? 1];
  };
  const over = ([r, g, b, a]: RGBA, [R, G, B]: RGBA): RGBA => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a), 1];
  const mix = (inner: RGBA, backdrop: RGBA, alpha: number) => over([inner[0], inner[1], inner[2], alpha], backdrop);
  /** The colour painted at a pixel of `element` showing `ink` (transparent: its background alone). */
  const painted = (chain: Element[], ink: RGBA): RGBA => {
    const paint = (k: number, backdrop: RGBA): RGBA => {
      if (k === chain.length) return over(ink, backdrop);
      const style = getComputedStyle(chain[k]!);
      const inner = paint(k + 1, over(parse(style.backgroundColor), backdrop));
      return mix(inner, backdrop, Number(style.opacity));
    };
    return paint(0, [255, 255, 255, 1]);
  };
  const luminance = ([r, g, b]: RGBA) => {
    const lin = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const out: TextContrast[] = [];
  for (const element of document.body.querySelectorAll('*')) {
    const own = element instanceof HTMLInputElement || element instanceof HTMLSelectElement
      ? element instanceof HTMLSelectElement ? element.selectedOptions[0]?.text ?? '' : element.type === 'checkbox' ? '' : element.value
      : [...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
    const box = element.getBoundingClientRect();
    // Not shown: hidden, or a screen reader's alone (1 px, clipped).
    if (own === '' || element instanceof HTMLOptionElement || !element.checkVisibility() || box.width * box.height <= 1) continue;
    const chain: Element[] = [];
    for (let e: Element | null = element; e !== null; e = e.parentElement) chain.unshift(e);
    const style = getComputedStyle(element);
    const [fg, bg] = [luminance(painted(chain, parse(style.color))), luminance(painted(chain, [0, 0, 0, 0]))];
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    out.push({ text: own.slice(0, 40), ratio: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05), minimum: large ? 3 : 4.5 });
  }
  return out;
}

const tooFaint = async (page: Page) => (await page.evaluate(measureContrast)).filter((t) => t.ratio < t.minimum).map((t) => `'${t.text}' ${t.ratio.toFixed(2)}:1`);

describe('the contrast of the page\'s text (WCAG AA: 4.5:1, 3:1 for large text)', () => {
  const playground = playgroundForSuite();
  let page: Page;

  beforeAll(async () => {
    page = await playground().open();
    await pausePlayground(page);
  }, 60_000);

  it('measures what it should: the lead, the labels, the fields\' values, the unticked optimizers\' faded ones', async () => {
    const texts = (await page.evaluate(measureContrast)).map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(['rprop playground', 'Function', '0.01x² + 100y²', 'Gradient noise σ', 'iRprop+', 'Δmax', '0.000001', 'momentum']));
    expect(texts.filter((t) => t === 'η+')).toHaveLength(4); // each Rprop's, ticked or not
  });

  it('is enough for every text shown, ticked or not', async () => {
    expect(await tooFaint(page)).toEqual([]);
  });

  it('is enough for the red of a refusal, in its box and in the legend, and of a σ not taken', async () => {
    await page.fill('#sgd-momentum', '1');
    await page.dispatchEvent('#sgd-momentum', 'change');
    await page.fill('#noise', '-1');
    await page.dispatchEvent('#noise', 'change');
    const texts = (await page.evaluate(measureContrast)).map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining([expect.stringMatching(/^SGD: momentum must/), expect.stringMatching(/^refused: /), 'noise: below 0; still 0.']));
    expect(await tooFaint(page)).toEqual([]);
  });
});
