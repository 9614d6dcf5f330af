import { loadFixture } from '../fixtures/load-trace.js';

/** One iteration of an Encog run: what ResilientPropagation used, and its state after the iteration. */
export interface EncogIteration {
  /** The gradient Encog handed to updateWeight: x·(t − y), i.e. −∂E/∂w. */
  gradient: number[];
  weights: number[];
  /** The Δ of RPROPm and iRPROPm. */
  lastDelta: number[];
  /** The Δ of RPROPp and iRPROPp (set from the initial update). */
  updateValues: number[];
  lastGradient: number[];
  lastWeightChange: number[];
  /** The two errors iRPROPp compared when updating: lastError is "Infinity" at the first iteration, the npm port's error null. */
  error: number | null;
  lastError: number | string;
}

export type EncogType = 'RPROPm' | 'iRPROPm' | 'RPROPp' | 'iRPROPp';

export interface EncogRun {
  type: EncogType;
  initialUpdate: number;
  iterations: EncogIteration[];
}

/** fixtures/others-encog/rprop-{npm,java}.json, written by record_encog_rprop.{mjs,java} beside them. */
export interface EncogRecording {
  source: string;
  /** The trainer's max step and batch size, and Encog's fixed constants (RPROPConst, DEFAULT_DOUBLE_EQUAL). */
  options: { maxStep: number; batchSize: number; positiveEta: number; negativeEta: number; deltaMin: number; signZeroTolerance: number };
  input: number[];
  target: number;
  init: number[];
  runs: EncogRun[];
}

/** The two Encogs: the npm port (`encog` 1.6.0) and the Java original (encog-java-core 3.4.1). */
export type EncogPort = 'npm' | 'java';

/** A recording, refused with the reason when it is not the one-sample, 3-weight net assumed below. */
export function loadEncogRecording(port: EncogPort): EncogRecording {
  const file = `others-encog/rprop-${port}.json`;
  const rec = loadFixture<EncogRecording>(file);
  if (rec.input.length !== 2 || rec.init.length !== 3) {
    throw new Error(`${file}: expected 2 inputs and 3 weights (inputs and bias → output), got ${rec.input.length} and ${rec.init.length}`);
  }
  // One sample: batch size 1 (the npm port's default) and 0 (pure batch, Java's) both update once an iteration.
  const batch = rec.options.batchSize;
  if (batch !== 0 && batch !== 1) throw new Error(`${file}: expected batch size 0 or 1 (one update an iteration), got ${batch}`);
  return rec;
}

/** The run of this type and initial update, refused by name when the recording lacks it. */
export function encogRun(rec: EncogRecording, type: EncogType, initialUpdate: number): EncogRun {
  const run = rec.runs.find((r) => r.type === type && r.initialUpdate === initialUpdate);
  if (run === undefined) throw new Error(`${rec.source}: no ${type} run with initial update ${initialUpdate}`);
  return run;
}

/**
 * Encog's gradient at `weights`, in its order of operations: the flat network sums w·x over the inputs
 * then the bias neuron (value 1) starting from 0, the linear output's derivative is 1, the linear error
 * function gives (t − y)·1·1, and the gradient worker adds x·error to a gradient of 0.
 */
export function encogGradient(rec: EncogRecording, weights: readonly number[]): number[] {
  const values = [...rec.input, 1];
  let y = 0;
  for (const [i, x] of values.entries()) y += weights[i]! * x;
  const error = rec.target - y;
  return values.map((x) => 0 + x * error);
}

/** E = ½ (y − t)² at `weights`: the loss an iRprop+ compares. */
export function encogLoss(rec: EncogRecording, weights: readonly number[]): number {
  const g = encogGradient(rec, weights);
  const error = g[2]!; // the bias neuron's input is 1: its gradient is t − y itself
  return 0.5 * error * error;
}

/** The run's weights before each iteration: the initial ones, then each iteration's but the last. */
export function weightsBefore(rec: EncogRecording, run: EncogRun): number[][] {
  return [rec.init, ...run.iterations.map((it) => it.weights)].slice(0, run.iterations.length);
}
