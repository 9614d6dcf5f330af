import { describe, expect, it } from 'vitest';
import { colorAt } from '../src/colormap.js';

/** Relative luminance's weights (Rec. 709): how light a colour looks, and how it prints in grey. */
const luma = ([r, g, b]: [number, number, number]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
const T = Array.from({ length: 1001 }, (_, k) => k / 1000);

describe('the map\'s colour ramp', () => {
  it('lightens steadily from its low end to its high end, so it reads in grey', () => {
    // In steps of 0.05: finer ones are within the rounding of a channel to an integer.
    const coarse = T.filter((_, k) => k % 50 === 0);
    for (const [k, t] of coarse.slice(1).entries()) expect(luma(colorAt(t)), `t = ${t}`).toBeGreaterThan(luma(colorAt(coarse[k]!)));
  });

  it('has no jump: neighbouring values get neighbouring colours', () => {
    for (const [k, t] of T.slice(1).entries()) {
      const [a, b] = [colorAt(T[k]!), colorAt(t)];
      expect(Math.max(...a.map((c, i) => Math.abs(c - b[i]!))), `t = ${T[k]} to ${t}`).toBeLessThanOrEqual(2);
    }
  });

  it('is a light backdrop: no channel darker than about half, and nothing pure white', () => {
    for (const t of T) {
      for (const c of colorAt(t)) {
        expect(c, `t = ${t}`).toBeGreaterThanOrEqual(110);
        expect(c, `t = ${t}`).toBeLessThan(255);
      }
    }
  });

  it('holds its end colours outside [0, 1]', () => {
    expect(colorAt(-3)).toEqual(colorAt(0));
    expect(colorAt(7)).toEqual(colorAt(1));
  });
});
