import { describe } from '../errors.js';
import type { Parameter, ParamGroup } from '../types.js';
import { isFloatArray } from './float-arrays.js';

// What an optimizer's constructor (or addParamGroup) was given as params: a list of parameters or a
// list of groups, and each parameter checked before any option is (their float32 checks read the data).

/** Whether `params` is a list of groups (its first element has `params`), not a list of parameters. */
export function isGroupList<O>(params: readonly Parameter[] | readonly ParamGroup<O>[]): params is readonly ParamGroup<O>[] {
  const first: unknown = params[0];
  return typeof first === 'object' && first !== null && 'params' in first;
}

/** Throws a TypeError, `owner` first, unless `p` (parameter `index` over all groups) is { data: Float32Array | Float64Array, … }. */
export function checkParameter(owner: string, p: Parameter, index: number): void {
  if (typeof p === 'object' && p !== null && 'params' in p && !('data' in p)) {
    throw new TypeError(`${owner}: parameter ${index} is a parameter group ({ params, ...options }): give a list of parameters or a list of groups, not both`);
  }
  if (typeof p !== 'object' || p === null || !isFloatArray(p.data)) {
    throw new TypeError(`${owner}: parameter ${index} must be { data: Float32Array | Float64Array, grad }, got ${describe(p?.data ?? p)}`);
  }
}
