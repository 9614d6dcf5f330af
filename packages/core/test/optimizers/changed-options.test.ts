import { describe, expect, it } from 'vitest';
import { Adam, Lion, Rprop, SGD, Signum, type Parameter } from '../../src/index.js';

const param = (): Parameter => ({ data: Float64Array.of(1, 2, 3), grad: Float64Array.of(1, -1, 1) });

// Options may be changed between steps; one changed to a value the constructor refuses must be
// refused by the next step, before anything changes, rather than fill the state with NaN or with
// step sizes outside [Δmin, Δmax] and save a dict that no optimizer can load.
describe('an option changed after construction to a value the constructor refuses', () => {
  it.each<[string, string, unknown, string]>([
    ['a NaN η+', 'etas', [0.5, NaN], 'Rprop.step: etas[1] (group 1) must be finite, got NaN'],
    ['an η− of 2', 'etas', [2, 1.2], 'Rprop.step: etas[0] (η−, group 1) must satisfy 0 < η− < 1, got 2'],
    ['Δmin > Δmax', 'stepSizes', [5, 1], 'Rprop.step: stepSizes (group 1) must satisfy Δmin ≤ Δmax, got [5, 1]'],
    ['an unknown variant', 'variant', 'irprop', `Rprop.step: variant (group 1) must be one of 'rprop-', 'irprop-', 'rprop+', 'irprop+', got "irprop"`],
    ['maximize as a string', 'maximize', 'yes', 'Rprop.step: maximize (group 1) must be true or false, got "yes"'],
    // Misspelt: the step would drop it without a word and use the real option, as the constructor refuses to.
    ["PyTorch's step_sizes", 'step_sizes', [1e-6, 1], `Rprop.step: unknown option "step_sizes" in group 1 (did you mean 'stepSizes'?)`],
    ['a learningRate for lr', 'learningRate', 0.1, `Rprop.step: unknown option "learningRate" in group 1 (did you mean 'lr'?)`],
    ['a British maximise', 'maximise', true, `Rprop.step: unknown option "maximise" in group 1 (did you mean 'maximize'?)`],
  ])('%s is refused by the next step, before the closure, and changes nothing', (_case, key, value, message) => {
    const a = param(), b = param();
    const opt = new Rprop([{ params: [a] }, { params: [b] }]);
    opt.step();
    const snapshot = () => JSON.stringify([opt.stateDict().state, Array.from(a.data), Array.from(b.data)]);
    const before = snapshot();
    (opt.paramGroups[1] as unknown as Record<string, unknown>)[key] = value;
    let closureCalls = 0;
    expect(() => opt.step(() => ++closureCalls)).toThrow(message);
    expect(closureCalls).toBe(0);
    expect(snapshot()).toBe(before);
  });

  it('is refused for the relatives too, float32 rules included', () => {
    const signum = new Signum([{ data: new Float32Array(2), grad: new Float32Array(2) }]);
    signum.paramGroups[0]!.beta = 1 - 1e-9;
    expect(() => signum.step()).toThrow("Signum.step: beta must satisfy 0 ≤ beta < 1 once rounded to float32 (the type of this group's parameters), got 0.999999999");
    const lion = new Lion([param()]);
    lion.paramGroups[0]!.lr = -1;
    expect(() => lion.step()).toThrow('Lion.step: lr must be ≥ 0, got -1');
    const adam = new Adam([param()]);
    (adam.paramGroups[0] as unknown as Record<string, unknown>).learningRate = 0.1;
    expect(() => adam.step()).toThrow(`Adam.step: unknown option "learningRate" in group 0 (did you mean 'lr'?)`);
  });

  it('a valid change still takes effect at the next step', () => {
    const opt = new Rprop([param()]);
    opt.step();
    opt.paramGroups[0]!.etas = [0.25, 2];
    opt.step();
    expect(opt.stateDict().state['0']!.stepSize).toEqual([0.02, 0.02, 0.02]);
  });

  it("SGD's momentum turned on after steps without it starts from the gradient, as torch's buffer does", () => {
    // torch keeps no buffer while μ = 0 and starts one at b = g; steps without momentum must leave
    // nothing in it that the first step with momentum would carry (b = μ·g_prev + g).
    const a = param();
    const opt = new SGD([a], { lr: 0.1, momentum: 0 });
    opt.step();
    expect(opt.stateDict().state['0']!.momentumBuffer).toEqual([0, 0, 0]);
    opt.paramGroups[0]!.momentum = 0.5;
    a.grad = Float64Array.of(2, 2, 2);
    opt.step();
    expect(Array.from(a.data)).toEqual([1 - 0.1 * 1 - 0.1 * 2, 2 + 0.1 * 1 - 0.1 * 2, 3 - 0.1 * 1 - 0.1 * 2]);
  });
});

// The constructor refuses a misspelt option in a group, as the step would drop it without a word and
// use the real one; one set after construction must be refused by the next step the same way.
describe('a misspelt option set on a group after construction', () => {
  it('is refused after the closure too, and a key of the group\'s own is not', () => {
    const a = param();
    const opt = new Signum([{ params: [a], name: 'encoder' } as never]);
    expect(() => opt.step(() => ((opt.paramGroups[0] as unknown as Record<string, unknown>).betas = 0.5, 1))).toThrow(
      `Signum.step: unknown option "betas" in group 0 (did you mean 'beta'?)`,
    );
    expect(Array.from(a.data)).toEqual([1, 2, 3]);
    delete (opt.paramGroups[0] as unknown as Record<string, unknown>).betas;
    (opt.paramGroups[0] as unknown as Record<string, unknown>).tags = ['frozen later'];
    opt.step();
    expect(Array.from(a.data)).not.toEqual([1, 2, 3]);
  });
});
