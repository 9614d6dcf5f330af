import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../src/functions.js';
import { layoutMap } from '../src/render-map.js';

/** Just enough of a 2-D context to lay out with: text `perChar` px a character. */
const measuring = (perChar: number) => ({ font: '', measureText: (s: string) => ({ width: perChar * s.length }) }) as unknown as CanvasRenderingContext2D;

describe('the map\'s layout', () => {
  it('keeps its 36 px margin for the usual tick labels, and the map\'s size', () => {
    for (const fn of FUNCTIONS) {
      const view = layoutMap(measuring(6.5), fn, { width: 342, height: 342 });
      expect([view.width, view.height, view.margin]).toEqual([342, 342, 36]);
    }
  });

  it('widens the margin for wider y tick labels, the same all round so the plot stays square', () => {
    const view = layoutMap(measuring(12), FUNCTIONS[0]!, { width: 560, height: 560 });
    // '-2' is 24 px wide here: 6 px to the frame, 16 for the name 'y' beside it.
    expect(view.margin).toBe(46);
    const [left, top] = view.toPixel(-4, 2.5);
    const [right, bottom] = view.toPixel(4, -2.5);
    expect(right - left).toBeCloseTo(bottom - top, 9);
  });

  it('draws the rotated quadratic\'s valley at the 30° its note gives, as long a unit in x as in y', () => {
    // A window 8 wide and 6 high on the square plot stretched y by 4/3: the valley showed at 37.6°, and
    // SGD's steps, across the contours, did not look perpendicular to them.
    const rotated = FUNCTIONS.find((f) => f.id === 'rotated')!;
    expect(rotated.note).toContain('30°');
    const view = layoutMap(measuring(6.5), rotated, { width: 560, height: 560 });
    const [x0, y0] = view.toPixel(0, 0);
    const [x1, y1] = view.toPixel(Math.cos(Math.PI / 6), Math.sin(Math.PI / 6));
    expect((Math.atan2(y0 - y1, x1 - x0) * 180) / Math.PI).toBeCloseTo(30, 6);
  });
});
