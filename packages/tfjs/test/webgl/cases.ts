import { LION_DEFAULTS, RPROP_DEFAULTS, SIGNUM_DEFAULTS, VARIANTS, type LionOptions, type RpropOptions, type SignumOptions } from 'rprop';
import { lion, rpropConstantsFor, rpropStep, signum } from 'rprop/rules';
import { LionOptimizer, RpropOptimizer, SignumOptimizer, type SlotOptimizer } from 'rprop-tfjs';

/** One variable as the core's reference rules update it: its values and its slots by slot name. */
export interface Reference {
  readonly value: Float32Array;
  readonly slots: Record<string, Float32Array>;
}

/** An optimizer of rprop-tfjs and the core rules it must equal, with options that vary by seed. */
export interface Case {
  readonly name: string;
  /** The slots the optimizer keeps per variable (named `${variable}/${slot}` by getWeights). */
  readonly slots: readonly string[];
  /** The optimizer with option set `k`. */
  make(k: number): SlotOptimizer;
  /** The reference state before the first step, as the optimizer initialises its slots. */
  start(k: number, value: Float32Array): Reference;
  /** One step of the core's rules on `ref`, with option set `k`. */
  step(k: number, ref: Reference, grad: Float32Array, lossIncreased: boolean): void;
}

const pick = <T>(options: readonly T[], k: number): T => options[k % options.length]!;
const zeros = (value: Float32Array) => new Float32Array(value.length);

// Defaults, maximize, a clamp that binds at both ends (Δ from 0.2 reaches 0.5 and 1e-3 within the
// steps), and a small lr with odd η±.
const RPROP_OPTIONS: Array<Partial<RpropOptions>> = [
  { lr: 0.05 },
  { lr: 0.01, maximize: true },
  { lr: 0.2, etas: [0.3, 1.7], stepSizes: [1e-3, 0.5] },
  { lr: 1e-4, etas: [0.45, 1.35], stepSizes: [1e-7, 3] },
];
const SIGNUM_OPTIONS: Array<Partial<SignumOptions>> = [{ lr: 0.1, beta: 0.8 }, { lr: 1e-3, maximize: true }, { lr: 0.37, beta: 0.33 }, {}];
const LION_OPTIONS: Array<Partial<LionOptions>> = [
  { lr: 0.1, betas: [0.8, 0.95], weightDecay: 0.2 },
  { lr: 1e-4, maximize: true },
  { lr: 0.3, betas: [0.5, 0.7], weightDecay: 0.01 },
  { weightDecay: 1.5 },
];

const rpropCases: Case[] = VARIANTS.map((variant) => {
  const plus = variant === 'irprop+' || variant === 'rprop+';
  const options = (k: number) => ({ ...RPROP_DEFAULTS, ...pick(RPROP_OPTIONS, k), variant });
  return {
    name: `Rprop ${variant}`,
    slots: plus ? ['prev', 'stepSize', 'prevUpdate'] : ['prev', 'stepSize'],
    make: (k) => new RpropOptimizer(options(k)),
    start(k, value) {
      const slots: Record<string, Float32Array> = { prev: zeros(value), stepSize: new Float32Array(value.length).fill(options(k).lr) };
      if (plus) slots.prevUpdate = zeros(value);
      return { value, slots };
    },
    step(k, { value, slots }, grad, lossIncreased) {
      const o = options(k);
      const buffers = { param: value, grad, prev: slots.prev!, stepSize: slots.stepSize!, prevUpdate: slots.prevUpdate };
      rpropStep(variant, buffers, rpropConstantsFor(value, o.etas, o.stepSizes, o.maximize), lossIncreased);
    },
  };
});

const r = Math.fround;

const signumCase: Case = {
  name: 'Signum',
  slots: ['momentum'],
  make: (k) => new SignumOptimizer(pick(SIGNUM_OPTIONS, k)),
  start: (_k, value) => ({ value, slots: { momentum: zeros(value) } }),
  step(k, { value, slots }, grad) {
    const o = { ...SIGNUM_DEFAULTS, ...pick(SIGNUM_OPTIONS, k) };
    signum(value, grad, slots.momentum!, r(o.lr), r(o.beta), r(1 - o.beta), o.maximize);
  },
};

const lionCase: Case = {
  name: 'Lion',
  slots: ['momentum'],
  make: (k) => new LionOptimizer(pick(LION_OPTIONS, k)),
  start: (_k, value) => ({ value, slots: { momentum: zeros(value) } }),
  step(k, { value, slots }, grad) {
    const { lr, betas, weightDecay, maximize } = { ...LION_DEFAULTS, ...pick(LION_OPTIONS, k) };
    const c = { lr: r(lr), beta1: r(betas[0]), oneMinusBeta1: r(1 - betas[0]), beta2: r(betas[1]), oneMinusBeta2: r(1 - betas[1]), weightDecay: r(weightDecay), maximize };
    lion(value, grad, slots.momentum!, c);
  },
};

export const CASES: readonly Case[] = [...rpropCases, signumCase, lionCase];
