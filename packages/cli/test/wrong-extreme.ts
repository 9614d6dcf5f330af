import type { Dataset } from '../src/data/dataset.js';
import type { ReferenceLayer } from './mlp-reference.js';

/**
 * A 2-3-1 network on xor's four samples whose output unit is saturated (its pre-activation z ≈ ±30,
 * the hidden tanh units in their middle), so that on two samples it sits at the wrong extreme: the
 * flat spot. In float32 tanh(±30) and σ(30) round to exactly ±1 and 1, and f′ written as 1 − h² or
 * h(1 − h) is then exactly 0; the true f′ is ≈1e-26 (tanh) or ≈1e-13 (σ), and the gradient keeps the
 * sign that pulls the output back.
 */
export interface WrongExtremeCase {
  readonly name: string;
  readonly layers: readonly ReferenceLayer[];
  /** TF.js's layout: [kernel0 (2 × 3), bias0, kernel1 (3 × 1), bias1]. */
  readonly weights: readonly Float32Array[];
  readonly data: Dataset;
  /** The sign of d MSE / d (output bias) that moves the output off the wrong extreme: +1 lowers z, −1 raises it. */
  readonly outputBiasSign: 1 | -1;
}

const XOR_INPUTS = Float32Array.from([-1, -1, -1, 1, 1, -1, 1, 1]);

function wrongExtreme(name: string, output: 'tanh' | 'sigmoid', outputBias: number, targets: number[], outputBiasSign: 1 | -1): WrongExtremeCase {
  return {
    name,
    layers: [
      { inputs: 2, units: 3, activation: 'tanh' },
      { inputs: 3, units: 1, activation: output },
    ],
    weights: [
      Float32Array.from([0.3, -0.2, 0.5, 0.1, 0.4, -0.3]),
      Float32Array.from([0.1, -0.1, 0.2]),
      Float32Array.from([0.5, -0.4, 0.3]),
      Float32Array.from([outputBias]),
    ],
    data: { source: name, count: 4, inputs: 2, outputs: 1, x: XOR_INPUTS, y: Float32Array.from(targets) },
    outputBiasSign,
  };
}

/** The flat spots: tanh at +1 and at −1 against ±1 targets, the sigmoid at 1 against 0/1 targets (at 0 its h(1 − h) does not cancel). */
export const WRONG_EXTREME_CASES: readonly WrongExtremeCase[] = [
  wrongExtreme('tanh output at +1, targets −1 on two samples', 'tanh', 30, [-1, 1, 1, -1], 1),
  wrongExtreme('tanh output at −1, targets +1 on two samples', 'tanh', -30, [-1, 1, 1, -1], -1),
  wrongExtreme('sigmoid output at 1, targets 0 on two samples', 'sigmoid', 30, [0, 1, 1, 0], 1),
];
