import { expect, it } from 'vitest';
import { Adam, Rprop, type Parameter } from '../../src/index.js';

const param = (): Parameter => ({ data: Float64Array.of(1, 2, 3), grad: Float64Array.of(1, -1, 1) });

// The constructor refuses a misspelt option in a group; options are checked again before every step
// "as at construction", but a misspelling set between steps (a schedule writing group.learningRate,
// a British group.maximise) was dropped without a word: the step ran with the option it meant unchanged.
it.each<[string, () => Rprop | Adam, string, unknown, string]>([
  ['maximise', () => new Rprop([{ params: [param()] }, { params: [param()] }]), 'maximise', true,
    `Rprop.step: unknown option "maximise" in group 1 (did you mean 'maximize'?); the options are lr, etas, stepSizes, variant, maximize`],
  ['learningRate', () => new Adam([param()]), 'learningRate', 0.1,
    `Adam.step: unknown option "learningRate" in group 0 (did you mean 'lr'?); the options are lr, betas, eps, maximize`],
])('a step refuses a misspelt option set since construction (%s), before the closure, changing nothing', (_name, make, key, value, message) => {
  const opt = make();
  opt.step();
  const snapshot = () => JSON.stringify([opt.stateDict().state, opt.paramGroups.map((g) => g.params.map((p) => Array.from(p.data)))]);
  const before = snapshot();
  (opt.paramGroups.at(-1) as unknown as Record<string, unknown>)[key] = value;
  let closureCalls = 0;
  expect(() => opt.step(() => ++closureCalls)).toThrow(message);
  expect(closureCalls).toBe(0);
  expect(snapshot()).toBe(before);
});

it('a key of its own that resembles no option still rides along with a group, as in PyTorch', () => {
  const opt = new Rprop([param()]);
  (opt.paramGroups[0] as unknown as Record<string, unknown>).name = 'encoder';
  expect(() => opt.step()).not.toThrow();
});
