import { expect } from 'vitest';
import type { FusedLayerShape, FusedMlp } from '../src/train/fused/fused-mlp.js';
import { referenceEpoch } from './mlp-reference.js';

/** As fused-mlp-reference.test.ts bounds it: relative to the size of what cancels. */
const TOLERANCE = 1e-4;

/** Deterministic values in [−1, 1], multiples of 1/512 (exact in float32), divided by `divisor`. */
export function gridValues(length: number, seed: number, divisor = 1): number[] {
  let s = seed;
  return Array.from({ length }, () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return ((s >>> 8) % 1025 - 512) / 512 / divisor;
  });
}

/**
 * Sets `weights` into `net`, then checks its evaluate() MSE (first: it must read these weights, not
 * state left by an earlier epoch), its training MSE and every gradient element against the float64
 * reference. `label` names the case in failure messages.
 */
export function expectReferenceEpoch(
  net: FusedMlp,
  layers: readonly FusedLayerShape[],
  weights: readonly number[][],
  data: Parameters<typeof referenceEpoch>[2],
  label = '',
): void {
  net.weights.forEach((w, k) => w.set(weights[k]!));
  const ref = referenceEpoch(layers, weights, data);
  expect(Math.abs(net.evaluate().mse - ref.mse), `${label} evaluate`).toBeLessThanOrEqual(TOLERANCE * ref.mseMagnitude);
  expect(Math.abs(net.lossAndGradients() - ref.mse), `${label} loss`).toBeLessThanOrEqual(TOLERANCE * ref.mseMagnitude);
  net.grads.forEach((g, k) => {
    for (let i = 0; i < g.length; i++) {
      expect(Math.abs(g[i]! - ref.grads[k]![i]!), `${label} variable ${k}, element ${i}`).toBeLessThanOrEqual(TOLERANCE * ref.gradientMagnitude);
    }
  });
}
