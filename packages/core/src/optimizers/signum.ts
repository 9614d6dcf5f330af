import { SIGNUM_DEFAULTS } from './defaults.js';
import { signumBatchKernel, signumKernel, type SignumConstants } from '../kernels/relative-kernels.js';
import { signum } from '../rules/signum.js';
import { roundingOf } from '../sign.js';
import type { FloatArray, Parameter, ParamGroup } from '../types.js';
import { flag, nonNegative, optionsObject, unitInterval } from '../validate.js';
import { validateFloat32Group, validateSignumFloat32 } from './float32-options.js';
import { MomentumSignOptimizer } from './momentum-sign-optimizer.js';
import type { ParamState, ResolvedGroup } from './optimizer.js';

/** Options of {@link Signum}. */
export interface SignumOptions {
  /** Step length of every weight, every step. Default 0.001. */
  lr: number;
  /** Momentum β, 0 ≤ β < 1. Default 0.9. */
  beta: number;
  /** Ascend instead of descend. Default false. */
  maximize: boolean;
}

/** Checks Signum options; messages name `owner`, the option, the rule and the value. */
export function validateSignumOptions(o: SignumOptions, where = '', owner = 'Signum'): void {
  optionsObject(owner, o);
  nonNegative(owner, `lr${where}`, o.lr);
  unitInterval(owner, 'beta', o.beta, where);
  flag(owner, `maximize${where}`, o.maximize);
}

/**
 * Signum (Bernstein et al. 2018): signSGD on a momentum average, `m ← β·m + (1−β)·g;
 * w ← w − lr·sign(m)`. The average filters mini-batch noise out of the sign.
 *
 * @example
 * ```ts
 * const opt = new Signum([param], { lr: 1e-3, beta: 0.9 });
 * opt.step();
 * ```
 */
export class Signum extends MomentumSignOptimizer<SignumOptions> {
  constructor(params: readonly Parameter[] | readonly ParamGroup<SignumOptions>[], options?: Partial<SignumOptions>) {
    super('Signum', params, SIGNUM_DEFAULTS, options);
  }

  protected override validateOptions(o: SignumOptions, where: string, owner: string): void {
    validateSignumOptions(o, where, owner);
    validateFloat32Group(o, owner, where, validateSignumFloat32);
  }

  /** A group's tensors whose gradient and momentum are in the kernels' memory step together (see `TensorBatch`). */
  protected override updateGroup(g: ResolvedGroup<SignumOptions>, first: number): void {
    const constants = (r: (x: number) => number): SignumConstants => ({ lr: r(g.lr), beta: r(g.beta), oneMinusBeta: r(1 - g.beta) });
    this.updateGroupBatched(g, first, this.stateOffsets, 1, this.batch, () =>
      signumBatchKernel(constants(Math.fround), constants((x) => x), g.maximize));
  }

  protected override update(p: Parameter, grad: FloatArray, s: ParamState, g: ResolvedGroup<SignumOptions>, index: number): void {
    const r = roundingOf(p.data);
    const args = [s.momentum as FloatArray, r(g.lr), r(g.beta), r(1 - g.beta), g.maximize] as const;
    const gradAt = this.stagedGradientAt(index); // the checked copy in the kernels' memory, if staged
    if (!signumKernel(p.data, gradAt >= 0 ? gradAt : grad, ...args)) signum(p.data, grad, ...args);
  }
}
