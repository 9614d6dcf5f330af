import { describe, expect, it } from 'vitest';
import { FusedMlp, type FusedLayerShape } from '../src/train/fused/fused-mlp.js';
import { runsAcrossInputs } from '../src/train/fused/fused-orientation.js';
import { expectReferenceEpoch, gridValues as values } from './fused-reference-check.js';

const dense = (inputs: number, units: number): FusedLayerShape => ({ inputs, units, activation: 'tanh' });

describe('runsAcrossInputs', () => {
  it('runs narrow output layers across their inputs (FANN diabetes 16→2, thyroid 16→3)', () => {
    expect(runsAcrossInputs(dense(16, 2), true)).toBe(true);
    expect(runsAcrossInputs(dense(16, 3), true)).toBe(true);
    expect(runsAcrossInputs(dense(9, 1), false)).toBe(true);
  });

  it('leaves wide layers, and layers with nothing to vectorise over, across their units', () => {
    expect(runsAcrossInputs(dense(8, 16), false)).toBe(false);
    expect(runsAcrossInputs(dense(21, 16), false)).toBe(false);
    expect(runsAcrossInputs(dense(16, 16), true)).toBe(false);
    expect(runsAcrossInputs(dense(6, 5), true)).toBe(false);
    expect(runsAcrossInputs(dense(1, 1), true)).toBe(false);
  });

  it('keeps a layer of 4 units across its units, though the count alone would favour its inputs', () => {
    // 16 → 4 with upstream: across units 2·16 + 16 + 16 = 64, across inputs 2·16 + 4 + 16 = 52.
    expect(runsAcrossInputs(dense(16, 4), true)).toBe(false);
  });
});

// A layer run across its inputs in each position: the only layer (no upstream gradient), in the
// middle (between two layers run across their units), and last. Widths not multiples of 4, so the
// masked last block of inputs and the zero tails of the transposed rows are exercised too.
describe.each([
  ['the only layer', [9, 1], [true]],
  ['a middle layer', [3, 9, 2, 5], [false, true, false]],
  ['the last layer', [5, 7, 3], [false, true]],
])('FusedMlp with %s run across its inputs (widths %j)', (_, widths, acrossInputs) => {
  const layers: FusedLayerShape[] = widths.slice(1).map((units, k) => ({ inputs: widths[k]!, units, activation: k % 2 ? 'sigmoid' : 'tanh' }));
  const count = 6;
  const data = { count, inputs: widths[0]!, outputs: widths.at(-1)!, x: values(count * widths[0]!, 1), y: values(count * widths.at(-1)!, 2) };
  const weightsAt = (seed: number) => layers.flatMap((l, k) => [values(l.inputs * l.units, seed + k, 2 ** Math.ceil(Math.log2(l.inputs))), values(l.units, seed + 50 + k)]);

  it('runs the layers in the orientations this test is about', () => {
    expect(layers.map((l, k) => runsAcrossInputs(l, k > 0))).toEqual(acrossInputs);
  });

  it('gives the reference gradient, and evaluates at weights changed since the last epoch', () => {
    const net = FusedMlp.create(layers, data);
    for (const seed of [10, 20]) {
      // evaluate first: it must read these weights, not a transposed copy left by the previous epoch
      expectReferenceEpoch(net, layers, weightsAt(seed), data, `seed ${seed},`);
    }
    net.dispose();
  });
});
