import { loadFixture } from '../fixtures/load-trace.js';

/** One epoch of FANN's run: FANN's values after its fann_train_epoch. */
export interface FannEpoch {
  /** FANN's MSE of the pass before this epoch's update. */
  mse: number;
  weights: number[];
  /** FANN's prev_steps: the Δ it just used. */
  stepSizes: number[];
  /** FANN's prev_train_slopes: the slope it just used (−∂E/∂w), or 0 where it saw a sign flip. */
  slopes: number[];
}

/** fixtures/others-fann/zero-slope.json, written by record_fann_zero_slope.c beside it. */
export interface FannRecording {
  source: string;
  options: { outputSteepness: number; deltaZero: number; increaseFactor: number; decreaseFactor: number; deltaMin: number; deltaMax: number };
  /** The weight of each index: from neuron → to neuron (inputs 0 and 1, bias 2, output 3). */
  connections: Array<{ from: number; to: number }>;
  inputs: number[][];
  targets: number[];
  init: number[];
  epochs: FannEpoch[];
}

/** The recording, refused with the reason when it is not the 3-weight net the derivatives below assume. */
export function loadFannRecording(): FannRecording {
  const file = 'others-fann/zero-slope.json';
  const rec = loadFixture<FannRecording>(file);
  const wiring = rec.connections.map((c) => `${c.from}→${c.to}`).join(' ');
  if (wiring !== '0→3 1→3 2→3') throw new Error(`${file}: expected weights 0→3 1→3 2→3 (inputs, bias → output), got ${wiring}`);
  const steepness = rec.options.outputSteepness;
  if (steepness !== 1) throw new Error(`${file}: expected output steepness 1, got ${steepness}`);
  return rec;
}

const f = Math.fround;

/**
 * ∂E/∂w (E = ½ Σ (y − t)²) at `weights`, in float32 and in FANN 2.2's order of operations, so that it
 * is the exact negation of FANN's slope: fann_run sums a neuron of 3 connections as w2·x2 + w1·x1 +
 * w0·x0 (its unrolled loop takes the remainder from the top), the linear output is y = 1·sum, the
 * error is 1·(t − y), and fann_update_slopes_batch adds error·x to each slope, sample after sample.
 */
export function fannGradient(rec: FannRecording, weights: readonly number[]): number[] {
  const slopes = [0, 0, 0];
  for (const [s, input] of rec.inputs.entries()) {
    const values = [input[0]!, input[1]!, 1]; // the bias neuron's value is 1
    let sum = 0;
    for (let i = 2; i >= 0; i--) sum = f(sum + f(weights[i]! * values[i]!));
    const error = f(rec.targets[s]! - sum);
    for (let i = 0; i < 3; i++) slopes[i] = f(slopes[i]! + f(error * values[i]!));
  }
  return slopes.map((slope) => -slope);
}

/** FANN's weights before each recorded epoch: the initial ones, then each epoch's but the last. */
export function weightsBeforeEachEpoch(rec: FannRecording): number[][] {
  return [rec.init, ...rec.epochs.map((e) => e.weights)].slice(0, rec.epochs.length);
}
