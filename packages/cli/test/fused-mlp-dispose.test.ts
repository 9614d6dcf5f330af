import { describe, expect, it } from 'vitest';
import { FusedMlp } from '../src/train/fused/fused-mlp.js';

describe('FusedMlp.dispose', () => {
  it('makes every later call throw, saying why; disposing again is harmless', () => {
    const net = FusedMlp.create([{ inputs: 1, units: 1, activation: 'linear' }], { count: 1, inputs: 1, outputs: 1, x: [1], y: [2] });
    expect(net.lossAndGradients()).toBe(4); // (0·1 + 0 − 2)²: it worked before
    net.dispose();
    expect(() => net.lossAndGradients()).toThrow(/^FusedMlp\.lossAndGradients: this FusedMlp was disposed; make a new one with FusedMlp\.create$/);
    expect(() => net.evaluate()).toThrow(/^FusedMlp\.evaluate: this FusedMlp was disposed; make a new one with FusedMlp\.create$/);
    expect(() => net.dispose()).not.toThrow();
  });
});
