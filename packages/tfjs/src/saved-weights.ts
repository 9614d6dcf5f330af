import type * as tf from '@tensorflow/tfjs-core';
import { firstNonFinite } from 'rprop/kernels';
import { checkNamedTensors } from './named-tensor-lists.js';
import { shapeText } from './step-checks.js';

/** The largest iteration count an int32 holds, as `getWeights` saves it. */
const INT32_MAX = 2 ** 31 - 1;

/** A tensor with its name, as the optimizers' weights are passed around. */
export type NamedTensor = { name: string; tensor: tf.Tensor };

/** A weight with its place in the list given to `setWeights`, for messages. */
export type IndexedWeight = NamedTensor & { index: number };

/** The weights `getWeights` returns, split into their parts. */
export interface SavedWeights {
  /** The iteration count, a scalar. */
  readonly iterations: IndexedWeight;
  /** The optimizer-wide scalars (e.g. the previous loss), in order. */
  readonly extras: readonly IndexedWeight[];
  /** `slots[i][k]`: variable `i`'s slot number `k`. */
  readonly slots: ReadonlyArray<readonly IndexedWeight[]>;
}

/**
 * What a slot's finite values must satisfy beyond being finite, as the core's `stateValueProblem` and
 * `normalizeStateValue` say it for its state buffers (Rprop's step sizes: ≥ 0, a −0 kept as +0).
 */
export interface SlotRule {
  /** What is wrong with a finite value (`must hold step sizes ≥ 0`), or null. */
  problem(value: number): string | null;
  /** The value as the optimizer keeps it. */
  normalize(value: number): number;
}

/** The values of checked saved weights. */
export interface SavedValues {
  readonly iterations: number;
  readonly extras: number[];
  /** `slots[i][k]`: null to copy variable `i`'s slot `k` as it is, else the values to keep instead. */
  readonly slots: Array<Array<Float32Array | null>>;
}

/**
 * The variable part of a slot weight's saved name (`<variable>/<slot>` as `getWeights` names it), or
 * undefined for a name without it.
 */
export function savedVariableName(name: string, slot: string): string | undefined {
  return name.endsWith(`/${slot}`) && name.length > slot.length + 1 ? name.slice(0, -(slot.length + 1)) : undefined;
}

/**
 * Whether a weight's name fits the slot (or scalar) expected at its place. `getWeights` names slots
 * `<variable>/<slot>`; a name with a `/` that ends otherwise was saved by another optimizer or
 * variant (irprop− weights read by irprop+ would put `prev` slots where `stepSize` belongs, with the
 * same count). Names without a `/` were not made by `getWeights` and are taken by position.
 */
function nameFits(name: string, expected: string): boolean {
  return name === expected || name.endsWith(`/${expected}`) || !name.includes('/');
}

/**
 * Splits weights laid out as `getWeights` saves them — [iterations, extra scalars…, every variable's
 * first slot, every variable's second slot, …] — checking, before anything is read or changed, that
 * it is an array of { name, tensor }, the count, that no tensor was disposed, that the scalars are int32 or float32 scalars, that every slot is float32 and that named slots
 * are the ones expected at their places (values: `readSavedWeights`). Slots' shapes are checked against
 * their variables at the next step.
 */
export function splitSavedWeights(owner: string, weights: readonly NamedTensor[], extraNames: readonly string[], slotNames: readonly string[]): SavedWeights {
  const where = `${owner}.setWeights`;
  checkNamedTensors(where, weights);
  const slotCount = weights.length - 1 - extraNames.length;
  if (slotCount < 0 || slotCount % slotNames.length !== 0) {
    const scalars = extraNames.length === 0 ? '' : `, ${extraNames.length} scalar(s) (${extraNames.join(', ')})`;
    throw new RangeError(
      `${where}: expected the iteration count${scalars} and ${slotNames.length} slot(s) per variable (${slotNames.join(', ')}), got ${weights.length} weights; nothing was changed`,
    );
  }
  // A disposed tensor would fail later, when its values are read, with TF.js's bare "Tensor is disposed".
  const live = (index: number): NamedTensor => {
    const { name, tensor } = weights[index]!;
    if (tensor.isDisposed) throw new Error(`${where}: weight ${index} ('${name}') has been disposed; nothing was changed`);
    return { name, tensor };
  };
  const scalar = (index: number, what: string, expected: string): IndexedWeight => {
    const { name, tensor } = live(index);
    if (tensor.size !== 1 || !nameFits(name, expected)) {
      throw new RangeError(`${where}: weight ${index} ('${name}', shape ${shapeText(tensor.shape)}) should be ${what}, a scalar named '${expected}'; nothing was changed`);
    }
    if (tensor.dtype !== 'float32' && tensor.dtype !== 'int32') {
      throw new TypeError(`${where}: weight ${index} ('${name}') is ${tensor.dtype}; ${what} must be a number (int32 or float32); nothing was changed`);
    }
    return { index, name, tensor };
  };
  const iterations = scalar(0, 'the iteration count', 'iter');
  const extras = extraNames.map((name, k) => scalar(1 + k, `the scalar '${name}'`, name));
  const variables = slotCount / slotNames.length;
  const first = 1 + extraNames.length;
  const slots = Array.from({ length: variables }, (_, i) =>
    slotNames.map((slot, k) => {
      const index = first + k * variables + i;
      const { name, tensor } = live(index);
      if (!nameFits(name, slot)) {
        throw new RangeError(
          `${where}: weight ${index} ('${name}') should be variable ${i}'s '${slot}' slot: this optimizer saves ${slotNames.length} slot(s) per variable (${slotNames.join(', ')}), ` +
            'so these weights were saved by another optimizer or variant; nothing was changed',
        );
      }
      if (tensor.dtype !== 'float32') throw new TypeError(`${where}: weight ${index} ('${name}') is ${tensor.dtype}; slots are float32; nothing was changed`);
      return { index, name, tensor };
    }),
  );
  return { iterations, extras, slots };
}

/**
 * Reads split weights and checks their values as the core's `loadStateDict` checks a state, throwing
 * at the first bad one (naming the weight, and the index in a slot) before anything changes: the
 * iteration count a whole number ≥ 0 (as the core's Adam requires of its step count) that an int32 holds, the extra
 * scalars numbers other than −∞ (Infinity standing for the core's null), every slot value finite (slots are float32,
 * so within float32's range) and fitting the slot's rule. Makes no tensor; the weights are not changed.
 */
export async function readSavedWeights(owner: string, saved: SavedWeights, slotNames: readonly string[], rules: Readonly<Record<string, SlotRule>>): Promise<SavedValues> {
  const where = `${owner}.setWeights`;
  const refuse = (w: IndexedWeight, problem: string, value: number, at?: number) =>
    new RangeError(`${where}: weight ${w.index} ('${w.name}') ${problem}, got ${describe(value)}${at === undefined ? '' : ` at index ${at}`}; nothing was changed`);
  const iterations = (await saved.iterations.tensor.data())[0] as number;
  if (!Number.isFinite(iterations)) throw refuse(saved.iterations, 'must be a finite number', iterations);
  if (!(Number.isInteger(iterations) && iterations >= 0)) throw refuse(saved.iterations, 'must be a whole number of steps ≥ 0', iterations);
  // getWeights saves the count as TF.js does, an int32 scalar: a larger one would come back wrapped
  // around to a negative count, which this check would then refuse.
  if (iterations > INT32_MAX) throw refuse(saved.iterations, `must be at most ${INT32_MAX} (getWeights saves it as an int32)`, iterations);
  const extras: number[] = [];
  for (const w of saved.extras) {
    const value = (await w.tensor.data())[0] as number;
    if (Number.isNaN(value)) throw new TypeError(`${where}: weight ${w.index} ('${w.name}') must be a number (Infinity for none), got NaN; nothing was changed`);
    // The one extra scalar is Rprop's previous loss, and as in the core no step leaves −∞ there.
    if (value === -Infinity) throw new RangeError(`${where}: weight ${w.index} ('${w.name}') cannot be -Infinity (a step refuses that loss); nothing was changed`);
    extras.push(value);
  }
  const slots: Array<Array<Float32Array | null>> = [];
  for (const variable of saved.slots) {
    const kept: Array<Float32Array | null> = [];
    for (const [k, w] of variable.entries()) {
      const values = (await w.tensor.data()) as Float32Array;
      const rule = rules[slotNames[k]!];
      const bad = firstNonFinite(values);
      // The first index with any problem, as the core reports it: a rule's before a later non-finite.
      const end = bad < 0 ? values.length : bad;
      for (let i = 0; rule !== undefined && i < end; i++) {
        const problem = rule.problem(values[i]!);
        if (problem !== null) throw refuse(w, problem, values[i]!, i);
      }
      if (bad >= 0) throw refuse(w, 'must hold finite numbers', values[bad]!, bad);
      kept.push(rule === undefined ? null : normalized(values, rule));
    }
    slots.push(kept);
  }
  return { iterations, extras, slots };
}

/** `values` as `rule` keeps them: null if that changes none, else a copy (the tensor's own storage is not written). */
function normalized(values: Float32Array, rule: SlotRule): Float32Array | null {
  let copy: Float32Array | null = null;
  for (let i = 0; i < values.length; i++) {
    const v = rule.normalize(values[i]!);
    if (Object.is(v, values[i])) continue;
    copy ??= Float32Array.from(values);
    copy[i] = v;
  }
  return copy;
}

/** A number as messages print it (the core's way: −0 as `-0`). */
function describe(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}
