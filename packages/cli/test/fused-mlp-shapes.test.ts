import { describe, expect, it } from 'vitest';
import { FusedMlp, type FusedData, type FusedLayerShape } from '../src/train/fused/fused-mlp.js';

const data: FusedData = { count: 2, inputs: 3, outputs: 2, x: [1, 2, 3, 4, 5, 6], y: [0, 1, 1, 0] };
const tanh = (inputs: number, units: number): FusedLayerShape => ({ inputs, units, activation: 'tanh' });

describe('FusedMlp.create refuses shapes that do not make a network, naming the problem', () => {
  const cases: Array<[string, FusedLayerShape[], FusedData, RegExp]> = [
    ['no layers', [], data, /^FusedMlp\.create: no layers: a network needs at least one$/],
    ['layers that do not chain', [tanh(3, 4), tanh(5, 2)], data, /^FusedMlp\.create: layers\[1\]\.inputs is 5 but layers\[0\]\.units is 4: each layer's inputs must be the previous layer's units$/],
    ['a first layer that does not take the data', [tanh(4, 2)], data, /^FusedMlp\.create: layers\[0\]\.inputs is 4 but the data has 3 inputs$/],
    ['a last layer that does not give the data', [tanh(3, 4), tanh(4, 3)], data, /^FusedMlp\.create: the last layer, layers\[1\], has 3 units but the data has 2 outputs$/],
    ['no samples', [tanh(3, 2)], { ...data, count: 0, x: [], y: [] }, /^FusedMlp\.create: the data must have at least one sample \(a positive integer count\), got count 0$/],
    ['a fractional width', [tanh(3, 2.5), tanh(2.5, 2)], data, /^FusedMlp\.create: layers\[0\]\.units must be a positive integer, got 2\.5$/],
    ['a zero width', [tanh(3, 0), tanh(0, 2)], data, /^FusedMlp\.create: layers\[0\]\.units must be a positive integer, got 0$/],
    ['a negative width', [tanh(-3, 2)], data, /^FusedMlp\.create: layers\[0\]\.inputs must be a positive integer, got -3$/],
    ['an unknown activation', [{ inputs: 3, units: 2, activation: 'softmax' as 'tanh' }], data, /^FusedMlp\.create: layers\[0\]\.activation must be one of linear, tanh, sigmoid, relu, got "softmax"$/],
    ['x of the wrong length', [tanh(3, 2)], { ...data, x: [1, 2, 3, 4, 5] }, /^FusedMlp\.create: data\.x has 5 values, not count × inputs = 6$/],
    ["a network too large for WebAssembly's memory", [tanh(3, 40000), tanh(40000, 40000), tanh(40000, 2)], data, /^FusedMlp\.create: the network and data need \d+ bytes, more than WebAssembly's 4 GiB memory$/],
    ['y of the wrong length', [tanh(3, 2)], { ...data, y: [0, 1, 1] }, /^FusedMlp\.create: data\.y has 3 values, not count × outputs = 4$/],
  ];
  it.each(cases)('%s', (_, layers, d, message) => {
    expect(() => FusedMlp.create(layers, d)).toThrow(message);
  });
});

describe('FusedMlp views', () => {
  it('are one per TF.js variable, [kernel0, bias0, kernel1, bias1], of their shapes, in a memory of their own', () => {
    const layers = [tanh(3, 5), tanh(5, 2)];
    const a = FusedMlp.create(layers, data);
    const b = FusedMlp.create(layers, data);
    expect(a.weights.map((w) => w.length)).toEqual([15, 5, 10, 2]);
    expect(a.grads.map((g) => g.length)).toEqual([15, 5, 10, 2]);
    expect(a.weights[0]!.buffer).not.toBe(b.weights[0]!.buffer);
    // Weights and gradients never overlap: writing every weight leaves every gradient as it was.
    a.weights.forEach((w) => w.fill(7));
    expect(a.grads.every((g) => g.every((v) => v === 0))).toBe(true);
    expect(b.weights.every((w) => w.every((v) => v === 0))).toBe(true);
    a.dispose();
    b.dispose();
  });

  it('stay attached across calls (the memory is grown once, in create)', () => {
    const net = FusedMlp.create([tanh(3, 2)], data);
    const [kernel] = net.weights;
    for (let i = 0; i < 3; i++) net.lossAndGradients();
    net.evaluate();
    expect(kernel!.length).toBe(6);
    expect(net.grads[0]!.byteLength).toBe(24);
    net.dispose();
  });
});
