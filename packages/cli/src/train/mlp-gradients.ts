import * as tf from '../tf.js';

/** A dense layer's variables and activation, as `mlpLayers` reads them off the model. */
export interface DenseLayer {
  readonly kernel: tf.Variable;
  readonly bias: tf.Variable;
  readonly activation: string;
}

/** The MSE at the current weights and its gradient for every variable, keyed by variable name. */
export interface LossAndGradients {
  readonly loss: tf.Scalar;
  readonly grads: tf.NamedTensorMap;
}

/** The dense layers of an MLP made by `buildMlp`, in order. */
export function mlpLayers(model: tf.Sequential): DenseLayer[] {
  return model.layers.map((layer) => {
    const [kernel, bias] = layer.trainableWeights.map((w) => w.read() as tf.Variable);
    const activation = String(layer.getConfig().activation);
    if (kernel === undefined || bias === undefined || !(activation in ACTIVATIONS)) throw new Error(`mlpGradients: unsupported layer ${layer.name}`);
    return { kernel, bias, activation };
  });
}

/**
 * A layer's output h = f(z) and, for the backward pass, f′(z) (null for the identity), computed from
 * the pre-activation z, not from h: 1 − h² and h(1 − h) cancel to exactly 0 once h rounds to ±1 or 1
 * in float32 (tanh at |z| ≳ 9, σ at z ≳ 17), and an output saturated at the wrong extreme then gets a
 * gradient of exactly 0, which Rprop, reading only signs, can never leave (xor.data's ±1 targets stuck
 * at MSE 1 for seeds 1, 3 and 5). σ′(z) = σ(z)·σ(−z) and tanh′(z) = 4·σ(2z)·σ(−2z) stay positive,
 * though tiny, until σ(−|z|) or σ(−2|z|) comes out 0: TF.js's wasm sigmoid returns 0 below −87.3
 * (so σ′ past |z| ≈ 87, tanh′ past |z| ≈ 44), its cpu one below −103.3.
 */
interface Activated {
  readonly h: tf.Tensor;
  readonly derivative: () => tf.Tensor | null;
}

/**
 * tanh, as 2·σ(2z) − 1 on the wasm backend: there TF.js's Tanh kernel is a scalar loop while its
 * Sigmoid is XNNPACK's vectorised one (timed on a loaded machine: 1.9 ms against 0.29 for the four ops
 * over the 57 600 values of a thyroid epoch; an A/B of whole runs on a quiet one: thyroid epochs
 * 25–40 % faster). Within 2e-7 of `tf.tanh` (float32 rounding); FANN computes its symmetric sigmoid
 * by the same formula. Elsewhere `tf.tanh`. The derivative reuses σ(2z) on wasm and needs one more
 * sigmoid, σ(−2z), also XNNPACK's: four element-wise ops where 1 − h² took two, which made a thyroid
 * gradient 8–14 % slower (0.91 → 0.98–1.04 ms, fastest of 8 rounds in one process), 3–6 % of its
 * epoch (2026-11-27; docs/fann-comparison.md).
 */
function tanh(z: tf.Tensor): Activated {
  // tanh′(z) from σ(2z): 4·σ(2z)·σ(−2z).
  const derivativeFrom = (sigmoid2z: tf.Tensor): tf.Tensor => tf.mul(tf.mul(sigmoid2z, tf.sigmoid(tf.mul(z, -2))), 4);
  if (tf.getBackend() !== 'wasm') return { h: tf.tanh(z), derivative: () => derivativeFrom(tf.sigmoid(tf.mul(z, 2))) };
  const sigmoid2z = tf.sigmoid(tf.mul(z, 2));
  return { h: tf.sub(tf.mul(sigmoid2z, 2), 1), derivative: () => derivativeFrom(sigmoid2z) };
}

const ACTIVATIONS: Record<string, (z: tf.Tensor) => Activated> = {
  tanh,
  sigmoid: (z) => {
    const h = tf.sigmoid(z);
    return { h, derivative: () => tf.mul(h, tf.sigmoid(tf.neg(z))) };
  },
  relu: (z) => {
    const h = tf.relu(z);
    return { h, derivative: () => tf.step(h) }; // 1 where z > 0 (h > 0), as TF.js's relu gradient
  },
  linear: (z) => ({ h: z, derivative: () => null }),
};

/**
 * The full-batch MSE loss of an MLP (the mean over samples and outputs of the squared error, as
 * FANN reports it for sigmoid outputs; see `evaluate`) and its gradients, by backpropagation written
 * out for dense layers.
 *
 * Why not `tf.variableGrads`: on TF.js's wasm backend its generic gradients of small full-batch
 * problems cost three times the forward pass: xᵀ·δ and δ·Wᵀ go through transposed matrix
 * multiplies that XNNPACK does not have, and the bias gradients through reductions over the first
 * axis. Here the inputs come transposed once (`xT`), every product is a plain one, and each step is
 * one op. Same numbers as autodiff up to rounding (tested).
 */
export function mlpGradients(layers: readonly DenseLayer[], x: tf.Tensor2D, xT: tf.Tensor2D, y: tf.Tensor2D): LossAndGradients {
  return tf.tidy(() => {
    // Forward, keeping every layer's input (and its transpose) and activation (h, and how to get f′).
    const inputs: tf.Tensor2D[] = [x];
    const inputsT: tf.Tensor2D[] = [xT];
    const outputs: Activated[] = [];
    for (const [i, l] of layers.entries()) {
      const activated = ACTIVATIONS[l.activation]!(tf.add(tf.matMul(inputs[i]!, l.kernel), l.bias));
      const h = activated.h as tf.Tensor2D;
      outputs.push(activated);
      if (i + 1 < layers.length) {
        inputs.push(h);
        inputsT.push(tf.transpose(h));
      }
    }
    const error = tf.sub(outputs.at(-1)!.h, y);
    const loss = tf.mean(tf.square(error)) as tf.Scalar;
    // Backward: δ = ∂loss/∂z per layer, from the last.
    const kernelGrads: tf.Tensor[] = [];
    const biasGrads: tf.Tensor[] = [];
    let upstream: tf.Tensor = tf.mul(error, 2 / error.size); // ∂loss/∂h of the last layer
    const ones = tf.ones([1, x.shape[0]]);
    for (let i = layers.length - 1; i >= 0; i--) {
      const l = layers[i]!;
      const fPrime = outputs[i]!.derivative();
      const delta = (fPrime === null ? upstream : tf.mul(upstream, fPrime)) as tf.Tensor2D;
      kernelGrads[i] = tf.matMul(inputsT[i]!, delta);
      biasGrads[i] = tf.reshape(tf.matMul(ones, delta), l.bias.shape); // column sums, as one product
      if (i > 0) upstream = tf.matMul(delta, tf.transpose(l.kernel));
    }
    // In the model's variable order (kernel, bias, layer by layer), not the order computed in:
    // optimizers keep their slots by the order of the gradients they are given, and a saved model's
    // optimizer is resumed by `model.fit`, whose gradients come in that order. Listing the last layer
    // first, `rprop train --save` saved slots that `fit` refused (shape mismatch) or, where the
    // shapes agreed, applied to the wrong variables.
    const grads: tf.NamedTensorMap = Object.fromEntries(layers.flatMap((l, i) => [[l.kernel.name, kernelGrads[i]!], [l.bias.name, biasGrads[i]!]]));
    return { loss, grads };
  });
}
