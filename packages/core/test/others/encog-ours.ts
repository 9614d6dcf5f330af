import { Rprop, type Variant } from '../../src/index.js';
import { encogGradient, encogLoss, type EncogRecording } from './encog-recording.js';

/** Our run, iteration by iteration: the weights and Δ after each step. */
export interface OurRun {
  weights: number[][];
  stepSizes: number[][];
}

/**
 * This library's Rprop trained on Encog's net, sample and initial weights, in float64 as Encog is,
 * with Encog's η± and Δmin and its max step: at every iteration the gradient is ∂E/∂w at our own
 * weights (the negation of Encog's x·(t − y)), and the + variants get E at those weights as the loss.
 */
export function trainOurs(rec: EncogRecording, variant: Variant, lr: number, iterations: number): OurRun {
  const o = rec.options;
  const w = { data: Float64Array.from(rec.init), grad: new Float64Array(rec.init.length) };
  const opt = new Rprop([w], { variant, lr, etas: [o.negativeEta, o.positiveEta], stepSizes: [o.deltaMin, o.maxStep] });
  const run: OurRun = { weights: [], stepSizes: [] };
  for (let k = 0; k < iterations; k++) {
    const at = Array.from(w.data);
    w.grad.set(encogGradient(rec, at).map((g) => -g));
    opt.step(variant.endsWith('+') ? () => encogLoss(rec, at) : undefined);
    run.weights.push(Array.from(w.data));
    run.stepSizes.push([...(opt.stateDict().state['0']!.stepSize as number[])]);
  }
  return run;
}
