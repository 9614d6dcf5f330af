import fc from 'fast-check';
import { expect } from 'vitest';
import { Lion, Rprop, SignSGD, Signum, useKernels, VARIANTS, type FloatArray, type Optimizer, type Parameter } from '../../src/index.js';
import { SLOT_BYTES } from '../../src/kernels/kernel-heap.js';
import { dtype, type Dtype } from '../properties/arbitraries.js';
import { values } from './seeded-values.js';

/**
 * Random programs — steps (some refused, some with skipped or ordinary gradients), option changes,
 * save → JSON → load, memory growth, zeroGrad — run in lockstep on the kernels (parameters in
 * ordinary arrays and in the kernels' memory, mixed) and on the reference rules. After every
 * operation both must agree: the same outcome (or the same error message), the same parameters and
 * the same stateDict, bit for bit. The per-path tests fix one path per run; these mix what a long
 * training session does, in orders nobody wrote down.
 */

const KINDS = [...VARIANTS, 'SignSGD', 'Signum', 'Lion'] as const;
type Kind = (typeof KINDS)[number];

const KERNELS = { minLength: 0, stagingBytes: 256 * 2 ** 20 };

function make(kind: Kind, groups: Array<{ params: Parameter[] }>): Optimizer<object> {
  switch (kind) {
    case 'SignSGD':
      return new SignSGD(groups, { lr: 0.01 });
    case 'Signum':
      return new Signum(groups, { lr: 0.01 });
    case 'Lion':
      return new Lion(groups, { lr: 0.01, weightDecay: 0.1 });
    default:
      return new Rprop(groups, { variant: kind }) as unknown as Optimizer<object>;
  }
}

/** A change of one group's options that is valid for the optimizer, in float32 too. */
function optionChange(kind: Kind): fc.Arbitrary<Record<string, unknown>> {
  const lr = fc.double({ min: 0, max: 0.5, noNaN: true }).map((lr) => ({ lr }));
  const maximize = fc.boolean().map((maximize) => ({ maximize }));
  const beta = fc.double({ min: 0, max: 0.99, noNaN: true });
  switch (kind) {
    case 'SignSGD':
      return fc.oneof(lr, maximize);
    case 'Signum':
      return fc.oneof(lr, maximize, beta.map((b) => ({ beta: b })));
    case 'Lion':
      return fc.oneof(lr, maximize, fc.tuple(beta, beta).map((betas) => ({ betas })), fc.double({ min: 0, max: 1, noNaN: true }).map((weightDecay) => ({ weightDecay })));
    default:
      return fc.oneof(
        lr,
        maximize,
        fc.constantFrom(...VARIANTS).map((variant) => ({ variant })),
        fc.tuple(fc.double({ min: 0.05, max: 0.95, noNaN: true }), fc.double({ min: 1.01, max: 3, noNaN: true })).map((etas) => ({ etas })),
        fc.tuple(fc.constantFrom(0, 1e-6, 1e-3), fc.constantFrom(0.05, 1, 50)).map((stepSizes) => ({ stepSizes })),
      );
  }
}

type Op =
  | { type: 'step'; seed: number; skip: number; bad: number | null; ordinary: boolean; loss: number }
  | { type: 'options'; group: number; change: Record<string, unknown> }
  | { type: 'saveLoad' }
  | { type: 'grow'; length: number }
  | { type: 'zeroGrad' }
  | { type: 'addGroup'; d: Dtype; params: Array<{ length: number; resident: boolean }> };

/** A parameter's length and whether it lives in the kernels' memory (on the kernel side). */
const paramShape = fc.record({
  // Around the vector widths, and one past a float32 scratch slot (two chunks).
  length: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 40 }) }, { weight: 1, arbitrary: fc.constant(SLOT_BYTES / 4 + 16) }),
  resident: fc.boolean(),
});

function operation(kind: Kind): fc.Arbitrary<Op> {
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        type: fc.constant('step' as const),
        seed: fc.integer(),
        skip: fc.integer({ min: 0, max: 7 }),
        bad: fc.option(fc.constantFrom(NaN, Infinity, -Infinity), { freq: 6 }),
        ordinary: fc.boolean(),
        loss: fc.integer({ min: 0, max: 4 }),
      }),
    },
    { weight: 2, arbitrary: fc.record({ type: fc.constant('options' as const), group: fc.nat(), change: optionChange(kind) }) },
    { weight: 1, arbitrary: fc.constant({ type: 'saveLoad' as const }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('grow' as const), length: fc.integer({ min: 1, max: 200_000 }) }) },
    { weight: 1, arbitrary: fc.constant({ type: 'zeroGrad' as const }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('addGroup' as const), d: dtype, params: fc.array(paramShape, { minLength: 1, maxLength: 2 }) }) },
  );
}

const program = fc.constantFrom(...KINDS).chain((kind) =>
  fc.record({
    kind: fc.constant(kind),
    groups: fc.array(
      fc.record({
        d: dtype,
        params: fc.array(paramShape, { minLength: 1, maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    seed: fc.integer(),
    ops: fc.array(operation(kind), { minLength: 1, maxLength: 12 }),
  }),
);

/** One side of the lockstep: its parameters (resident ones only on the kernel side) and optimizer. */
interface World {
  readonly kernels: boolean;
  readonly params: Parameter[];
  readonly dtypes: Dtype[];
  readonly optimizer: Optimizer<object>;
  readonly seed: number;
}

const arrayOf = (d: Dtype, xs: number[]): FloatArray => (d === 'float32' ? Float32Array : Float64Array).from(xs);

/** A parameter of `length` seeded values (in the kernels' memory if `resident`, on the kernel side), added to `w`'s lists. */
function addParam(w: Pick<World, 'kernels' | 'params' | 'dtypes'>, d: Dtype, { length, resident }: { length: number; resident: boolean }, seed: number): Parameter {
  const init = values(length, seed + w.params.length);
  let p: Parameter;
  if (w.kernels && resident) {
    p = Rprop.allocate(length, d);
    p.data.set(init);
  } else p = { data: arrayOf(d, init), grad: null };
  w.params.push(p);
  w.dtypes.push(d);
  return p;
}

function build(kernels: boolean, setup: { kind: Kind; groups: Array<{ d: Dtype; params: Array<{ length: number; resident: boolean }> }>; seed: number }): World {
  const lists = { kernels, params: [] as Parameter[], dtypes: [] as Dtype[] };
  const groups = setup.groups.map((g) => ({ params: g.params.map((shape) => addParam(lists, g.d, shape, setup.seed)) }));
  return { ...lists, seed: setup.seed, optimizer: make(setup.kind, groups) };
}

/** Runs `op` on `w` with its own kernel setting; the outcome: 'ok', or the error's message. */
function run(w: World, op: Op, keep: unknown[]): string {
  useKernels(w.kernels, KERNELS);
  try {
    switch (op.type) {
      case 'step': {
        const n = w.params.length;
        const badAt = op.bad === null ? -1 : Math.abs(op.seed) % n;
        w.params.forEach((p, k) => {
          if ((k + op.skip) % 4 === 3 && k !== badAt) {
            p.grad = null;
            return;
          }
          const g = values(p.data.length, op.seed + 31 * k);
          if (k === badAt && g.length > 0) g[Math.abs(op.seed) % g.length] = op.bad!;
          if ('gradBuffer' in p && !op.ordinary) {
            const buffer = (p as { gradBuffer: FloatArray }).gradBuffer;
            buffer.set(g);
            p.grad = buffer;
          } else p.grad = arrayOf(w.dtypes[k]!, g);
        });
        w.optimizer.step(() => op.loss);
        break;
      }
      case 'options':
        Object.assign(w.optimizer.paramGroups[op.group % w.optimizer.paramGroups.length]!, structuredClone(op.change));
        break;
      case 'saveLoad':
        w.optimizer.loadStateDict(JSON.parse(JSON.stringify(w.optimizer.stateDict())));
        break;
      case 'grow':
        // Grows the kernels' memory (detaching every view of it) on the kernel side.
        if (w.kernels) keep.push(Rprop.allocate(op.length, 'float64'));
        break;
      case 'zeroGrad':
        w.optimizer.zeroGrad();
        break;
      case 'addGroup':
        w.optimizer.addParamGroup({ params: op.params.map((shape) => addParam(w, op.d, shape, w.seed)) });
        break;
    }
    return 'ok';
  } catch (e) {
    return (e as Error).message;
  }
}

/** Parameters and stateDict as a string that tells −0 from +0 and keeps NaN. */
function snapshot(w: World): string {
  const exact = (_: string, v: unknown) => (typeof v === 'number' && (Object.is(v, -0) || !Number.isFinite(v)) ? `#${String(Object.is(v, -0) ? '-0' : v)}` : v);
  return JSON.stringify({ params: w.params.map((p) => Array.from(p.data)), state: w.optimizer.stateDict() }, exact);
}

/**
 * The property: random programs agree after every operation — outcome, parameters and state, bit
 * for bit — on the kernels (however they are set up when this runs: one thread or several) and on
 * the reference rules. Leaves the kernels on, with their usual minimum length.
 */
export function checkRandomPrograms(numRuns: number): void {
  try {
    fc.assert(
      fc.property(program, (setup) => {
        const keep: unknown[] = [];
        useKernels(true, KERNELS);
        const fast = build(true, setup);
        useKernels(false);
        const reference = build(false, setup);
        setup.ops.forEach((op, i) => {
          const outcome = [run(reference, op, keep), run(fast, op, keep)];
          expect(outcome[1], `operation ${i} (${op.type})`).toBe(outcome[0]);
          expect(snapshot(fast), `after operation ${i} (${op.type})`).toBe(snapshot(reference));
        });
      }),
      { numRuns },
    );
  } finally {
    useKernels(true, { minLength: 64, stagingBytes: 256 * 2 ** 20 });
  }
}
