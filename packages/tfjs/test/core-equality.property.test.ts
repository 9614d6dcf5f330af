import * as tf from '@tensorflow/tfjs';
import './wasm-backend.js';
import fc from 'fast-check';
import { Lion, Rprop, Signum, useKernels, VARIANTS, type Parameter } from 'rprop';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { LionOptimizer, RpropOptimizer, SignumOptimizer, type SlotOptimizer } from 'rprop-tfjs';
import { CLAIMED_PATHS, firstDifference } from './helpers.js';
import { lionOptions, rpropOptions, signumOptions, stepRun } from './property-arbitraries.js';

/** Runs per property (33 properties); FC_RUNS and FC_SEED explore further without editing the file. */
const NUM_RUNS = Number(process.env.FC_RUNS ?? 150);
const EXTRA_SEED = Number(process.env.FC_SEED ?? 0);

type Core = { step(closure?: () => number): unknown; stateDict(): { state: Record<string, Record<string, unknown>>; prevLoss?: unknown } };
interface Case {
  name: string;
  /** Asserts the property on the current backend, through the composed ops or not. */
  check(composed: boolean, seed: number): Promise<void>;
}

/**
 * At these sizes (below the kernels' default minLength of 64) both sides take the core's reference
 * rules. On the fused paths half the runs force the core's WebAssembly SIMD kernels on (minLength 0),
 * as the fused paths run them on real tensors: the core and rprop-tfjs share the `rprop` module, so
 * both sides then take the kernels; on the composed path too, which must equal the core whichever
 * of its paths the core takes (rules and kernels agree, also for bounds of −0, taken as +0).
 */
function caseOf<O extends object>(
  name: string, options: fc.Arbitrary<O>, make: (o: O) => SlotOptimizer, makeCore: (p: Parameter[], o: O) => Core, slots: readonly string[],
): Case {
  return {
    name,
    check: (composed, seed) =>
      fc.assert(
        fc.asyncProperty(options, stepRun, fc.boolean(), async (o, run, kernels) => {
          if (kernels) useKernels(true, { minLength: 0 });
          try {
            const d = await compareRun(() => make(o), (p) => makeCore(p, o), slots, run, composed);
            if (d !== null) throw new Error(d);
          } finally {
            useKernels(true, { minLength: 64 }); // the default
          }
        }),
        { numRuns: NUM_RUNS, seed },
      ),
  };
}

const cases: Case[] = [
  ...VARIANTS.flatMap((variant) =>
    [false, true].map((maximize) =>
      caseOf(`Rprop ${variant}${maximize ? ' maximize' : ''}`, rpropOptions(variant, maximize), (o) => new RpropOptimizer(o), (p, o) => new Rprop(p, o),
        variant.endsWith('+') ? ['prev', 'stepSize', 'prevUpdate'] : ['prev', 'stepSize']),
    ),
  ),
  caseOf('Signum', signumOptions, (o) => new SignumOptimizer(o), (p, o) => new Signum(p, o), ['momentum']),
  ...[false, true].map((wd) => caseOf(`Lion${wd ? ' weight decay' : ''}`, lionOptions(wd), (o) => new LionOptimizer(o), (p, o) => new Lion(p, o), ['momentum'])),
];

/** The seed of one property: a hash of its name, so each draws its own inputs, the same every run. */
function seedOf(name: string): number {
  let h = 2166136261;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h ^ EXTRA_SEED) | 0;
}

/** The first difference between the TF.js optimizer (variables, slots, iterations, previous loss) and the core's, or null. */
async function difference(opt: SlotOptimizer, vars: tf.Variable[], core: Core, params: Parameter[], slots: readonly string[], steps: number): Promise<string | null> {
  for (let i = 0; i < vars.length; i++) {
    const d = firstDifference(Array.from(vars[i]!.dataSync()), Array.from(params[i]!.data));
    if (d !== null) return `variable ${i}: ${d}`;
  }
  const [iter, ...weights] = await opt.getWeights();
  const iterations = iter!.tensor.dataSync()[0];
  iter!.tensor.dispose(); // the kept iteration scalar: disposing it is allowed (the next getWeights makes it again) and keeps this read from adding a tensor
  if (iterations !== steps) return `iterations ${iterations} ≠ ${steps}`;
  const byName = new Map(weights.map((w) => [w.name, Array.from(w.tensor.dataSync())]));
  const sd = core.stateDict();
  const expected = ('prevLoss' in sd ? 1 : 0) + vars.length * slots.length;
  if (weights.length !== expected) return `${weights.length} weights besides the iteration count, expected ${expected}`;
  if ('prevLoss' in sd && !Object.is(byName.get('prevLoss')![0], sd.prevLoss ?? Infinity)) return `prevLoss ${byName.get('prevLoss')![0]} ≠ ${String(sd.prevLoss)}`;
  for (let i = 0; i < vars.length; i++) {
    for (const slot of slots) {
      const d = firstDifference(byName.get(`${vars[i]!.name}/${slot}`)!, sd.state[String(i)]![slot] as number[]);
      if (d !== null) return `variable ${i} ${slot}: ${d}`;
    }
  }
  return null;
}

type Run = typeof stepRun extends fc.Arbitrary<infer R> ? R : never;
let made = 0;

/** Applies the drawn steps to both optimizers, comparing after each; the first difference, or null. */
async function compareRun(make: () => SlotOptimizer, makeCore: (p: Parameter[]) => Core, slots: readonly string[], run: Run, composed: boolean): Promise<string | null> {
  const vars = run.variables.map((v) => tf.tidy(() => tf.variable(tf.tensor1d(Float32Array.from(v.init)), true, `coreEqualityProperty${++made}`)));
  const params: Parameter[] = run.variables.map((v) => ({ data: Float32Array.from(v.init), grad: null }));
  const opt = make();
  opt.forceComposedOps = composed;
  const core = makeCore(params);
  try {
    for (let t = 0; t < run.losses.length; t++) {
      const loss = run.losses[t]!;
      const grads = run.variables.map((v) => tf.tensor1d(Float32Array.from(v.grads[t]!)));
      try {
        if ('setLoss' in opt) (opt as RpropOptimizer).setLoss(loss);
        opt.applyGradients(vars.map((v, i) => ({ name: v.name, tensor: grads[i]! })));
      } finally {
        tf.dispose(grads);
      }
      run.variables.forEach((v, i) => (params[i]!.grad = Float32Array.from(v.grads[t]!)));
      core.step(() => loss);
      const d = await difference(opt, vars, core, params, slots, t + 1);
      if (d !== null) return `after step ${t + 1}: ${d}`;
    }
    return null;
  } finally {
    opt.dispose();
    tf.dispose(vars);
  }
}

describe.each(CLAIMED_PATHS)('on %s (composed ops: %s), random inputs', (backend, composed) => {
  beforeAll(async () => {
    if (!(await tf.setBackend(backend))) throw new Error(`no ${backend} backend`);
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s equals the core optimizer bit for bit', async (name, c) => {
    await c.check(composed, seedOf(`${backend} ${composed} ${name}`));
  });
});
