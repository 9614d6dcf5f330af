import { minimize, type MinimizeResult, type Variant } from '../../src/index.js';
import { objective, type MghProblem } from './mgh.js';

/**
 * A default-options minimize run on an MGH problem, with what it did recorded from outside: every
 * call of f (counted here, not taken from the result) and what `onIteration` showed of the last step.
 */
export interface RecordedRun {
  result: MinimizeResult;
  /** Calls of f, counted by the wrapper. */
  calls: number;
  /** Steps `onIteration` was called for. */
  steps: number;
  /** The lowest f evaluated, and the latest point evaluated with it. */
  lowestF: number;
  lowestX: Float64Array;
  /** The last point evaluated, and f's gradient there. */
  lastX: Float64Array;
  lastGrad: Float64Array;
  /** Per coordinate: whether its derivative changed sign between two successive evaluations before the last. */
  flippedBeforeLast: boolean[];
  /** The gradient at the point before the last: where the last step started. */
  gradBeforeLast: Float64Array;
  /** Every step size Δ after the last step, as `onIteration` showed it. */
  lastStepSize: Float64Array;
}

const runs = new Map<string, RecordedRun>();

/**
 * Runs minimize with default options but the variant, recording it (see {@link RecordedRun}); once
 * per problem and variant in a test file, as the runs are deterministic (mgh-deterministic.test.ts).
 */
export function recordedRun(p: MghProblem, variant: Variant): RecordedRun {
  const key = `${p.name} ${variant}`;
  let run = runs.get(key);
  if (run === undefined) runs.set(key, (run = record(p, variant)));
  return run;
}

function record(p: MghProblem, variant: Variant): RecordedRun {
  const f = objective(p);
  const n = p.x0.length;
  let calls = 0;
  let lowestF = Infinity;
  // Buffers reused across the up to 100 001 calls: copied into, never reallocated.
  const lowestX = new Float64Array(n);
  const lastX = new Float64Array(n);
  const flipped = new Uint8Array(n);
  // The flips seen up to the previous call: the last evaluation's own sign change cannot have
  // taken part in the decision to stop, which was made before it.
  const flippedBeforeLast = new Uint8Array(n);
  const lastGrad = new Float64Array(n);
  const gradBeforeLast = new Float64Array(n);
  const lastStepSize = new Float64Array(n);
  let steps = 0;
  const result = minimize(
    (x, grad) => {
      const value = f(x, grad);
      flippedBeforeLast.set(flipped);
      if (calls > 0) for (let i = 0; i < n; i++) if (Math.sign(grad[i]!) * Math.sign(lastGrad[i]!) < 0) flipped[i] = 1;
      calls++;
      gradBeforeLast.set(lastGrad);
      lastGrad.set(grad);
      lastX.set(x);
      if (value <= lowestF) {
        lowestF = value;
        lowestX.set(x);
      }
      return value;
    },
    p.x0,
    {
      variant,
      onIteration: (info) => {
        steps++;
        lastStepSize.set(info.stepSize);
      },
    },
  );
  return { result, calls, steps, lowestF, lowestX, lastX, lastGrad, flippedBeforeLast: Array.from(flippedBeforeLast, Boolean), gradBeforeLast, lastStepSize };
}
