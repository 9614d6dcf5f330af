/** Which code computes full-batch epochs: TF.js ops (the default), or one WebAssembly call each. */
export type EngineName = 'tfjs' | 'fused';
/** Every `--engine` choice, the default first. */
export const ENGINES: readonly EngineName[] = ['tfjs', 'fused'];

/** MSE and bit-fail count (outputs not within 0.5 of their target) at some weights, as `evaluate` gives them. */
export interface Evaluation {
  readonly mse: number;
  readonly bitFail: number;
}

/**
 * What full-batch training asks of whatever computes its epochs: the training MSE and its gradient at
 * the current weights, one optimizer step from there, the progress bar's figures, and at the end the
 * trained weights in the TF.js model (which is evaluated, tested and saved). Two engines do it: TF.js
 * ops with the `rprop-tfjs` optimizer (`tfjsFullBatch`), and one WebAssembly call per epoch with the
 * core's Rprop (`fusedFullBatch`, `--engine fused`).
 */
export interface FullBatchEngine {
  /** The training set's MSE at the current weights; its gradient is kept for `step`. */
  lossAndGradient(): number;
  /**
   * One optimizer step with the gradient the last `lossAndGradient` kept, from the point whose MSE
   * it returned (`mse`: the + variants compare it with the previous step's). A gradient holding NaN
   * or ±Infinity is refused with a `NonFiniteGradientError`, nothing changed.
   */
  step(mse: number): void;
  /** Frees what the last `lossAndGradient` kept, whether or not a step followed. */
  release(): void;
  /** MSE and bit-fail at the current weights (a forward pass): the progress bar's figures. */
  evaluate(): Evaluation;
  /**
   * Leaves the trained weights, and the optimizer's state for `--save`, in the TF.js model and its
   * optimizer, and frees the engine's own memory. Called once, after the last epoch, also when
   * training stopped by divergence. (A run that throws drops the engine unfinished; what it holds is
   * garbage-collected memory.)
   */
  finish(): Promise<void>;
}
