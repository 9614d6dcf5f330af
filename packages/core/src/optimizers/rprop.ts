import { RPROP_DEFAULTS } from './defaults.js';
import { describe } from '../errors.js';
import { rpropConstantsFor, type RpropBuffers } from '../rules/rprop-constants.js';
import { fastRpropStep } from '../kernels/fast-rprop-step.js';
import { kernelHeapFor } from '../kernels/kernel-heap.js';
import { addStateBuffer } from '../kernels/kernel-state.js';
import { TensorBatch } from '../kernels/tensor-batch.js';
import { StateOffsets } from '../kernels/state-offsets.js';
import { rpropBatchKernel, rpropKernelRun } from '../kernels/rprop-kernel.js';
import { VARIANTS, type FloatArray, type Parameter, type ParamGroup, type SerializedParamState, type StateDict, type Variant } from '../types.js';
import { flag, named, nonNegative, oneOf, optionsObject, pair } from '../validate.js';
import { validateFloat32Group, validateRpropFloat32 } from './float32-options.js';
import { Optimizer, type ParamState, type ResolvedGroup } from './optimizer.js';

/** Options of {@link Rprop}. Defaults are `torch.optim.Rprop`'s. */
export interface RpropOptions {
  /**
   * Initial step size Δ₀ (PyTorch's name). Default 0.01. Read once per parameter, when its state is
   * made at its first step: changed later (as a learning-rate schedule changes PyTorch's lr), it
   * changes nothing for parameters that have stepped — their Δ adapt on their own — as in PyTorch.
   */
  lr: number;
  /** [η−, η+]: step-size factors on a sign flip and on a kept sign, 0 < η− < 1 < η+. Default [0.5, 1.2]. */
  etas: readonly [number, number];
  /** [Δmin, Δmax]: bounds of every step size, 0 ≤ Δmin ≤ Δmax. Default [1e-6, 50]. */
  stepSizes: readonly [number, number];
  /** Which Rprop. Default `'irprop-'`, the algorithm of `torch.optim.Rprop`. */
  variant: Variant;
  /**
   * Ascend instead of descend (every gradient is negated first). Default false. The + variants still
   * read the closure's value as a loss — iRprop+ backtracks a flipped weight when it went up — as the
   * published rule and the reference traces do; when maximizing with iRprop+, have the closure return
   * the negated objective. (`minimize` does this itself.)
   */
  maximize: boolean;
}

/** Whether a variant backtracks and so needs the loss and a `prevUpdate` buffer. */
export function isPlusVariant(v: Variant): boolean {
  return v === 'rprop+' || v === 'irprop+';
}

/** Checks Rprop options; messages name the option, the rule and the value. */
export function validateRpropOptions(o: RpropOptions, where = '', owner = 'Rprop'): void {
  optionsObject(owner, o);
  nonNegative(owner, `lr${where}`, o.lr);
  const [etaMinus, etaPlus] = pair(owner, 'etas', o.etas, where);
  if (!(etaMinus > 0 && etaMinus < 1)) {
    throw new RangeError(`${owner}: ${named('etas[0]', 'η−', where)} must satisfy 0 < η− < 1, got ${describe(etaMinus)}`);
  }
  if (!(etaPlus > 1)) throw new RangeError(`${owner}: ${named('etas[1]', 'η+', where)} must satisfy η+ > 1, got ${describe(etaPlus)}`);
  const [stepMin, stepMax] = pair(owner, 'stepSizes', o.stepSizes, where);
  if (!(stepMin >= 0)) throw new RangeError(`${owner}: ${named('stepSizes[0]', 'Δmin', where)} must be ≥ 0, got ${describe(stepMin)}`);
  if (!(stepMin <= stepMax)) {
    throw new RangeError(`${owner}: stepSizes${where} must satisfy Δmin ≤ Δmax, got [${describe(stepMin)}, ${describe(stepMax)}]`);
  }
  oneOf(owner, `variant${where}`, o.variant, VARIANTS);
  flag(owner, `maximize${where}`, o.maximize);
}

/**
 * Rprop, per-weight step sizes driven by the sign of the derivative only, in the four published
 * variants. With default options it is `torch.optim.Rprop` bit for bit (float32 and float64).
 *
 * @example
 * ```ts
 * import { Rprop } from 'rprop';
 * const w = { data: new Float64Array([3, -2]), grad: new Float64Array(2) };
 * const opt = new Rprop([w], { lr: 0.01 });
 * for (let t = 0; t < 100; t++) {
 *   opt.step(() => {
 *     const x = w.data[0]!, y = w.data[1]!;
 *     w.grad.set([0.02 * x, 200 * y]);           // ∂/∂x, ∂/∂y of 0.01x² + 100y²
 *     return 0.01 * x * x + 100 * y * y;
 *   });
 * }
 * ```
 */
export class Rprop extends Optimizer<RpropOptions> {
  /** The loss of the previous step (+ variants); null before the first. iRprop+ compares against it. */
  private prevLoss: number | null = null;
  /** Whether this step's loss exceeds the previous one: iRprop+ reverts flipped weights only then. */
  private lossIncreased = false;

  /**
   * @param params the parameters, or parameter groups whose options override `options`.
   * @param options override {@link RPROP_DEFAULTS} (`torch.optim.Rprop`'s).
   * @throws RangeError (TypeError for a wrong type), naming the option and the value, for an option
   * out of range — for a group with float32 parameters, also once rounded to float32; TypeError for
   * `params` that is empty, holds something other than `{ data: Float32Array | Float64Array, grad }`,
   * or holds a parameter twice.
   */
  constructor(params: readonly Parameter[] | readonly ParamGroup<RpropOptions>[], options?: Partial<RpropOptions>) {
    super('Rprop', params, RPROP_DEFAULTS, options);
  }

  protected override validateOptions(o: RpropOptions, where: string, owner: string): void {
    validateRpropOptions(o, where, owner);
    validateFloat32Group(o, owner, where, validateRpropFloat32);
  }

  private usesLoss(): boolean {
    return this.paramGroups.some((g) => isPlusVariant(g.variant));
  }

  protected override checkStep(loss: number | undefined): void {
    if (!this.usesLoss()) return;
    if (loss === undefined) {
      // Which group, where there are several: the others may well be − groups, which need none.
      const g = this.paramGroups.findIndex((group) => isPlusVariant(group.variant));
      const where = this.paramGroups.length > 1 ? ` (group ${g})` : '';
      throw new TypeError(
        `Rprop.step: the '${this.paramGroups[g]!.variant}' variant${where} needs the loss: call step(closure) with a closure that returns the loss of the current point; nothing was changed`,
      );
    }
    if (Number.isNaN(loss)) throw new RangeError(`Rprop.step: the closure returned a NaN loss; nothing was changed`);
    // −∞ would be the previous loss no later loss can be below, and JSON (stateDict) has no −∞.
    if (loss === -Infinity) throw new RangeError(`Rprop.step: the closure returned a loss of -Infinity, which the + variants cannot compare; nothing was changed`);
  }

  protected override beginStep(loss: number | undefined): void {
    // Ep starts at +∞, so the first step never backtracks.
    this.lossIncreased = loss !== undefined && this.prevLoss !== null && loss > this.prevLoss;
  }

  protected override endStep(loss: number | undefined): void {
    if (loss !== undefined && this.usesLoss()) this.prevLoss = loss;
  }

  /** Laid out buffer by buffer (see `makeStates`); a + group's with a dw. */
  protected override initStates(params: readonly Parameter[], group: ResolvedGroup<RpropOptions>): ParamState[] {
    return makeStates(params, group, isPlusVariant(group.variant), (p) => this.operandOffsets(p));
  }

  protected override initState(p: Parameter, group: ResolvedGroup<RpropOptions>): ParamState {
    return this.initStates([p], group)[0]!;
  }

  /**
   * A − group's saved state may hold a dw: a + step made it and no − step has zeroed it yet (the
   * group was switched, and saved before its next step). Loaded, so that switching back to a + variant
   * first resumes it as an uninterrupted run would.
   */
  protected override loadedStateTemplate(p: Parameter, group: ResolvedGroup<RpropOptions>, saved: SerializedParamState): ParamState {
    return makeStates([p], group, isPlusVariant(group.variant) || saved.prevUpdate !== undefined, (q) => this.operandOffsets(q))[0]!;
  }

  /** A group's tensors whose gradient and state are in the kernels' memory step together (see `TensorBatch`). */
  protected override updateGroup(group: ResolvedGroup<RpropOptions>, first: number): void {
    const plus = isPlusVariant(group.variant);
    if (plus) this.groupsWithoutDw.delete(group);
    else if (!this.groupsWithoutDw.has(group)) this.zeroDw(group, first);
    const needed = plus ? 3 : 2; // gp, Δ (and dw)
    this.updateGroupBatched(group, first, this.stateOffsets, needed, this.batch, () =>
      rpropBatchKernel(group.variant, group.etas, group.stepSizes, group.maximize, this.lossIncreased));
  }

  /**
   * Groups whose states hold no dw but zeros, as a − step of theirs left them. A − step neither reads
   * nor writes dw, so after one the dw left from before is not the last change of its weight any more:
   * a group switched back to a + variant would take it back on the next sign flip. Zeroing it at the
   * group's first − step makes + → − → + start dw at 0, as − → + does (see `update`); remembering
   * which groups are done keeps every other − step free of that check. A group is done only once seen:
   * one put in `paramGroups` in place of another (`{ ...group, variant: 'irprop-' }`), or whose
   * parameters came from another group, may hold a dw, and so may loaded states.
   */
  private groupsWithoutDw = new WeakSet<object>();

  /** Zeroes the dw of every state of `group` (whose first parameter has index `first`). */
  private zeroDw(group: ResolvedGroup<RpropOptions>, first: number): void {
    for (let j = 0; j < group.params.length; j++) {
      // Every parameter's, stepping now or not: "after a − step of its group, dw is 0" stays one rule.
      const dw = (this.stateAt(first + j) as ParamState | undefined)?.prevUpdate;
      if (dw !== undefined) (dw as FloatArray).fill(0);
    }
    this.groupsWithoutDw.add(group);
  }

  /** Operands: g, gp, Δ, dw. */
  private readonly batch = new TensorBatch(4);

  protected override update(p: Parameter, grad: FloatArray, state: ParamState, group: ResolvedGroup<RpropOptions>, index: number): void {
    const plus = isPlusVariant(group.variant);
    const offsets = this.stateOffsets;
    offsets.sync(state, index);
    if (plus && offsets.at(index, 2) < 0 && state.prevUpdate === undefined) {
      // A group switched to a + variant after its state was made has no dw yet: start it at 0.
      addStateBuffer(state as Record<string, FloatArray>, 'prevUpdate', p.data, p.data.length, this.operandOffsets(p));
      offsets.refresh(state, index);
      grad = p.grad ?? grad; // the allocation may have grown the kernels' memory: re-view resident buffers
    }
    const param = p.data;
    const c = rpropConstantsFor(param, group.etas, group.stepSizes, group.maximize);
    const prevAt = offsets.at(index, 0), stepAt = offsets.at(index, 1), dwAt = offsets.at(index, 2);
    const resident = prevAt >= 0 && stepAt >= 0 && (!plus || dwAt >= 0);
    if (resident && kernelHeapFor(param) !== null) {
      // The state by offset, the gradient by its staged copy where there is one: no views touched.
      const gradAt = this.stagedGradientAt(index);
      if (rpropKernelRun(group.variant, param, gradAt >= 0 ? gradAt : grad, prevAt, stepAt, plus ? dwAt : undefined, c, this.lossIncreased)) return;
    }
    const b: RpropBuffers = {
      param,
      grad,
      prev: state.prev as FloatArray,
      stepSize: state.stepSize as FloatArray,
      prevUpdate: plus ? (state.prevUpdate as FloatArray) : undefined,
    };
    fastRpropStep(group.variant, b, c, this.lossIncreased);
  }

  /** Where each parameter's gp, Δ and dw live in the kernels' memory. */
  private readonly stateOffsets = new StateOffsets(['prev', 'stepSize', 'prevUpdate']);

  protected override statesReplaced(): void {
    this.stateOffsets.clear();
    // Loaded states may hold a dw (a − group's too, see `loadedStateTemplate`): the next − step zeroes it.
    this.groupsWithoutDw = new WeakSet();
  }

  /** A parameter may have come from a + group, with its dw: the next − step of its group zeroes it. */
  protected override paramsEdited(): void {
    this.groupsWithoutDw = new WeakSet();
  }

  /**
   * As `Optimizer.stateDict`, with a dw of zeros for every state of a + group that has none yet (the
   * group was switched from a − variant since its last step): the dw its next step starts from (see
   * `update`), and a + group's saved state must hold one to load.
   */
  override stateDict(): StateDict<RpropOptions> & Record<string, unknown> {
    const sd = super.stateDict();
    let index = 0;
    for (const group of this.paramGroups) {
      for (let j = 0; j < group.params.length; j++, index++) {
        const saved = sd.state[String(index)];
        if (saved !== undefined && saved.prevUpdate === undefined && isPlusVariant(group.variant)) {
          saved.prevUpdate = (saved.prev as number[]).map(() => 0);
        }
      }
    }
    return sd;
  }

  protected override stateValueProblem(key: string, value: number): string | null {
    return key === 'stepSize' && value < 0 ? 'must hold step sizes ≥ 0' : null;
  }

  /** A step size of −0 becomes +0: steps never make one, and the kernels count on Δ ≥ +0. */
  protected override normalizeStateValue(key: string, value: number): number {
    return key === 'stepSize' ? value + 0 : value;
  }

  protected override extraState(): Record<string, number | null> {
    return { prevLoss: this.prevLoss };
  }

  /** No step leaves a previous loss of −∞: the + variants refuse such a loss, as they could not compare it. */
  protected override extraStateProblem(key: string, value: number): string | null {
    return key === 'prevLoss' && value === -Infinity ? 'cannot be -Infinity (a step refuses that loss)' : null;
  }

  protected override loadExtraState(extra: Record<string, number | null>): void {
    this.prevLoss = extra.prevLoss ?? null;
  }
}

/**
 * Fresh states for `params` (of one group): gp zeroed, Δ at the group's lr, and a zeroed dw if
 * `withDw`. Buffer by buffer rather than parameter by parameter: all the Δs of a group's new
 * parameters lie one after another in the kernels' memory (when they run), and so do their gp (and
 * dw), so a step over many small tensors reads a few long streams instead of many short ones.
 */
function makeStates(params: readonly Parameter[], group: ResolvedGroup<RpropOptions>, withDw: boolean, avoid: (p: Parameter) => number[]): ParamState[] {
  const names = withDw ? ['prev', 'stepSize', 'prevUpdate'] : ['prev', 'stepSize'];
  const states = params.map(() => ({}) as Record<string, FloatArray>);
  const operands = params.map(avoid);
  for (const name of names) params.forEach((p, i) => addStateBuffer(states[i]!, name, p.data, p.data.length, operands[i]));
  for (const state of states) state.stepSize!.fill(group.lr + 0); // + 0: an lr of −0 starts at +0
  return states;
}
