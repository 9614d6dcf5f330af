import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { RpropOptimizer } from 'rprop-tfjs';
import { onCpuBackend } from './cpu-backend.js';

let made = 0;

/** What a refused call must leave: the weights, no step counted, no pending loss, no tensor made. */
function expectUnchanged(opt: RpropOptimizer, w: tf.Variable, values: number[], tensors: number): void {
  expect(Array.from(w.dataSync())).toEqual(values);
  expect(opt.iterations).toBe(0);
  expect(tf.memory().numTensors).toBe(tensors);
  const g = tf.onesLike(w);
  expect(() => opt.applyGradients([{ name: w.name, tensor: g }])).toThrow(/variant needs the loss/);
  g.dispose();
}

// A refused loss is named as the caller gave it: minimize's caller gave f (negated under maximize),
// not a loss passed to setLoss; setLoss's caller is shown what it passed, not String() of it.
describe('a loss the + variants cannot take is refused in the words of the call that gave it', () => {
  onCpuBackend();

  it.each<[string, unknown, string]>([
    ['a string', '1', 'RpropOptimizer.setLoss: the loss must be a number, got "1"; nothing was changed'],
    ['a tensor', 'tensor', 'RpropOptimizer.setLoss: the loss must be a number, got a tf.Tensor (pass its value: loss.dataSync()[0]); nothing was changed'],
    ['NaN', NaN, 'RpropOptimizer.setLoss: the loss must be a number, got NaN; nothing was changed'],
  ])('setLoss(%s)', (_case, given, message) => {
    const w = tf.variable(tf.tensor1d([1, -1]), true, `setLossMessage${++made}`);
    const opt = new RpropOptimizer({ variant: 'irprop+' });
    const loss = given === 'tensor' ? tf.scalar(1) : given;
    const n0 = tf.memory().numTensors;
    expect(() => opt.setLoss(loss as number)).toThrow(TypeError);
    expect(() => opt.setLoss(loss as number)).toThrow(message);
    expectUnchanged(opt, w, [1, -1], n0);
    tf.dispose([w, loss as tf.Tensor]);
    opt.dispose();
  });

  it.each<[string, boolean, number, ErrorConstructor, string]>([
    ['NaN', false, NaN, TypeError, 'RpropOptimizer.minimize: f returned NaN, which the + variants cannot compare; nothing was changed'],
    ['-Infinity', false, -Infinity, RangeError, 'RpropOptimizer.minimize: f returned -Infinity, which the + variants cannot compare; nothing was changed'],
    [
      'Infinity with maximize',
      true,
      Infinity,
      RangeError,
      'RpropOptimizer.minimize: f returned Infinity, so the loss (−f, as maximize compares it) is -Infinity, which the + variants cannot compare; nothing was changed',
    ],
  ])('minimize with f returning %s', (_case, maximize, scale, type, message) => {
    const w = tf.variable(tf.tensor1d([1, -1]), true, `minimizeMessage${++made}`);
    const opt = new RpropOptimizer({ variant: 'irprop+', maximize });
    const f = () => tf.mul(tf.sum(tf.square(w)), scale) as tf.Scalar;
    const n0 = tf.memory().numTensors;
    expect(() => opt.minimize(f)).toThrow(type);
    expect(() => opt.minimize(f)).toThrow(message);
    expectUnchanged(opt, w, [1, -1], n0);
    w.dispose();
    opt.dispose();
  });
});
