import { describe, expect, it } from 'vitest';
import { Adam, Lion, minimize, NonFiniteGradientError, Rprop, SGD, Signum, SignSGD, type Parameter } from '../../src/index.js';

const p = (): Parameter => ({ data: new Float32Array(3), grad: new Float32Array(3), name: 'w' });

describe('bad options are refused at construction with the parameter, the rule and the value', () => {
  it.each<[string, () => unknown, string]>([
    ['negative lr', () => new Rprop([p()], { lr: -1 }), 'Rprop: lr must be ≥ 0, got -1'],
    ['NaN lr', () => new Rprop([p()], { lr: NaN }), 'Rprop: lr must be finite, got NaN'],
    ['infinite lr', () => new Rprop([p()], { lr: Infinity }), 'Rprop: lr must be finite, got Infinity'],
    ['string lr', () => new Rprop([p()], { lr: '0.1' as never }), 'Rprop: lr must be a number, got "0.1"'],
    ['η− ≥ 1', () => new Rprop([p()], { etas: [1, 1.2] }), 'Rprop: etas[0] (η−) must satisfy 0 < η− < 1, got 1'],
    ['η− = 0', () => new Rprop([p()], { etas: [0, 1.2] }), 'Rprop: etas[0] (η−) must satisfy 0 < η− < 1, got 0'],
    ['η+ ≤ 1', () => new Rprop([p()], { etas: [0.5, 1] }), 'Rprop: etas[1] (η+) must satisfy η+ > 1, got 1'],
    ['etas not a pair', () => new Rprop([p()], { etas: [0.5] as never }), 'Rprop: etas must be a pair [a, b] of numbers, got [0.5]'],
    ['Δmin < 0', () => new Rprop([p()], { stepSizes: [-1e-6, 50] }), 'Rprop: stepSizes[0] (Δmin) must be ≥ 0, got -0.000001'],
    ['Δmin > Δmax', () => new Rprop([p()], { stepSizes: [1, 0.5] }), 'Rprop: stepSizes must satisfy Δmin ≤ Δmax, got [1, 0.5]'],
    ['infinite Δmax', () => new Rprop([p()], { stepSizes: [0, Infinity] }), 'Rprop: stepSizes[1] must be finite, got Infinity'],
    ['unknown variant', () => new Rprop([p()], { variant: 'rprop' as never }), `Rprop: variant must be one of 'rprop-', 'irprop-', 'rprop+', 'irprop+', got "rprop"`],
    ['maximize not boolean', () => new Rprop([p()], { maximize: 1 as never }), 'Rprop: maximize must be true or false, got 1'],
    ['a bad group option', () => new Rprop([{ params: [p()] }, { params: [p()], lr: -2 }]), 'Rprop: lr (group 1) must be ≥ 0, got -2'],
    // A group's position joins the symbol's parenthesis, and stays out of the rule.
    ['a group\'s η−', () => new Rprop([{ params: [p()] }, { params: [p()], etas: [1.5, 1.2] }]), 'Rprop: etas[0] (η−, group 1) must satisfy 0 < η− < 1, got 1.5'],
    ['a group\'s Δmin', () => new Rprop([{ params: [p()] }, { params: [p()], stepSizes: [-1, 1] }]), 'Rprop: stepSizes[0] (Δmin, group 1) must be ≥ 0, got -1'],
    ['a group\'s β', () => new Signum([{ params: [p()] }, { params: [p()], beta: 1 }]), 'Signum: beta (group 1) must satisfy 0 ≤ beta < 1, got 1'],
    ['a group\'s float32 Δmax', () => new Rprop([{ params: [p()] }, { params: [p()], stepSizes: [0, 1e40] }]),
      "Rprop: stepSizes[1] (Δmax, group 1) overflows to Infinity once rounded to float32 (the type of this group's parameters), got 1e+40"],
    ['a group\'s float32 β', () => new Signum([{ params: [p()] }, { params: [p()], beta: 0.999999999 }]),
      "Signum: beta (group 1) must satisfy 0 ≤ beta < 1 once rounded to float32 (the type of this group's parameters), got 0.999999999"],
    ['no parameters', () => new Rprop([]), 'Rprop: params must be a non-empty array of parameters or parameter groups, got []'],
    ['a plain array as data', () => new Rprop([{ data: [1, 2] as never, grad: null }]), 'Rprop: parameter 0 must be { data: Float32Array | Float64Array, grad }, got [1, 2]'],
    ['a parameter twice', () => { const q = p(); return new Rprop([q, q]); }, 'Rprop: parameter 1 ("w") appears more than once'],
    ['Signum β = 1', () => new Signum([p()], { beta: 1 }), 'Signum: beta must satisfy 0 ≤ beta < 1, got 1'],
    ['Lion β2 < 0', () => new Lion([p()], { betas: [0.9, -0.1] }), 'Lion: betas[1] must satisfy 0 ≤ betas[1] < 1, got -0.1'],
    ['Lion λ < 0', () => new Lion([p()], { weightDecay: -0.1 }), 'Lion: weightDecay must be ≥ 0, got -0.1'],
    ['a Lion group\'s λ < 0', () => new Lion([{ params: [p()] }, { params: [p()], weightDecay: -1e-3 }]), 'Lion: weightDecay (group 1) must be ≥ 0, got -0.001'],
    ['Adam eps = 0', () => new Adam([p()], { eps: 0 }), 'Adam: eps must be > 0, got 0'],
    ['SGD momentum ≥ 1', () => new SGD([p()], { momentum: 1 }), 'SGD: momentum must satisfy 0 ≤ momentum < 1, got 1'],
    ['SignSGD lr < 0', () => new SignSGD([p()], { lr: -0.1 }), 'SignSGD: lr must be ≥ 0, got -0.1'],
    ['minimize x0 empty', () => minimize(() => 0, []), 'minimize: x0 must be a non-empty array of numbers, got []'],
    ['minimize x0 NaN', () => minimize(() => 0, [1, NaN]), 'minimize: x0 is NaN at index 1, not a finite number'],
    ['minimize maxIterations', () => minimize(() => 0, [1], { maxIterations: 1.5 }), 'minimize: maxIterations must be an integer ≥ 0, got 1.5'],
    ['minimize maxIterations −1', () => minimize(() => 0, [1], { maxIterations: -1 }), 'minimize: maxIterations must be an integer ≥ 0, got -1'],
    ['minimize onIteration', () => minimize(() => 0, [1], { onIteration: 5 as never }), 'minimize: onIteration must be a function (info) => boolean | void, got 5'],
    ['minimize lr too small to grow', () => minimize(() => 0, [1], { lr: 5e-324 }),
      'minimize: lr must be large enough that lr·η+ exceeds it, got 5e-324: every step size would stay at 5e-324 and x barely move'],
    ['minimize η+', () => minimize(() => 0, [1], { etas: [0.5, 0.9] }), 'minimize: etas[1] (η+) must satisfy η+ > 1, got 0.9'],
    ['minimize bounds lower > upper', () => minimize(() => 0, [1], { bounds: [[2, 0]] }), 'minimize: bounds[0] must satisfy lower ≤ upper, got [2, 0]'],
    ['minimize x0 outside bounds', () => minimize(() => 0, [1], { bounds: [[2, 3]] }), 'minimize: x0 is 1 at index 0, outside its bounds [2, 3]'],
    ['float32: lr overflows', () => new Rprop([p()], { lr: 1e39, stepSizes: [0, 1e40] }),
      "Rprop: lr overflows to Infinity once rounded to float32 (the type of this group's parameters), got 1e+39"],
    ['float32: signSGD lr overflows', () => new SignSGD([p()], { lr: 1e39 }),
      "SignSGD: lr overflows to Infinity once rounded to float32 (the type of this group's parameters), got 1e+39"],
    ['float32: SGD lr overflows', () => new SGD([p()], { lr: 1e39 }),
      "SGD: lr overflows to Infinity once rounded to float32 (the type of this group's parameters), got 1e+39"],
    ['float32: Adam lr overflows', () => new Adam([p()], { lr: 1e39 }),
      "Adam: lr overflows to Infinity once rounded to float32 (the type of this group's parameters), got 1e+39"],
    ['float32: a group\'s Adam eps rounds to 0', () => new Adam([{ params: [p()] }, { params: [p()], eps: 1e-50 }]),
      "Adam: eps (group 1) must be > 0 once rounded to float32 (the type of this group's parameters), got 1e-50"],
    ['float32: Δmax overflows', () => new Rprop([p()], { stepSizes: [0, 1e40] }),
      "Rprop: stepSizes[1] (Δmax) overflows to Infinity once rounded to float32 (the type of this group's parameters), got 1e+40"],
    ['float32: η+ rounds to 1', () => new Rprop([p()], { etas: [0.5, 1 + 1e-9] }),
      "Rprop: etas[1] (η+) must be > 1 once rounded to float32 (the type of this group's parameters), got 1.000000001"],
    ['float32: η− rounds to 1', () => new Rprop([p()], { etas: [1 - 1e-9, 1.2] }),
      "Rprop: etas[0] (η−) must satisfy 0 < η− < 1 once rounded to float32 (the type of this group's parameters), got 0.999999999"],
    ['float32 group among float64', () => new Rprop([{ params: [{ data: new Float64Array(1), grad: null }] }, { params: [p()], lr: 1e39, stepSizes: [0, 1e40] }]),
      "Rprop: lr (group 1) overflows to Infinity once rounded to float32 (the type of this group's parameters), got 1e+39"],
    ['float32: Signum lr overflows', () => new Signum([p()], { lr: 1e39 }),
      "Signum: lr overflows to Infinity once rounded to float32 (the type of this group's parameters), got 1e+39"],
    ['float32: Signum β rounds to 1', () => new Signum([p()], { beta: 1 - 1e-9 }),
      "Signum: beta must satisfy 0 ≤ beta < 1 once rounded to float32 (the type of this group's parameters), got 0.999999999"],
    ['float32: Lion β2 rounds to 1, in group 1', () => new Lion([{ params: [{ data: new Float64Array(1), grad: null }] }, { params: [p()], betas: [0.9, 1 - 1e-9] }]),
      "Lion: betas[1] (group 1) must satisfy 0 ≤ betas[1] < 1 once rounded to float32 (the type of this group's parameters), got 0.999999999"],
    ['float32: Lion λ overflows', () => new Lion([p()], { weightDecay: 1e39 }),
      "Lion: weightDecay overflows to Infinity once rounded to float32 (the type of this group's parameters), got 1e+39"],
    ['allocate: a length as a string', () => Rprop.allocate('4' as never), 'allocate: length must be an integer ≥ 0, got "4"'],
    ['allocate: unknown dtype', () => Rprop.allocate(4, 'float16' as never), `allocate: dtype must be 'float32' or 'float64', got "float16"`],
    ['null in a list of parameters', () => new Rprop([null as never]), 'Rprop: parameter 0 must be { data: Float32Array | Float64Array, grad }, got null'],
    ['null in a group', () => new Rprop([{ params: [null as never] }]), 'Rprop: parameter 0 must be { data: Float32Array | Float64Array, grad }, got null'],
    ['null among groups', () => new Rprop([{ params: [p()] }, null as never]), 'Rprop: group 1 must be { params: Parameter[], ...options }, got null'],
    // Misspelt options would otherwise be dropped without a word, and the default used.
    ['PyTorch\'s step_sizes', () => new Rprop([p()], { step_sizes: [1e-3, 1] } as never),
      `Rprop: unknown option "step_sizes" (did you mean 'stepSizes'?); the options are lr, etas, stepSizes, variant, maximize`],
    ['an unknown option', () => new SGD([p()], { nesterov: true } as never), 'SGD: unknown option "nesterov"; the options are lr, momentum, maximize'],
    ['a misspelt option in a group', () => new Lion([{ params: [p()], weight_decay: 0.1 } as never]),
      `Lion: unknown option "weight_decay" in group 0 (did you mean 'weightDecay'?); the options are lr, betas, weightDecay, maximize`],
    ['SciPy\'s maxiter', () => minimize(() => 0, [1], { maxiter: 10 } as never),
      `minimize: unknown option "maxiter" (did you mean 'maxIterations'?); the options are lr, etas, stepSizes, variant, maximize, maxIterations, xTol, xTolAbs, gTol, bounds, onIteration`],
    ['minimize: xtol', () => minimize(() => 0, [1], { xtol: 1e-9 } as never), `minimize: unknown option "xtol" (did you mean 'xTol'?); the options are lr, etas, stepSizes, variant, maximize, maxIterations, xTol, xTolAbs, gTol, bounds, onIteration`],
    // Parameters and groups in one list.
    ['a group after a parameter', () => new Rprop([p(), { params: [p()] }] as never),
      'Rprop: parameter 1 is a parameter group ({ params, ...options }): give a list of parameters or a list of groups, not both'],
    ['a parameter after a group', () => new Rprop([{ params: [p()] }, p()] as never),
      'Rprop: group 1 must have params: Parameter[], got undefined — it is a parameter ({ data, grad }): give a list of parameters or a list of groups, not both'],
    // The learning rate by position, as PyTorch's SGD(params, 0.1) or TF.js's adam(0.1): not silently no options.
    ['options as a number', () => new SGD([p()], 0.1 as never), 'SGD: options must be an object of named options, got 0.1 (the learning rate goes in as { lr: 0.1 })'],
    ['options as a string', () => new Rprop([p()], 'irprop+' as never), 'Rprop: options must be an object of named options, got "irprop+"'],
    ['options as an array', () => new Adam([p()], [0.9, 0.999] as never), 'Adam: options must be an object of named options, got [0.9, 0.999]'],
    ['options as a Map', () => new Rprop([p()], new Map([['lr', 0.1]]) as never), 'Rprop: options must be an object of named options, got a Map (Object.fromEntries(map) makes one)'],
    ['options as a Set', () => new Lion([p()], new Set(['lr']) as never), 'Lion: options must be an object of named options, got a Set'],
    // Which kind of object it got: a Promise says a missing await, where "object" said nothing.
    ['a Promise as a parameter', () => new Rprop([Promise.resolve(p()) as never]), 'Rprop: parameter 0 must be { data: Float32Array | Float64Array, grad }, got a Promise'],
    ['an ArrayBuffer as data', () => new Rprop([{ data: new ArrayBuffer(8) as never, grad: null }]), 'Rprop: parameter 0 must be { data: Float32Array | Float64Array, grad }, got an ArrayBuffer'],
    ['options as a typed array', () => new Rprop([p()], Float64Array.of(0.1) as never), 'Rprop: options must be an object of named options, got Float64Array(1)'],
    ['minimize: options as a Map', () => minimize(() => 0, [1], new Map() as never), 'minimize: options must be an object of named options, got a Map (Object.fromEntries(map) makes one)'],
    ['minimize: options as a number', () => minimize(() => 0, [1], 0.5 as never), 'minimize: options must be an object of named options, got 0.5 (the learning rate goes in as { lr: 0.5 })'],
    // Misspellings beyond case and '_': a slip of the keyboard, a plural, British spelling, another library's name.
    ['a British option in a group', () => new Rprop([{ params: [p()], maximise: true } as never]),
      `Rprop: unknown option "maximise" in group 0 (did you mean 'maximize'?); the options are lr, etas, stepSizes, variant, maximize`],
    ['a plural option in a group', () => new Rprop([{ params: [p()], variants: 'rprop+' } as never]),
      `Rprop: unknown option "variants" in group 0 (did you mean 'variant'?); the options are lr, etas, stepSizes, variant, maximize`],
    ['a singular option in a group', () => new Rprop([{ params: [p()], eta: [0.5, 1.2] } as never]),
      `Rprop: unknown option "eta" in group 0 (did you mean 'etas'?); the options are lr, etas, stepSizes, variant, maximize`],
    ["Lion's betas as Signum's", () => new Signum([p()], { betas: 0.9 } as never), `Signum: unknown option "betas" (did you mean 'beta'?); the options are lr, beta, maximize`],
    ["Signum's beta as Lion's", () => new Lion([{ params: [p()], beta: 0.9 } as never]),
      `Lion: unknown option "beta" in group 0 (did you mean 'betas'?); the options are lr, betas, weightDecay, maximize`],
    ['transposed letters', () => new Lion([p()], { wieghtDecay: 0.1 } as never), `Lion: unknown option "wieghtDecay" (did you mean 'weightDecay'?); the options are lr, betas, weightDecay, maximize`],
    ["TF.js's learningRate", () => new Adam([{ params: [p()], learningRate: 0.1 } as never]),
      `Adam: unknown option "learningRate" in group 0 (did you mean 'lr'?); the options are lr, betas, eps, maximize`],
    ['minimize: a missing s', () => minimize(() => 0, [1], { maxIteration: 10 } as never),
      `minimize: unknown option "maxIteration" (did you mean 'maxIterations'?); the options are lr, etas, stepSizes, variant, maximize, maxIterations, xTol, xTolAbs, gTol, bounds, onIteration`],
  ])('%s', (_case, make, message) => {
    expect(make).toThrow(message);
    try {
      make();
    } catch (e) {
      expect((e as Error).message).toBe(message);
    }
  });
});

describe('float64 parameters keep options that only float32 would refuse', () => {
  const q = (): Parameter => ({ data: new Float64Array(3), grad: new Float64Array(3) });
  it.each<[string, () => unknown]>([
    ['Rprop η+ = 1 + 1e-9', () => new Rprop([q()], { etas: [0.5, 1 + 1e-9] })],
    ['Signum β = 1 − 1e-9', () => new Signum([q()], { beta: 1 - 1e-9 })],
    ['Lion lr = 1e39', () => new Lion([q()], { lr: 1e39 })],
    ['SignSGD lr = 1e39', () => new SignSGD([q()], { lr: 1e39 })],
    ['SGD lr = 1e39', () => new SGD([q()], { lr: 1e39 })],
    ['Adam eps = 1e-50', () => new Adam([q()], { eps: 1e-50 })],
  ])('%s', (_case, make) => {
    expect(make).not.toThrow();
  });
});

describe('a bad step is refused naming the parameter and the first bad index, and changes nothing', () => {
  const setUp = (variant: 'irprop-' | 'irprop+' = 'irprop-') => {
    const a: Parameter = { data: Float32Array.of(1, 2, 3), grad: Float32Array.of(1, 1, 1), name: 'weight' };
    const b: Parameter = { data: Float32Array.of(4, 5), grad: Float32Array.of(1, 1) };
    const opt = new Rprop([a, b], { variant });
    opt.step(() => 1);
    return { a, b, opt, before: JSON.stringify([opt.stateDict(), Array.from(a.data), Array.from(b.data)]) };
  };

  it.each<[string, (a: Parameter, b: Parameter) => void, string]>([
    ['NaN', (_a, b) => (b.grad = Float32Array.of(1, NaN)), 'Rprop.step: the gradient of parameter 1 is NaN at index 1; nothing was changed'],
    ['+Infinity', (a) => (a.grad = Float32Array.of(1, 1, Infinity)), 'Rprop.step: the gradient of parameter 0 ("weight") is Infinity at index 2; nothing was changed'],
    ['−Infinity first', (a) => (a.grad = Float32Array.of(-Infinity, NaN, 1)), 'Rprop.step: the gradient of parameter 0 ("weight") is -Infinity at index 0; nothing was changed'],
    ['wrong length', (_a, b) => (b.grad = Float32Array.of(1, 1, 1)), 'Rprop.step: the gradient of parameter 1 has length 3, but the parameter has length 2; nothing was changed'],
    ['wrong type', (a) => (a.grad = Float64Array.of(1, 1, 1)), 'Rprop.step: the gradient of parameter 0 ("weight") must be a Float32Array like the parameter (or null), got Float64Array(3); nothing was changed'],
    ['no gradient at all', (a) => ((a as { grad?: unknown }).grad = undefined), 'Rprop.step: the gradient of parameter 0 ("weight") must be a Float32Array like the parameter (or null), got undefined; nothing was changed'],
  ])('%s', (_case, corrupt, message) => {
    const { a, b, opt, before } = setUp();
    corrupt(a, b);
    expect(() => opt.step(() => 0)).toThrow(message);
    // A wrong type is a TypeError (as at construction), a wrong value or length a RangeError.
    expect(() => opt.step(() => 0)).toThrow(/must be a Float32Array/.test(message) ? TypeError : RangeError);
    expect(JSON.stringify([opt.stateDict(), Array.from(a.data), Array.from(b.data)])).toBe(before);
  });

  it.each([
    ['longer', 3, (n: number) => new Float32Array(n + 5).fill(1), 'Float32Array'],
    ['shorter', 3, (n: number) => new Float32Array(n - 1).fill(1), 'Float32Array'],
    ['of another type', 3, (n: number) => new Float64Array(n).fill(1), 'Float64Array'],
    ['longer (kernel path)', 100_000, (n: number) => new Float32Array(n + 5).fill(1), 'Float32Array'],
  ] as const)('a stepped parameter whose array was swapped for one %s is refused, and nothing changes', (_case, n, swap, type) => {
    const a: Parameter = { data: new Float32Array(n).fill(1), grad: new Float32Array(n).fill(1), name: 'weight' };
    const b: Parameter = { data: new Float32Array(n).fill(1), grad: new Float32Array(n).fill(1) };
    const opt = new Rprop([a, b]);
    opt.step();
    a.data = swap(n);
    a.grad = a.data.slice().fill(-1);
    b.grad = null;
    const before = JSON.stringify([opt.stateDict(), Array.from(a.data), Array.from(b.data)]);
    expect(() => opt.step()).toThrow(
      `Rprop.step: parameter 0 ("weight") is now a ${type} of length ${a.data.length}, but its optimizer state was made for a ` +
        `Float32Array of length ${n}: a stepped parameter's array must keep its length and type (make a new optimizer for the new shape); nothing was changed`,
    );
    expect(JSON.stringify([opt.stateDict(), Array.from(a.data), Array.from(b.data)])).toBe(before);
    // An array of the same length and type is a legitimate swap (e.g. weights loaded into a fresh array).
    a.data = new Float32Array(n).fill(2);
    a.grad = new Float32Array(n).fill(1);
    expect(() => opt.step()).not.toThrow();
  });

  it.each([3, 100_000])('a non-finite gradient is refused as a NonFiniteGradientError (a RangeError) saying which parameter, where and what (%i weights)', (n) => {
    const a: Parameter = { data: new Float32Array(n), grad: new Float32Array(n).fill(1) };
    const b: Parameter = { data: new Float32Array(n), grad: new Float32Array(n).fill(1), name: 'bias' };
    b.grad![n - 1] = -Infinity;
    const caught = (() => {
      try {
        new Rprop([a, b]).step();
      } catch (e) {
        return e;
      }
    })();
    expect(caught).toBeInstanceOf(NonFiniteGradientError);
    expect(caught).toBeInstanceOf(RangeError);
    expect(caught).toMatchObject({
      name: 'NonFiniteGradientError',
      message: `Rprop.step: the gradient of parameter 1 ("bias") is -Infinity at index ${n - 1}; nothing was changed`,
      parameter: 'parameter 1 ("bias")',
      index: n - 1,
      value: -Infinity,
    });
    // Other refusals are not this type: a wrong length is a programming error, not divergence.
    b.grad = new Float32Array(n + 1);
    expect(() => new Rprop([a, b]).step()).toThrow(RangeError);
    try {
      new Rprop([a, b]).step();
    } catch (e) {
      expect(e).not.toBeInstanceOf(NonFiniteGradientError);
    }
  });

  it('a + variant stepped without a loss says it needs a closure returning the loss, and changes nothing', () => {
    const { a, b, opt, before } = setUp('irprop+');
    expect(() => opt.step()).toThrow(
      "Rprop.step: the 'irprop+' variant needs the loss: call step(closure) with a closure that returns the loss of the current point; nothing was changed",
    );
    expect(JSON.stringify([opt.stateDict(), Array.from(a.data), Array.from(b.data)])).toBe(before);
  });

  it('a + variant refuses a loss of −Infinity (no later loss could compare, and JSON cannot save it), and changes nothing', () => {
    const { a, b, opt, before } = setUp('irprop+');
    expect(() => opt.step(() => -Infinity)).toThrow(
      'Rprop.step: the closure returned a loss of -Infinity, which the + variants cannot compare; nothing was changed',
    );
    expect(JSON.stringify([opt.stateDict(), Array.from(a.data), Array.from(b.data)])).toBe(before);
  });

  it('float64 parameters keep options that only overflow float32', () => {
    expect(() => new Rprop([{ data: new Float64Array(1), grad: null }], { lr: 1e39, stepSizes: [0, 1e40] })).not.toThrow();
  });

  it('a parameter whose data was swapped for something other than a float array is refused, and changes nothing', () => {
    const { a, b, opt, before } = setUp();
    const data = b.data;
    b.data = null as never;
    expect(() => opt.step()).toThrow('Rprop.step: parameter 1 must have data: Float32Array | Float64Array, got null; nothing was changed');
    b.data = data;
    expect(JSON.stringify([opt.stateDict(), Array.from(a.data), Array.from(b.data)])).toBe(before);
  });

  it('a closure that returns no number is refused', () => {
    const { opt } = setUp();
    expect(() => opt.step(() => 'low' as never)).toThrow('Rprop.step: the closure must return the loss as a number, got "low"');
  });
});
