import { expect, it } from 'vitest';
import { fromTorchStateDict, type TorchRpropStateDict } from '../../src/index.js';

/** Malformed torch state_dicts: each refused with its error type and a message naming its path. */

/** A well-formed export, as PyTorch 1.13 gives it after one step of two parameters (3 and 2 values). */
function torchDict(): TorchRpropStateDict & { state: Record<string, Record<string, unknown>> } {
  return {
    state: {
      '0': { step: 1, prev: [0.5, -1, 0], step_size: [0.01, 0.01, 0.01] },
      '1': { step: 1, prev: [2, 3], step_size: [0.01, 0.01] },
    },
    param_groups: [{ lr: 0.01, etas: [0.5, 1.2], step_sizes: [1e-6, 50], foreach: null, maximize: false, params: [0, 1] }],
  };
}

/** `torchDict()` changed by `edit`. */
function edited(edit: (d: ReturnType<typeof torchDict>) => void): TorchRpropStateDict {
  const d = torchDict();
  edit(d);
  return d;
}

const group = (d: ReturnType<typeof torchDict>) => d.param_groups[0]!;

it('accepts the well-formed dict the refusals below are made from', () => {
  expect(fromTorchStateDict(torchDict()).state['0']).toEqual({ prev: [0.5, -1, 0], stepSize: [0.01, 0.01, 0.01] });
});

it.each<[string, unknown, Error]>([
  ['not an object', 'state.json', new TypeError('fromTorchStateDict: expected { state, param_groups } (a torch state_dict exported to JSON), got "state.json"')],
  ['no state', edited((d) => delete (d as Partial<typeof d>).state), new TypeError('fromTorchStateDict: state must be an object of per-parameter states, got undefined')],
  ['no param_groups', edited((d) => delete (d as Partial<typeof d>).param_groups), new TypeError('fromTorchStateDict: param_groups must be an array of groups, got undefined')],
  ['our own dict', { state: {}, paramGroups: [] }, new TypeError("fromTorchStateDict: the dict has 'paramGroups', not 'param_groups': it is this library's StateDict already; load it as it is")],
  ['a stray top-level key', edited((d) => Object.assign(d, { optimizer: 'Rprop' })), new RangeError("fromTorchStateDict: the dict has a key 'optimizer' that a torch state_dict does not have (it holds state, param_groups)")],
  ['a state no group lists', edited((d) => { group(d).params = [0]; }), new RangeError('fromTorchStateDict: state["1"] belongs to no group (the groups list 0)')],
  ['an id listed twice', edited((d) => { group(d).params = [0, 1, 0]; }), new RangeError('fromTorchStateDict: param_groups[0].params[2]: parameter id 0 is listed twice')],
  ['an id that is no whole number', edited((d) => { group(d).params = [0, 1.5]; }), new TypeError('fromTorchStateDict: param_groups[0].params[1] must be a parameter id (a whole number ≥ 0), got 1.5')],
  ['no params', edited((d) => { delete group(d).params; }), new TypeError('fromTorchStateDict: param_groups[0].params must be an array of parameter ids, got undefined')],
  ['an lr as a string', edited((d) => { group(d).lr = '0.01'; }), new TypeError('fromTorchStateDict: param_groups[0].lr must be a number, got "0.01"')],
  ['etas of one number', edited((d) => { group(d).etas = [0.5]; }), new TypeError('fromTorchStateDict: param_groups[0].etas must be a pair of numbers, got [0.5]')],
  ['no step_sizes', edited((d) => { delete group(d).step_sizes; }), new TypeError('fromTorchStateDict: param_groups[0].step_sizes must be a pair of numbers, got undefined')],
  ['maximize as a number', edited((d) => { group(d).maximize = 0; }), new TypeError('fromTorchStateDict: param_groups[0].maximize must be true or false, got 0')],
  ['a converted group', edited((d) => { group(d).variant = 'irprop-'; }), new RangeError("fromTorchStateDict: param_groups[0] has 'variant', which torch's Rprop groups do not have: was it converted already?")],
  ['a group that is no object', edited((d) => { d.param_groups[0] = null as never; }), new TypeError('fromTorchStateDict: param_groups[0] must be an object, got null')],
  ['a state that is no object', edited((d) => { d.state['1'] = [2, 3] as never; }), new TypeError('fromTorchStateDict: state["1"] must be an object, got [2, 3]')],
  ['a prev with a string', edited((d) => { d.state['1']!.prev = [2, 'x']; }), new TypeError('fromTorchStateDict: state["1"].prev must be an array of numbers, got "x" at index 1')],
  ['a prev as a string', edited((d) => { d.state['1']!.prev = 'x'; }), new TypeError('fromTorchStateDict: state["1"].prev must be an array of numbers, got "x"')],
  ['no step_size', edited((d) => { delete d.state['0']!.step_size; }), new TypeError('fromTorchStateDict: state["0"].step_size must be an array of numbers, got undefined')],
  ['prev and step_size of different lengths', edited((d) => { d.state['0']!.step_size = [0.01, 0.01]; }), new RangeError('fromTorchStateDict: state["0"].prev has 3 values and state["0"].step_size 2; they must match')],
  ['a ragged nested list', edited((d) => { d.state['0']!.prev = [[0.5, -1], [0]]; }), new RangeError('fromTorchStateDict: state["0"].prev is a ragged list: item 1 is [0], item 0 a list of 2')],
  ['a nested list of uneven depth', edited((d) => { d.state['0']!.prev = [[0.5, -1], [[0], [2]]]; }), new RangeError('fromTorchStateDict: state["0"].prev is a ragged list: item 1 is [[0], [2]], item 0 a list of 2')],
  ['another optimizer\'s state key', edited((d) => { d.state['0']!.exp_avg = [0, 0, 0]; }), new RangeError("fromTorchStateDict: state[\"0\"] has a key 'exp_avg' that torch's Rprop state does not have (it holds step, prev, step_size)")],
])('refuses %s', (_, input, error) => {
  expect(() => fromTorchStateDict(input as TorchRpropStateDict)).toThrow(error);
});

it('takes a group without maximize (older PyTorch, whose __setstate__ then sets False) as minimizing', () => {
  expect(fromTorchStateDict(edited((d) => { delete group(d).maximize; })).paramGroups[0]!.maximize).toBe(false);
});
