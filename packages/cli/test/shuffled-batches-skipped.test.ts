import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/train/seeded-random.js';
import { shuffledBatches } from '../src/train/shuffled-batches.js';

// A resumed run (--resume) makes its batches with `skipped` = the saved run's shuffles: each epoch's
// order is shuffled from the one before, so its first epoch must be the uninterrupted stream's next.

const orders = (next: () => Uint32Array[], epochs: number) => Array.from({ length: epochs }, () => next().flatMap((b) => [...b]));

describe('shuffledBatches(count, size, seed, skipped)', () => {
  it.each([0, 1, 3, 7])('after %i skipped epochs, goes on as the uninterrupted stream', (skipped) => {
    const uninterrupted = orders(shuffledBatches(37, 5, 42), skipped + 4);
    const resumed = orders(shuffledBatches(37, 5, 42, skipped), 4);
    expect(resumed).toEqual(uninterrupted.slice(skipped));
  });

  // Comparing the function with itself cannot see a stream shifted as a whole (one shuffle too many
  // before the first epoch, resumed or not): anchor skipped = 0 at the seed's first draw. Of two
  // examples, Fisher–Yates swaps them exactly when that draw is below ½.
  it('skipped = 0 starts at the stream\'s first shuffle: two examples swap when the first draw is below ½', () => {
    for (let seed = 0; seed < 64; seed++) {
      const swapped = seededRandom(seed)() < 0.5;
      expect(orders(shuffledBatches(2, 2, seed, 0), 1)[0], `seed ${seed}`).toEqual(swapped ? [1, 0] : [0, 1]);
    }
  });

  it('skipping is not restarting: the stream after 3 epochs differs from its start', () => {
    expect(orders(shuffledBatches(37, 5, 42, 3), 1)).not.toEqual(orders(shuffledBatches(37, 5, 42), 1));
  });

  it('the batch size does not enter the stream: only how each order is cut', () => {
    const bySize = (size: number) => orders(shuffledBatches(20, size, 9, 2), 2);
    expect(bySize(3)).toEqual(bySize(20));
  });

  it.each([-1, 1.5, NaN])('refuses skipped = %s', (skipped) => {
    expect(() => shuffledBatches(10, 3, 1, skipped)).toThrow(`shuffledBatches: skipped must be a whole number ≥ 0, got ${skipped}`);
  });
});
