import { describe } from '../errors.js';

// What `fromTorchStateDict` and `toTorchStateDict` both read or write of a torch Rprop state_dict.

/** Keys of a torch Rprop group that say how torch runs, not what it computes. */
export const TORCH_RUN_KEYS: readonly string[] = ['foreach', 'differentiable', 'capturable'];

/**
 * A group's `params` as a list of parameter ids (whole numbers ≥ 0), each added to `listed`; an id
 * listed before, by this group or an earlier one, is refused. `where` starts every message.
 */
export function listedParamIds(where: string, params: unknown, path: string, listed: Set<string>): number[] {
  if (!Array.isArray(params)) throw new TypeError(`${where}: ${path}.params must be an array of parameter ids, got ${describe(params)}`);
  params.forEach((id: unknown, i) => {
    if (!Number.isInteger(id) || (id as number) < 0) throw new TypeError(`${where}: ${path}.params[${i}] must be a parameter id (a whole number ≥ 0), got ${describe(id)}`);
    if (listed.has(String(id))) throw new RangeError(`${where}: ${path}.params[${i}]: parameter id ${id} is listed twice`);
    listed.add(String(id));
  });
  return params.slice() as number[];
}

/** Refuses a state id that no group lists. */
export function checkListed(where: string, id: string, listed: ReadonlySet<string>): void {
  if (!listed.has(id)) throw new RangeError(`${where}: state["${id}"] belongs to no group (the groups list ${[...listed].join(', ') || 'no parameters'})`);
}
