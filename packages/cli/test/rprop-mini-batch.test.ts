import { describe, expect, it } from 'vitest';
import { rpropMiniBatchWarning } from '../src/train/rprop-mini-batch.js';

// A --batch-size of the set's size or more is full batch (train.ts clamps it): Rprop's own setting,
// which must not be warned of as mini-batches.
describe('rpropMiniBatchWarning', () => {
  it('warns of rprop with batches smaller than the set, naming the batch size and the set', () => {
    expect(rpropMiniBatchWarning('rprop', 3, 4)).toMatch(/^rprop: warning: --optimizer rprop with --batch-size 3 \(of 4 samples\)/);
  });

  it('says nothing of full batch: no --batch-size, the set\'s size, or more', () => {
    expect(rpropMiniBatchWarning('rprop', undefined, 4)).toBeNull();
    expect(rpropMiniBatchWarning('rprop', 4, 4)).toBeNull();
    expect(rpropMiniBatchWarning('rprop', 5, 4)).toBeNull();
  });

  it('says nothing of the optimizers that suit mini-batches', () => {
    expect(rpropMiniBatchWarning('signum', 1, 4)).toBeNull();
  });
});
