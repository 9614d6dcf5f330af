// The layer table the fused MLP kernel reads: one record per dense layer, written by the TypeScript
// side (src/train/fused/fused-layout.ts, which must agree on these offsets).

/** Bytes per record: eleven 32-bit fields. */
export const LAYER_BYTES: usize = 44;

/** The layer's number of inputs (the previous layer's units, or the data's inputs). */
@inline export function layerInputs(e: usize): usize { return <usize>load<i32>(e, 0); }
/** The layer's number of units (outputs). */
@inline export function layerUnits(e: usize): usize { return <usize>load<i32>(e, 4); }
/** The layer's activation code (activations.ts). */
@inline export function layerActivation(e: usize): i32 { return load<i32>(e, 8); }
/** Address of the kernel, [inputs × units] row-major (TF.js's layout for a dense layer). */
@inline export function layerKernel(e: usize): usize { return <usize>load<i32>(e, 12); }
/** Address of the bias, [units]. */
@inline export function layerBias(e: usize): usize { return <usize>load<i32>(e, 16); }
/** Address of d MSE / d kernel, same layout as the kernel. */
@inline export function layerKernelGrad(e: usize): usize { return <usize>load<i32>(e, 20); }
/** Address of d MSE / d bias. */
@inline export function layerBiasGrad(e: usize): usize { return <usize>load<i32>(e, 24); }
/** Address of scratch for one sample's activations of this layer, padded to a multiple of 4 floats. */
@inline export function layerOutput(e: usize): usize { return <usize>load<i32>(e, 28); }
/**
 * Address of scratch for the kernel transposed, [units × inputs rounded up to a multiple of 4],
 * for a layer that runs across its inputs (across-inputs.ts); 0 for one that runs across its units.
 */
@inline export function layerKernelT(e: usize): usize { return <usize>load<i32>(e, 32); }
/** Address of scratch for d MSE / d kernel in the same transposed layout as layerKernelT (0 with it). */
@inline export function layerKernelGradT(e: usize): usize { return <usize>load<i32>(e, 36); }
/**
 * Address of scratch for one sample's f′(z) of this layer, as the forward pass computes it from z
 * (activations.ts), padded like the activations' scratch.
 */
@inline export function layerSlopes(e: usize): usize { return <usize>load<i32>(e, 40); }
