// A dense layer run across its inputs: for a narrow layer (the output layer's 2 or 3 units), whose
// units would fill only part of a vector. Its kernel is copied transposed, [units × stride] with
// stride = inputs rounded up to a multiple of 4 and the rows' tails zero, so that a unit's
// pre-activation is a dot product over inputs, four a vector; its kernel gradient is accumulated in
// the same transposed layout and copied back into TF.js's [inputs × units] at the end of the call.
// The copies cost O(weights) a call, against O(samples × weights) for the epoch. Run this way, the
// backward pass needs no horizontal sum per input and no store that straddles two kernel rows.
//
// A row's last, partial block of inputs is masked (its lanes past the last input are the next
// sample's inputs or a scratch buffer's padding, possibly NaN or Infinity): those lanes multiply the
// rows' zero tails as zeros, so nothing past the last input reaches a unit.
import { activate } from './activations';
import { horizontalSum, lanesBelow } from './lanes';

/** Floats per transposed row: the inputs, rounded up to whole vectors. */
@inline export function transposedStride(inputs: usize): usize {
  return (inputs + 3) & ~3;
}

/** The layer's `inputs` values at `input`, its last partial block with the lanes past the last input zeroed. */
@inline function lastInputBlock(inputs: usize, input: usize): v128 {
  const full = inputs & ~3;
  return v128.and(v128.load(input + (full << 2)), lanesBelow(inputs - full));
}

/** Copies the kernel [inputs × units] into `kernelT` [units × stride], the rows' tails zero. */
export function transposeKernel(inputs: usize, units: usize, kernel: usize, kernelT: usize): void {
  const stride = transposedStride(inputs);
  memory.fill(kernelT, 0, (units * stride) << 2);
  for (let i: usize = 0; i < inputs; i++) {
    for (let j: usize = 0; j < units; j++) store<f32>(kernelT + ((j * stride + i) << 2), load<f32>(kernel + ((i * units + j) << 2)));
  }
}

/** Copies the transposed gradient `kernelGradT` [units × stride] back into `kernelGrad` [inputs × units]. */
export function untransposeGradient(inputs: usize, units: usize, kernelGradT: usize, kernelGrad: usize): void {
  const stride = transposedStride(inputs);
  for (let i: usize = 0; i < inputs; i++) {
    for (let j: usize = 0; j < units; j++) store<f32>(kernelGrad + ((i * units + j) << 2), load<f32>(kernelGradT + ((j * stride + i) << 2)));
  }
}

/**
 * One sample's activations of the layer into `output`, and their f′ into `slopes`, from its inputs at
 * `input`: each unit's dot product into `output`, then bias and activation over whole vectors (the
 * lanes past the last unit land in `output`'s and `slopes`' padding, never read as an input).
 */
@inline export function forwardAcrossInputs(
  inputs: usize, units: usize, activation: i32, kernelT: usize, bias: usize, output: usize, slopes: usize, input: usize,
): void {
  const strideBytes = transposedStride(inputs) << 2, fullBytes = (inputs & ~3) << 2;
  const last = lastInputBlock(inputs, input);
  let row = kernelT;
  for (let j: usize = 0; j < units; j++, row += strideBytes) {
    let sum = f32x4.splat(0);
    for (let at: usize = 0; at < fullBytes; at += 16) sum = f32x4.add(sum, f32x4.mul(v128.load(input + at), v128.load(row + at)));
    if (fullBytes < strideBytes) sum = f32x4.add(sum, f32x4.mul(last, v128.load(row + fullBytes)));
    store<f32>(output + (j << 2), horizontalSum(sum));
  }
  for (let at: usize = 0; at < units << 2; at += 16) {
    v128.store(output + at, activate(f32x4.add(v128.load(bias + at), v128.load(output + at)), activation, slopes + at));
  }
}

/**
 * One sample's backward pass through the layer's kernel, δ (d MSE / d z) at `g`: per unit, its
 * transposed gradient row += δ_j·a and, if `upstream`, d MSE / d a += δ_j·(its kernel row) into
 * `spare` (whole vectors: `spare` holds the widest layer's units rounded up to a multiple of 4).
 */
@inline export function backwardAcrossInputs(
  inputs: usize, units: usize, kernelT: usize, kernelGradT: usize, input: usize, g: usize, spare: usize, upstream: bool,
): void {
  const strideBytes = transposedStride(inputs) << 2, fullBytes = (inputs & ~3) << 2;
  const last = lastInputBlock(inputs, input);
  if (upstream) for (let at: usize = 0; at < strideBytes; at += 16) v128.store(spare + at, f32x4.splat(0));
  let row = kernelT, gradRow = kernelGradT;
  for (let j: usize = 0; j < units; j++, row += strideBytes, gradRow += strideBytes) {
    const delta = f32x4.splat(load<f32>(g + (j << 2)));
    for (let at: usize = 0; at < fullBytes; at += 16) {
      v128.store(gradRow + at, f32x4.add(v128.load(gradRow + at), f32x4.mul(delta, v128.load(input + at))));
      if (upstream) v128.store(spare + at, f32x4.add(v128.load(spare + at), f32x4.mul(delta, v128.load(row + at))));
    }
    if (fullBytes < strideBytes) {
      v128.store(gradRow + fullBytes, f32x4.add(v128.load(gradRow + fullBytes), f32x4.mul(delta, last)));
      if (upstream) v128.store(spare + fullBytes, f32x4.add(v128.load(spare + fullBytes), f32x4.mul(delta, v128.load(row + fullBytes))));
    }
  }
}
