import { describe, expect, it } from 'vitest';
import { leastSquaresMse } from '../src/demo/least-squares.js';
import { linearMse } from '../src/demo/linear-mse.js';

/** The MSE of the affine map `w` (outputs × (inputs + 1), bias last) on (x, y). */
function mseOf(w: number[][], x: Float64Array, y: Float64Array, rows: number, inputs: number): number {
  let total = 0;
  w.forEach((wo, o) => {
    for (let r = 0; r < rows; r++) {
      let e = wo[inputs]! - y[r * w.length + o]!;
      for (let i = 0; i < inputs; i++) e += wo[i]! * x[r * inputs + i]!;
      total += e * e;
    }
  });
  return total / (rows * w.length);
}

describe('leastSquaresMse', () => {
  it('is 0 on data an affine map fits exactly', () => {
    const x = Float64Array.from([0, 1, 1, 0, 2, 3, -1, 4, 5, 5]); // 5 rows × 2 inputs
    const y = new Float64Array(10);
    for (let r = 0; r < 5; r++) {
      y[r * 2] = 2 * x[r * 2]! - x[r * 2 + 1]! + 0.5;
      y[r * 2 + 1] = -x[r * 2]! + 3;
    }
    expect(leastSquaresMse(x, y, 5, 2, 2)).toBeLessThan(1e-25);
  });

  it('is below the MSE of every other affine map tried (random data, random maps near and far)', () => {
    let s = 3;
    const random = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
    const x = Float64Array.from({ length: 30 }, random);
    const y = Float64Array.from({ length: 20 }, random);
    const best = leastSquaresMse(x, y, 10, 3, 2);
    for (let t = 0; t < 200; t++) {
      const w = [0, 1].map(() => Array.from({ length: 4 }, () => random() * (t % 2 === 0 ? 2 : 0.01)));
      expect(mseOf(w, x, y, 10, 3)).toBeGreaterThan(best);
    }
  });

  it('refuses inputs that determine no single map', () => {
    const x = Float64Array.from([1, 1, 2, 2, 3, 3]); // the two inputs are equal
    expect(() => leastSquaresMse(x, new Float64Array(3), 3, 2, 1)).toThrow(/singular/);
  });

  it("is where the demo's Rprop run ends: never below it, within 1e-9 of it after 200 steps", () => {
    const { losses, optimum } = linearMse(200);
    for (const l of losses) expect(l).toBeGreaterThanOrEqual(optimum - 1e-12);
    expect(losses.at(-1)! - optimum).toBeLessThan(1e-9);
  });
});
