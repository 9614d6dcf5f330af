import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { RpropOptimizer } from 'rprop-tfjs';
import { onCpuBackend } from './cpu-backend.js';
import { optimizerMakers } from './helpers-state.js';

let made = 0;

describe('a refused step', () => {
  onCpuBackend();

  describe.each(optimizerMakers)('%s', (_label, make) => {
    it('in minimize leaks no tensors: an infinite gradient, with and without returnCost', () => {
      // √w at 0: a finite cost (so the + variants take it) with an infinite derivative.
      const w = tf.variable(tf.tensor1d([1, 0]), true, `leakInf${++made}`);
      const opt = make();
      const n0 = tf.memory().numTensors;
      for (let i = 0; i < 5; i++) {
        expect(() => opt.minimize(() => tf.sum(tf.sqrt(w)) as tf.Scalar)).toThrow(/is Infinity at index 1; nothing was changed/);
        expect(() => opt.minimize(() => tf.sum(tf.sqrt(w)) as tf.Scalar, true)).toThrow(/is Infinity at index 1/);
      }
      expect(tf.memory().numTensors).toBe(n0);
      w.dispose();
      opt.dispose();
    });

    it('in minimize leaks no tensors: slots made for another list of variables', () => {
      const a = tf.variable(tf.tensor1d([1, 2, 3]), true, `leakA${++made}`);
      const b = tf.variable(tf.tensor1d([1, 2, 3, 4]), true, `leakB${made}`);
      const f = () => tf.add(tf.sum(tf.square(a)), tf.sum(tf.square(b))) as tf.Scalar;
      const opt = make();
      opt.minimize(f, false, [a]);
      const n0 = tf.memory().numTensors;
      for (let i = 0; i < 5; i++) expect(() => opt.minimize(f, true, [b])).toThrow(/one optimizer instance serves one fixed list of variables/);
      expect(tf.memory().numTensors).toBe(n0);
      tf.dispose([a, b]);
      opt.dispose();
    });
  });

  it.each(['irprop+', 'rprop+'] as const)(
    '%s: a refused applyGradients drops the loss given by setLoss, so the next one without setLoss is refused too',
    (variant) => {
      const w = tf.variable(tf.tensor1d([1, -1]), true, `staleLoss${++made}`);
      const opt = new RpropOptimizer({ variant });
      const bad = [tf.tensor1d([NaN, 1]), tf.ones([3])];
      const good = tf.tensor1d([1, 1]);
      for (const g of bad) {
        opt.setLoss(5);
        expect(() => opt.applyGradients([{ name: w.name, tensor: g }])).toThrow(/nothing was changed/);
        expect(() => opt.applyGradients([{ name: w.name, tensor: good }])).toThrow(
          `RpropOptimizer: the '${variant}' variant needs the loss: train with minimize() or model.fit, or call setLoss(loss) before applyGradients; nothing was changed`,
        );
      }
      expect(Array.from(w.dataSync())).toEqual([1, -1]);
      expect(opt.iterations).toBe(0);
      tf.dispose([w, good, ...bad]);
      opt.dispose();
    },
  );

  it('minimize with a NaN cost drops a loss given earlier by setLoss', () => {
    const w = tf.variable(tf.tensor1d([1, -1]), true, `nanCost${++made}`);
    const g = tf.tensor1d([1, 1]);
    const opt = new RpropOptimizer({ variant: 'irprop+' });
    opt.setLoss(5);
    expect(() => opt.minimize(() => tf.mul(tf.sum(w), NaN) as tf.Scalar)).toThrow('RpropOptimizer.minimize: f returned NaN, which the + variants cannot compare; nothing was changed');
    expect(() => opt.applyGradients([{ name: w.name, tensor: g }])).toThrow(/variant needs the loss/);
    tf.dispose([w, g]);
    opt.dispose();
  });

  it('minimize whose f throws, or has no gradient, drops a loss given earlier by setLoss', () => {
    const w = tf.variable(tf.tensor1d([1, -1]), true, `throwingF${++made}`);
    const g = tf.tensor1d([1, 1]);
    const opt = new RpropOptimizer({ variant: 'irprop+' });
    const failing: Array<() => tf.Scalar> = [
      () => {
        throw new Error('f failed');
      },
      () => tf.scalar(1), // depends on no variable: TF.js finds no gradient
    ];
    for (const f of failing) {
      opt.setLoss(5);
      expect(() => opt.minimize(f, false, [w])).toThrow();
      expect(() => opt.applyGradients([{ name: w.name, tensor: g }])).toThrow(/variant needs the loss/);
    }
    expect(Array.from(w.dataSync())).toEqual([1, -1]);
    tf.dispose([w, g]);
    opt.dispose();
  });
});
