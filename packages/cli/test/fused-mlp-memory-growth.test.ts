import { describe, expect, it } from 'vitest';
import { FusedMlp, type FusedLayerShape } from '../src/train/fused/fused-mlp.js';
import { referenceEpoch } from './mlp-reference.js';

// The kernel's memory starts at one 64 KiB page and FusedMlp.create grows it to fit the layout. The
// other tests' networks and data all fit in that first page, so none of them needs the growth to be
// right; these data take almost two pages, ending part-way into the second.

describe('FusedMlp with data larger than its first page of memory', () => {
  it('grows the memory to hold it all, and computes on every sample', () => {
    const layers: FusedLayerShape[] = [{ inputs: 9, units: 3, activation: 'tanh' }, { inputs: 3, units: 1, activation: 'linear' }];
    const count = 3001; // 3001 · 9 inputs · 4 bytes ≈ 108 KB of x
    const x = Array.from({ length: count * 9 }, (_, i) => ((i * 37) % 101) / 101 - 0.5);
    const y = Array.from({ length: count }, (_, k) => ((k * 13) % 7) / 7);
    const weights = [Array.from({ length: 27 }, (_, i) => ((i % 5) - 2) / 8), [0.25, -0.25, 0.5], [0.5, -1, 0.75], [0.125]];
    const net = FusedMlp.create(layers, { count, inputs: 9, outputs: 1, x, y });
    expect(net.weights[0]!.buffer.byteLength).toBeGreaterThan(65536);
    net.weights.forEach((w, k) => w.set(weights[k]!));
    const ref = referenceEpoch(layers, weights, { count, inputs: 9, outputs: 1, x, y });
    expect(Math.abs(net.lossAndGradients() - ref.mse)).toBeLessThanOrEqual(1e-4 * ref.mseMagnitude);
    expect(Math.abs(net.evaluate().mse - ref.mse)).toBeLessThanOrEqual(1e-4 * ref.mseMagnitude);
    net.dispose();
  });
});
