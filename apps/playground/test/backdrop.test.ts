import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { colorAt } from '../src/colormap.js';
import { FUNCTIONS } from '../src/functions.js';
import { renderBackdrop } from '../src/render-map.js';
import { makeView } from '../src/view.js';

/** The image the backdrop puts on its canvas, and where. */
let put: { image: ImageData; left: number; top: number } | null = null;

/** Just enough of a DOM for renderBackdrop in node: a canvas whose context keeps the image put on it. */
beforeEach(() => {
  put = null;
  vi.stubGlobal(
    'ImageData',
    class {
      data: Uint8ClampedArray;
      constructor(readonly width: number, readonly height: number) {
        this.data = new Uint8ClampedArray(4 * width * height);
      }
    },
  );
  vi.stubGlobal('document', {
    createElement: () => {
      const canvas = { width: 0, height: 0, getContext: () => ctx };
      const ctx = new Proxy(
        { canvas, measureText: () => ({ width: 10 }), putImageData: (image: ImageData, left: number, top: number) => void (put = { image, left, top }) },
        { get: (t, key) => (key in t ? t[key as keyof typeof t] : () => undefined), set: () => true },
      );
      return canvas;
    },
  });
});
afterEach(() => vi.unstubAllGlobals());

/** The ramp's colours at 4001 values of t, to read a pixel's t back from its colour. */
const RAMP = Array.from({ length: 4001 }, (_, k) => ({ t: k / 4000, rgb: colorAt(k / 4000) }));
/** The t whose colour a pixel is, or null for a pixel off the ramp (a contour line's darkened one). */
function tOf(r: number, g: number, b: number): number | null {
  let best = { t: NaN, d: Infinity };
  for (const { t, rgb } of RAMP) {
    const d = Math.abs(rgb[0] - r) + Math.abs(rgb[1] - g) + Math.abs(rgb[2] - b);
    if (d < best.d) best = { t, d };
  }
  return best.d <= 3 ? best.t : null;
}

describe('the map\'s backdrop', () => {
  it('colours each point by log(f − f*): the ramp\'s position is a rising straight line in it', () => {
    for (const id of ['scaled', 'rosenbrock', 'himmelblau']) {
      const fn = FUNCTIONS.find((f) => f.id === id)!;
      const view = makeView(120, 120, 10, fn.view);
      renderBackdrop(fn, view, { width: 120, height: 120 });
      const { image, left, top } = put!;
      const samples: Array<{ u: number; t: number }> = [];
      for (let j = 0; j < image.height; j += 3) {
        for (let i = 0; i < image.width; i += 3) {
          const k = 4 * (j * image.width + i);
          const t = tOf(image.data[k]!, image.data[k + 1]!, image.data[k + 2]!);
          const [x, y] = view.toPoint(left + i + 0.5, top + j + 0.5);
          if (t !== null) samples.push({ u: Math.log10(fn.f(x, y) - fn.fmin + 1e-3), t });
        }
      }
      expect(samples.length, id).toBeGreaterThan(500);
      // Least squares t = a + b·u: a log-scaled ramp fits it to the colours' rounding.
      const n = samples.length;
      const mu = samples.reduce((s, p) => s + p.u, 0) / n;
      const mt = samples.reduce((s, p) => s + p.t, 0) / n;
      const b = samples.reduce((s, p) => s + (p.u - mu) * (p.t - mt), 0) / samples.reduce((s, p) => s + (p.u - mu) ** 2, 0);
      const worst = Math.max(...samples.map((p) => Math.abs(mt + b * (p.u - mu) - p.t)));
      expect(b, id).toBeGreaterThan(0);
      expect(worst, id).toBeLessThan(0.02);
    }
  });
});
