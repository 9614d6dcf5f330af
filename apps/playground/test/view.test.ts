import { describe, expect, it } from 'vitest';
import { makeView } from '../src/view.js';

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
});
