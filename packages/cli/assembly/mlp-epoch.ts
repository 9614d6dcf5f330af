// One full-batch epoch of a dense MLP as a single WebAssembly SIMD call, for `rprop train`: the mean
// squared error and its gradient for every weight (`lossAndGradients`), or the MSE and the bit-fail
// count (`evaluate`). Any number of layers, any widths, each layer tanh, sigmoid, relu or linear.
// Turned from bench/experiments/wasm-mlp-epoch.as.ts into a shipped kernel; driven by
// src/train/fused/fused-mlp.ts, which lays the memory out (fused-layout.ts).
//
// Weights are TF.js's: per layer a kernel [inputs × units] row-major, z_j = b_j + Σ_i a_i·K[i·units + j],
// then a bias [units]. Each layer runs in one of two orientations, which the layout picks per layer
// (src/train/fused/fused-orientation.ts) and the layer table records:
//   - across its units (across-units.ts), on the kernel as it is: a sample's pre-activations are a
//     sum of kernel rows, four units a vector. Right for wide layers.
//   - across its inputs (across-inputs.ts), on a transposed copy made at the start of each call, its
//     gradient accumulated transposed and copied back at the end. Right for narrow layers (an output
//     layer of 2 or 3 units), which across their units would waste lanes, need a horizontal sum per
//     input for the upstream gradient, and store partial blocks that straddle two kernel rows.
// Across units, a layer whose width is not a multiple of 4 ends in a partial block; it is computed
// as a whole vector anyway, and the lanes past the last unit are harmless because the layout
// (src/train/fused/fused-layout.ts) guarantees, and this file relies on:
//   - every kernel, bias and gradient starts 16-byte aligned and is followed by at least 12 bytes of
//     its own padding, so a block that starts at its last element stays inside memory that belongs
//     to no other array (the unmasked bias gradient store below needs this);
//   - per-layer activation and f′ scratch and the two gradient scratch buffers hold a multiple of 4 floats.
// Lanes past the last unit: in the forward pass they read the next kernel row (garbage) into the
// scratch's padding, never read back as an input; in the backward pass the kernel gradient's stores
// keep those lanes' bits (v128.bitselect: they are the next row's) and the upstream sum drops them
// (v128.and), so a NaN or Infinity in a neighbouring weight cannot leak into another element.
// Across inputs, the lanes past the last input are masked (across-inputs.ts).
//
// Samples are processed one at a time (forward, then backward), float32 throughout, except the sum
// of squared errors, which is accumulated in float64.
import { derivative } from './activations';
import { backwardAcrossInputs, forwardAcrossInputs, transposeKernel, transposedStride, untransposeGradient } from './across-inputs';
import { backwardAcrossUnits, forwardAcrossUnits } from './across-units';
import {
  LAYER_BYTES, layerActivation, layerBias, layerBiasGrad, layerInputs, layerKernel, layerKernelGrad, layerKernelGradT, layerKernelT,
  layerOutput, layerSlopes, layerUnits,
} from './layer-table';

/**
 * One sample's forward pass from its inputs at `xk`: each layer's activations, and their f′ for the
 * backward pass, into its scratch. Returns the address of the last layer's activations.
 */
function forward(table: usize, layers: i32, xk: usize): usize {
  let input = xk;
  for (let l = 0; l < layers; l++) {
    const e = table + <usize>l * LAYER_BYTES;
    const inputs = layerInputs(e), units = layerUnits(e), activation = layerActivation(e);
    const bias = layerBias(e), output = layerOutput(e), slopes = layerSlopes(e), kernelT = layerKernelT(e);
    if (kernelT != 0) forwardAcrossInputs(inputs, units, activation, kernelT, bias, output, slopes, input);
    else forwardAcrossUnits(inputs, units, activation, layerKernel(e), bias, output, slopes, input);
    input = output;
  }
  return input;
}

/**
 * One sample's backward pass: `g` holds d MSE / d (last layer's activations) on entry; adds the
 * sample's d MSE / d w to every gradient (a transposed layer's to its transposed scratch). `spare`
 * is the other scratch buffer (each layer's upstream gradient goes there, then the two swap).
 */
function backward(table: usize, layers: i32, xk: usize, g: usize, spare: usize): void {
  for (let l = layers - 1; l >= 0; l--) {
    const e = table + <usize>l * LAYER_BYTES;
    const inputs = layerInputs(e), units = layerUnits(e), activation = layerActivation(e);
    const biasGrad = layerBiasGrad(e), slopes = layerSlopes(e), kernelT = layerKernelT(e);
    const input = l > 0 ? layerOutput(e - LAYER_BYTES) : xk;
    // δ = d MSE / d z, in place of d MSE / d a, and the bias gradient += δ. The partial block too,
    // unmasked: its extra lanes fall in g's padding and in the bias gradient's own padding.
    for (let at: usize = 0; at < units << 2; at += 16) {
      const delta = derivative(v128.load(g + at), slopes + at, activation);
      v128.store(g + at, delta);
      v128.store(biasGrad + at, f32x4.add(v128.load(biasGrad + at), delta));
    }
    if (kernelT != 0) backwardAcrossInputs(inputs, units, kernelT, layerKernelGradT(e), input, g, spare, l > 0);
    else backwardAcrossUnits(inputs, units, layerKernel(e), layerKernelGrad(e), input, g, spare, l > 0);
    const swap = g;
    g = spare;
    spare = swap;
  }
}

/**
 * Copies the kernel of every layer that runs across its inputs into its transposed scratch: afresh at
 * every call, since the weights change between calls (the optimizer steps them in place).
 */
function transposeKernels(table: usize, layers: i32): void {
  for (let l = 0; l < layers; l++) {
    const e = table + <usize>l * LAYER_BYTES;
    if (layerKernelT(e) != 0) transposeKernel(layerInputs(e), layerUnits(e), layerKernel(e), layerKernelT(e));
  }
}

/**
 * The MSE over `count` samples (inputs at `x`, targets at `t`, row-major float32) at the weights
 * the layer table points to, and d MSE / d w into its gradients (overwritten). `g` and `spare` are
 * scratch for the widest layer's units, rounded up to a multiple of 4 floats.
 *
 * The MSE is TF.js's meanSquaredError: the mean over samples and outputs of (y − t)², each
 * difference in float32, squared and summed in float64. Its gradient at the output is
 * 2(y − t)/(count·outputs), the factor rounded to float32 as TF.js's `mul(error, 2 / size)` does.
 */
export function lossAndGradients(table: usize, layers: i32, x: usize, t: usize, count: i32, g: usize, spare: usize): f64 {
  transposeKernels(table, layers);
  for (let l = 0; l < layers; l++) {
    const e = table + <usize>l * LAYER_BYTES;
    const inputs = layerInputs(e), units = layerUnits(e), kernelGradT = layerKernelGradT(e);
    if (kernelGradT != 0) memory.fill(kernelGradT, 0, (units * transposedStride(inputs)) << 2);
    else memory.fill(layerKernelGrad(e), 0, (inputs * units) << 2);
    memory.fill(layerBiasGrad(e), 0, units << 2);
  }
  const last = table + <usize>(layers - 1) * LAYER_BYTES;
  const inputs = layerInputs(table), outputs = layerUnits(last);
  const scale = <f32>(2.0 / (<f64>count * <f64>outputs));
  let sse: f64 = 0;
  for (let k: usize = 0; k < <usize>count; k++) {
    const xk = x + ((k * inputs) << 2), tk = t + ((k * outputs) << 2);
    const y = forward(table, layers, xk);
    for (let o: usize = 0; o < outputs; o++) {
      const diff: f32 = load<f32>(y + (o << 2)) - load<f32>(tk + (o << 2));
      sse += <f64>diff * <f64>diff;
      store<f32>(g + (o << 2), scale * diff);
    }
    backward(table, layers, xk, g, spare);
  }
  for (let l = 0; l < layers; l++) {
    const e = table + <usize>l * LAYER_BYTES;
    const kernelGradT = layerKernelGradT(e);
    if (kernelGradT != 0) untransposeGradient(layerInputs(e), layerUnits(e), kernelGradT, layerKernelGrad(e));
  }
  return sse / (<f64>count * <f64>outputs);
}

/**
 * The MSE (as `lossAndGradients` computes it) at the current weights, forward only; the bit-fail
 * count — outputs not within 0.5 of their target, NaN outputs included, as metrics.ts's `evaluate`
 * counts them — is stored as an i32 at `bitFailAt`.
 */
export function evaluate(table: usize, layers: i32, x: usize, t: usize, count: i32, bitFailAt: usize): f64 {
  transposeKernels(table, layers);
  const last = table + <usize>(layers - 1) * LAYER_BYTES;
  const inputs = layerInputs(table), outputs = layerUnits(last);
  let sse: f64 = 0;
  let bitFail: i32 = 0;
  for (let k: usize = 0; k < <usize>count; k++) {
    const xk = x + ((k * inputs) << 2), tk = t + ((k * outputs) << 2);
    const y = forward(table, layers, xk);
    for (let o: usize = 0; o < outputs; o++) {
      const diff: f32 = load<f32>(y + (o << 2)) - load<f32>(tk + (o << 2));
      sse += <f64>diff * <f64>diff;
      if (!(Mathf.abs(diff) < 0.5)) bitFail++;
    }
  }
  store<i32>(bitFailAt, bitFail);
  return sse / (<f64>count * <f64>outputs);
}

/** Where the module's own data ends: the layout starts above it. */
export function heapBase(): usize {
  return __heap_base;
}
