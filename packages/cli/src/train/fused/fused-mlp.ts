import { growMemory, instantiateMlpKernel, type MlpKernel } from './fused-kernel.js';
import { planLayout, writeLayerTable, type FusedLayout } from './fused-layout.js';
import { checkShapes } from './fused-shapes.js';

/** A dense layer's activation, as the fused kernel computes it. */
export type FusedActivation = 'tanh' | 'sigmoid' | 'relu' | 'linear';

/** One dense layer: `inputs` → `units`, then the activation. */
export interface FusedLayerShape {
  readonly inputs: number;
  readonly units: number;
  readonly activation: FusedActivation;
}

/** The MSE and the bit-fail count (outputs not within 0.5 of their target, NaN outputs included). */
export interface FusedEvaluation {
  readonly mse: number;
  readonly bitFail: number;
}

/** The training set, row-major, as `Dataset` has it: x is count × inputs values, y count × outputs. */
export interface FusedData {
  readonly count: number;
  readonly inputs: number;
  readonly outputs: number;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
}

/**
 * A dense MLP whose full-batch epoch (the MSE and its gradient for every weight) is a single
 * WebAssembly SIMD call (assembly/mlp-epoch.ts): on small sets that is several times faster than
 * TF.js's per-op dispatch. Weights are in TF.js's layout (per layer: kernel [inputs × units]
 * row-major, then bias [units]), so `model.trainableWeights`' `dataSync()` copies straight in.
 *
 * The MSE is the mean over samples and outputs of (y − t)², each difference in float32, squared and
 * summed in float64; TF.js sums in float32, so the two differ by float32 rounding. Everything else is
 * float32. tanh and the sigmoid use a vectorised exp (relative error under one float32 ulp), and
 * their derivatives come from z through the same exp, so a saturated unit keeps a tiny gradient of
 * the right sign (see assembly/activations.ts).
 * A NaN in a weight, a bias or an input makes the MSE NaN. A pre-activation of ±Infinity (an
 * overflowed sum) saturates tanh and the sigmoid as TF.js's do, and the weights it feeds then get a
 * non-finite gradient (0 · ∞), which the optimizer refuses; see assembly/activations.ts.
 */
export class FusedMlp {
  /**
   * Per TF.js variable, in order [kernel0, bias0, kernel1, bias1, …]: views of the kernel's memory.
   * The caller writes the weights here (and an optimizer steps them in place). Zero at first.
   */
  readonly weights: readonly Float32Array[];
  /** Same shapes and order; written by `lossAndGradients`. */
  readonly grads: readonly Float32Array[];
  private kernel: MlpKernel | null;
  /** Where `evaluate` leaves the bit-fail count. */
  private readonly bitFailSlot: Int32Array;

  private constructor(
    kernel: MlpKernel,
    private readonly layout: FusedLayout,
    private readonly layerCount: number,
    private readonly count: number,
    shapes: readonly FusedLayerShape[],
  ) {
    this.kernel = kernel;
    const buffer = kernel.memory.buffer;
    const view = (at: number, length: number): Float32Array => new Float32Array(buffer, at, length);
    this.weights = Object.freeze(shapes.flatMap((s, k) => [view(layout.layers[k]!.kernel, s.inputs * s.units), view(layout.layers[k]!.bias, s.units)]));
    this.grads = Object.freeze(shapes.flatMap((s, k) => [view(layout.layers[k]!.kernelGrad, s.inputs * s.units), view(layout.layers[k]!.biasGrad, s.units)]));
    this.bitFailSlot = new Int32Array(buffer, layout.bitFail, 1);
  }

  /**
   * Instantiates its own kernel instance (own memory, grown once here so views never detach), copies
   * x and y in (as float32). Throws a clear Error for shapes that don't chain
   * (layers[k].units !== layers[k+1].inputs, first inputs !== data.inputs, last units !== data.outputs),
   * count 0, non-integer or ≤ 0 widths, an unknown activation, x or y of the wrong length, or a
   * network and data too large for WebAssembly's 4 GiB memory.
   */
  static create(layers: readonly FusedLayerShape[], data: FusedData): FusedMlp {
    checkShapes(layers, data);
    const shapes = layers.map(({ inputs, units, activation }) => ({ inputs, units, activation })); // a copy the caller cannot change later
    const kernel = instantiateMlpKernel();
    const layout = planLayout(kernel.heapBase(), shapes, data.count);
    growMemory(kernel, layout.end);
    const buffer = kernel.memory.buffer;
    writeLayerTable(buffer, layout, shapes);
    new Float32Array(buffer, layout.x, data.count * data.inputs).set(data.x);
    new Float32Array(buffer, layout.y, data.count * data.outputs).set(data.y);
    return new FusedMlp(kernel, layout, shapes.length, data.count, shapes);
  }

  /** The MSE at `weights` (a JS number), and d MSE / d w into `grads`. */
  lossAndGradients(): number {
    const { table, x, y, g, spare } = this.layout;
    return this.live('lossAndGradients').lossAndGradients(table, this.layerCount, x, y, this.count, g, spare);
  }

  /** MSE and bit-fail at `weights` on the data given to create. */
  evaluate(): FusedEvaluation {
    const { table, x, y, bitFail } = this.layout;
    const mse = this.live('evaluate').evaluate(table, this.layerCount, x, y, this.count, bitFail);
    return { mse, bitFail: this.bitFailSlot[0]! };
  }

  /**
   * Drops the instance (its memory goes with it, once the caller lets go of `weights` and `grads`);
   * any later call throws a clear Error. Disposing twice is harmless.
   */
  dispose(): void {
    this.kernel = null;
  }

  private live(method: string): MlpKernel {
    if (this.kernel === null) throw new Error(`FusedMlp.${method}: this FusedMlp was disposed; make a new one with FusedMlp.create`);
    return this.kernel;
  }
}
