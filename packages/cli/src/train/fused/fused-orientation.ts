import type { FusedLayerShape } from './fused-mlp.js';

const vectors = (n: number): number => Math.ceil(n / 4);

/**
 * Whether the fused kernel runs `layer` across its inputs, on a transposed copy of its kernel
 * (assembly/across-inputs.ts), rather than across its units (assembly/across-units.ts): when the
 * layer has fewer units than a vector has lanes and running across its inputs also takes fewer
 * vector operations per sample. `upstream` is whether the gradient goes on to a layer below (every
 * layer but the first).
 *
 * Under 4 units, across units is one partial vector: it wastes lanes, each kernel gradient row's
 * store straddles the next row (which stalls store-to-load forwarding), and the upstream gradient
 * takes a horizontal sum per input for at most 3 useful products; on FANN's 8-16-2 and 21-16-3 sets
 * running the output layer across its inputs made the epoch 1.6× faster
 * (bench/experiments/fused-epoch.mjs). A layer of 4 units or more is left across its units: the
 * count below is too rough to promise a gain there (none was measured), and another order of
 * summation moves the rounding, which can flip the sign of a near-zero gradient and part the run
 * from the TF.js engine's. Counted per sample, 4 floats a vector:
 *   across units:  forward ⌈units/4⌉·inputs; backward the same for the kernel gradient, and upstream
 *                  as many again plus a horizontal sum per input;
 *   across inputs: forward units·⌈inputs/4⌉ plus a horizontal sum per unit; backward the same
 *                  products for the kernel gradient, and upstream as many again.
 * A tie stays across units (no copies); so does a layer of 1 input, where there is nothing to vectorise over.
 */
export function runsAcrossInputs(layer: FusedLayerShape, upstream: boolean): boolean {
  const acrossUnits = vectors(layer.units) * layer.inputs;
  const acrossInputs = layer.units * vectors(layer.inputs);
  const unitsCost = 2 * acrossUnits + (upstream ? acrossUnits + layer.inputs : 0);
  const inputsCost = 2 * acrossInputs + layer.units + (upstream ? acrossInputs : 0);
  return layer.units < 4 && inputsCost < unitsCost;
}
