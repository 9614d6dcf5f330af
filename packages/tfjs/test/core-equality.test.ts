import * as tf from '@tensorflow/tfjs';
import './wasm-backend.js';
import { Lion, Rprop, Signum, VARIANTS, type Parameter } from 'rprop';
import { afterAll, describe, expect, it } from 'vitest';
import { LionOptimizer, RpropOptimizer, SignumOptimizer, type SlotOptimizer } from 'rprop-tfjs';
import { CLAIMED_PATHS, firstDifference } from './helpers.js';

const init = Float32Array.from({ length: 150 }, (_, i) => Math.fround(Math.sin(i * 0.37) * 3));
/** Step t's gradient: signs that hold and flip, zeros, magnitudes from 1e-3 to 2. */
const gradient = (t: number) => Float32Array.from({ length: init.length }, (_, i) => (i % 9 === 0 ? 0 : Math.fround(Math.cos(i * 0.91 + t * 1.7) * 2)));
const loss = (t: number) => 10 - t + (t % 3) * 2;
const STEPS = 8;

type Core = { step(closure?: () => number): unknown };
type Case = [string, () => SlotOptimizer, (p: Parameter[]) => Core];
const cases: Case[] = [
  ...VARIANTS.map((variant): Case => [`Rprop ${variant}`, () => new RpropOptimizer({ variant, lr: 0.05 }), (p) => new Rprop(p, { variant, lr: 0.05 })]),
  ['Signum', () => new SignumOptimizer({ lr: 0.1, beta: 0.8 }), (p) => new Signum(p, { lr: 0.1, beta: 0.8 })],
  ['Lion', () => new LionOptimizer({ lr: 0.1, betas: [0.8, 0.95], weightDecay: 0.2 }), (p) => new Lion(p, { lr: 0.1, betas: [0.8, 0.95], weightDecay: 0.2 })],
];

let made = 0;
function run(make: () => SlotOptimizer, composed: boolean): number[] {
  const v = tf.tidy(() => tf.variable(tf.tensor1d(init), true, `coreEqual${++made}`));
  const opt = make();
  opt.forceComposedOps = composed;
  for (let t = 0; t < STEPS; t++) {
    const g = tf.tensor1d(gradient(t));
    if ('setLoss' in opt) (opt as RpropOptimizer).setLoss(loss(t));
    opt.applyGradients([{ name: v.name, tensor: g }]);
    g.dispose();
  }
  const out = Array.from(v.dataSync());
  opt.dispose();
  v.dispose();
  return out;
}

function runCore(make: (p: Parameter[]) => Core): number[] {
  const p: Parameter = { data: init.slice(), grad: null };
  const opt = make([p]);
  for (let t = 0; t < STEPS; t++) {
    p.grad = gradient(t);
    opt.step(() => loss(t));
  }
  return Array.from(p.data);
}

describe.each(CLAIMED_PATHS)('on %s (composed ops: %s)', (backend, composed) => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each(cases)('%s equals the core optimizer bit for bit', async (_name, make, makeCore) => {
    expect(await tf.setBackend(backend)).toBe(true);
    expect(firstDifference(run(make, composed), runCore(makeCore))).toBeNull();
  });
});
