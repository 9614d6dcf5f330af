import type { FusedData, FusedLayerShape } from './fused-mlp.js';

/** The activations the kernel computes, in the order of their codes in assembly/activations.ts. */
export const FUSED_ACTIVATIONS = ['linear', 'tanh', 'sigmoid', 'relu'] as const;

/**
 * Throws an Error naming the problem when `layers` and `data` cannot make a network: no layer, a
 * width that is not a positive integer, an unknown activation, layers that do not chain, a first or
 * last layer that does not fit the data, no samples, or x / y of the wrong length. The kernel itself
 * checks nothing (a wrong width there reads or writes the wrong memory), so every shape is checked here.
 */
export function checkShapes(layers: readonly FusedLayerShape[], data: FusedData): void {
  const fail = (problem: string): never => {
    throw new Error(`FusedMlp.create: ${problem}`);
  };
  if (layers.length === 0) fail('no layers: a network needs at least one');
  layers.forEach((layer, k) => {
    for (const key of ['inputs', 'units'] as const) {
      if (!isPositiveInteger(layer[key])) fail(`layers[${k}].${key} must be a positive integer, got ${String(layer[key])}`);
    }
    if (!(FUSED_ACTIVATIONS as readonly string[]).includes(layer.activation)) {
      fail(`layers[${k}].activation must be one of ${FUSED_ACTIVATIONS.join(', ')}, got ${JSON.stringify(layer.activation)}`);
    }
    const previous = layers[k - 1];
    if (previous !== undefined && layer.inputs !== previous.units) {
      fail(`layers[${k}].inputs is ${layer.inputs} but layers[${k - 1}].units is ${previous.units}: each layer's inputs must be the previous layer's units`);
    }
  });
  if (!isPositiveInteger(data.count)) fail(`the data must have at least one sample (a positive integer count), got count ${String(data.count)}`);
  const first = layers[0]!;
  const last = layers.at(-1)!;
  if (first.inputs !== data.inputs) fail(`layers[0].inputs is ${first.inputs} but the data has ${String(data.inputs)} inputs`);
  if (last.units !== data.outputs) fail(`the last layer, layers[${layers.length - 1}], has ${last.units} units but the data has ${String(data.outputs)} outputs`);
  if (data.x.length !== data.count * data.inputs) fail(`data.x has ${data.x.length} values, not count × inputs = ${data.count * data.inputs}`);
  if (data.y.length !== data.count * data.outputs) fail(`data.y has ${data.y.length} values, not count × outputs = ${data.count * data.outputs}`);
}

function isPositiveInteger(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n > 0;
}
