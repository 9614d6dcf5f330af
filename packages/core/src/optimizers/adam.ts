import { ADAM_DEFAULTS } from './defaults.js';
import { adam } from '../rules/adam.js';
import type { FloatArray, Parameter, ParamGroup } from '../types.js';
import { flag, nonNegative, pair, positive, unitInterval } from '../validate.js';
import { validateAdamFloat32, validateFloat32Group } from './float32-options.js';
import { Optimizer, type ParamState, type ResolvedGroup } from './optimizer.js';

/** Options of {@link Adam}. */
export interface AdamOptions {
  /** Learning rate. Default 0.001. */
  lr: number;
  /** [β1, β2]: decay of the first and second moment estimates. Default [0.9, 0.999]. */
  betas: readonly [number, number];
  /** Added to the denominator for stability. Default 1e-8. */
  eps: number;
  /** Ascend instead of descend. Default false. */
  maximize: boolean;
}

/**
 * Adam (Kingma & Ba 2015), as `torch.optim.Adam`: the magnitude-normalising baseline.
 *
 * @example
 * ```ts
 * const opt = new Adam([param], { lr: 1e-3 });
 * opt.step();
 * ```
 */
export class Adam extends Optimizer<AdamOptions> {
  constructor(params: readonly Parameter[] | readonly ParamGroup<AdamOptions>[], options?: Partial<AdamOptions>) {
    super('Adam', params, ADAM_DEFAULTS, options);
  }

  protected override validateOptions(o: AdamOptions, where: string, owner: string): void {
    nonNegative(owner, `lr${where}`, o.lr);
    const [b1, b2] = pair(owner, 'betas', o.betas, where);
    unitInterval(owner, 'betas[0]', b1, where);
    unitInterval(owner, 'betas[1]', b2, where);
    positive(owner, `eps${where}`, o.eps);
    flag(owner, `maximize${where}`, o.maximize);
    validateFloat32Group(o, owner, where, validateAdamFloat32);
  }

  /**
   * A step count is a whole number ≥ 0; a second moment, an average of squares, is ≥ 0 — loaded
   * negative, the next step took its square root and wrote NaN into the weight, unrefused.
   */
  protected override stateValueProblem(key: string, value: number): string | null {
    if (key === 'step' && !(Number.isInteger(value) && value >= 0)) return 'must be a whole number of steps ≥ 0';
    return key === 'expAvgSq' && value < 0 ? 'must hold averages of squares, ≥ 0' : null;
  }

  protected override initState(p: Parameter): ParamState {
    const Ctor = p.data.constructor as Float64ArrayConstructor;
    return { step: 0, expAvg: new Ctor(p.data.length), expAvgSq: new Ctor(p.data.length) };
  }

  protected override update(p: Parameter, grad: FloatArray, s: ParamState, g: ResolvedGroup<AdamOptions>): void {
    const step = (s.step as number) + 1;
    // As given: the rule rounds each constant to the buffer's precision where PyTorch does.
    adam(p.data, grad, s.expAvg as FloatArray, s.expAvgSq as FloatArray, {
      lr: g.lr,
      beta1: g.betas[0],
      beta2: g.betas[1],
      eps: g.eps,
      step,
      maximize: g.maximize,
    });
    s.step = step;
  }
}
