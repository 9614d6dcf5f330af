import * as tf from '@tensorflow/tfjs';
import './wasm-backend.js';
import { Lion, Rprop, Signum, VARIANTS, type Parameter } from 'rprop';
import { afterAll, describe, expect, it } from 'vitest';
import { LionOptimizer, RpropOptimizer, SignumOptimizer, type SlotOptimizer } from 'rprop-tfjs';
import { CLAIMED_PATHS, firstDifference } from './helpers.js';

// core-equality.test.ts compares the weights; this compares the state the optimizer saves (every slot,
// the previous loss), which a resumed run starts from. A slot value that no later step of the same run
// reads (a dw after a sign change) differs from the core's only here, and so does a loss that repeats:
// the + variants backtrack only when the loss rose, not when it stayed.

const init = Float32Array.from({ length: 60 }, (_, i) => Math.fround(Math.sin(i * 0.37) * 3));
/** Step t's gradient: signs that hold and flip, zeros, magnitudes from 1e-3 to 2. */
const gradient = (t: number) => Float32Array.from({ length: init.length }, (_, i) => (i % 9 === 0 ? 0 : Math.fround(Math.cos(i * 0.91 + t * 1.7) * 2)));
/** Losses that fall, rise, and stay the same (steps 2 and 3, 5 and 6). */
const LOSSES = [10, 8, 9, 9, 7, 11, 11, 6];

type Core = { step(closure?: () => number): unknown; stateDict(): { state: Record<string, Record<string, unknown>> } & Record<string, unknown> };
type Case = [string, () => SlotOptimizer, (p: Parameter[]) => Core, string[]];
const cases: Case[] = [
  ...VARIANTS.map((variant): Case => [
    `Rprop ${variant}`,
    () => new RpropOptimizer({ variant, lr: 0.05 }),
    (p) => new Rprop(p, { variant, lr: 0.05 }),
    variant.endsWith('+') ? ['prev', 'stepSize', 'prevUpdate'] : ['prev', 'stepSize'],
  ]),
  ['Signum', () => new SignumOptimizer({ lr: 0.1, beta: 0.8 }), (p) => new Signum(p, { lr: 0.1, beta: 0.8 }), ['momentum']],
  ['Lion', () => new LionOptimizer({ lr: 0.1, betas: [0.8, 0.95], weightDecay: 0.2 }), (p) => new Lion(p, { lr: 0.1, betas: [0.8, 0.95], weightDecay: 0.2 }), ['momentum']],
];

let made = 0;

/** The saved weights after the run, by name without the variable's ('prevLoss', 'stepSize', …). */
async function run(make: () => SlotOptimizer, composed: boolean): Promise<Map<string, number[]>> {
  const v = tf.tidy(() => tf.variable(tf.tensor1d(init), true, `coreState${++made}`));
  const opt = make();
  opt.forceComposedOps = composed;
  for (const [t, loss] of LOSSES.entries()) {
    const g = tf.tensor1d(gradient(t));
    if ('setLoss' in opt) (opt as RpropOptimizer).setLoss(loss);
    opt.applyGradients([{ name: v.name, tensor: g }]);
    g.dispose();
  }
  const saved = new Map((await opt.getWeights()).map((w) => [w.name.replace(`${v.name}/`, ''), Array.from(w.tensor.dataSync())]));
  saved.set('weights', Array.from(v.dataSync()));
  opt.dispose();
  v.dispose();
  return saved;
}

function runCore(make: (p: Parameter[]) => Core): { core: Core; weights: number[] } {
  const p: Parameter = { data: init.slice(), grad: null };
  const core = make([p]);
  for (const [t, loss] of LOSSES.entries()) {
    p.grad = gradient(t);
    core.step(() => loss);
  }
  return { core, weights: Array.from(p.data) };
}

describe.each(CLAIMED_PATHS)('on %s (composed ops: %s)', (backend, composed) => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each(cases)('%s saves the state the core optimizer keeps, bit for bit', async (_name, make, makeCore, slots) => {
    expect(await tf.setBackend(backend)).toBe(true);
    const saved = await run(make, composed);
    const { core: coreOptimizer, weights } = runCore(makeCore);
    const core = coreOptimizer.stateDict();
    expect(firstDifference(saved.get('weights')!, weights), 'weights').toBeNull();
    expect(saved.get('iter')).toEqual([LOSSES.length]);
    for (const slot of slots) {
      expect(saved.has(slot), slot).toBe(true);
      expect(firstDifference(saved.get(slot)!, core.state['0']![slot] as number[]), slot).toBeNull();
    }
    // Rprop's previous loss: the core keeps every variant's; the + variants are the ones that compare it.
    if ('prevLoss' in core && _name.endsWith('+')) expect(saved.get('prevLoss')).toEqual([core.prevLoss]);
  });
});
