import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { onCpuBackend } from './cpu-backend.js';
import { optimizerMakers, snapshot, trained } from './helpers-state.js';

// getWeights returns the live slots, which a caller may dispose. dispose() and setWeights then must
// not dispose them again: TF.js counts a second dispose of a variable whose storage is shared (a slot
// setWeights loaded from another optimizer's weights, or one a caller cloned) as another owner gone,
// which freed that other owner's storage and made tf.memory() count one tensor too few.
describe("a slot the caller disposed is not disposed again, so storage it shared stays", () => {
  onCpuBackend();

  for (const then of ['dispose', 'setWeights'] as const) {
    it.each(optimizerMakers)(`%s: ${then}`, async (_label, make) => {
      const source = make();
      const vars = trained(source);
      const before = await snapshot(source, vars);
      const n0 = tf.memory().numTensors;
      const opt = make();
      await opt.setWeights(await source.getWeights()); // its slots share the source's storage
      const weights = await opt.getWeights();
      weights[weights.length - 1]!.tensor.dispose();
      if (then === 'setWeights') await opt.setWeights(await source.getWeights());
      opt.dispose();
      expect(tf.memory().numTensors).toBe(n0);
      expect(await snapshot(source, vars)).toEqual(before);
      tf.dispose(vars);
      source.dispose();
    });
  }
});
