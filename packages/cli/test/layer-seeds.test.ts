import * as tf from '../src/tf.js';
import { describe, expect, it } from 'vitest';
import { BUILTIN } from '../src/data/builtin.js';
import { layerSeeds } from '../src/train/layer-seeds.js';
import { buildMlp } from '../src/train/mlp.js';

/** Pearson's correlation of two equally long lists. */
function correlation(a: number[], b: number[]): number {
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const [ma, mb] = [mean(a), mean(b)];
  let [ab, aa, bb] = [0, 0, 0];
  a.forEach((x, i) => {
    ab += (x - ma) * (b[i]! - mb);
    aa += (x - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  });
  return ab / Math.sqrt(aa * bb);
}

describe("each layer's initial weights have a seed of their own", () => {
  it("neighbouring --seed values share no layer's numbers (was: --seed 2's first layer was --seed 1's second, scaled)", async () => {
    await tf.setBackend('cpu');
    const data = BUILTIN['xor']!();
    const kernels = (seed: number) => buildMlp(data, [16], 'tanh', seed).getWeights().filter((_, i) => i % 2 === 0).map((w) => Array.from(w.dataSync()));
    const [one, two] = [kernels(1), kernels(2)];
    // Seed 1's output layer (16 × 1) and seed 2's first (2 × 16): the first 16 numbers of each.
    expect(Math.abs(correlation(one[1]!, two[0]!.slice(0, 16)))).toBeLessThan(0.9);
    expect(Math.abs(correlation(one[0]!.slice(0, 16), two[0]!.slice(0, 16)))).toBeLessThan(0.9);
  });

  it('are whole numbers below 2^53, distinct over layers and over neighbouring seeds, the same for the same seed', () => {
    const all = [0, 1, 2, 3, 2 ** 53 - 1].flatMap((seed) => layerSeeds(seed, 4));
    for (const s of all) expect(Number.isSafeInteger(s) && s >= 0, String(s)).toBe(true);
    expect(new Set(all).size).toBe(all.length);
    expect(layerSeeds(7, 3)).toEqual(layerSeeds(7, 3));
    expect(layerSeeds(7, 2)).toEqual(layerSeeds(7, 3).slice(0, 2)); // (a deeper network keeps the first layers' seeds)
  });
});
