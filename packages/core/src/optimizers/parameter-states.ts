import { describe, parameterLabel } from '../errors.js';
import type { FloatArray, Parameter } from '../types.js';
import { shapeCode } from './shape-code.js';

/** One parameter's optimizer state: typed buffers of the parameter's type and length, and scalars. */
export type ParamState = Record<string, FloatArray | number>;

/** What `ParameterStates` reads of a parameter group. */
interface Group {
  readonly params: readonly Parameter[];
}

/**
 * An optimizer's per-parameter states, kept by parameter and read by position.
 *
 * Kept by parameter, because `paramGroups` is open: a group's `params` may be edited between steps (a
 * parameter replaced or added, the list reordered, a group removed), and a parameter keeps its state
 * wherever it moves. Read by position (the parameter's index over all groups), because a step's loops,
 * the gradient checks and the state dict go by index, and a Map lookup per tensor showed up over many
 * tensors. `reindex` rebuilds the positions whenever the groups' parameters are not those they were
 * built for; without it a parameter would step on another's state.
 */
export class ParameterStates {
  /** The states, by parameter. */
  private readonly byParam = new Map<Parameter, ParamState>();

  /**
   * By parameter, the shape of the `data` its state was made for (`shapeCode`): a step refuses a
   * parameter whose array has since been swapped for one of another length or type, which the state's
   * buffers (and the kernels, which trust them) do not fit.
   */
  private readonly shapeOf = new Map<Parameter, number>();

  /** The states by index (undefined: none yet), as last built by `reindex` or `makeMissing`. */
  private readonly byIndex: Array<ParamState | undefined> = [];

  /** `shapeOf` by index (undefined while a parameter has no state), for the step's gradient checks. */
  readonly shapes: Array<number | undefined> = [];

  /** Every parameter in order, as `byIndex` and `shapes` were last built for (empty: to be built). */
  private readonly indexed: Parameter[] = [];

  /** How many of `indexed` each group had (a parameter moved to the next group keeps its index). */
  private readonly sizes: number[] = [];

  /** The state of `param`, if it has one. */
  get(param: Parameter): ParamState | undefined {
    return this.byParam.get(param);
  }

  /** The state of parameter `index`, during a step's updates (made by `makeMissing` before any runs). */
  at(index: number): ParamState {
    return this.byIndex[index]!;
  }

  /**
   * Rebuilds the positions if the groups' parameters are not those they were built for; true if it
   * did. Refuses, changing nothing, groups edited into something that is not a group, and parameter
   * lists holding a non-object or a parameter twice (a step checks the data of those it updates).
   * Messages start with `${owner}.${method}`, built only past the common case: a step allocates nothing here.
   */
  reindex(groups: readonly Group[], owner: string, method: string): boolean {
    const indexed = this.indexed;
    let index = 0;
    let same = groups.length === this.sizes.length;
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g]!;
      if (typeof group !== 'object' || group === null || !Array.isArray(group.params)) {
        const got = typeof group === 'object' && group !== null ? `params ${describe(group.params)}` : describe(group);
        throw new TypeError(`${owner}.${method}: group ${g} must be { params: Parameter[], ...options }, got ${got}; nothing was changed`);
      }
      if (group.params.length !== this.sizes[g]) same = false;
      for (const p of group.params) {
        if (indexed[index] !== p) same = false;
        index++;
      }
    }
    if (same && index === indexed.length) return false;
    const context = `${owner}.${method}`;
    const seen = new Set<Parameter>();
    index = 0;
    for (const group of groups) {
      for (const p of group.params) {
        // An object, not its data: a step checks the data of the parameters it updates, and skips the
        // others (grad null) whatever they hold, on this step as on any other.
        if (typeof p !== 'object' || p === null) {
          throw new TypeError(`${context}: parameter ${index} must be { data: Float32Array | Float64Array, grad }, got ${describe(p)}; nothing was changed`);
        }
        if (seen.has(p)) throw new TypeError(`${context}: ${parameterLabel(index, p.name)} appears more than once in the parameter groups; nothing was changed`);
        seen.add(p);
        index++;
      }
    }
    indexed.length = 0;
    for (const group of groups) for (const p of group.params) indexed.push(p);
    this.sizes.length = 0;
    for (const group of groups) this.sizes.push(group.params.length);
    this.byIndex.length = 0;
    this.shapes.length = 0;
    for (const p of indexed) {
      this.byIndex.push(this.byParam.get(p));
      this.shapes.push(this.shapeOf.get(p));
    }
    return true;
  }

  /**
   * Makes the state of every parameter that steps now (its grad not null) and has none, group by
   * group, with `make` (fresh states for several parameters of one group, in order). Call after `reindex`.
   */
  makeMissing<G extends Group>(groups: readonly G[], make: (params: readonly Parameter[], group: G) => ParamState[]): void {
    if (!this.byIndex.includes(undefined)) return; // every state made (and indexed, by `reindex`)
    let index = 0;
    for (const group of groups) {
      const missing = group.params.filter((p) => p.grad !== null && !this.byParam.has(p));
      if (missing.length > 0) {
        const states = make(missing, group);
        missing.forEach((p, i) => {
          this.byParam.set(p, states[i]!);
          this.shapeOf.set(p, shapeCode(p.data));
        });
      }
      for (const p of group.params) {
        this.byIndex[index] = this.byParam.get(p);
        this.shapes[index] = this.shapeOf.get(p);
        index++;
      }
    }
  }

  /**
   * Puts `states` in place of every state (none: to drop them all), to be indexed afresh by the next
   * `reindex`; returns the records replaced, for their kernel memory to be given back.
   */
  replace(states: ReadonlyMap<Parameter, ParamState>): ParamState[] {
    const replaced = [...this.byParam.values()];
    this.byParam.clear();
    this.shapeOf.clear();
    for (const [p, s] of states) {
      this.byParam.set(p, s);
      this.shapeOf.set(p, shapeCode(p.data));
    }
    this.indexed.length = 0;
    return replaced;
  }
}
