// One full-batch epoch of a dense MLP as a single WebAssembly SIMD call, for `rprop train`: the mean
// squared error and its gradient for every weight (`lossAndGradients`), or the MSE and the bit-fail
// count (`evaluate`). Any number of layers, any widths, each layer tanh, sigmoid, relu or linear.
// Turned from bench/experiments/wasm-mlp-epoch.as.ts into a shipped kernel; driven by
// src/train/fused/fused-mlp.ts, which lays the memory out (fused-layout.ts).
//
// Weights are TF.js's: per layer a kernel [inputs × units] row-major, z_j = b_j + Σ_i a_i·K[i·units + j],
// then a bias [units]. That layout makes a sample's pre-activations a sum of kernel rows, so every
// loop runs over units, four at a time. A layer whose width is not a multiple of 4 ends in a partial
// block; it is computed as a whole vector anyway, and the lanes past the last unit are harmless
// because the layout (src/train/fused/fused-layout.ts) guarantees, and this file relies on:
//   - every kernel, bias and gradient starts 16-byte aligned and is followed by at least 12 bytes of
//     its own padding, so a block that starts at its last element stays inside memory that belongs
//     to no other array (the unmasked bias gradient store below needs this);
//   - per-layer activation scratch and the two gradient scratch buffers hold a multiple of 4 floats.
// Lanes past the last unit: in the forward pass they read the next kernel row (garbage) into the
// scratch's padding, never read back as an input; in the backward pass the kernel gradient's stores
// keep those lanes' bits (v128.bitselect: they are the next row's) and the upstream sum drops them
// (v128.and), so a NaN or Infinity in a neighbouring weight cannot leak into another element.
//
// Samples are processed one at a time (forward, then backward), float32 throughout, except the sum
// of squared errors, which is accumulated in float64.
import { activate, derivative } from './activations';
import {
  LAYER_BYTES, layerActivation, layerBias, layerBiasGrad, layerInputs, layerKernel, layerKernelGrad, layerOutput, layerUnits,
} from './layer-table';

/** Lanes 0 … n − 1 all ones, the rest zero (n in 0 … 4): the units of a layer's last, partial block. */
@inline function lanesBelow(n: usize): v128 {
  return i32x4.lt_s(i32x4(0, 1, 2, 3), i32x4.splat(<i32>n));
}

@inline function horizontalSum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}

/** One sample's forward pass from its inputs at `xk`: each layer's activations into its scratch. Returns the last layer's. */
function forward(table: usize, layers: i32, xk: usize): usize {
  let input = xk;
  for (let l = 0; l < layers; l++) {
    const e = table + <usize>l * LAYER_BYTES;
    const inputs = layerInputs(e), units = layerUnits(e), activation = layerActivation(e);
    const kernel = layerKernel(e), bias = layerBias(e), output = layerOutput(e);
    const rowBytes = units << 2;
    for (let j: usize = 0; j < units; j += 4) {
      const at = j << 2;
      let z = v128.load(bias + at);
      let k = kernel + at;
      for (let i: usize = 0; i < inputs; i++, k += rowBytes) {
        z = f32x4.add(z, f32x4.mul(f32x4.splat(load<f32>(input + (i << 2))), v128.load(k)));
      }
      v128.store(output + at, activate(z, activation));
    }
    input = output;
  }
  return input;
}

/**
 * One sample's backward pass: `g` holds d MSE / d (last layer's activations) on entry; adds the
 * sample's d MSE / d w to every gradient. `spare` is the other scratch buffer (each layer's
 * upstream gradient goes there, then the two swap).
 */
function backward(table: usize, layers: i32, xk: usize, g: usize, spare: usize): void {
  for (let l = layers - 1; l >= 0; l--) {
    const e = table + <usize>l * LAYER_BYTES;
    const inputs = layerInputs(e), units = layerUnits(e), activation = layerActivation(e);
    const kernel = layerKernel(e), kernelGrad = layerKernelGrad(e), biasGrad = layerBiasGrad(e), output = layerOutput(e);
    const input = l > 0 ? layerOutput(e - LAYER_BYTES) : xk;
    const full = units & ~3, fullBytes = full << 2, partialLanes = lanesBelow(units - full);
    const rowBytes = units << 2;
    // δ = d MSE / d z, in place of d MSE / d a, and the bias gradient += δ. The partial block too,
    // unmasked: its extra lanes fall in g's padding and in the bias gradient's own padding.
    for (let j: usize = 0; j < units; j += 4) {
      const at = j << 2;
      const delta = derivative(v128.load(g + at), v128.load(output + at), activation);
      v128.store(g + at, delta);
      v128.store(biasGrad + at, f32x4.add(v128.load(biasGrad + at), delta));
    }
    // Per input: its kernel row's gradient += a_i·δ, and (below the first layer) the upstream
    // d MSE / d a_i = Σ_j δ_j·K[i, j], from the same row while it is at hand.
    const upstream = l > 0;
    for (let i: usize = 0; i < inputs; i++) {
      const a = f32x4.splat(load<f32>(input + (i << 2)));
      const row = kernel + i * rowBytes, gradRow = kernelGrad + i * rowBytes;
      let sum = f32x4.splat(0);
      for (let at: usize = 0; at < fullBytes; at += 16) {
        const delta = v128.load(g + at);
        v128.store(gradRow + at, f32x4.add(v128.load(gradRow + at), f32x4.mul(a, delta)));
        if (upstream) sum = f32x4.add(sum, f32x4.mul(delta, v128.load(row + at)));
      }
      if (full < units) {
        // The partial block's extra lanes are the next row's: keep their bits, leave them out of the sum.
        const delta = v128.load(g + fullBytes), old = v128.load(gradRow + fullBytes);
        v128.store(gradRow + fullBytes, v128.bitselect(f32x4.add(old, f32x4.mul(a, delta)), old, partialLanes));
        if (upstream) sum = f32x4.add(sum, v128.and(f32x4.mul(delta, v128.load(row + fullBytes)), partialLanes));
      }
      if (upstream) store<f32>(spare + (i << 2), horizontalSum(sum));
    }
    const swap = g;
    g = spare;
    spare = swap;
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
  for (let l = 0; l < layers; l++) {
    const e = table + <usize>l * LAYER_BYTES;
    const inputs = layerInputs(e), units = layerUnits(e);
    memory.fill(layerKernelGrad(e), 0, (inputs * units) << 2);
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
  return sse / (<f64>count * <f64>outputs);
}

/**
 * The MSE (as `lossAndGradients` computes it) at the current weights, forward only; the bit-fail
 * count — outputs not within 0.5 of their target, NaN outputs included, as metrics.ts's `evaluate`
 * counts them — is stored as an i32 at `bitFailAt`.
 */
export function evaluate(table: usize, layers: i32, x: usize, t: usize, count: i32, bitFailAt: usize): f64 {
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
