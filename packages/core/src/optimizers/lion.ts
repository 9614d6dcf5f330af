import { LION_DEFAULTS } from './defaults.js';
import { lionBatchKernel, lionKernel } from '../kernels/relative-kernels.js';
import { lion, type LionConstants } from '../rules/lion.js';
import { roundingOf } from '../sign.js';
import type { FloatArray, Parameter, ParamGroup } from '../types.js';
import { flag, nonNegative, optionsObject, pair, unitInterval } from '../validate.js';
import { validateFloat32Group, validateLionFloat32 } from './float32-options.js';
import { MomentumSignOptimizer } from './momentum-sign-optimizer.js';
import type { ParamState, ResolvedGroup } from './optimizer.js';

/** Options of {@link Lion}. */
export interface LionOptions {
  /** Step length. Default 1e-4 (Lion wants a 3–10× smaller lr than AdamW). */
  lr: number;
  /** [β1, β2]: interpolation for the update direction and for the momentum. Default [0.9, 0.99]. */
  betas: readonly [number, number];
  /** Decoupled weight decay λ. Default 0. */
  weightDecay: number;
  /** Ascend instead of descend. Default false. */
  maximize: boolean;
}

/** Checks Lion options; messages name `owner`, the option, the rule and the value. */
export function validateLionOptions(o: LionOptions, where = '', owner = 'Lion'): void {
  optionsObject(owner, o);
  nonNegative(owner, `lr${where}`, o.lr);
  const [b1, b2] = pair(owner, 'betas', o.betas, where);
  unitInterval(owner, 'betas[0]', b1, where);
  unitInterval(owner, 'betas[1]', b2, where);
  nonNegative(owner, `weightDecay${where}`, o.weightDecay);
  flag(owner, `maximize${where}`, o.maximize);
}

/**
 * Lion (Chen et al. 2023): `c = β1·m + (1−β1)·g; w ← w − lr·(sign(c) + λ·w); m ← β2·m + (1−β2)·g`.
 *
 * @example
 * ```ts
 * const opt = new Lion([param], { lr: 1e-4, betas: [0.9, 0.99], weightDecay: 0.01 });
 * opt.step();
 * ```
 */
export class Lion extends MomentumSignOptimizer<LionOptions> {
  constructor(params: readonly Parameter[] | readonly ParamGroup<LionOptions>[], options?: Partial<LionOptions>) {
    super('Lion', params, LION_DEFAULTS, options);
  }

  protected override validateOptions(o: LionOptions, where: string, owner: string): void {
    validateLionOptions(o, where, owner);
    validateFloat32Group(o, owner, where, validateLionFloat32);
  }

  /** A group's tensors whose gradient and momentum are in the kernels' memory step together (see `TensorBatch`). */
  protected override updateGroup(g: ResolvedGroup<LionOptions>, first: number): void {
    this.updateGroupBatched(g, first, this.stateOffsets, 1, this.batch, () =>
      lionBatchKernel(lionConstants(g, Math.fround), lionConstants(g, (x) => x)));
  }

  protected override update(p: Parameter, grad: FloatArray, s: ParamState, g: ResolvedGroup<LionOptions>, index: number): void {
    const c = lionConstants(g, roundingOf(p.data));
    const gradAt = this.stagedGradientAt(index); // the checked copy in the kernels' memory, if staged
    if (!lionKernel(p.data, gradAt >= 0 ? gradAt : grad, s.momentum as FloatArray, c)) lion(p.data, grad, s.momentum as FloatArray, c);
  }
}

/** A group's options as Lion's constants, rounded by `r` (to a buffer's precision). */
function lionConstants(g: LionOptions, r: (x: number) => number): LionConstants {
  const [b1, b2] = g.betas;
  return {
    lr: r(g.lr),
    beta1: r(b1),
    oneMinusBeta1: r(1 - b1),
    beta2: r(b2),
    oneMinusBeta2: r(1 - b2),
    weightDecay: r(g.weightDecay),
    maximize: g.maximize,
  };
}
