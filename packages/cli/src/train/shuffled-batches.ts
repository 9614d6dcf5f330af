import { seededRandom } from './seeded-random.js';

/**
 * The mini-batches of `rprop train --batch-size`: each call gives the next epoch's, the example
 * indices 0 … count − 1 in a new shuffled order, cut into batches of `size` (the last one smaller
 * when `size` does not divide `count`), so every example is used exactly once per epoch.
 *
 * `skipped`: how many epochs' shuffles the stream has given already (a run resumed after them): each
 * order is shuffled from the one before, so they are replayed, not sliced, and the first call gives
 * the order an uninterrupted run's epoch `skipped + 1` would have.
 *
 * Why shuffle every epoch: batches fixed once would give each step the same gradient error every
 * epoch (a bias, not noise that averages out), and a file sorted by class, as exports often are,
 * would give batches of one class each. Why seeded: the same `--seed` must repeat a run bit for bit.
 */
export function shuffledBatches(count: number, size: number, seed: number, skipped = 0): () => Uint32Array[] {
  for (const [name, v] of [['count', count], ['size', size]] as const) {
    if (!(Number.isSafeInteger(v) && v >= 1)) throw new RangeError(`shuffledBatches: ${name} must be a whole number ≥ 1, got ${v}`);
  }
  if (!(Number.isSafeInteger(skipped) && skipped >= 0)) throw new RangeError(`shuffledBatches: skipped must be a whole number ≥ 0, got ${skipped}`);
  const random = seededRandom(seed);
  const order = Uint32Array.from({ length: count }, (_, i) => i);
  // Fisher–Yates, from the previous epoch's order: every order equally likely, whatever it starts from.
  const shuffle = () => {
    for (let i = count - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const swap = order[i]!;
      order[i] = order[j]!;
      order[j] = swap;
    }
  };
  for (let k = 0; k < skipped; k++) shuffle();
  return () => {
    shuffle();
    // Copies (slice), not views: the next call reshuffles `order`.
    const batches: Uint32Array[] = [];
    for (let start = 0; start < count; start += size) batches.push(order.slice(start, start + size));
    return batches;
  };
}
