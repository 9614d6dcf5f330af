import * as tf from '@tensorflow/tfjs-core';
import { NonFiniteGradientError } from 'rprop';
import { backendArrays, markOwned, type BackendArrays } from './backend-arrays.js';
import { firstNonFiniteGradient } from './first-non-finite-gradient.js';
import { gradientEntries } from './named-tensor-lists.js';
import { readSavedWeights, savedVariableName, splitSavedWeights, type NamedTensor, type SlotRule } from './saved-weights.js';
import { checkGradient, checkSlotOwner, checkSlots } from './step-checks.js';

/** A variable's gradient and its slot variables (the optimizer's per-variable state), by slot name. */
export interface SlotUpdate {
  readonly name: string;
  readonly value: tf.Variable;
  readonly gradient: tf.Tensor;
  readonly slots: Record<string, tf.Variable>;
}

/**
 * What the sign optimizers share: per-variable slot variables made lazily (Adam's pattern), a step
 * that refuses, before changing anything, a NaN/±Infinity gradient, a gradient of another size than
 * its variable and slots of another shape (slots are matched by position), a fused update on the typed
 * arrays of the `cpu` and `wasm` backends and composed tf ops elsewhere, and weights saved as
 * [iterations, extra scalars…, every variable's first slot, every variable's second slot, …].
 */
export abstract class SlotOptimizer extends tf.Optimizer {
  /** Slot variables by variable position (the order gradients arrive in, as Adam keys them). */
  protected slotVariables: Array<Record<string, tf.Variable>> = [];
  /** Names of the model variables, by position, for the slots' saved names. */
  private variableNames: string[] = [];
  /**
   * Names of the variables the slots were made for, by position, to refuse another variable there.
   * Unset for slots loaded by setWeights (a loaded model's variables are new) until their next step.
   */
  private slotOwners: Array<string | undefined> = [];
  /** The scalars `getWeights` last returned, [iteration count, extra scalars…] (see `keptScalar`). */
  private savedScalars: tf.Variable[] = [];
  /** Set by setWeights until a step binds the loaded slots to variables (see `boundSlots`). */
  private loadedUnbound = false;
  /** Set by dispose(): the slots are gone, so a later step would silently start from fresh state. */
  private disposed = false;
  /** Force the composed-ops path even where typed arrays are reachable (for tests and comparisons). */
  forceComposedOps = false;

  /**
   * The class's name at the start of its error messages ('RpropOptimizer'); `getClassName()` is the
   * shorter name it is serialised under ('Rprop'), which would not say which class threw.
   */
  protected abstract readonly displayName: string;

  /** The slots each variable gets, in saving order. */
  protected abstract slotNames(): readonly string[];

  /** A slot's initial value for `value` (called in tidy). */
  protected abstract initialSlot(slot: string, value: tf.Variable): tf.Tensor;

  /** Throws, changing nothing, if this step cannot run (e.g. a + variant without a loss). */
  protected checkStep(): void {}

  /** The fused update of every variable on typed arrays (each of one variable's arrays has its length). */
  protected abstract updateArrays(updates: Array<{ name: string; value: Float32Array; gradient: Float32Array; slots: Record<string, Float32Array> }>): void;

  /** The same update with tf ops, for backends without reachable storage. */
  protected abstract updateOps(updates: SlotUpdate[]): void;

  /** Called once a step has updated every variable. */
  protected afterStep(): void {}

  /** Receives the cost `minimize` computed, before its step (the Rprop + variants keep it as the loss). */
  protected takeLoss(_cost: tf.Scalar): void {}

  /** Forgets what was handed in for one step (a loss from `setLoss`), whether the step ran or was refused. */
  protected dropStepInputs(): void {}

  /** Optimizer-wide scalars saved after the iteration count (e.g. the previous loss). */
  protected extraWeights(): Array<{ name: string; value: number }> {
    return [];
  }

  /** Restores what `extraWeights` saved, in order (checked to be numbers, neither NaN nor −∞). */
  protected setExtraWeights(_values: number[]): void {}

  /**
   * What `setWeights` requires of a slot's finite values beyond being finite, by slot name (the
   * core's `stateValueProblem`/`normalizeStateValue`): none by default.
   */
  protected slotRules(): Readonly<Record<string, SlotRule>> {
    return {};
  }

  /**
   * `tf.Optimizer.minimize`, which also disposes the cost and the gradients when the step is refused
   * (the base class leaks both then), and hands the cost to the step first. A loss given earlier by
   * `setLoss` is used up by the call, whether it steps or throws (f's own error included). A variable
   * that `varList` repeats takes one step.
   */
  override minimize(f: () => tf.Scalar, returnCost = false, varList?: tf.Variable[]): tf.Scalar | null {
    this.checkNotDisposed();
    // A varList may repeat a variable: model.fit lists a layer's weights twice when the model also uses
    // it inside a nested model. One variable has one gradient and takes one step (a repeat would get
    // a second set of slots and move twice, as TF.js's own optimizers do).
    const variables = Array.isArray(varList) ? [...new Set(varList)] : varList; // anything else: TF.js says what is wrong
    let computed: { value: tf.Scalar; grads: tf.NamedTensorMap };
    try {
      // In tidy: TF.js checks f's result (a scalar, reached from some variable) only after computing
      // it and its gradients, and its throw leaves both. Tensors made before this call are not tidy's.
      computed = tf.tidy(() => this.computeGradients(f, variables));
    } catch (e) {
      this.dropStepInputs(); // f threw, or had no gradient: an earlier setLoss must not outlive this call either
      throw e;
    }
    const { value, grads } = computed;
    try {
      this.takeLoss(value);
      this.applyGradients(variables == null ? grads : variables.map((v) => ({ name: v.name, tensor: grads[v.name]! })));
    } catch (e) {
      value.dispose();
      throw e;
    } finally {
      this.dropStepInputs(); // also when takeLoss refused the cost: an earlier setLoss must not outlive it
      tf.dispose(grads);
    }
    if (returnCost) return value;
    value.dispose();
    return null;
  }

  override applyGradients(variableGradients: tf.NamedTensorMap | NamedTensor[]): void {
    try {
      this.applyStep(variableGradients);
    } finally {
      this.dropStepInputs(); // a refused step must not leave its loss for the next one
    }
  }

  private applyStep(variableGradients: tf.NamedTensorMap | NamedTensor[]): void {
    this.checkNotDisposed();
    const entries = gradientEntries(this.displayName, variableGradients);
    this.checkStep();
    const arrays = this.forceComposedOps ? null : backendArrays();
    // Refuse a bad input before anything (slots included) is made or changed.
    const seen = new Map<string, number>();
    const variables = entries.map(([name], i) => {
      // Own properties only: the registry is a plain object, whose prototype has a 'constructor'.
      const registry = tf.engine().registeredVariables;
      const value = Object.hasOwn(registry, name) ? registry[name] : undefined;
      if (value === undefined) throw new Error(`${this.displayName}: no variable named '${name}'; nothing was changed`);
      // Slots are kept by position: a variable listed twice would get two sets and move twice, once
      // for each of two gradients (the core refuses a parameter listed twice).
      const first = seen.get(name);
      if (first !== undefined) throw new TypeError(`${this.displayName}: variable '${name}' is listed twice in one step (entries ${first} and ${i}); nothing was changed`);
      seen.set(name, i);
      return value;
    });
    const bound = this.boundSlots(variables);
    entries.forEach(([name, gradient], i) => {
      const value = variables[i]!;
      const slots = bound.slots[i];
      if (slots !== undefined) {
        checkSlots(this.displayName, name, i, value, slots);
        checkSlotOwner(this.displayName, name, i, bound.owners[i]);
      }
      if (gradient != null) checkGradient(this.displayName, name, value, gradient);
    });
    const bad = firstNonFiniteGradient(entries, arrays);
    if (bad !== null) {
      const { name, index, value } = bad;
      throw new NonFiniteGradientError(`${this.displayName}: the gradient of '${name}' is ${value} at index ${index}; nothing was changed`, `'${name}'`, index, value);
    }
    ({ slots: this.slotVariables, names: this.variableNames, owners: this.slotOwners } = bound);
    this.loadedUnbound = false;
    const updates: SlotUpdate[] = [];
    entries.forEach(([name, gradient], i) => {
      const value = variables[i]!;
      this.variableNames[i] = name;
      this.slotOwners[i] = name;
      this.slotVariables[i] ??= Object.fromEntries(
        this.slotNames().map((slot) => [slot, markOwned(tf.tidy(() => this.initialSlot(slot, value).variable(false)))]),
      );
      if (gradient != null) updates.push({ name, value, gradient, slots: this.slotVariables[i]! });
    });
    if (arrays !== null) this.applyOnArrays(arrays, updates);
    // The ops need the variable's shape; the arrays only its size, which the checks matched.
    else tf.tidy(() => this.updateOps(updates.map((u) => ({ ...u, gradient: tf.reshape(u.gradient, u.value.shape) }))));
    this.afterStep();
    this.incrementIterations();
  }

  /**
   * The slots by position for a step on `variables`, with their saved names and owners. Slots loaded
   * by setWeights and not stepped yet go to the step's trainable variables in order, as getWeights
   * saved them (a frozen variable's left out): a frozen variable then gets new slots, and loaded slots
   * beyond the step's variables keep their order after them. Others stay where they are.
   */
  private boundSlots(variables: readonly tf.Variable[]): { slots: SlotOptimizer['slotVariables']; names: string[]; owners: Array<string | undefined> } {
    if (!this.loadedUnbound) return { slots: this.slotVariables, names: this.variableNames, owners: this.slotOwners };
    const slots: SlotOptimizer['slotVariables'] = [];
    const names: string[] = [];
    let k = 0;
    variables.forEach((v, i) => {
      if (!v.trainable || k >= this.slotVariables.length) return;
      slots[i] = this.slotVariables[k]!;
      names[i] = this.variableNames[k++]!;
    });
    for (let at = variables.length; k < this.slotVariables.length; k++, at++) {
      slots[at] = this.slotVariables[k]!;
      names[at] = this.variableNames[k]!;
    }
    return { slots, names, owners: [] };
  }

  private applyOnArrays(arrays: BackendArrays, updates: SlotUpdate[]): void {
    // A gradient may be a variable (or slot) this step writes. Making that private below gives it new
    // storage, so its gradient would be read there after its update: a reshape keeps the values the
    // step began with, as the composed ops (which reshape every gradient) read them.
    const written = new Set<tf.Tensor>(updates.flatMap((u) => [u.value, ...Object.values(u.slots)]));
    const gradients = updates.map((u) => (written.has(u.gradient) ? tf.reshape(u.gradient, u.gradient.shape) : u.gradient));
    try {
      // Make every written variable private first: that may allocate, and on wasm an allocation can
      // grow the heap and detach views taken before it. Only then take the views.
      for (const u of updates) {
        arrays.prepareModelVariable(u.value);
        for (const slot of Object.values(u.slots)) arrays.writable(slot);
      }
      this.updateArrays(
        updates.map((u, i) => ({
          name: u.name,
          value: arrays.writable(u.value),
          gradient: arrays.read(gradients[i]!),
          slots: Object.fromEntries(Object.entries(u.slots).map(([k, v]) => [k, arrays.writable(v)])),
        })),
      );
    } finally {
      tf.dispose(gradients.filter((g, i) => g !== updates[i]!.gradient));
    }
  }

  /**
   * The weights to save: [iterations, extra scalars…, slots]. Like TF.js's own optimizers it returns
   * the live slot variables, and the scalars are live too: one variable each, updated here. Slots of
   * a variable frozen now (not trainable) are left out: they are the list a model saved now loads with.
   */
  override async getWeights(): Promise<NamedTensor[]> {
    this.checkNotDisposed();
    // Named and typed as TF.js's saveIterations names it, but kept (see `keptScalar`).
    const iterations = { name: 'iter', tensor: this.keptScalar(0, this.iterations_ ?? 0, 'int32') as tf.Tensor };
    const extra = this.extraWeights().map(({ name, value }, k) => ({ name, tensor: this.keptScalar(1 + k, value, 'float32') as tf.Tensor }));
    const saved = this.slotVariables.flatMap((s, i) => (this.isFrozen(i) ? [] : [{ s, i }]));
    const slots = this.slotNames().flatMap((slot) => saved.map(({ s, i }) => ({ name: `${this.variableNames[i] ?? i}/${slot}`, tensor: s[slot]! as tf.Tensor })));
    return [iterations, ...extra, ...slots];
  }

  /**
   * Whether the variable whose slots are at `position` is frozen now (`layer.trainable = false` after
   * compile): getWeights leaves its slots out. `model.fit` still lists it, gradient-less, so it keeps
   * its place and slots here; but a model saved now loads compiled without it, and slots matched by
   * position would bind one variable off (silently where shapes agree). Loaded slots (no owner yet) count as trainable.
   */
  private isFrozen(position: number): boolean {
    const owner = this.slotOwners[position];
    const registry = tf.engine().registeredVariables;
    return owner !== undefined && Object.hasOwn(registry, owner) && !registry[owner]!.trainable;
  }

  /**
   * Saved scalar `k` holding `value`, in a variable kept from call to call: callers such as
   * `model.save` never dispose what `getWeights` returns, so a new scalar each time leaked one tensor
   * per scalar per save (TF.js's own optimizers still leak their iteration count so).
   */
  private keptScalar(k: number, value: number, dtype: 'int32' | 'float32'): tf.Variable {
    const kept = this.savedScalars[k];
    return tf.tidy(() => {
      if (kept === undefined || kept.isDisposed) return (this.savedScalars[k] = tf.variable(tf.scalar(value, dtype), false));
      kept.assign(tf.scalar(value, dtype));
      return kept;
    });
  }

  /**
   * Loads weights laid out as `getWeights` saves them. Everything is checked and copied before
   * anything changes, so a refused call leaves the optimizer as it was (and makes no tensor), and the
   * weights may be this optimizer's own (`setWeights(await getWeights())`). The tensors given stay the
   * caller's — except slots from this optimizer's own `getWeights()`: those are its live slots, which
   * a call that loads replaces and disposes, as it does every slot it replaces (the scalars are kept).
   * Checked as the core's `loadStateDict` checks a state: the layout (count, names, scalars, float32
   * slots), an iteration count that is a whole number ≥ 0 below 2^31 (saved as an int32), extra scalars that are neither NaN nor −∞, slot values
   * that are finite (and, for Rprop, step sizes ≥ 0, a −0 kept as +0). Slots are matched to variables
   * by position: at the next step, to its trainable variables in order (a frozen one, whose slots
   * getWeights leaves out, gets new slots); their shapes are checked against the variables then.
   */
  override async setWeights(weightValues: NamedTensor[]): Promise<void> {
    this.checkNotDisposed();
    const names = this.slotNames();
    const saved = splitSavedWeights(this.displayName, weightValues, this.extraWeights().map((w) => w.name), names);
    const { iterations, extras, slots: values } = await readSavedWeights(this.displayName, saved, names, this.slotRules());
    this.checkNotDisposed(); // disposed while the values were read
    // Copies before the old slots go: the incoming tensors may be those slots.
    const slotVariables = saved.slots.map((slots, i) =>
      Object.fromEntries(
        names.map((slot, k) => {
          const { tensor } = slots[k]!;
          const kept = values[i]![k] ?? null;
          return [slot, tf.tidy(() => (kept === null ? tf.clone(tensor) : tf.tensor(kept, tensor.shape, 'float32')).variable(false))];
        }),
      ),
    );
    this.iterations_ = iterations;
    this.setExtraWeights(extras);
    tf.dispose(this.liveSlots());
    this.slotVariables = slotVariables;
    this.slotOwners = [];
    this.loadedUnbound = true;
    // The loaded slots are saved again under the names they came with (as TF.js's Adam keeps a
    // loaded slot's originalName): names kept from earlier steps could repeat one of them, and the
    // model loader looks weights up by name, so one would silently replace the other.
    this.variableNames = saved.slots.map((slots, i) => savedVariableName(slots[0]!.name, names[0]!) ?? String(i));
  }

  /**
   * The slot variables not yet disposed. getWeights hands out the live slots, which callers may dispose;
   * a second dispose counts another owner of the storage gone, freeing it under a tensor that shares it
   * (the weights setWeights copied them from, a caller's clone).
   */
  private liveSlots(): tf.Variable[] {
    return this.slotVariables.flatMap((s) => Object.values(s)).filter((v) => !v.isDisposed);
  }

  private checkNotDisposed(): void {
    if (this.disposed) throw new Error(`${this.displayName}: this optimizer was disposed; make a new one`);
  }

  /**
   * Frees the slots and saved scalars. Calling it again does nothing; a step (`applyGradients`, `minimize`),
   * `getWeights` and `setWeights` afterwards throw (`getConfig` still describes the optimizer).
   */
  override dispose(): void {
    this.disposed = true;
    super.dispose();
    // Callers may have disposed the saved scalars (TF.js's own iteration count is theirs to dispose),
    // and disposing a variable twice is not harmless in TF.js: it counts the tensor gone twice.
    tf.dispose([...this.liveSlots(), ...this.savedScalars.filter((v) => !v.isDisposed)]);
    this.slotVariables = [];
    this.slotOwners = [];
    this.loadedUnbound = false;
    this.savedScalars = [];
  }
}
