import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { Adam, Lion, Rprop, SGD, SignSGD, Signum, toTorchStateDict, type Parameter, type RpropOptions, type StateDict } from '../../src/index.js';

/** What torch cannot continue, and malformed dicts: each refused with its error type and a message naming where. */

const param = (): Parameter => ({ data: Float32Array.of(1, -2, 0.5), grad: Float32Array.of(0.5, -1, 2) });

/** A real Rprop stateDict after one step: two groups, parameters 0 (3 values) and 1 (3 values). */
function rpropDict(): { state: Record<string, Record<string, unknown>>; paramGroups: Array<Record<string, unknown>>; prevLoss?: unknown } {
  const opt = new Rprop([{ params: [param()] }, { params: [param()], lr: 0.05, name: 'head' }]);
  opt.step();
  return JSON.parse(JSON.stringify(opt.stateDict()));
}

/** `rpropDict()` changed by `edit`. */
function edited(edit: (d: ReturnType<typeof rpropDict>) => void): StateDict<RpropOptions> {
  const d = rpropDict();
  edit(d);
  return d as unknown as StateDict<RpropOptions>;
}

/** `rpropDict()` as it is, typed as the stateDict it is. */
const unedited = () => edited(() => {});

/** Another optimizer's stateDict after one step. */
function savedBy(make: (params: Parameter[]) => { step(): void; stateDict(): unknown }): StateDict<RpropOptions> {
  const opt = make([param()]);
  opt.step();
  return JSON.parse(JSON.stringify(opt.stateDict()));
}

it('accepts the dict the refusals below are made from, keeping a group key of its own', () => {
  const torch = toTorchStateDict(unedited());
  expect(torch.param_groups[1]).toEqual({ lr: 0.05, etas: [0.5, 1.2], step_sizes: [1e-6, 50], foreach: null, maximize: false, name: 'head', params: [1] });
  expect(Object.keys(torch.state)).toEqual(['0', '1']);
});

it.each<[string, unknown, Error]>([
  ['iRprop+', edited((d) => { d.paramGroups[1]!.variant = 'irprop+'; }), new RangeError("toTorchStateDict: paramGroups[1].variant is \"irprop+\"; torch.optim.Rprop implements only 'irprop-', so it cannot continue this group")],
  ['Rprop−', edited((d) => { d.paramGroups[0]!.variant = 'rprop-'; }), new RangeError("toTorchStateDict: paramGroups[0].variant is \"rprop-\"; torch.optim.Rprop implements only 'irprop-', so it cannot continue this group")],
  ['Rprop+', edited((d) => { d.paramGroups[0]!.variant = 'rprop+'; }), new RangeError("toTorchStateDict: paramGroups[0].variant is \"rprop+\"; torch.optim.Rprop implements only 'irprop-', so it cannot continue this group")],
  ['no variant', edited((d) => { delete d.paramGroups[0]!.variant; }), new RangeError("toTorchStateDict: paramGroups[0] has no 'variant', an option every Rprop group has: this is not an Rprop stateDict")],
  ["Adam's dict", savedBy((p) => new Adam(p)), new RangeError("toTorchStateDict: paramGroups[0] has 'betas', an option of Lion and Adam, which torch's Rprop has no counterpart for: this is not an Rprop stateDict")],
  ["Lion's dict", savedBy((p) => new Lion(p)), new RangeError("toTorchStateDict: paramGroups[0] has 'betas', an option of Lion and Adam, which torch's Rprop has no counterpart for: this is not an Rprop stateDict")],
  ["Signum's dict", savedBy((p) => new Signum(p)), new RangeError("toTorchStateDict: paramGroups[0] has 'beta', an option of Signum, which torch's Rprop has no counterpart for: this is not an Rprop stateDict")],
  ["SGD's dict", savedBy((p) => new SGD(p)), new RangeError("toTorchStateDict: paramGroups[0] has 'momentum', an option of SGD, which torch's Rprop has no counterpart for: this is not an Rprop stateDict")],
  ["SignSGD's dict", savedBy((p) => new SignSGD(p)), new RangeError("toTorchStateDict: paramGroups[0] has no 'etas', an option every Rprop group has: this is not an Rprop stateDict")],
  ['a group key torch uses', edited((d) => { d.paramGroups[1]!.foreach = true; }), new RangeError("toTorchStateDict: paramGroups[1] has a key 'foreach' of its own, which torch's Rprop group uses for its own setting; rename or remove it")],
  ["torch's name for stepSizes", edited((d) => { d.paramGroups[0]!.step_sizes = [1e-6, 50]; }), new RangeError("toTorchStateDict: paramGroups[0] has a key 'step_sizes' of its own, which torch's Rprop group uses for its own setting; rename or remove it")],
  ["another optimizer's state key", edited((d) => { d.state['1']!.expAvg = [0, 0, 0]; }), new RangeError("toTorchStateDict: state[\"1\"] has a key 'expAvg' that Rprop's state does not have (it holds prev, stepSize, prevUpdate): another optimizer's?")],
  ['a stray top-level key', edited((d) => Object.assign(d, { step: 3 })), new RangeError("toTorchStateDict: the dict has a key 'step' that an Rprop stateDict does not have (it holds state, paramGroups, prevLoss): another optimizer's?")],
  ['a torch state_dict', { state: {}, param_groups: [] }, new TypeError("toTorchStateDict: the dict has 'param_groups', not 'paramGroups': it is a torch state_dict already")],
  ['not an object', 'state.json', new TypeError('toTorchStateDict: expected an Rprop stateDict() ({ state, paramGroups }), got "state.json"')],
  ['no paramGroups', edited((d) => { delete (d as Partial<typeof d>).paramGroups; }), new TypeError('toTorchStateDict: paramGroups must be an array of groups, got undefined')],
  ['no state', edited((d) => { delete (d as Partial<typeof d>).state; }), new TypeError('toTorchStateDict: state must be an object of per-parameter states, got undefined')],
  ['a state no group lists', edited((d) => { d.paramGroups[1]!.params = []; }), new RangeError('toTorchStateDict: state["1"] belongs to no group (the groups list 0)')],
  ['an id listed twice', edited((d) => { d.paramGroups[1]!.params = [0]; }), new RangeError('toTorchStateDict: paramGroups[1].params[0]: parameter id 0 is listed twice')],
  ['an id that is no whole number', edited((d) => { d.paramGroups[1]!.params = [1.5]; }), new TypeError('toTorchStateDict: paramGroups[1].params[0] must be a parameter id (a whole number ≥ 0), got 1.5')],
  ['an lr of NaN', edited((d) => { d.paramGroups[0]!.lr = NaN; }), new TypeError('toTorchStateDict: paramGroups[0].lr must be a finite number, got NaN')],
  ['etas of one number', edited((d) => { d.paramGroups[0]!.etas = [0.5]; }), new TypeError('toTorchStateDict: paramGroups[0].etas must be a pair of finite numbers, got [0.5]')],
  ['maximize as a number', edited((d) => { d.paramGroups[0]!.maximize = 0; }), new TypeError('toTorchStateDict: paramGroups[0].maximize must be true or false, got 0')],
  ['a prev with a string', edited((d) => { d.state['0']!.prev = [1, 'x', 0]; }), new TypeError('toTorchStateDict: state["0"].prev must be an array of numbers, got "x" at index 1')],
  ['a step size of Infinity', edited((d) => { d.state['0']!.stepSize = [0.01, Infinity, 0.01]; }), new RangeError('toTorchStateDict: state["0"].stepSize holds Infinity at index 1, which JSON cannot hold')],
  ['prev and stepSize of different lengths', edited((d) => { d.state['0']!.stepSize = [0.01]; }), new RangeError('toTorchStateDict: state["0"].prev has 3 values and state["0"].stepSize 1; they must match')],
  ['no stepSize', edited((d) => { delete d.state['1']!.stepSize; }), new TypeError('toTorchStateDict: state["1"].stepSize must be an array of numbers, got undefined')],
])('refuses %s', (_, input, error) => {
  expect(() => toTorchStateDict(input as StateDict<RpropOptions>)).toThrow(error);
});

it.each<[string, unknown, Error]>([
  ['a negative step', { step: -1 }, new TypeError("toTorchStateDict: options.step must be a whole number ≥ 0 (torch's step counter), got -1")],
  ['a fractional step', { step: 2.5 }, new TypeError("toTorchStateDict: options.step must be a whole number ≥ 0 (torch's step counter), got 2.5")],
  ['an unknown option', { steps: 3 }, new RangeError("toTorchStateDict: unknown option 'steps' (it takes step)")],
  ['options that are no object', 3, new TypeError('toTorchStateDict: options must be an object ({ step }), got 3')],
])('refuses %s', (_, options, error) => {
  expect(() => toTorchStateDict(unedited(), options as { step: number })).toThrow(error);
});

it('refuses with the messages docs/api.md quotes', () => {
  const prose = readFileSync(new URL('../../../../docs/api.md', import.meta.url), 'utf8').replace(/\s*\n\s*/g, ' ');
  const quoted = [...prose.matchAll(/`(toTorchStateDict: [^`]*)`/g)].map((m) => m[1]!);
  expect(quoted).toHaveLength(2);
  expect(() => toTorchStateDict(edited((d) => { d.paramGroups[0]!.variant = 'irprop+'; }))).toThrow(quoted[0]!);
  expect(() => toTorchStateDict(savedBy((p) => new Adam(p)))).toThrow(quoted[1]!);
});
