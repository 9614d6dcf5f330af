import { withoutUndefined } from '../defined.js';
import { describe, parameterLabel } from '../errors.js';
import { stageGradients, type StagedGradients } from '../kernels/gradient-stage.js';
import { overlappingArrays, type ApartMemo } from './overlapping-arrays.js';
import { kernelHeap } from '../kernels/kernel-heap.js';
import { placeStateApart, releaseOptimizerState } from '../kernels/kernel-state.js';
import { ResidentParameter, type Dtype } from '../kernels/resident.js';
import type { StateOffsets } from '../kernels/state-offsets.js';
import type { BatchKernel, TensorBatch } from '../kernels/tensor-batch.js';
import type { Closure, FloatArray, Parameter, ParamGroup, SerializedParamState, StateDict } from '../types.js';
import type { NonFiniteGradientError } from '../non-finite-gradient-error.js';
import { refuseMisspeltOptions, refuseUnknownOptions } from '../unknown-options.js';
import { checkParameter, isGroupList } from './given-params.js';
import { checkedGradients, checkFinite } from './gradient-checks.js';
import { checkedLoadedState } from './loaded-state.js';
import { savedOptions } from './saved-options.js';
import { withOwnArrays } from './own-arrays.js';
import { ParameterStates, type ParamState } from './parameter-states.js';
import { settable } from './settable.js';

export type { ParamState } from './parameter-states.js';

/**
 * A parameter group with every option filled in (group values over optimizer-wide defaults), and the
 * caller's own keys as given (see `ParamGroup`).
 */
export type ResolvedGroup<O> = { params: Parameter[] } & O & { [key: string]: unknown };

/**
 * The shape every optimizer here shares with `torch.optim.Optimizer`: parameter groups with defaults
 * filled in, lazily created per-parameter state, `step(closure)`, `zeroGrad()` and
 * `stateDict()`/`loadStateDict()`. Subclasses supply the options' defaults and checks, the state a
 * parameter needs, and the update rule.
 *
 * Constructors throw a TypeError or RangeError naming the option or parameter they cannot use.
 *
 * A step is atomic: every gradient is checked (type, length, no NaN or ±Infinity) before anything
 * is written, so a refused step leaves parameters and state exactly as they were. (The check is a
 * separate pass, not fused into the update kernels: a kernel that found a bad value in the tenth
 * parameter could not take back the nine it had updated.)
 */
export abstract class Optimizer<O extends object> {
  /**
   * The parameter groups, each with all options resolved. Options may be changed between steps, and
   * a group's `params` edited: a parameter keeps its state wherever it moves, and one new to the
   * optimizer starts afresh at its first step.
   */
  readonly paramGroups: ResolvedGroup<O>[];
  /** Per-parameter state, created on the parameter's first step with a gradient. */
  private readonly states = new ParameterStates();
  /** The optimizer's name in error messages. */
  protected readonly owner: string;
  /** The names of its options (its defaults' keys): a loaded group must have exactly these. */
  private readonly optionNames: readonly string[];

  protected constructor(
    owner: string,
    params: readonly Parameter[] | readonly ParamGroup<O>[],
    defaults: O,
    options: Partial<O> | undefined,
  ) {
    this.owner = owner;
    if (!Array.isArray(params) || params.length === 0) {
      throw new TypeError(`${owner}: params must be a non-empty array of parameters or parameter groups, got ${describe(params)}`);
    }
    const known = Object.keys(defaults);
    this.optionNames = known;
    refuseUnknownOptions(owner, options ?? {}, known);
    // Arrays copied: `addParamGroup` gives these later, and the caller may since have changed its own
    // `etas` array in place (reused for another optimizer, say).
    this.groupDefaults = withOwnArrays({ ...defaults, ...withoutUndefined(options ?? {}) }) as O;
    const groups = isGroupList(params) ? params : [{ params: params as Parameter[] } as ParamGroup<O>];
    const seen = new Set<Parameter>();
    let index = 0;
    this.paramGroups = groups.map((group, g) => {
      const resolved = this.resolveGroup(group, g, seen, index, g === 0 && groups.length === 1 ? '' : ` (group ${g})`, owner);
      index += resolved.params.length;
      return resolved;
    });
  }

  /** The options a group leaves out take: the defaults overridden by the constructor's options. */
  private readonly groupDefaults: O;

  /**
   * Checks group `g` and fills in its options. `seen` holds the parameters of the groups before it
   * (it gains this group's); `first` is the index of its first parameter over all groups; `where`
   * goes after an option's name in a message; `context` starts every message.
   */
  private resolveGroup(group: ParamGroup<O>, g: number, seen: Set<Parameter>, first: number, where: string, context: string): ResolvedGroup<O> {
    if (typeof group !== 'object' || group === null) throw new TypeError(`${context}: group ${g} must be { params: Parameter[], ...options }, got ${describe(group)}`);
    const { params: ps, ...overrides } = group;
    refuseMisspeltOptions(context, overrides, this.optionNames, ` in group ${g}`);
    if (!Array.isArray(ps)) {
      const parameter = ps === undefined && 'data' in group ? ' — it is a parameter ({ data, grad }): give a list of parameters or a list of groups, not both' : '';
      throw new TypeError(`${context}: group ${g} must have params: Parameter[], got ${describe(ps)}${parameter}`);
    }
    // The parameters first: the float32 checks of the options read every parameter's data.
    let index = first;
    for (const p of ps) {
      checkParameter(context, p, index);
      if (seen.has(p)) throw new TypeError(`${context}: ${parameterLabel(index, p.name)} appears more than once`);
      seen.add(p);
      index++;
    }
    const resolved = { ...withOwnArrays({ ...this.groupDefaults, ...withoutUndefined(overrides as Partial<O>) }), params: [...ps] } as ResolvedGroup<O>;
    this.validateOptions(resolved, where, context);
    return resolved;
  }

  /**
   * Adds a parameter group, as PyTorch's `add_param_group` (to train layers unfrozen later, say):
   * options it leaves out take the values the optimizer was made with, and its parameters' indices
   * (in `stateDict`, in messages) follow those of the groups before it. Checked as the constructor
   * checks a group — refused, changing nothing, for a parameter already in the optimizer, a misspelt
   * option or an option out of range. A `stateDict` saved before the group was added no longer loads
   * (it has a group fewer), as in PyTorch.
   *
   * @example
   * ```ts
   * const opt = new Rprop([encoder]);
   * // …later, train the head too, with a larger first step:
   * opt.addParamGroup({ params: [head], lr: 0.05 });
   * ```
   */
  addParamGroup(group: ParamGroup<O>): void {
    const context = `${this.owner}.addParamGroup`;
    this.checkNotDisposed(context);
    this.indexParams('addParamGroup'); // the groups as edited since, checked as a step checks them
    // Where each parameter already is, so one given again is named by its place, not just refused.
    const placed = new Map<Parameter, { index: number; group: number }>();
    this.paramGroups.forEach((g, k) => g.params.forEach((p) => placed.set(p, { index: placed.size, group: k })));
    const ps: unknown = (group as { params?: unknown } | null)?.params;
    for (const p of Array.isArray(ps) ? (ps as Parameter[]) : []) {
      const at = placed.get(p);
      if (at !== undefined) throw new TypeError(`${context}: ${parameterLabel(at.index, p.name)} is already in group ${at.group}`);
    }
    if (!Object.isExtensible(this.paramGroups)) throw new TypeError(`${context}: paramGroups cannot take another group (the array is frozen or sealed); nothing was changed`);
    const g = this.paramGroups.length;
    this.paramGroups.push(this.resolveGroup(group, g, new Set(placed.keys()), placed.size, ` (group ${g})`, context));
  }

  /**
   * A parameter of `length` zeros allocated in the kernels' WebAssembly memory, with its gradient:
   * steps on it (and on its optimizer state, also made there) run in place and copy nothing.
   * For large models; read `data`/`grad` afresh when you use them (see {@link ResidentParameter}).
   *
   * @example
   * ```ts
   * const w = Rprop.allocate(1_000_000);          // float32
   * const opt = new Rprop([w]);
   * w.grad!.set(gradient);                        // fill in place
   * opt.step();
   * ```
   */
  static allocate(length: number, dtype: Dtype = 'float32', name?: string): ResidentParameter {
    return new ResidentParameter(length, dtype, name);
  }

  /**
   * Throws if an option is out of range; `where` is appended to the option's name in the message, and
   * `owner` starts it: the optimizer's name in its constructor, `Rprop.step`, `Rprop.addParamGroup` or
   * `Rprop.loadStateDict` in those methods, so a refusal says which call it came from.
   */
  protected abstract validateOptions(options: O, where: string, owner: string): void;

  /** Fresh state for a parameter, made on its first step. */
  protected abstract initState(param: Parameter, group: ResolvedGroup<O>): ParamState;

  /**
   * Applies the rule to one parameter with a checked gradient. `index` is the parameter's position
   * over all groups (stable while the optimizer lives), for caches kept per parameter.
   */
  protected abstract update(param: Parameter, grad: FloatArray, state: ParamState, group: ResolvedGroup<O>, index: number): void;

  /** Called with the closure's loss after the gradients are checked and before any update. */
  protected beginStep(_loss: number | undefined): void {}

  /** Called after every update of a step. */
  protected endStep(_loss: number | undefined): void {}

  /** Throws before anything changes if this step cannot run (e.g. a + variant without a loss). */
  protected checkStep(_loss: number | undefined): void {}

  /**
   * One optimisation step. `closure`, if given, is called first: it returns the loss at the current
   * point and may fill the gradients. Parameters whose `grad` is null are skipped.
   * Returns the closure's loss.
   *
   * @throws changing nothing: a {@link NonFiniteGradientError} (a RangeError) for a gradient holding
   * NaN or ±Infinity; a RangeError or TypeError for an option changed since construction to a value
   * the constructor would refuse, or a misspelt option set on a group since (before the closure is
   * called, and again after it, for an option the closure changed), a gradient of another type or
   * length than its parameter, a parameter whose array changed length or type since its state was
   * made, a `paramGroups` entry edited into something other than a group or a group's `params` into a
   * list holding a non-object or a parameter twice, a closure that is not a function or returns
   * something other than a number — and, for the Rprop + variants, no loss (no closure, or one that
   * returns nothing) or a NaN or −∞ loss.
   */
  step(closure?: Closure): number | undefined {
    this.checkNotDisposed(`${this.owner}.step`);
    this.indexParams();
    this.checkOptions();
    if (closure !== undefined && typeof closure !== 'function') {
      throw new TypeError(`${this.owner}.step: the closure must be a function returning the loss, got ${describe(closure)}; nothing was changed`);
    }
    const loss = closure === undefined ? undefined : closure();
    // Again after the closure: one that sets an option (a schedule's lr of NaN, a misspelt variant)
    // would otherwise have its step run with it — NaN weights, or a step thrown half-way — and one
    // that disposes the optimizer would have it step on state that is gone.
    if (closure !== undefined) {
      this.checkNotDisposed(`${this.owner}.step`);
      this.indexParams();
      this.checkOptions();
    }
    if (loss !== undefined && typeof loss !== 'number') {
      throw new TypeError(`${this.owner}.step: the closure must return the loss as a number, got ${describe(loss)}`);
    }
    this.checkStep(loss);
    const grads = checkedGradients(this.owner, this.paramGroups, this.states.shapes);
    this.refuseOverlappingArrays(grads);
    // Staging copies ordinary gradients into the kernels' memory, where the finiteness check and the
    // update read them; it may grow that memory, so resident buffers are read afresh from here on.
    const staged = stageGradients(grads);
    checkFinite(this.owner, this.paramGroups, grads, staged);
    this.beginStep(loss);
    this.staged = staged;
    try {
      // With the staged copies known, so that new state can keep its colours apart from theirs.
      this.states.makeMissing(this.paramGroups, (params, group) => this.initStates(params, group));
      if (this.loadedUnplaced.size > 0) this.placeLoadedApart();
      this.updateAll();
    } finally {
      this.staged = null;
      this.stagedByParam = null;
    }
    this.endStep(loss);
    return loss;
  }

  /**
   * Options may be changed between steps, so they are checked again before each one, as at
   * construction: an lr of NaN or an η− of 2 set since would otherwise fill the state with NaN or
   * step sizes outside [Δmin, Δmax] (which the kernels trust) and save a dict that cannot be loaded.
   * A misspelt option set since (`stepsizes`, `learningRate`) is refused too: the step would read the
   * real one and drop it without a word, which the constructor refuses to do.
   */
  private checkOptions(): void {
    const many = this.paramGroups.length > 1;
    const context = `${this.owner}.step`;
    this.paramGroups.forEach((group, g) => {
      // Key by key, with no copy of the group: this runs at every step, and keys not options are rare.
      for (const key in group) {
        if (key !== 'params' && !this.optionNames.includes(key)) refuseMisspeltOptions(context, { [key]: undefined }, this.optionNames, ` in group ${g}`);
      }
      this.validateOptions(group, many ? ` (group ${g})` : '', context);
    });
  }

  /** `update` for every parameter with a gradient, in order, group by group. */
  private updateAll(): void {
    let first = 0;
    for (const group of this.paramGroups) {
      this.updateGroup(group, first);
      first += group.params.length;
    }
  }

  /**
   * `update` for every parameter of `group` that has a gradient, in order; `first` is the index of
   * the group's first parameter. An optimizer may override it to update a group's parameters
   * together (the order of updates within a step does not matter: every gradient was checked first).
   */
  protected updateGroup(group: ResolvedGroup<O>, first: number): void {
    this.updateEach(group, first);
  }

  private updateEach(group: ResolvedGroup<O>, first: number): void {
    const params = group.params;
    for (let j = 0; j < params.length; j++) {
      const p = params[j]!;
      if (p.grad === null) continue;
      // Read after the state is made: making it in the kernels' memory may have moved resident buffers.
      // A staged gradient is passed as the caller's array (it holds the same values as the copy);
      // kernels read the copy, at `stagedGradientAt(i)`.
      this.update(p, p.grad, this.stateAt(first + j), group, first + j);
    }
  }

  /**
   * `updateGroup` for optimizers with kernels that take a tensor's gradient and state by offset: the
   * group's parameters whose gradient (staged, or a resident parameter's own) and first `needed`
   * state buffers (as `offsets` names them) are all in the kernels' memory go into `batch`, which then
   * runs `kernel()` on them; the others go through `update`. Without the kernels, the plain loop.
   */
  protected updateGroupBatched(
    group: ResolvedGroup<O>, first: number, offsets: StateOffsets, needed: number, batch: TensorBatch, kernel: () => BatchKernel,
  ): void {
    const heap = kernelHeap();
    if (heap === null) return this.updateEach(group, first);
    const params = group.params;
    for (let j = 0; j < params.length; j++) {
      const p = params[j]!;
      const grad = p.grad;
      if (grad === null) continue;
      const index = first + j;
      const state = this.stateAt(index);
      offsets.sync(state, index);
      const param = p.data;
      const paramAt = heap.offsetOf(param);
      const staged = this.stagedGradientAt(index);
      // A resident gradient is used in place, but only with a resident parameter: an ordinary
      // parameter with one is short or was refused staging, and goes the per-tensor way.
      const gradAt = staged >= 0 ? staged : paramAt >= 0 ? heap.offsetOf(grad) : -1;
      let ready = gradAt >= 0;
      for (let k = 0; k < needed && ready; k++) ready = offsets.at(index, k) >= 0;
      // State the kernel does not read (dw of a minus variant) goes in as offset 0: never copied, never used.
      if (ready) batch.add(param, paramAt, gradAt, needed > 0 ? offsets.at(index, 0) : 0, needed > 1 ? offsets.at(index, 1) : 0, needed > 2 ? offsets.at(index, 2) : 0);
      else this.update(p, grad, state, group, index);
    }
    batch.run(kernel());
  }

  /** During a step's updates: the state of parameter `index` (made before any update runs). */
  protected stateAt(index: number): ParamState {
    return this.states.at(index);
  }

  /**
   * During `update`: the byte offset in the kernels' memory of the checked copy of parameter
   * `index`'s gradient, or −1 if it was not staged. Kernels take it instead of the gradient array, so
   * the gradient crosses into WebAssembly once per step.
   */
  protected stagedGradientAt(index: number): number {
    return this.staged?.at[index] ?? -1;
  }

  /**
   * Loaded state records not yet placed apart from their parameters' staged gradients: `loadStateDict`
   * makes them before any step has staged one. Each is placed at its parameter's first step with a
   * gradient, before any update reads its offsets (see `placeStateApart`).
   */
  private readonly loadedUnplaced = new Set<ParamState>();

  /** During a step, before the updates: places the loaded records of parameters with a gradient apart from it. */
  private placeLoadedApart(): void {
    for (const group of this.paramGroups) {
      for (const p of group.params) {
        const state = p.grad === null ? undefined : this.states.get(p);
        if (state !== undefined && this.loadedUnplaced.delete(state)) placeStateApart(state, this.operandOffsets(p));
      }
    }
  }

  /** The current step's staged gradients (null outside `step`). */
  private staged: StagedGradients | null = null;

  /** While a step makes new state: each parameter's staged gradient offset (built on first use). */
  private stagedByParam: Map<Parameter, number> | null = null;

  /**
   * The byte offsets in the kernels' memory of what a step streams together with `p`'s state: its
   * values and gradient where they live there, and its gradient's staged copy during a step. New
   * state keeps its colours apart from these (see `stateAvoiding`).
   */
  protected operandOffsets(p: Parameter): number[] {
    const heap = kernelHeap();
    if (heap === null) return [];
    if (this.staged !== null && this.stagedByParam === null) {
      const byParam = new Map<Parameter, number>();
      let index = 0;
      for (const group of this.paramGroups) for (const q of group.params) byParam.set(q, this.staged.at[index++] ?? -1);
      this.stagedByParam = byParam;
    }
    return [heap.offsetOf(p.data), p.grad === null ? -1 : heap.offsetOf(p.grad), this.stagedByParam?.get(p) ?? -1];
  }

  /** The last step's arrays, if all in the kernels' memory and apart (see `ApartMemo`). */
  private readonly apartMemo: ApartMemo = { buffer: null, arrays: [] };

  /** Every parameter in order during `refuseOverlappingArrays`, empty otherwise (reused from step to step). */
  private readonly stepParams: Parameter[] = [];

  /**
   * Re-indexes the states if the groups' parameters were edited since (see `ParameterStates.reindex`),
   * telling the optimizer through `paramsEdited`; `method` names the call in messages.
   */
  private indexParams(method = 'step'): void {
    if (this.states.reindex(this.paramGroups, this.owner, method)) this.paramsEdited();
  }

  /**
   * Called when a step finds the groups' parameters other than at the step before (a group's `params`
   * edited, a group added or removed, the states replaced): drop anything kept per group that assumed
   * its parameters.
   */
  protected paramsEdited(): void {}

  /**
   * Fresh state for several parameters of one group, in order. By default `initState` for each;
   * an optimizer may lay their buffers out together.
   */
  protected initStates(params: readonly Parameter[], group: ResolvedGroup<O>): ParamState[] {
    return params.map((p) => this.initState(p, group));
  }

  /**
   * Sets every gradient buffer to zero — buffers are kept, as closures usually write into them. With
   * `setToNone` (PyTorch's `zero_grad(set_to_none=True)`) sets every `grad` to null instead, so a
   * parameter whose gradient is not set again before the next step is skipped by it.
   *
   * @throws a TypeError, changing nothing, for `paramGroups` edited since as a step refuses them (an
   * entry that is no group, a parameter that is no object or appears twice); so do `stateDict` and
   * `addParamGroup`. With `setToNone`, also for a parameter whose `grad` cannot be set (a frozen object).
   */
  zeroGrad(setToNone = false): void {
    if (typeof setToNone !== 'boolean') throw new TypeError(`${this.owner}.zeroGrad: setToNone must be true or false, got ${describe(setToNone)}`);
    this.indexParams('zeroGrad'); // the groups as edited since, checked as a step checks them
    if (setToNone) {
      let index = 0;
      for (const group of this.paramGroups) {
        for (const p of group.params) {
          if (!settable(p, 'grad')) {
            throw new TypeError(`${this.owner}.zeroGrad: ${parameterLabel(index, p.name)} cannot have its grad set to null (the object is frozen or its grad read-only); nothing was changed`);
          }
          index++;
        }
      }
    }
    for (const group of this.paramGroups) {
      for (const p of group.params) {
        if (setToNone) p.grad = null;
        else p.grad?.fill(0);
      }
    }
  }

  /**
   * Refuses the step if a parameter's values share memory with another's or with a gradient: the
   * kernels and the reference rules would read them at different moments of the step (see `overlappingArrays`).
   */
  private refuseOverlappingArrays(grads: ReadonlyArray<FloatArray | null>): void {
    // Every parameter in order, gathered into an array kept for the next step and emptied after: a
    // step allocates nothing here, and holds no caller's parameter past it.
    const params = this.stepParams;
    for (const group of this.paramGroups) for (const p of group.params) params.push(p);
    try {
      const shared = overlappingArrays(params, grads, this.apartMemo, kernelHeap()?.buffer ?? null);
      if (shared === null) return;
      const label = (i: number) => parameterLabel(i, params[i]!.name);
      const other = `the ${shared.gradient ? 'gradient' : 'values'} of ${shared.other === shared.values ? 'the same parameter' : label(shared.other)}`;
      throw new TypeError(
        `${this.owner}.step: the values of ${label(shared.values)} share memory with ${other}: a step writes every parameter's values, ` +
          `so they must not overlap another parameter's values or any gradient (give each its own array); nothing was changed`,
      );
    } finally {
      params.length = 0;
    }
  }

  /** What is wrong with a finite value of a loaded state buffer (e.g. a negative step size), or null. */
  protected stateValueProblem(_key: string, _value: number): string | null {
    return null;
  }

  /**
   * The state `loadStateDict` fills from a saved one (each of its keys must be saved, and is checked):
   * by default a fresh state for `group`. An optimizer whose state may hold a buffer or not (Rprop's dw
   * in a − group) makes one for a saved record that has it.
   */
  protected loadedStateTemplate(param: Parameter, group: ResolvedGroup<O>, _saved: SerializedParamState): ParamState {
    return this.initState(param, group);
  }

  /** A loaded state value as the optimizer keeps it (after `stateValueProblem` passed it). */
  protected normalizeStateValue(_key: string, value: number): number {
    return value;
  }

  /** Optimizer-wide scalars to save beside the per-parameter state. */
  protected extraState(): Record<string, number | null> {
    return {};
  }

  /** Restores what `extraState` saved (already checked to be numbers or null). */
  protected loadExtraState(_extra: Record<string, number | null>): void {}

  /** Why a loaded optimizer-wide scalar (a number, not NaN) cannot be one, or null if it can. */
  protected extraStateProblem(_key: string, _value: number): string | null {
    return null;
  }

  /**
   * A JSON-serialisable snapshot: per-parameter state keyed by the parameter's index over all
   * groups, each group's options with its parameters' indices, and optimizer-wide scalars.
   * Through JSON, save → load → continue equals an uninterrupted run bit for bit, with one
   * exception JSON imposes: it has no −0, so a state value of −0 comes back as +0 (reachable only
   * with a step size of exactly 0, where it can decide the sign of a zero weight).
   */
  stateDict(): StateDict<O> & Record<string, unknown> {
    this.checkNotDisposed(`${this.owner}.stateDict`);
    this.indexParams('stateDict'); // the groups as edited since, checked as a step checks them
    const state: Record<string, SerializedParamState> = {};
    const paramGroups: Array<{ params: number[] } & O> = [];
    let index = 0;
    for (const [g, group] of this.paramGroups.entries()) {
      const { params, ...options } = group;
      const ids: number[] = [];
      for (const p of params) {
        const s = this.states.get(p);
        if (s !== undefined) {
          const out: SerializedParamState = {};
          for (const [k, v] of Object.entries(s)) out[k] = typeof v === 'number' ? v : Array.from(v);
          state[String(index)] = out;
        }
        ids.push(index++);
      }
      paramGroups.push({ ...(savedOptions(this.owner, g, options, this.optionNames) as unknown as O), params: ids });
    }
    return { state, paramGroups, ...this.extraState() };
  }

  /**
   * Restores a snapshot made by `stateDict()` (possibly through JSON) onto the same parameters: the
   * state, and each group's options, which replace the ones this optimizer was made with or given
   * since (as in PyTorch), so a dict saved by another variant loads as that variant.
   * Checked first: group and parameter counts, parameter ids (each once, and every saved state
   * claimed by one), options (each group's keys exactly this optimizer's options, besides keys of its
   * own the live group has too — so a dict saved by another optimizer is refused, naming it; then
   * their values), every state's keys (none missing, none it does not keep), every buffer's length
   * and values (finite; within float32 for float32 parameters; step sizes ≥ 0, a −0 becoming +0;
   * Adam's second moments ≥ 0) and optimizer-wide scalars (and no other key beside `state` and
   * `paramGroups`). On any mismatch it throws a message saying what does not match, and
   * nothing is changed.
   */
  // Typed `StateDict<O>`, the exported type a caller annotates a saved dict with: an intersection with
  // Record<string, unknown> here refused such a dict at compile time (an interface has no index signature).
  loadStateDict(sd: StateDict<O>): void {
    this.checkNotDisposed(`${this.owner}.loadStateDict`);
    const { groups, states, extra } = checkedLoadedState(this.owner, this.optionNames, this.paramGroups, sd, {
      validateOptions: (options, where) => this.validateOptions(options, where, `${this.owner}.loadStateDict`),
      loadedStateTemplate: (param, group, saved) => this.loadedStateTemplate(param, group, saved),
      stateValueProblem: (key, value) => this.stateValueProblem(key, value),
      normalizeStateValue: (key, value) => this.normalizeStateValue(key, value),
      extraState: () => this.extraState(),
      extraStateProblem: (key, value) => this.extraStateProblem(key, value),
    });
    // Every live group must take its options, or none does: a frozen one threw half-way, after the
    // groups before it had taken theirs and with the state not loaded.
    groups.forEach((g, i) => {
      const key = Object.keys(g).find((k) => !settable(this.paramGroups[i]!, k));
      if (key !== undefined) {
        for (const s of states.values()) releaseOptimizerState(s); // built for nothing: their kernel memory goes back now
        throw new TypeError(`${this.owner}.loadStateDict: group ${i} cannot take the loaded '${key}' (the group is frozen or sealed, or '${key}' is read-only); nothing was changed`);
      }
    });
    // Everything checked: only now replace the live state.
    groups.forEach((g, i) => Object.assign(this.paramGroups[i]!, g));
    this.loadExtraState(extra);
    this.replaceStates(states);
  }

  /**
   * Puts `states` in place of every live state record (none: `dispose`), drops what was cached per
   * record, and gives the replaced records' kernel memory back: nothing refers to them any more (the
   * caches are cleared, and the optimizer never lends its buffers out), and garbage collection would
   * give it back late — the engine does not count WebAssembly memory as pressure.
   */
  private replaceStates(states: ReadonlyMap<Parameter, ParamState>): void {
    const replaced = this.states.replace(states); // re-indexed at the next step
    this.loadedUnplaced.clear();
    for (const s of states.values()) this.loadedUnplaced.add(s);
    this.statesReplaced();
    for (const s of replaced) releaseOptimizerState(s);
  }

  /** Called when `loadStateDict` or `dispose` has replaced every state record: drop anything cached per record. */
  protected statesReplaced(): void {}

  /** Set by `dispose()`. */
  private disposed = false;

  /**
   * Gives the optimizer's state memory back now instead of when the optimizer is garbage collected.
   * Collection comes late for the kernels' memory — the engine does not count WebAssembly memory as
   * pressure, and the memory never shrinks — so optimizers made and dropped in a loop (a
   * hyperparameter search, one optimizer per trial) grow it; `dispose()` each when done. Calling it
   * again does nothing; `step`, `stateDict`, `loadStateDict` and `addParamGroup` afterwards throw. The
   * parameters are the caller's and are left as they are (one from `allocate` keeps its own memory).
   *
   * @example
   * ```ts
   * for (const lr of [0.001, 0.01, 0.1]) {
   *   const opt = new Rprop([param], { lr });
   *   // …train and score…
   *   opt.dispose();
   * }
   * ```
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.replaceStates(new Map());
    this.apartMemo.buffer = null;
    this.apartMemo.arrays.length = 0;
  }

  private checkNotDisposed(where: string): void {
    if (this.disposed) throw new Error(`${where}: this optimizer was disposed; make a new one`);
  }
}
