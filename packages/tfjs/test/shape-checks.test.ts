import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { RpropOptimizer } from 'rprop-tfjs';
import { onCpuBackend } from './cpu-backend.js';
import { optimizerMakers, ownerOf, snapshot, step } from './helpers-state.js';

let made = 0;
/** A variable with a name no other test uses. */
function variable(values: tf.Tensor, label: string): tf.Variable {
  return tf.variable(values, true, `${label.replace(/\W/g, '')}${++made}`);
}

describe.each([false, true])('the shapes a step accepts (composed ops: %s)', (composed) => {
  onCpuBackend();

  describe.each(optimizerMakers)('%s', (label, make) => {
    const owner = ownerOf(label);

    it.each([100, 300])('refuses a gradient of %i values for a 200-value variable, changing nothing', async (size) => {
      const a = variable(tf.linspace(-1, 1, 5), label);
      const w = variable(tf.linspace(-2, 2, 200), label);
      const opt = make();
      opt.forceComposedOps = composed;
      const good = [tf.ones([5]), tf.linspace(3, -3, 200)];
      step(opt, [{ name: a.name, tensor: good[0]! }, { name: w.name, tensor: good[1]! }]);
      const before = await snapshot(opt, [a, w]);
      const wrong = tf.fill([size], -123);
      expect(() => step(opt, [{ name: a.name, tensor: good[0]! }, { name: w.name, tensor: wrong }], 0.5)).toThrow(
        `${owner}: the gradient of '${w.name}' has shape [${size}] (${size} values), the variable has shape [200] (200); nothing was changed`,
      );
      expect(await snapshot(opt, [a, w])).toEqual(before);
      tf.dispose([a, w, wrong, ...good]);
      opt.dispose();
    });

    it('refuses, changing nothing, a variable whose slots were made for the variable at its position in an earlier list', async () => {
      // The audit's case: minimize(f, false, [a]) then minimize(f, false, [b]) on one optimizer.
      const a = variable(tf.tensor1d([1, 2, 3]), label);
      const b = variable(tf.tensor1d([1, 2, 3, 4, 5, 6, 7]), label);
      const f = () => tf.add(tf.sum(tf.square(a)), tf.sum(tf.square(b))) as tf.Scalar;
      const opt = make();
      opt.forceComposedOps = composed;
      opt.minimize(f, false, [a]);
      const before = await snapshot(opt, [a, b]);
      const slot = label.startsWith('Rprop') ? 'prev' : 'momentum'; // the first slot is checked first
      expect(() => opt.minimize(f, false, [b])).toThrow(
        `${owner}: variable '${b.name}' (position 0) has shape [7], but the '${slot}' slot at that position has shape [3]. ` +
          'Slots are matched to variables by position, so one optimizer instance serves one fixed list of variables, in one order ' +
          '(and setWeights must be given weights saved for that list); use a new optimizer for another list; nothing was changed',
      );
      expect(await snapshot(opt, [a, b])).toEqual(before);
      expect(b.dataSync().every(Number.isFinite)).toBe(true);
      tf.dispose([a, b]);
      opt.dispose();
    });

    it("takes a gradient of the variable's size but another shape, value for value", () => {
      const run = (gradientShape: number[]) => {
        const v = variable(tf.tensor2d([[1, -2, 3], [-4, 5, -6]]), label);
        const opt = make();
        opt.forceComposedOps = composed;
        for (let t = 0; t < 3; t++) {
          const g = tf.tensor([0.5, -1, t - 1, 2, -0.25, 1], gradientShape);
          step(opt, [{ name: v.name, tensor: g }], 3 - t);
          g.dispose();
        }
        const out = Array.from(v.dataSync());
        v.dispose();
        opt.dispose();
        return out;
      };
      expect(run([6])).toEqual(run([2, 3]));
    });
  });
});

describe('a refused step on the + variants', () => {
  it("keeps the previous loss: the next good step equals that of an optimizer that never saw the bad one", () => {
    const run = (withRefusal: boolean) => {
      const w = tf.variable(tf.tensor1d([1, -1, 2]), true, `prevLossKept${++made}`);
      const opt = new RpropOptimizer({ variant: 'irprop+' });
      const gradients = [[1, 1, 1], [-1, 1, -1], [-1, -1, 1]].map((g) => tf.tensor1d(g));
      step(opt, [{ name: w.name, tensor: gradients[0]! }], 5);
      if (withRefusal) {
        const wrong = tf.ones([2]);
        expect(() => step(opt, [{ name: w.name, tensor: wrong }], 1)).toThrow(/has shape \[2\]/);
        wrong.dispose();
      }
      step(opt, [{ name: w.name, tensor: gradients[1]! }], 3); // < 5 but > 1: backtracks only if the refused loss stuck
      step(opt, [{ name: w.name, tensor: gradients[2]! }], 6);
      const out = Array.from(w.dataSync());
      tf.dispose([w, ...gradients]);
      opt.dispose();
      return out;
    };
    expect(run(true)).toEqual(run(false));
  });
});
