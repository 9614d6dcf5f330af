import { SGD_DEFAULTS } from './defaults.js';
import { sgd } from '../rules/sgd.js';
import { roundingOf } from '../sign.js';
import type { FloatArray, Parameter, ParamGroup } from '../types.js';
import { flag, nonNegative, unitInterval } from '../validate.js';
import { validateFloat32Group, validateLrFloat32 } from './float32-options.js';
import { Optimizer, type ParamState, type ResolvedGroup } from './optimizer.js';

/** Options of {@link SGD}. */
export interface SGDOptions {
  /** Learning rate: the step is lr times the gradient. Default 0.01. */
  lr: number;
  /** Heavy-ball momentum μ, 0 ≤ μ < 1. Default 0. */
  momentum: number;
  /** Ascend instead of descend. Default false. */
  maximize: boolean;
}

/**
 * Plain gradient descent (with optional momentum), as `torch.optim.SGD`: the magnitude-based
 * baseline that the demo and the playground compare sign-based steps against.
 *
 * @example
 * ```ts
 * const opt = new SGD([param], { lr: 0.1, momentum: 0.9 });
 * opt.step();
 * ```
 */
export class SGD extends Optimizer<SGDOptions> {
  constructor(params: readonly Parameter[] | readonly ParamGroup<SGDOptions>[], options?: Partial<SGDOptions>) {
    super('SGD', params, SGD_DEFAULTS, options);
  }

  protected override validateOptions(o: SGDOptions, where: string, owner: string): void {
    nonNegative(owner, `lr${where}`, o.lr);
    unitInterval(owner, 'momentum', o.momentum, where);
    flag(owner, `maximize${where}`, o.maximize);
    validateFloat32Group(o, owner, where, validateLrFloat32);
  }

  /**
   * As Adam's: a loaded step of −1 became 0 after one step, and the step after re-started the
   * momentum from that gradient, dropping what it had gathered — a continuation no run makes.
   */
  protected override stateValueProblem(key: string, value: number): string | null {
    return key === 'step' && !(Number.isInteger(value) && value >= 0) ? 'must be a whole number of steps ≥ 0' : null;
  }

  protected override initState(p: Parameter): ParamState {
    return { step: 0, momentumBuffer: new (p.data.constructor as Float64ArrayConstructor)(p.data.length) };
  }

  protected override update(p: Parameter, grad: FloatArray, s: ParamState, g: ResolvedGroup<SGDOptions>): void {
    const r = roundingOf(p.data);
    const buffer = g.momentum === 0 ? null : (s.momentumBuffer as FloatArray);
    sgd(p.data, grad, buffer, r(g.lr), r(g.momentum), s.step === 0, g.maximize);
    s.step = (s.step as number) + 1;
  }
}
