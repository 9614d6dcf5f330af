import * as tf from '../src/tf.js';
import { Rprop, VARIANTS } from 'rprop';
import { RpropOptimizer } from 'rprop-tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rpropStateDict } from '../src/train/fused/rprop-state-dict.js';
import { rpropSlotWeights } from '../src/train/fused/rprop-slot-weights.js';

// `--resume --engine fused` hands the saved RpropOptimizer's state to the core's Rprop: taken through
// rpropSlotWeights (what --save writes) and back, a core Rprop must step on exactly as the one that
// took every step.

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const shapes = [[3, 2], [2], [2, 1], [1]];
let s = 12345;
const random = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1;
const arrays = () => shapes.map((shape) => Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, random));

describe('rpropStateDict: RpropOptimizer.getWeights() as the core Rprop state dict', () => {
  it.each(VARIANTS)('%s: saved after 3 steps and loaded, 3 more steps equal 6 uninterrupted', (variant) => {
    const start = arrays();
    const gradients = Array.from({ length: 6 }, arrays);
    const losses = Array.from({ length: 6 }, () => Math.fround(Math.abs(random())));
    const params = () => start.map((w) => ({ data: w.slice(), grad: new Float32Array(w.length) }));
    const stepped = (rprop: Rprop, from: number, to: number) => {
      for (let k = from; k < to; k++) {
        rprop.paramGroups[0]!.params.forEach((p, i) => p.grad!.set(gradients[k]![i]!));
        rprop.step(() => losses[k]!);
      }
    };
    const uninterrupted = new Rprop(params(), { variant, lr: 0.05 });
    stepped(uninterrupted, 0, 6);

    const first = new Rprop(params(), { variant, lr: 0.05 });
    stepped(first, 0, 3);
    const variables = first.paramGroups[0]!.params.map((p, i) => tf.variable(tf.tensor(p.data, shapes[i]!, 'float32')));
    const saved = rpropSlotWeights(first, variables, 3)!;
    const resumed = new Rprop(first.paramGroups[0]!.params.map((p) => ({ data: p.data.slice(), grad: new Float32Array(p.data.length) })), { variant, lr: 0.05 });
    const state = rpropStateDict(saved, resumed, variables.length)!;
    expect(state.iterations).toBe(3);
    resumed.loadStateDict(state.stateDict);
    stepped(resumed, 3, 6);

    expect(resumed.paramGroups[0]!.params.map((p) => Array.from(p.data))).toEqual(uninterrupted.paramGroups[0]!.params.map((p) => Array.from(p.data)));
    expect(resumed.stateDict()).toEqual(uninterrupted.stateDict());
    tf.dispose([...variables, ...saved.map((w) => w.tensor)]);
    for (const r of [uninterrupted, first, resumed]) r.dispose();
  });

  it('an optimizer that took no step has no slots: null, a fresh Rprop is that optimizer already', async () => {
    const fresh = new RpropOptimizer({ variant: 'irprop+' });
    const core = new Rprop(arrays().map((data) => ({ data, grad: new Float32Array(data.length) })), { variant: 'irprop+' });
    expect(rpropStateDict(await fresh.getWeights(), core, shapes.length)).toBeNull();
    fresh.dispose();
    core.dispose();
  });

  // Hand-made weights in getWeights()'s layout: the iteration count, the previous loss, then slots.
  const named = (name: string, values: number[], dtype: 'float32' | 'int32' = 'float32') => ({ name, tensor: tf.tensor(values, [values.length], dtype) });
  const core = () => new Rprop(shapes.map((shape) => ({ data: new Float32Array(shape.reduce((a, b) => a * b, 1)), grad: new Float32Array(shape.reduce((a, b) => a * b, 1)) })), { variant: 'irprop+' });
  const slotsOf = (slot: string) => shapes.map((shape, i) => named(`v${i}/${slot}`, Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, k) => i + k / 10)));

  it('a previous loss of +Infinity (none, as RpropOptimizer saves it) is no previous loss: null', () => {
    const weights = [named('iter', [2], 'int32'), named('prevLoss', [Infinity]), ...slotsOf('prev'), ...slotsOf('stepSize')];
    const rprop = core();
    const state = rpropStateDict(weights, rprop, shapes.length)!;
    expect(state.stateDict.prevLoss).toBeNull();
    expect(state.iterations).toBe(2);
    rprop.dispose();
    tf.dispose(weights.map((w) => w.tensor));
  });

  it.each([
    ['one slot each', 1],
    ['four slots each', 4],
  ])('refuses %s: not the 2 or 3 an Rprop keeps', (_name, perVariable) => {
    const slots = ['prev', 'stepSize', 'prevUpdate', 'extra'].slice(0, perVariable).flatMap(slotsOf);
    const weights = [named('iter', [2], 'int32'), named('prevLoss', [0.5]), ...slots];
    const rprop = core();
    expect(() => rpropStateDict(weights, rprop, shapes.length)).toThrow(`rpropStateDict: ${slots.length} slots for ${shapes.length} variables, not 2 or 3 each`);
    rprop.dispose();
    tf.dispose(weights.map((w) => w.tensor));
  });
});
