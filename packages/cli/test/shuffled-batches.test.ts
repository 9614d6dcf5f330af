import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/train/seeded-random.js';
import { shuffledBatches } from '../src/train/shuffled-batches.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('shuffledBatches: each epoch, every example once, in batches of the size asked', () => {
  it.each([
    [10, 3],
    [10, 5],
    [7, 1],
    [194, 32],
    [5, 4],
  ])('%i examples in batches of %i', (count, size) => {
    const next = shuffledBatches(count, size, 1);
    for (let epoch = 0; epoch < 3; epoch++) {
      const batches = next();
      expect(batches).toHaveLength(Math.ceil(count / size));
      // All full but the last, which holds what is left.
      for (const b of batches.slice(0, -1)) expect(b).toHaveLength(size);
      expect(batches.at(-1)!.length).toBe(count - size * (batches.length - 1));
      expect(batches.flatMap((b) => [...b]).sort((p, q) => p - q)).toEqual(range(count));
    }
  });

  it('repeats with the same seed, and differs with another, or from one epoch to the next', () => {
    const epochs = (seed: number) => {
      const next = shuffledBatches(50, 8, seed);
      return [next(), next()].map((batches) => batches.flatMap((b) => [...b]));
    };
    const [a1, a2] = epochs(7);
    expect(epochs(7)).toEqual([a1, a2]);
    expect(epochs(8)[0]).not.toEqual(a1);
    expect(a2).not.toEqual(a1);
    expect(a1).not.toEqual(range(50)); // (shuffled from the first epoch, not in file order)
  });

  // Each epoch's order is drawn anew, whatever the last one was: of two examples, the order stays as it
  // was about half the time. (Swapping every epoch, or never, are both orders equally often, or one.)
  it('draws each epoch independently of the last: with two examples the order stays about half the time', () => {
    const next = shuffledBatches(2, 1, 5);
    let previous = next()[0]![0];
    let stayed = 0;
    for (let epoch = 0; epoch < 400; epoch++) {
      const first = next()[0]![0];
      if (first === previous) stayed++;
      previous = first;
    }
    expect(stayed).toBeGreaterThan(150);
    expect(stayed).toBeLessThan(250);
  });

  it('hands out copies: a later epoch does not change an earlier one\'s batches', () => {
    const next = shuffledBatches(20, 6, 3);
    const first = next();
    const kept = first.map((b) => [...b]);
    next();
    expect(first.map((b) => [...b])).toEqual(kept);
  });

  it.each([
    [0, 1],
    [4, 0],
    [4, 1.5],
    [NaN, 2],
  ])('refuses count %s, size %s', (count, size) => {
    expect(() => shuffledBatches(count, size, 1)).toThrow(RangeError);
  });
});

describe('seededRandom', () => {
  it('gives numbers in [0, 1), the same for the same seed, others for seeds that differ only above 32 bits', () => {
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 1000 }, random);
    };
    const a = draw(1);
    expect(a.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(a).size).toBeGreaterThan(990);
    expect(draw(1)).toEqual(a);
    expect(draw(1 + 2 ** 32)).not.toEqual(a);
    expect(draw(2 ** 53 - 1)).not.toEqual(draw(2 ** 53 - 1 - 2 ** 32));
    // Roughly uniform: the mean of 1000 draws is 0.5 ± 0.05 (about 5.5 standard deviations).
    expect(a.reduce((s, v) => s + v, 0) / a.length).toBeCloseTo(0.5, 1);
  });

  it('refuses a seed --seed would not take', () => {
    for (const seed of [-1, 0.5, 2 ** 53]) expect(() => seededRandom(seed)).toThrow(RangeError);
  });
});
