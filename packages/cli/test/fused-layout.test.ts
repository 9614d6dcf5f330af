import { describe, expect, it } from 'vitest';
import type { FusedLayerShape } from '../src/train/fused/fused-mlp.js';
import { planLayout } from '../src/train/fused/fused-layout.js';
import { runsAcrossInputs } from '../src/train/fused/fused-orientation.js';

// What assembly/mlp-epoch.ts relies on and no result can show (the kernel's whole-vector loads and
// stores past an array's end only keep or ignore the bits there): every array starts 16-byte aligned,
// with at least 12 bytes past its end that belong to no other array, and the scratch buffers hold whole
// vectors. Checked on the plan itself, for widths that leave every kind of partial vector.

const SLACK = 12;
const vectorBytes = (floats: number) => 16 * Math.ceil(floats / 4);
const tanh = (inputs: number, units: number): FusedLayerShape => ({ inputs, units, activation: 'tanh' });

describe('planLayout', () => {
  const layers = [tanh(6, 3), tanh(3, 7), tanh(7, 2), tanh(2, 1)];
  const count = 3;
  const layout = planLayout(1001, layers, count);

  it('gives every array an aligned start, its size and 12 bytes of its own past it, inside the layout', () => {
    const arrays: Array<[string, number, number]> = [['table', layout.table, 44 * layers.length]];
    layers.forEach((l, k) => {
      const p = layout.layers[k]!;
      arrays.push([`kernel ${k}`, p.kernel, 4 * l.inputs * l.units], [`bias ${k}`, p.bias, 4 * l.units]);
      arrays.push([`kernelGrad ${k}`, p.kernelGrad, 4 * l.inputs * l.units], [`biasGrad ${k}`, p.biasGrad, 4 * l.units]);
      arrays.push([`output ${k}`, p.output, vectorBytes(l.units)], [`slopes ${k}`, p.slopes, vectorBytes(l.units)]);
      if (p.kernelT !== 0) arrays.push([`kernelT ${k}`, p.kernelT, l.units * vectorBytes(l.inputs)], [`kernelGradT ${k}`, p.kernelGradT, l.units * vectorBytes(l.inputs)]);
    });
    const widest = Math.max(...layers.map((l) => l.units));
    arrays.push(['x', layout.x, 4 * count * 6], ['y', layout.y, 4 * count * 1], ['g', layout.g, vectorBytes(widest)], ['spare', layout.spare, vectorBytes(widest)], ['bitFail', layout.bitFail, 4]);
    const sorted = [...arrays].sort((a, b) => a[1] - b[1]);
    expect(sorted[0]![1]).toBeGreaterThanOrEqual(1001);
    sorted.forEach(([name, at, bytes], i) => {
      expect(at % 16, `${name} at ${at}`).toBe(0);
      const next = sorted[i + 1];
      const limit = next === undefined ? layout.end : next[1];
      expect(at + bytes + SLACK, `${name} [${at}, +${bytes}) against ${next?.[0] ?? 'the end'} at ${limit}`).toBeLessThanOrEqual(limit);
    });
  });

  it('gives transposed scratch to exactly the layers runsAcrossInputs picks, the first without upstream', () => {
    // 7 → 2 and 2 → 1 run across their inputs, 3 → 7 across its units. 6 → 3 would run across its
    // inputs as a middle layer but not as the first (no upstream gradient to count), so this also
    // tests that the layout asks for the first layer without upstream.
    const picked = layers.map((l, k) => runsAcrossInputs(l, k > 0));
    expect(runsAcrossInputs(layers[0]!, true)).not.toBe(picked[0]);
    expect(layout.layers.map((p) => p.kernelT !== 0)).toEqual(picked);
    expect(layout.layers.map((p) => p.kernelGradT !== 0)).toEqual(picked);
  });
});
