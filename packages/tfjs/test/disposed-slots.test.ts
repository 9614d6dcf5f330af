import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { onCpuBackend } from './cpu-backend.js';
import { optimizerMakers, ownerOf, step, trained } from './helpers-state.js';

// getWeights returns the live slot variables (as TF.js's own optimizers do), so a caller cleaning up
// after it may dispose them. The next step must say so before it changes anything: the composed path
// used to update the variables before the one whose slot was gone, then fail with a bare TypeError.
describe('a step with a disposed slot', () => {
  onCpuBackend();

  for (const composed of [false, true]) {
    it.each(optimizerMakers)(`%s${composed ? ' (composed ops)' : ''}: is refused, naming the slot, and changes nothing`, async (label, make) => {
      const opt = make();
      opt.forceComposedOps = composed;
      const vars = trained(opt);
      const weights = await opt.getWeights();
      const last = weights[weights.length - 1]!; // the last variable's last slot
      last.tensor.dispose();
      const values = vars.map((v) => Array.from(v.dataSync()));
      const grads = vars.map((v) => tf.fill(v.shape, 0.5));
      expect(() => step(opt, vars.map((v, k) => ({ name: v.name, tensor: grads[k]! })))).toThrow(
        `${ownerOf(label)}: the '${last.name.split('/').pop()}' slot of variable '${vars[2]!.name}' (position 2) has been disposed`,
      );
      expect(vars.map((v) => Array.from(v.dataSync()))).toEqual(values);
      expect(opt.iterations).toBe(2);
      tf.dispose([...vars, ...grads, weights[0]!.tensor]);
      opt.dispose();
    });
  }
});
