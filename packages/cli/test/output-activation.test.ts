import { describe, expect, it } from 'vitest';
import type { Dataset } from '../src/data/dataset.js';
import { buildMlp } from '../src/train/mlp.js';

const data = (y: number[]): Dataset => ({ source: 't', count: y.length, inputs: 1, outputs: 1, x: new Float32Array(y.length), y: Float32Array.from(y) });
const outputActivation = (y: number[]) => {
  const model = buildMlp(data(y), [2], 'tanh', 1);
  const activation = String(model.layers.at(-1)!.getConfig().activation);
  model.dispose();
  return activation;
};

// The ranges are closed: targets of exactly 0 and 1, or −1 and 1 (as FANN's symmetric sets have),
// are what sigmoid and tanh outputs reach for; a linear output there would be another network.
describe('buildMlp: the output layer follows the targets, ends included', () => {
  it.each([
    [[0, 1], 'sigmoid'],
    [[-1, 1], 'tanh'],
    [[-1, 0.5], 'tanh'],
    [[-1.5, 1], 'linear'],
    [[0, 2], 'linear'],
  ])('targets %j: %s', (y, activation) => {
    expect(outputActivation(y)).toBe(activation);
  });
});
