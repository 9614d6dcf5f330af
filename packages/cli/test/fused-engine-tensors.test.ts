import * as tf from '../src/tf.js';
import { describe, expect, it } from 'vitest';
import { BUILTIN } from '../src/data/builtin.js';
import { train } from '../src/train/train.js';

// The fused engine hands the trained weights and the optimizer's slots back to TF.js at the end
// (fused-full-batch.ts `finish`), making tensors on the way; every one of them must be freed or owned
// by the model. Run in-process with the TF.js engine's count as the baseline: whatever train keeps for
// itself is kept by both.

async function tensorsLeftBy(engine: 'tfjs' | 'fused'): Promise<number> {
  const before = tf.memory().numTensors;
  const run = await train(BUILTIN.xor!(), { hidden: [3], activation: 'tanh', optimizer: 'rprop', variant: 'irprop+', epochs: 3, seed: 5, engine, quiet: true });
  run.model.optimizer.dispose();
  run.model.dispose();
  return tf.memory().numTensors - before;
}

describe('--engine fused and TF.js memory', () => {
  it('leaves no more tensors behind than the TF.js engine', async () => {
    await tf.setBackend('cpu');
    const baseline = await tensorsLeftBy('tfjs');
    expect(await tensorsLeftBy('fused')).toBe(baseline);
  });
});
