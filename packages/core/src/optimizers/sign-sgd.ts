import { SIGN_SGD_DEFAULTS } from './defaults.js';
import { signSgdBatchKernel, signSgdKernel } from '../kernels/relative-kernels.js';
import { StateOffsets } from '../kernels/state-offsets.js';
import { TensorBatch } from '../kernels/tensor-batch.js';
import { signSgd } from '../rules/sign-sgd.js';
import { roundingOf } from '../sign.js';
import type { FloatArray, Parameter, ParamGroup } from '../types.js';
import { flag, nonNegative } from '../validate.js';
import { validateFloat32Group, validateLrFloat32 } from './float32-options.js';
import { Optimizer, type ParamState, type ResolvedGroup } from './optimizer.js';

/** Options of {@link SignSGD}. */
export interface SignSGDOptions {
  /** Step length of every weight, every step. Default 0.001. */
  lr: number;
  /** Ascend instead of descend. Default false. */
  maximize: boolean;
}

/**
 * signSGD (Bernstein et al. 2018): `w ← w − lr·sign(g)`. Stateless; a fixed step per weight, so
 * it suits mini-batches where Rprop's sign test is fooled by gradient noise.
 *
 * @example
 * ```ts
 * const opt = new SignSGD([param], { lr: 1e-3 });
 * opt.step();
 * ```
 */
export class SignSGD extends Optimizer<SignSGDOptions> {
  constructor(params: readonly Parameter[] | readonly ParamGroup<SignSGDOptions>[], options?: Partial<SignSGDOptions>) {
    super('SignSGD', params, SIGN_SGD_DEFAULTS, options);
  }

  protected override validateOptions(o: SignSGDOptions, where: string, owner: string): void {
    nonNegative(owner, `lr${where}`, o.lr);
    flag(owner, `maximize${where}`, o.maximize);
    validateFloat32Group(o, owner, where, validateLrFloat32);
  }

  protected override initState(): ParamState {
    return {};
  }

  /** A group's tensors whose gradient is in the kernels' memory step together (see `TensorBatch`). */
  protected override updateGroup(g: ResolvedGroup<SignSGDOptions>, first: number): void {
    this.updateGroupBatched(g, first, this.noState, 0, this.batch, () => signSgdBatchKernel(Math.fround(g.lr), g.lr, g.maximize));
  }

  /** Operand: g. */
  private readonly batch = new TensorBatch(1);
  /** signSGD keeps no state: no offsets to read. */
  private readonly noState = new StateOffsets([]);

  protected override update(p: Parameter, grad: FloatArray, _s: ParamState, g: ResolvedGroup<SignSGDOptions>, index: number): void {
    const lr = roundingOf(p.data)(g.lr);
    const gradAt = this.stagedGradientAt(index); // the checked copy in the kernels' memory, if staged
    if (!signSgdKernel(p.data, gradAt >= 0 ? gradAt : grad, lr, g.maximize)) signSgd(p.data, grad, lr, g.maximize);
  }
}
