import { describe, expect, it } from 'vitest';
import { ulpsApart } from './ulps-apart.js';

describe('ulpsApart, the measure of the Lion test', () => {
  it('counts neighbours as 1, across 0 and across a binade', () => {
    expect(ulpsApart(1, 1 + 2 ** -52, 'float64')).toBe(1);
    expect(ulpsApart(1, 1 - 2 ** -53, 'float64')).toBe(1);
    expect(ulpsApart(1, 1 + 2 ** -23, 'float32')).toBe(1);
    expect(ulpsApart(5e-324, -5e-324, 'float64')).toBe(2);
    expect(ulpsApart(0, -0, 'float32')).toBe(0);
    expect(ulpsApart(1.5, 1.5 + 3 * 2 ** -23, 'float32')).toBe(3);
  });

  it('refuses a non-finite value and, for float32, a value that is not a float32', () => {
    expect(() => ulpsApart(NaN, 1, 'float64')).toThrow(/finite values only, got NaN and 1/);
    expect(() => ulpsApart(0.1, 1, 'float32')).toThrow(/0.1 or 1 is not a float32/);
  });
});
