import { counted, describe, parameterLabel } from '../errors.js';
import type { Parameter, SerializedParamState, StateDict } from '../types.js';
import { isFloatArray } from './float-arrays.js';
import type { ParamState, ResolvedGroup } from './optimizer.js';
import { withOwnArrays } from './own-arrays.js';
import { checkSavedGroupKeys } from './saved-group-keys.js';
import { releaseOptimizerState } from '../kernels/kernel-state.js';

/** What `checkedLoadedState` asks of the optimizer: its option check and its hooks for loaded state (see `Optimizer`). */
export interface LoadedStateRules<O> {
  validateOptions(options: O, where: string): void;
  loadedStateTemplate(param: Parameter, group: ResolvedGroup<O>, saved: SerializedParamState): ParamState;
  stateValueProblem(key: string, value: number): string | null;
  normalizeStateValue(key: string, value: number): number;
  /** Read for its keys only: the optimizer-wide scalars a dict must carry. */
  extraState(): Record<string, number | null>;
  extraStateProblem(key: string, value: number): string | null;
}

/** A saved state, checked and built, for `loadStateDict` to put in place of the live one. */
export interface CheckedState<O> {
  /** Each live group's options as loaded, with the live group's parameters. */
  readonly groups: ResolvedGroup<O>[];
  /** The state of every parameter the dict has one for. */
  readonly states: Map<Parameter, ParamState>;
  /** The optimizer-wide scalars, for `loadExtraState`. */
  readonly extra: Record<string, number | null>;
}

/**
 * Checks `sd` (a `stateDict()`, possibly through JSON) against `owner`'s live groups `live` and builds
 * what loading it puts in place, changing nothing: it throws on the first mismatch, with the message
 * `loadStateDict` documents, so a refused load leaves the optimizer as it was. `optionNames` are the
 * options a saved group must have exactly.
 */
export function checkedLoadedState<O extends object>(
  owner: string, optionNames: readonly string[], live: readonly ResolvedGroup<O>[], sd: StateDict<O>, hooks: LoadedStateRules<O>,
): CheckedState<O> {
  const where = `${owner}.loadStateDict`;
  if (typeof sd !== 'object' || sd === null || typeof sd.state !== 'object' || sd.state === null || !Array.isArray(sd.paramGroups)) {
    throw new TypeError(`${where}: expected { state, paramGroups }, got ${describe(sd)}`);
  }
  if (sd.paramGroups.length !== live.length) {
    throw new RangeError(`${where}: the state has ${counted(sd.paramGroups.length, 'parameter group')}, this optimizer has ${live.length}`);
  }
  const groups: ResolvedGroup<O>[] = [];
  const states = new Map<Parameter, ParamState>();
  try {
    return checkedGroups(where, owner, optionNames, live, sd, hooks, groups, states);
  } catch (error) {
    // A refused load changes nothing, and keeps nothing either: the states built before the mismatch
    // hold kernel memory, which went back only once collected (see `releaseOptimizerState`).
    for (const s of states.values()) releaseOptimizerState(s);
    throw error;
  }
}

/** The body of `checkedLoadedState`, filling `groups` and `states` as it goes. */
function checkedGroups<O extends object>(
  where: string, owner: string, optionNames: readonly string[], live: readonly ResolvedGroup<O>[], sd: StateDict<O>, hooks: LoadedStateRules<O>,
  groups: ResolvedGroup<O>[], states: Map<Parameter, ParamState>,
): CheckedState<O> {
  const seen = new Map<string, number>(); // parameter id → its group
  let index = 0;
  live.forEach((group, g) => {
    const saved = sd.paramGroups[g]!;
    if (typeof saved !== 'object' || saved === null) throw new TypeError(`${where}: group ${g} of the state must be { params, ...options }, got ${describe(saved)}`);
    const { params: ids, ...options } = saved;
    // Copied onto the live group below, a '__proto__' key (JSON.parse makes it an ordinary key) would
    // replace the group's prototype instead.
    if (Object.hasOwn(options, '__proto__')) throw new TypeError(`${where}: group ${g} of the state has a key '__proto__', which is not an option`);
    // Before the values: another optimizer's group can pass every value check (Rprop's lr and maximize
    // are all SignSGD reads) and would then load its own options onto this one's groups.
    checkSavedGroupKeys(where, owner, optionNames, g, options, group);
    if (!Array.isArray(ids) || ids.length !== group.params.length) {
      throw new RangeError(`${where}: group ${g} of the state has ${Array.isArray(ids) ? counted(ids.length, 'parameter') : 'no parameters'}, this optimizer's has ${group.params.length}`);
    }
    for (const id of ids as unknown[]) {
      if (!Number.isInteger(id) || (id as number) < 0) throw new TypeError(`${where}: group ${g} of the state names a parameter ${describe(id)}; ids are whole numbers ≥ 0`);
      const key = String(id);
      if (seen.has(key)) throw new RangeError(`${where}: parameter id ${key} appears twice (groups ${seen.get(key)} and ${g})`);
      seen.set(key, g);
    }
    const resolved = { ...withOwnArrays(options as unknown as O), params: group.params } as ResolvedGroup<O>;
    hooks.validateOptions(resolved, ` (group ${g} of the loaded state)`);
    groups.push(resolved);
    group.params.forEach((p, k) => {
      // ids[k]: the k-th parameter's id (by position, not indexOf — that made a load quadratic in the group's size).
      const saved = sd.state[String(ids[k])];
      if (saved !== undefined) states.set(p, checkedParamState(where, owner, `${parameterLabel(index, p.name)}'s state`, p, resolved, saved, hooks));
      index++;
    });
  });
  // Every saved state must belong to a parameter: a state under an id no group names means the
  // dict was made for other parameters (or edited), and loading it would drop that state silently.
  const orphan = Object.keys(sd.state).find((key) => !seen.has(key));
  if (orphan !== undefined) throw new RangeError(`${where}: the state has an entry '${orphan}' that no parameter group names (their ids: ${[...seen.keys()].join(', ') || 'none'})`);
  // A key beside state and paramGroups that the optimizer does not save (a misspelt 'prevLos' for
  // Rprop's previous loss) was dropped without a word, the optimizer-wide scalar it meant left unset:
  // refused, as a state's stray key is. After the groups: another optimizer's dict is named there.
  const known = ['state', 'paramGroups', ...Object.keys(hooks.extraState())];
  const strayKey = Object.keys(sd).find((key) => !known.includes(key) && (sd as unknown as Record<string, unknown>)[key] !== undefined);
  if (strayKey !== undefined) {
    throw new RangeError(`${where}: the state dict has a key '${strayKey}' that ${owner}'s does not have (it holds ${known.join(', ')})`);
  }
  const extra: Record<string, number | null> = {};
  for (const key of Object.keys(hooks.extraState())) {
    const v = (sd as StateDict<O> & Record<string, unknown>)[key] ?? null;
    if (v !== null && (typeof v !== 'number' || Number.isNaN(v))) throw new TypeError(`${where}: '${key}' must be a number or null, got ${describe(v)}`);
    const problem = v === null ? null : hooks.extraStateProblem(key, v);
    if (problem !== null) throw new RangeError(`${where}: '${key}' ${problem}, got ${describe(v)}`);
    extra[key] = v;
  }
  return { groups, states, extra };
}

/**
 * Checks parameter `p`'s saved state `saved` (`label` names it in messages) against the state the
 * optimizer would fill from it in `group`, and returns that state filled.
 */
function checkedParamState<O>(
  where: string, owner: string, label: string, p: Parameter, group: ResolvedGroup<O>, saved: SerializedParamState, hooks: LoadedStateRules<O>,
): ParamState {
  if (typeof saved !== 'object' || saved === null) throw new TypeError(`${where}: ${label} must be an object of buffers and numbers, got ${describe(saved)}`);
  const fresh = hooks.loadedStateTemplate(p, group, saved);
  try {
    return filled(where, owner, label, saved, fresh, hooks);
  } catch (error) {
    releaseOptimizerState(fresh); // refused: its kernel memory goes back now (see `checkedLoadedState`)
    throw error;
  }
}

/** Checks `saved` against the template `fresh` and fills it (see `checkedParamState`). */
function filled<O>(where: string, owner: string, label: string, saved: SerializedParamState, fresh: ParamState, hooks: LoadedStateRules<O>): ParamState {
  // A key the state does not have would be dropped without a word (a misspelt 'stepsize' beside
  // the real one, a buffer of another optimizer's): refused, as a state no parameter claims is.
  const stray = Object.keys(saved).find((key) => !Object.hasOwn(fresh, key));
  if (stray !== undefined) {
    throw new RangeError(`${where}: ${label} has a key '${stray}' that ${owner}'s state does not have (it holds ${Object.keys(fresh).join(', ') || 'nothing'})`);
  }
  for (const [key, template] of Object.entries(fresh)) {
    const value = saved[key];
    if (typeof template === 'number') {
      if (typeof value !== 'number') throw new TypeError(`${where}: ${label} needs a number '${key}', got ${describe(value)}`);
      const problem = !Number.isFinite(value) ? 'must be a finite number' : hooks.stateValueProblem(key, value);
      if (problem !== null) throw new RangeError(`${where}: ${label} '${key}' ${problem}, got ${describe(value)}`);
      fresh[key] = value;
    } else {
      if (!Array.isArray(value) && !isFloatArray(value)) {
        throw new TypeError(`${where}: ${label} needs an array '${key}' of ${template.length} numbers, got ${describe(value)}`);
      }
      if (value.length !== template.length) {
        throw new RangeError(`${where}: ${label} '${key}' has ${value.length} values, the parameter has ${template.length}`);
      }
      const values = value as ArrayLike<unknown>;
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        const problem =
          typeof v !== 'number' || !Number.isFinite(v)
            ? 'must hold finite numbers'
            : template instanceof Float32Array && !Number.isFinite(Math.fround(v))
              ? 'must hold numbers that fit a float32 (the parameter\'s type)'
              : hooks.stateValueProblem(key, v);
        if (problem !== null) throw new RangeError(`${where}: ${label} '${key}' ${problem}, got ${describe(v)} at index ${i}`);
      }
      template.set(value as ArrayLike<number>);
      for (let i = 0; i < template.length; i++) template[i] = hooks.normalizeStateValue(key, template[i]!);
    }
  }
  return fresh;
}
