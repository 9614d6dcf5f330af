import * as tf from '@tensorflow/tfjs';
import { LionOptimizer, RpropOptimizer, SignumOptimizer, type SlotOptimizer } from 'rprop-tfjs';

/** One optimizer of each kind, both Rprop families (the + variants also keep a previous loss). */
export const optimizerMakers: Array<[string, () => SlotOptimizer]> = [
  ['RpropOptimizer irprop-', () => new RpropOptimizer()],
  ['RpropOptimizer irprop+', () => new RpropOptimizer({ variant: 'irprop+' })],
  ['SignumOptimizer', () => new SignumOptimizer()],
  ['LionOptimizer', () => new LionOptimizer()],
];

/** The optimizer's class name in its messages ('RpropOptimizer irprop+' → 'RpropOptimizer'). */
export function ownerOf(label: string): string {
  return label.split(' ')[0]!;
}

/** Gives a + variant its loss (the others need none) and applies the gradients. */
export function step(opt: SlotOptimizer, gradients: Array<{ name: string; tensor: tf.Tensor }>, loss = 1): void {
  // tf.Optimizer's Symbol.hasInstance makes every optimizer pass `instanceof RpropOptimizer`.
  if ('setLoss' in opt) (opt as RpropOptimizer).setLoss(loss);
  opt.applyGradients(gradients);
}

/**
 * Everything a refused step must leave alone: the variables' values, the iteration count and every
 * saved optimizer weight (previous loss, slots), as plain numbers.
 */
export async function snapshot(opt: SlotOptimizer, variables: tf.Variable[]): Promise<unknown> {
  return {
    variables: variables.map((v) => Array.from(v.dataSync())),
    iterations: opt.iterations,
    weights: (await opt.getWeights()).map((w) => ({ name: w.name, shape: w.tensor.shape, values: Array.from(w.tensor.dataSync()) })),
  };
}

let made = 0;

/** Three variables of `size` values, stepped twice by `opt` (so it has slots and, on the + variants, a previous loss). */
export function trained(opt: SlotOptimizer, size = 4): tf.Variable[] {
  const vars = [1, 2, 3].map((k) => tf.variable(tf.linspace(-k, k, size), true, `trained${++made}`));
  for (let t = 0; t < 2; t++) {
    const grads = vars.map((v, k) => tf.fill(v.shape, (t === 0 ? 1 : -1) * (k + 1)));
    step(opt, vars.map((v, k) => ({ name: v.name, tensor: grads[k]! })), 5 - t);
    tf.dispose(grads);
  }
  return vars;
}
