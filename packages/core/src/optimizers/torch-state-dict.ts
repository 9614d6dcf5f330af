import { describe } from '../errors.js';
import type { SerializedParamState, StateDict } from '../types.js';
import type { RpropOptions } from './rprop.js';
import { checkListed, listedParamIds, TORCH_RUN_KEYS } from './torch-dict-parts.js';

const WHERE = 'fromTorchStateDict';

/** Keys of a torch Rprop group that become our options (by these names). */
const TORCH_OPTION_KEYS = ['lr', 'etas', 'step_sizes', 'maximize'];
/** Our option names that torch's groups lack: a group holding one was not exported from torch as is. */
const OURS_ONLY = ['stepSizes', 'variant'];

/** PyTorch's `torch.optim.Rprop.state_dict()`, exported to JSON (see {@link fromTorchStateDict}). */
export interface TorchRpropStateDict {
  /** Per-parameter state, keyed by the parameter's id: `step` (dropped), `prev`, `step_size`. */
  state: Record<string, Record<string, unknown>>;
  /** Each group's options (`lr`, `etas`, `step_sizes`, `maximize`, …) and its parameters' ids. */
  param_groups: Array<Record<string, unknown>>;
}

/**
 * Turns a PyTorch `torch.optim.Rprop` `state_dict()`, exported to JSON with its tensors as lists, into
 * the {@link StateDict} that `Rprop.loadStateDict` accepts, so a run started in PyTorch continues here
 * (bit for bit, float32 and float64, on the same gradients). Export it in Python with
 *
 * ```python
 * import json, torch
 * def plain(v):  # a tensor as a flat list (row-major), a 0-d tensor as a number
 *     return (v.flatten().tolist() if v.dim() > 0 else v.item()) if torch.is_tensor(v) else v
 * sd = optimizer.state_dict()
 * with open('rprop-state.json', 'w') as f:
 *     json.dump({'state': {k: {n: plain(v) for n, v in s.items()} for k, s in sd['state'].items()},
 *                'param_groups': sd['param_groups']}, f)
 * ```
 *
 * Then `opt.loadStateDict(fromTorchStateDict(JSON.parse(text)))`, with `opt` an `Rprop` whose groups
 * hold the same parameters in the same order (each flattened row-major, the layout of `Parameter`,
 * holding torch's current values).
 *
 * Mapping: `prev` → `prev`, `step_size` → `stepSize`, `step_sizes` → `stepSizes`, `lr`, `etas`,
 * `maximize` as they are (a group without `maximize`, from a PyTorch before it had one, minimizes, as
 * torch reads it), and every group gets `variant: 'irprop-'`, the rule of `torch.optim.Rprop`. Torch's
 * step counter `step` is dropped (Rprop here keeps none), and so are `foreach`, `differentiable` and
 * `capturable` (how torch runs, not what it computes). Any other key of a group is kept as the group's
 * own key (`loadStateDict` then wants the live group to have it too). Parameter ids are kept: torch's
 * are the parameters' indices over all groups in order, as ours are. A buffer may also be a nested list
 * (`tensor.tolist()` of a 2-D tensor) — it is flattened in row-major order — or a number (a 0-d
 * tensor's `item()`), taken as one value.
 *
 * The options' values are checked by `loadStateDict` (η ranges, bounds, float32 rounding).
 *
 * @param torchState the parsed JSON: `{ state, param_groups }`.
 * @returns `{ state, paramGroups, prevLoss: null }`, JSON-serialisable; the input is not changed.
 * @throws TypeError for a value of the wrong kind, RangeError for one that does not fit (a state no
 * group names, an id listed twice, `prev` and `step_size` of different lengths, a ragged list, a key
 * torch's Rprop state does not have), each naming its path: `fromTorchStateDict: state["3"].prev must be
 * an array of numbers, got "x"`.
 */
export function fromTorchStateDict(torchState: TorchRpropStateDict): StateDict<RpropOptions> & { prevLoss: null } {
  if (typeof torchState !== 'object' || torchState === null || Array.isArray(torchState)) {
    throw new TypeError(`${WHERE}: expected { state, param_groups } (a torch state_dict exported to JSON), got ${describe(torchState)}`);
  }
  const sd = torchState as unknown as Record<string, unknown>;
  if ('paramGroups' in sd) {
    throw new TypeError(`${WHERE}: the dict has 'paramGroups', not 'param_groups': it is this library's StateDict already; load it as it is`);
  }
  const stray = Object.keys(sd).find((k) => k !== 'state' && k !== 'param_groups');
  if (stray !== undefined) throw new RangeError(`${WHERE}: the dict has a key '${stray}' that a torch state_dict does not have (it holds state, param_groups)`);
  const { state, param_groups: groups } = sd;
  if (typeof state !== 'object' || state === null || Array.isArray(state)) {
    throw new TypeError(`${WHERE}: state must be an object of per-parameter states, got ${describe(state)}`);
  }
  if (!Array.isArray(groups)) throw new TypeError(`${WHERE}: param_groups must be an array of groups, got ${describe(groups)}`);
  const listed = new Set<string>();
  const paramGroups = groups.map((group: unknown, g) => convertedGroup(group, `param_groups[${g}]`, listed));
  const converted: Record<string, SerializedParamState> = {};
  for (const [id, saved] of Object.entries(state as Record<string, unknown>)) {
    checkListed(WHERE, id, listed);
    converted[id] = convertedState(saved, `state["${id}"]`);
  }
  return { state: converted, paramGroups, prevLoss: null };
}

/** One torch group as ours; adds its ids to `listed`, refusing one listed before. */
function convertedGroup(group: unknown, path: string, listed: Set<string>): StateDict<RpropOptions>['paramGroups'][number] {
  if (typeof group !== 'object' || group === null || Array.isArray(group)) throw new TypeError(`${WHERE}: ${path} must be an object, got ${describe(group)}`);
  const torch = group as Record<string, unknown>;
  const ours = OURS_ONLY.find((k) => k in torch);
  if (ours !== undefined) throw new RangeError(`${WHERE}: ${path} has '${ours}', which torch's Rprop groups do not have: was it converted already?`);
  const { params, lr, etas, step_sizes: stepSizes, maximize = false } = torch;
  const ids = listedParamIds(WHERE, params, path, listed);
  if (typeof lr !== 'number') throw new TypeError(`${WHERE}: ${path}.lr must be a number, got ${describe(lr)}`);
  if (typeof maximize !== 'boolean') throw new TypeError(`${WHERE}: ${path}.maximize must be true or false, got ${describe(maximize)}`);
  const own = Object.fromEntries(Object.entries(torch).filter(([k]) => k !== 'params' && !TORCH_OPTION_KEYS.includes(k) && !TORCH_RUN_KEYS.includes(k)));
  return {
    ...own,
    params: ids,
    lr,
    etas: numberPair(etas, `${path}.etas`),
    stepSizes: numberPair(stepSizes, `${path}.step_sizes`),
    variant: 'irprop-',
    maximize,
  };
}

/** `value` as a pair of numbers (a Python tuple comes through JSON as a list). */
function numberPair(value: unknown, path: string): [number, number] {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'number' || typeof value[1] !== 'number') {
    throw new TypeError(`${WHERE}: ${path} must be a pair of numbers, got ${describe(value)}`);
  }
  return [value[0], value[1]];
}

/** One torch parameter state as ours: `prev` and `stepSize` as flat lists of the same length. */
function convertedState(saved: unknown, path: string): SerializedParamState {
  if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) throw new TypeError(`${WHERE}: ${path} must be an object, got ${describe(saved)}`);
  const torch = saved as Record<string, unknown>;
  const stray = Object.keys(torch).find((k) => k !== 'step' && k !== 'prev' && k !== 'step_size');
  if (stray !== undefined) throw new RangeError(`${WHERE}: ${path} has a key '${stray}' that torch's Rprop state does not have (it holds step, prev, step_size)`);
  const prev = flatNumbers(torch.prev, `${path}.prev`);
  const stepSize = flatNumbers(torch.step_size, `${path}.step_size`);
  if (prev.length !== stepSize.length) {
    throw new RangeError(`${WHERE}: ${path}.prev has ${prev.length} values and ${path}.step_size ${stepSize.length}; they must match`);
  }
  return { prev, stepSize };
}

/** A buffer as a flat list: a nested (rectangular) list flattened row-major, a number as one value. */
function flatNumbers(value: unknown, path: string): number[] {
  if (typeof value === 'number') return [value];
  if (!Array.isArray(value)) throw new TypeError(`${WHERE}: ${path} must be an array of numbers, got ${describe(value)}`);
  const out: number[] = [];
  flattenInto(value, path, out);
  return out;
}

/**
 * Appends `list`'s numbers to `out`, row-major; its items must be all numbers or all lists of one
 * length and one depth (a tensor's `tolist()` is rectangular all the way down).
 */
function flattenInto(list: unknown[], path: string, out: number[]): void {
  if (list.length > 0 && Array.isArray(list[0])) {
    const first = list[0] as unknown[];
    const rowLength = first.length;
    const rowsNested = Array.isArray(first[0]);
    list.forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== rowLength || Array.isArray(row[0]) !== rowsNested) {
        throw new RangeError(`${WHERE}: ${path} is a ragged list: item ${i} is ${describe(row)}, item 0 a list of ${rowLength}${rowsNested ? ' lists' : ''}`);
      }
      flattenInto(row, `${path}[${i}]`, out);
    });
    return;
  }
  list.forEach((v, i) => {
    if (typeof v !== 'number') throw new TypeError(`${WHERE}: ${path} must be an array of numbers, got ${describe(v)} at index ${i}`);
    out.push(v);
  });
}
