import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { RpropOptimizer } from 'rprop-tfjs';
import { onCpuBackend } from './cpu-backend.js';

// The previous loss is saved as a float32 weight (TF.js weights are float32). A loss given to setLoss
// as a double must therefore be used as float32 too, or a resumed run could decide iRprop+'s "did
// the loss go up" differently from an uninterrupted one.
describe('a loss given as a double', () => {
  onCpuBackend();

  // Both round to 1 in float32; as doubles the second is below the first.
  const losses = [1 + 2 ** -30, 1 + 2 ** -31];
  let made = 0;

  /** Two irprop+ steps whose gradients flip sign, with a save and load between them when `resume`. */
  async function run(resume: boolean): Promise<number[]> {
    const w = tf.variable(tf.tensor1d([1, 2]), true, `doubleLoss${++made}`);
    const grads = [tf.tensor1d([1, 1]), tf.tensor1d([-1, -1])];
    let opt = new RpropOptimizer({ variant: 'irprop+' });
    opt.setLoss(losses[0]!);
    opt.applyGradients([{ name: w.name, tensor: grads[0]! }]);
    if (resume) {
      const saved = await opt.getWeights();
      const next = new RpropOptimizer({ variant: 'irprop+' });
      await next.setWeights(saved);
      opt.dispose();
      opt = next;
    }
    opt.setLoss(losses[1]!);
    opt.applyGradients([{ name: w.name, tensor: grads[1]! }]);
    const result = Array.from(w.dataSync());
    tf.dispose([w, ...grads]);
    opt.dispose();
    return result;
  }

  it('irprop+: save, load and continue equals the uninterrupted run', async () => {
    expect(await run(true)).toEqual(await run(false));
  });

  it('a double that is −∞ in float32 is refused as −∞ is', () => {
    const opt = new RpropOptimizer({ variant: 'irprop+' });
    expect(() => opt.setLoss(-1e39)).toThrow('RpropOptimizer.setLoss: the loss is -1e+39, -Infinity in float32, which the + variants cannot compare; nothing was changed');
    opt.dispose();
  });
});
