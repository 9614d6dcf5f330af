import { describe, expect, it } from 'vitest';
import { fitText, marginFor } from '../src/margins.js';

describe('margins and titles that fit their labels', () => {
  it('keeps the least margin while the labels fit it, and widens it for wider ones', () => {
    expect(marginFor([20, 31.2], 12, 56)).toBe(56);
    expect(marginFor([20, 50.2], 12, 56)).toBe(63);
    expect(marginFor([], 12, 56)).toBe(56);
  });

  it('cuts a title that does not fit short, with an ellipsis', () => {
    const measure = (s: string) => 7 * s.length; // a monospace font 7 px a character
    expect(fitText('f − f* on Beale', 200, measure)).toBe('f − f* on Beale');
    expect(fitText('f − f* on Rotated quadratic', 70, measure)).toBe('f − f* on…');
    expect(fitText('f − f* on x', 14, measure)).toBe('f…');
    expect(fitText('f − f* on x', 6, measure)).toBe('');
  });
});
