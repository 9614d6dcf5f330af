import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../src/functions.js';
import { makeView, ticks } from '../src/view.js';

describe('the map view', () => {
  const view = makeView(560, 560, 36, [-4, 4, -2, 2]);

  it('maps pixels to points and back', () => {
    const [x, y] = view.toPoint(...view.toPixel(1.5, -0.5));
    expect(x).toBeCloseTo(1.5, 12);
    expect(y).toBeCloseTo(-0.5, 12);
  });

  it('maps a pixel in the margins to the window edge', () => {
    expect(view.toPointInside(0, 0)).toEqual([-4, 2]);
    expect(view.toPointInside(560, 300)[0]).toBe(4);
    expect(view.toPointInside(300, 559)[1]).toBe(-2);
    expect(view.toPointInside(...view.toPixel(1, 1))).toEqual(view.toPoint(...view.toPixel(1, 1)));
  });

  it('maps the window\'s corners to the frame\'s on a map wider than tall, each axis at its own scale', () => {
    const wide = makeView(600, 400, 40, [-4, 4, -2, 2]);
    expect(wide.toPixel(-4, 2)).toEqual([40, 40]);
    expect(wide.toPixel(4, -2)).toEqual([560, 360]);
    expect(wide.toPoint(40, 40)).toEqual([-4, 2]);
    expect(wide.toPoint(560, 360)).toEqual([4, -2]);
  });
});

describe('tick values', () => {
  it('are round steps covering the window from end to end when the ends are on the steps', () => {
    expect(ticks(-4, 4)).toEqual([-4, -2, 0, 2, 4]);
    expect(ticks(-2.5, 2.5)).toEqual([-2, -1, 0, 1, 2]);
    expect(ticks(0, 500)).toEqual([0, 100, 200, 300, 400, 500]);
  });

  it('stay inside the window, where their labels are drawn beside the frame', () => {
    expect(ticks(-4.5, 4.5)).toEqual([-4, -2, 0, 2, 4]);
    for (const { id, view: [x0, x1, y0, y1] } of FUNCTIONS) {
      for (const [a, b] of [[x0, x1], [y0, y1]] as const) {
        const t = ticks(a, b);
        expect(t.length, id).toBeGreaterThanOrEqual(4);
        expect(t[0]!, id).toBeGreaterThanOrEqual(a);
        expect(t.at(-1)!, id).toBeLessThanOrEqual(b);
      }
    }
  });
});
