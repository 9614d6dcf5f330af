import { counted } from '../counted.js';
import type { Dataset } from '../data/dataset.js';
import { InputError } from '../errors/input-error.js';
import type { SavedNetwork } from './saved-network.js';

/** The targets each output layer can reach: what `buildMlp` chose it for. */
const OUTPUT_RANGES: Record<SavedNetwork['output'], [number, number]> = { sigmoid: [0, 1], tanh: [-1, 1], linear: [-Infinity, Infinity] };

/**
 * Refuses data (DATA or --test, `role` says which) that the saved network cannot take: another
 * number of inputs or outputs, or targets its output layer cannot reach (a sigmoid output against
 * targets past [0, 1]: the MSE could never come near 0). `name` is the data as the user gave it.
 */
export function checkDataFits(data: Dataset, name: string, saved: SavedNetwork, dir: string): void {
  if (data.inputs !== saved.inputs || data.outputs !== saved.outputs) {
    throw new InputError(`${name}: has ${counted(data.inputs, 'input')} and ${counted(data.outputs, 'output')}, the model in ${dir} takes ${saved.inputs} and gives ${saved.outputs}`);
  }
  const [low, high] = OUTPUT_RANGES[saved.output];
  let min = Infinity;
  let max = -Infinity;
  for (const v of data.y) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (min < low || max > high) {
    throw new InputError(`${name}: its targets span [${min}, ${max}], past the [${low}, ${high}] the model in ${dir} can reach: its output layer is ${saved.output}, chosen for the targets it was first trained on`);
  }
}
