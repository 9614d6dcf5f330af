// A dense layer run across its units: the TF.js kernel [inputs × units] as it is, a sample's
// pre-activations a sum of kernel rows, four units a vector. Right for a wide layer (the hidden
// layers); mlp-epoch.ts says how the lanes past a layer's last unit stay harmless.
import { activate } from './activations';
import { horizontalSum, lanesBelow } from './lanes';

/**
 * One sample's activations of the layer into `output`, and their f′ into `slopes`, from its inputs at
 * `input`. Sixteen units at a time where there are that many, so each input is loaded and broadcast
 * once per four vectors.
 */
@inline export function forwardAcrossUnits(
  inputs: usize, units: usize, activation: i32, kernel: usize, bias: usize, output: usize, slopes: usize, input: usize,
): void {
  const rowBytes = units << 2, endBytes = ((units + 3) & ~3) << 2;
  let at: usize = 0;
  for (; at + 64 <= endBytes; at += 64) {
    let z0 = v128.load(bias + at), z1 = v128.load(bias + at, 16), z2 = v128.load(bias + at, 32), z3 = v128.load(bias + at, 48);
    let k = kernel + at;
    for (let i: usize = 0; i < inputs; i++, k += rowBytes) {
      const a = f32x4.splat(load<f32>(input + (i << 2)));
      z0 = f32x4.add(z0, f32x4.mul(a, v128.load(k)));
      z1 = f32x4.add(z1, f32x4.mul(a, v128.load(k, 16)));
      z2 = f32x4.add(z2, f32x4.mul(a, v128.load(k, 32)));
      z3 = f32x4.add(z3, f32x4.mul(a, v128.load(k, 48)));
    }
    v128.store(output + at, activate(z0, activation, slopes + at));
    v128.store(output + at, activate(z1, activation, slopes + at + 16), 16);
    v128.store(output + at, activate(z2, activation, slopes + at + 32), 32);
    v128.store(output + at, activate(z3, activation, slopes + at + 48), 48);
  }
  for (; at < endBytes; at += 16) {
    let z = v128.load(bias + at);
    let k = kernel + at;
    for (let i: usize = 0; i < inputs; i++, k += rowBytes) {
      z = f32x4.add(z, f32x4.mul(f32x4.splat(load<f32>(input + (i << 2))), v128.load(k)));
    }
    v128.store(output + at, activate(z, activation, slopes + at));
  }
}

/**
 * One sample's backward pass through the layer's kernel, δ (d MSE / d z) at `g`: per input, its
 * kernel row's gradient += a_i·δ and, if `upstream`, d MSE / d a_i = Σ_j δ_j·K[i, j] into `spare`,
 * from the same row while it is at hand.
 */
@inline export function backwardAcrossUnits(
  inputs: usize, units: usize, kernel: usize, kernelGrad: usize, input: usize, g: usize, spare: usize, upstream: bool,
): void {
  const full = units & ~3, fullBytes = full << 2, partialLanes = lanesBelow(units - full);
  const rowBytes = units << 2;
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
}
