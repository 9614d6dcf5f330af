import type { Dataset } from '../src/data/dataset.js';

/**
 * A seeded random regression set: inputs uniform in ±`inputSpan`, targets spanning `range` (which
 * picks buildMlp's output activation: sigmoid for [0, 1], tanh for [−1, 1], else linear).
 */
export function randomDataset(count: number, inputs: number, outputs: number, range: [number, number], seed: number, inputSpan = 1): Dataset {
  let s = seed;
  const next = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const x = Float32Array.from({ length: count * inputs }, () => (next() * 2 - 1) * inputSpan);
  const y = Float32Array.from({ length: count * outputs }, () => range[0] + (range[1] - range[0]) * next());
  return { source: 'test', count, inputs, outputs, x, y };
}
