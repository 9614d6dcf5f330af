// A dense MLP's full-batch MSE, bit-fail count and gradient in float64 plain JS, written from the math
// (not from the fused kernel): the reference the kernel's float32 results are checked against.

/** A layer as the reference takes it: activation by name, weights in TF.js's dense layout. */
export interface ReferenceLayer {
  readonly inputs: number;
  readonly units: number;
  readonly activation: 'tanh' | 'sigmoid' | 'relu' | 'linear';
}

/** What the reference computes, in float64. */
export interface ReferenceEpoch {
  readonly mse: number;
  readonly bitFail: number;
  /** d MSE / d w per variable, [kernel0, bias0, kernel1, bias1, …] as the kernel orders them. */
  readonly grads: Float64Array[];
  /**
   * The largest element of the same backpropagation run on absolute values, from |y| + |t| instead of
   * y − t (|a|, |K|, |f′|): how large the numbers that make a gradient element get before they cancel
   * — in y − t, in the sums over units and over samples. Float32 rounding errors scale with it, not
   * with the (possibly cancelled) gradient itself.
   */
  readonly gradientMagnitude: number;
  /**
   * The mean over samples and outputs of 2|y − t|·(|y| + |t|): how much the MSE moves, to first
   * order, when each y − t is off by a relative rounding error of |y| + |t| (the size of what it subtracts).
   */
  readonly mseMagnitude: number;
  /** Every output's |y − t|, sample by sample: for telling near-threshold bit-fails apart. */
  readonly errors: number[];
}

type Data = { count: number; inputs: number; outputs: number; x: ArrayLike<number>; y: ArrayLike<number> };

const F: Record<ReferenceLayer['activation'], (z: number) => number> = {
  tanh: Math.tanh,
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  relu: (z) => Math.max(z, 0),
  linear: (z) => z,
};

/**
 * f′(z), from z: tanh′ = 4·σ(2z)·σ(−2z), σ′ = σ(z)·σ(−z), relu′ = 1 for z > 0 (else 0, as TF.js),
 * linear′ = 1. Not 1 − tanh² or σ(1 − σ), which cancel to exactly 0 once tanh or σ rounds to ±1 or 1
 * (|z| ≳ 19 and z ≳ 37 in float64): the reference keeps the true, tiny derivative of a saturated unit.
 */
const F_PRIME: Record<ReferenceLayer['activation'], (z: number) => number> = {
  tanh: (z) => 4 * F.sigmoid(2 * z) * F.sigmoid(-2 * z),
  sigmoid: (z) => F.sigmoid(z) * F.sigmoid(-z),
  relu: (z) => (z > 0 ? 1 : 0),
  linear: () => 1,
};

/**
 * Loss E = (1 / (count·outputs)) Σ_samples Σ_outputs (y − t)², z_j = b_j + Σ_i a_i·K[i·units + j],
 * a = f(z); backpropagation: ∂E/∂y = 2(y − t)/(count·outputs), δ = ∂E/∂a ⊙ f′(z),
 * ∂E/∂K[i, j] = Σ a_i·δ_j, ∂E/∂b_j = Σ δ_j, ∂E/∂a_i (layer below) = Σ_j δ_j·K[i, j].
 */
export function referenceEpoch(layers: readonly ReferenceLayer[], weights: readonly ArrayLike<number>[], data: Data): ReferenceEpoch {
  const grads = weights.map((w) => new Float64Array(w.length));
  const magnitudes = weights.map((w) => new Float64Array(w.length));
  const errors: number[] = [];
  let sse = 0;
  let mseMagnitude = 0;
  let bitFail = 0;
  const n = data.count * data.outputs;
  for (let k = 0; k < data.count; k++) {
    const { inputs, zs } = forward(layers, weights, Array.from({ length: data.inputs }, (_, i) => data.x[k * data.inputs + i]!));
    const y = inputs[layers.length]!;
    const diffs = y.map((yo, o) => yo - data.y[k * data.outputs + o]!);
    diffs.forEach((diff, o) => {
      sse += diff * diff;
      mseMagnitude += 2 * Math.abs(diff) * (Math.abs(y[o]!) + Math.abs(data.y[k * data.outputs + o]!));
      errors.push(Math.abs(diff));
      if (!(Math.abs(diff) < 0.5)) bitFail++;
    });
    backward(layers, weights, inputs, zs, diffs.map((diff) => (2 * diff) / n), grads, (v) => v);
    const before = y.map((yo, o) => (2 * (Math.abs(yo) + Math.abs(data.y[k * data.outputs + o]!))) / n);
    backward(layers, weights, inputs, zs, before, magnitudes, Math.abs);
  }
  const gradientMagnitude = Math.max(...magnitudes.flatMap((m) => Array.from(m)));
  return { mse: sse / n, bitFail, grads, gradientMagnitude, mseMagnitude: mseMagnitude / n, errors };
}

/** One sample's forward pass: every layer's input (the last entry: the network's output) and pre-activation. */
function forward(layers: readonly ReferenceLayer[], weights: readonly ArrayLike<number>[], x: number[]): { inputs: number[][]; zs: number[][] } {
  const inputs = [x];
  const zs: number[][] = [];
  layers.forEach((l, li) => {
    const K = weights[2 * li]!;
    const b = weights[2 * li + 1]!;
    const a = inputs[li]!;
    const z = Array.from({ length: l.units }, (_, j) => {
      let s = b[j]!;
      for (let i = 0; i < l.inputs; i++) s += a[i]! * K[i * l.units + j]!;
      return s;
    });
    zs.push(z);
    inputs.push(z.map(F[l.activation]));
  });
  return { inputs, zs };
}

/** One sample's backward pass from ∂E/∂y = `dy`, adding into `into`; every factor goes through `m` (identity, or |·|). */
function backward(
  layers: readonly ReferenceLayer[], weights: readonly ArrayLike<number>[], inputs: number[][], zs: number[][],
  dy: number[], into: Float64Array[], m: (v: number) => number,
): void {
  let upstream = dy.map(m);
  for (let li = layers.length - 1; li >= 0; li--) {
    const l = layers[li]!;
    const K = weights[2 * li]!;
    const delta = upstream.map((g, j) => g * m(F_PRIME[l.activation](zs[li]![j]!)));
    const a = inputs[li]!;
    const kernelGrad = into[2 * li]!;
    const biasGrad = into[2 * li + 1]!;
    for (let j = 0; j < l.units; j++) {
      biasGrad[j] = biasGrad[j]! + delta[j]!;
      for (let i = 0; i < l.inputs; i++) kernelGrad[i * l.units + j] = kernelGrad[i * l.units + j]! + m(a[i]!) * delta[j]!;
    }
    upstream = Array.from({ length: l.inputs }, (_, i) => delta.reduce((s, d, j) => s + d * m(K[i * l.units + j]!), 0));
  }
}
