import { describe } from '../errors.js';
import type { StateDict } from '../types.js';
import { ADAM_DEFAULTS, LION_DEFAULTS, RPROP_DEFAULTS, SGD_DEFAULTS, SIGN_SGD_DEFAULTS, SIGNUM_DEFAULTS } from './defaults.js';
import type { RpropOptions } from './rprop.js';
import { checkListed, listedParamIds, TORCH_RUN_KEYS } from './torch-dict-parts.js';

const WHERE = 'toTorchStateDict';

/** Rprop's options: every Rprop group holds each (a `stateDict()` saves them all). */
const RPROP_OPTIONS = Object.keys(RPROP_DEFAULTS);
/** Keys torch's Rprop group has besides its options: a group key of ours by one of these names would be overwritten or misread. */
const TORCH_GROUP_KEYS = ['step_sizes', ...TORCH_RUN_KEYS];
/** Options of this library's other optimizers, by optimizer: a group holding one was not saved by Rprop. */
const OTHER_OPTIMIZERS: ReadonlyArray<[string, readonly string[]]> = [
  ['SignSGD', Object.keys(SIGN_SGD_DEFAULTS)],
  ['Signum', Object.keys(SIGNUM_DEFAULTS)],
  ['Lion', Object.keys(LION_DEFAULTS)],
  ['SGD', Object.keys(SGD_DEFAULTS)],
  ['Adam', Object.keys(ADAM_DEFAULTS)],
];
/** Top-level keys of an Rprop stateDict besides `state` and `paramGroups`. */
const RPROP_EXTRA_KEYS = ['prevLoss'];

/** Options of {@link toTorchStateDict}. */
export interface ToTorchStateDictOptions {
  /**
   * The value of torch's per-parameter step counter `state[id]['step']`. Default 0. This library keeps
   * no step count, and PyTorch 1.13's Rprop never reads it in its arithmetic — it only adds 1 to it at
   * each step — so it changes nothing torch computes; pass the number of steps taken if you want
   * torch's counter to read right.
   */
  step?: number;
}

/** `torch.optim.Rprop.state_dict()` with its tensors as flat lists: what {@link toTorchStateDict} gives. */
export interface TorchRpropExport {
  /** Per-parameter state, keyed by the parameter's index over all groups in order. */
  state: Record<string, { step: number; prev: number[]; step_size: number[] }>;
  /** Each group's options, under torch's names, its own keys, and its parameters' ids. */
  param_groups: Array<{ lr: number; etas: [number, number]; step_sizes: [number, number]; foreach: null; maximize: boolean; params: number[] } & Record<string, unknown>>;
}

/**
 * Turns an `Rprop` `stateDict()` into the `state_dict()` of a `torch.optim.Rprop` (PyTorch 1.13), its
 * tensors as flat lists (row-major, the layout of a `Parameter`), so a run started here continues in
 * PyTorch — bit for bit, float32 and float64, on the same gradients. Write it with
 * `JSON.stringify(toTorchStateDict(opt.stateDict()))` to `rprop-state.json`, and in Python, with
 * `optimizer` a `torch.optim.Rprop` over the same parameters in the same groups and order, holding
 * this run's current values:
 *
 * ```python
 * import json, torch
 * with open('rprop-state.json') as f:
 *     sd = json.load(f)
 * params = [p for g in optimizer.param_groups for p in g['params']]  # ids: indices over all groups
 * def tensor(v, p):  # a flat list as a tensor of p's shape and dtype; a number (step) as it is
 *     return torch.tensor(v, dtype=p.dtype).reshape(p.shape) if isinstance(v, list) else v
 * sd['state'] = {int(k): {n: tensor(v, params[int(k)]) for n, v in s.items()} for k, s in sd['state'].items()}
 * optimizer.load_state_dict(sd)
 * ```
 *
 * Mapping (the reverse of {@link fromTorchStateDict}): `prev` → `prev`, `stepSize` → `step_size`,
 * `stepSizes` → `step_sizes`, `lr`, `etas`, `maximize` as they are, `foreach: null` (torch's default),
 * and `step` from `options.step` (default 0: torch 1.13's Rprop only counts with it). A group's own
 * keys (a `name`) are kept, as torch keeps a group's own keys. Dropped, since iRprop− reads neither: a
 * state's `prevUpdate` and the optimizer's `prevLoss` (left by a + variant the group ran before).
 * Values are copied as they are, as `stateDict()` gives them: a −0 stays −0 in the object and, as
 * through `stateDict()`, becomes +0 through JSON (it can matter only with a step size of exactly 0);
 * NaN and ±Infinity, which JSON cannot hold and `stateDict()` never gives, are refused.
 *
 * @param sd an `Rprop` `stateDict()` (possibly through JSON); it is not changed.
 * @param options see {@link ToTorchStateDictOptions}.
 * @returns `{ state, param_groups }`, JSON-serialisable.
 * @throws RangeError for what torch cannot continue, naming the group or parameter and the rule: a
 * group whose `variant` is not `'irprop-'` (torch implements only iRprop−), a dict saved by another
 * optimizer (a group holding another optimizer's option, lacking one of Rprop's, or a state holding
 * another key than `prev`, `stepSize`, `prevUpdate`), a group key torch's Rprop group uses for its own
 * (`foreach`); TypeError for a value of the wrong kind:
 * `toTorchStateDict: paramGroups[1].variant is "irprop+"; torch.optim.Rprop implements only 'irprop-'`.
 */
export function toTorchStateDict(sd: StateDict<RpropOptions>, options: ToTorchStateDictOptions = {}): TorchRpropExport {
  const step = checkedStep(options);
  if (typeof sd !== 'object' || sd === null || Array.isArray(sd)) {
    throw new TypeError(`${WHERE}: expected an Rprop stateDict() ({ state, paramGroups }), got ${describe(sd)}`);
  }
  const dict = sd as unknown as Record<string, unknown>;
  if ('param_groups' in dict) throw new TypeError(`${WHERE}: the dict has 'param_groups', not 'paramGroups': it is a torch state_dict already`);
  const stray = Object.keys(dict).find((k) => k !== 'state' && k !== 'paramGroups' && !RPROP_EXTRA_KEYS.includes(k));
  if (stray !== undefined) {
    throw new RangeError(`${WHERE}: the dict has a key '${stray}' that an Rprop stateDict does not have (it holds state, paramGroups, prevLoss): another optimizer's?`);
  }
  const { state, paramGroups } = dict;
  if (typeof state !== 'object' || state === null || Array.isArray(state)) {
    throw new TypeError(`${WHERE}: state must be an object of per-parameter states, got ${describe(state)}`);
  }
  if (!Array.isArray(paramGroups)) throw new TypeError(`${WHERE}: paramGroups must be an array of groups, got ${describe(paramGroups)}`);
  const listed = new Set<string>();
  const param_groups = paramGroups.map((group: unknown, g) => torchGroup(group, `paramGroups[${g}]`, listed));
  const out: TorchRpropExport['state'] = {};
  for (const [id, saved] of Object.entries(state as Record<string, unknown>)) {
    checkListed(WHERE, id, listed);
    out[id] = torchState(saved, `state["${id}"]`, step);
  }
  return { state: out, param_groups };
}

/** `options.step`, checked: a whole number ≥ 0 (torch's counter is a Python int). */
function checkedStep(options: ToTorchStateDictOptions): number {
  if (typeof options !== 'object' || options === null) throw new TypeError(`${WHERE}: options must be an object ({ step }), got ${describe(options)}`);
  const unknown = Object.keys(options).find((k) => k !== 'step');
  if (unknown !== undefined) throw new RangeError(`${WHERE}: unknown option '${unknown}' (it takes step)`);
  const { step = 0 } = options;
  if (!Number.isSafeInteger(step) || step < 0) throw new TypeError(`${WHERE}: options.step must be a whole number ≥ 0 (torch's step counter), got ${describe(step)}`);
  return step;
}

/** One group under torch's names; adds its ids to `listed`, refusing one listed before. */
function torchGroup(group: unknown, path: string, listed: Set<string>): TorchRpropExport['param_groups'][number] {
  if (typeof group !== 'object' || group === null || Array.isArray(group)) throw new TypeError(`${WHERE}: ${path} must be an object, got ${describe(group)}`);
  const ours = group as Record<string, unknown>;
  const foreign = Object.keys(ours).find((k) => !RPROP_OPTIONS.includes(k) && OTHER_OPTIMIZERS.some(([, names]) => names.includes(k)));
  if (foreign !== undefined) {
    const owners = OTHER_OPTIMIZERS.filter(([, names]) => names.includes(foreign)).map(([name]) => name).join(' and ');
    throw new RangeError(`${WHERE}: ${path} has '${foreign}', an option of ${owners}, which torch's Rprop has no counterpart for: this is not an Rprop stateDict`);
  }
  const missing = RPROP_OPTIONS.find((k) => !(k in ours));
  if (missing !== undefined) throw new RangeError(`${WHERE}: ${path} has no '${missing}', an option every Rprop group has: this is not an Rprop stateDict`);
  const clash = TORCH_GROUP_KEYS.find((k) => k in ours);
  if (clash !== undefined) {
    throw new RangeError(`${WHERE}: ${path} has a key '${clash}' of its own, which torch's Rprop group uses for its own setting; rename or remove it`);
  }
  const { params, lr, etas, stepSizes, variant, maximize, ...own } = ours;
  if (variant !== 'irprop-') {
    throw new RangeError(`${WHERE}: ${path}.variant is ${describe(variant)}; torch.optim.Rprop implements only 'irprop-', so it cannot continue this group`);
  }
  const ids = listedParamIds(WHERE, params, path, listed);
  if (typeof lr !== 'number' || !Number.isFinite(lr)) throw new TypeError(`${WHERE}: ${path}.lr must be a finite number, got ${describe(lr)}`);
  if (typeof maximize !== 'boolean') throw new TypeError(`${WHERE}: ${path}.maximize must be true or false, got ${describe(maximize)}`);
  return {
    lr,
    etas: finitePair(etas, `${path}.etas`),
    step_sizes: finitePair(stepSizes, `${path}.stepSizes`),
    foreach: null,
    maximize,
    ...own,
    params: ids,
  };
}

/** `value` as a pair of finite numbers (JSON holds no NaN or ±Infinity). */
function finitePair(value: unknown, path: string): [number, number] {
  if (!Array.isArray(value) || value.length !== 2 || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new TypeError(`${WHERE}: ${path} must be a pair of finite numbers, got ${describe(value)}`);
  }
  return [value[0] as number, value[1] as number];
}

/** One parameter's state under torch's names; `prevUpdate` (unread by iRprop−) dropped. */
function torchState(saved: unknown, path: string, step: number): TorchRpropExport['state'][string] {
  if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) throw new TypeError(`${WHERE}: ${path} must be an object, got ${describe(saved)}`);
  const ours = saved as Record<string, unknown>;
  const stray = Object.keys(ours).find((k) => k !== 'prev' && k !== 'stepSize' && k !== 'prevUpdate');
  if (stray !== undefined) {
    throw new RangeError(`${WHERE}: ${path} has a key '${stray}' that Rprop's state does not have (it holds prev, stepSize, prevUpdate): another optimizer's?`);
  }
  const prev = finiteNumbers(ours.prev, `${path}.prev`);
  const stepSize = finiteNumbers(ours.stepSize, `${path}.stepSize`);
  if (prev.length !== stepSize.length) {
    throw new RangeError(`${WHERE}: ${path}.prev has ${prev.length} values and ${path}.stepSize ${stepSize.length}; they must match`);
  }
  return { step, prev, step_size: stepSize };
}

/** A copy of a flat array of finite numbers (a typed array too), −0 kept. */
function finiteNumbers(value: unknown, path: string): number[] {
  if (!Array.isArray(value) && !(ArrayBuffer.isView(value) && !(value instanceof DataView))) {
    throw new TypeError(`${WHERE}: ${path} must be an array of numbers, got ${describe(value)}`);
  }
  const out = Array.from(value as ArrayLike<unknown>);
  out.forEach((v, i) => {
    if (typeof v !== 'number') throw new TypeError(`${WHERE}: ${path} must be an array of numbers, got ${describe(v)} at index ${i}`);
    if (!Number.isFinite(v)) throw new RangeError(`${WHERE}: ${path} holds ${describe(v)} at index ${i}, which JSON cannot hold`);
  });
  return out as number[];
}
