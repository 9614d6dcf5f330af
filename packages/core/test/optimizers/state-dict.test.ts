import fc from 'fast-check';
import { describe, expect, it, onTestFinished } from 'vitest';
import { Adam, Lion, Rprop, SGD, Signum, useKernels, type Parameter } from '../../src/index.js';
import { arrayOf, dtype, gradientRun, rpropOptions, type Dtype } from '../properties/arbitraries.js';

const N = 5;
const STEPS = 10;

function params(d: Dtype, init: number[]): Parameter[] {
  return [
    { data: arrayOf(d, init), grad: null },
    { data: arrayOf(d, init.slice(0, 2)), grad: null },
  ];
}

function feed(opt: { step(c?: () => number): unknown }, ps: Parameter[], d: Dtype, g: number[], loss: number): void {
  ps[0]!.grad = arrayOf(d, g);
  ps[1]!.grad = arrayOf(d, g.slice(0, 2).map((v) => -v));
  opt.step(() => loss);
}

describe('stateDict / loadStateDict', () => {
  // On both paths, as the README says of this property (at N = 5 the default minLength keeps the kernels off).
  it.each([
    ['reference rules', false],
    ['SIMD kernels', true],
  ] as const)('save → JSON → load → continue equals an uninterrupted run, bit for bit, for every variant and dtype (%s)', (_path, kernels) => {
    useKernels(kernels, { minLength: 0 });
    onTestFinished(() => useKernels(true, { minLength: 64 }));
    const init = fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: N, maxLength: N });
    fc.assert(
      fc.property(dtype, rpropOptions, init, gradientRun(N, STEPS), fc.integer({ min: 1, max: STEPS - 1 }), (d, o, w0, run, cut) => {
        // JSON has no −0. A zero step size (lr = 0, Δmax = ±0, or Δ underflowed with Δmin = 0) makes
        // dw = ±0 and its sign can turn a weight of −0 into +0 after a reload; the values stay equal (==).
        fc.pre(o.lr >= 1e-12 && o.stepSizes[1] !== 0);
        const straight = params(d, w0);
        const optStraight = new Rprop(straight, o);
        run.grads.forEach((g, t) => feed(optStraight, straight, d, g, run.losses[t]!));

        const first = params(d, w0);
        const optFirst = new Rprop(first, o);
        for (let t = 0; t < cut; t++) feed(optFirst, first, d, run.grads[t]!, run.losses[t]!);
        const saved = JSON.parse(JSON.stringify(optFirst.stateDict()));
        // A fresh optimizer on copies of the parameters, made with other options: the state brings its own.
        const resumed = first.map((p) => ({ data: p.data.slice(), grad: null }));
        const optResumed = new Rprop(resumed, { lr: 0.5 });
        optResumed.loadStateDict(saved);
        for (let t = cut; t < STEPS; t++) feed(optResumed, resumed, d, run.grads[t]!, run.losses[t]!);

        resumed.forEach((p, k) => expect(Array.from(p.data)).toEqual(Array.from(straight[k]!.data)));
        // The options come back through JSON, which turns a bound of −0 into 0 (the same bound: −0 acts as +0).
        const comparable = (sd: ReturnType<Rprop['stateDict']>) => ({ ...sd, paramGroups: JSON.parse(JSON.stringify(sd.paramGroups)) });
        expect(comparable(optResumed.stateDict())).toEqual(comparable(optStraight.stateDict()));
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ['Adam', (ps: Parameter[]) => new Adam(ps, { lr: 0.1 })],
    ['Lion', (ps: Parameter[]) => new Lion(ps, { lr: 0.1, weightDecay: 0.1 })],
    ['Signum', (ps: Parameter[]) => new Signum(ps, { lr: 0.1 })],
    ['SGD', (ps: Parameter[]) => new SGD(ps, { lr: 0.1, momentum: 0.9 })],
  ])('%s resumes bit for bit too', (_name, make) => {
    const grads = [[1, -2, 3, 0.5, -1], [0.3, 2, -3, 0.5, 1], [-1, -2, 3, 0.25, 4], [2, 2, -1, -0.5, 1]];
    const straight = params('float32', [1, 2, 3, 4, 5]);
    const a = make(straight);
    grads.forEach((g) => feed(a, straight, 'float32', g, 0));
    const resumed = params('float32', [1, 2, 3, 4, 5]);
    const b = make(resumed);
    grads.slice(0, 2).forEach((g) => feed(b, resumed, 'float32', g, 0));
    const c = make(resumed);
    c.loadStateDict(JSON.parse(JSON.stringify(b.stateDict())));
    grads.slice(2).forEach((g) => feed(c, resumed, 'float32', g, 0));
    expect(Array.from(resumed[0]!.data)).toEqual(Array.from(straight[0]!.data));
    expect(c.stateDict()).toEqual(a.stateDict());
  });

  function trained(): { ps: Parameter[]; opt: Rprop } {
    const ps = params('float64', [1, 2, 3, 4, 5]);
    const opt = new Rprop(ps, { variant: 'irprop+' });
    feed(opt, ps, 'float64', [1, -1, 1, -1, 1], 3);
    return { ps, opt };
  }

  it.each([
    ['a group too many', (sd: any) => sd.paramGroups.push({ ...sd.paramGroups[0] }), /state has 2 parameter groups, this optimizer has 1/],
    ['a parameter too few', (sd: any) => sd.paramGroups[0].params.pop(), /group 0 of the state has 1 parameter, this optimizer's has 2/],
    ['a short buffer', (sd: any) => sd.state['1'].stepSize.pop(), /parameter 1's state 'stepSize' has 1 values, the parameter has 2/],
    // A long one too: its extra values belong to no weight, and a check for "enough" would let them in.
    ['a long buffer', (sd: any) => sd.state['1'].prev.push(0), /parameter 1's state 'prev' has 3 values, the parameter has 2/],
    ['a missing buffer', (sd: any) => delete sd.state['0'].prevUpdate, /parameter 0's state needs an array 'prevUpdate' of 5 numbers, got undefined/],
    ['a bad option', (sd: any) => (sd.paramGroups[0].etas = [1.5, 1.2]), /etas\[0\] \(η−, group 0 of the loaded state\) must satisfy 0 < η− < 1, got 1.5/],
    // stateDict saves every option: a group without one was made by something else, and filling it in
    // from the live group would load a mix of two configurations.
    ['a missing option', (sd: any) => delete sd.paramGroups[0].variant, /group 0 of the state lacks option variant \(Rprop.stateDict\(\) saves every option\)/],
    ['a misspelt option', (sd: any) => ((sd.paramGroups[0].step_sizes = sd.paramGroups[0].stepSizes), delete sd.paramGroups[0].stepSizes),
      /group 0 of the state has key 'step_sizes' that Rprop does not have and lacks option stepSizes \(did you mean 'stepSizes'\?\)/],
    ["another optimizer's option", (sd: any) => (sd.paramGroups[0].betas = [0.9, 0.99]), /group 0 of the state has option betas that Rprop does not have — was it saved by another optimizer\?/],
    ['a key the live group does not have', (sd: any) => (sd.paramGroups[0].tag = 'encoder'),
      /group 0 of the state has key 'tag' that Rprop does not have \(a group's keys of its own load only into a group that has them too; Rprop's options are lr, etas, stepSizes, variant, maximize\)/],
    ['a bad previous loss', (sd: any) => (sd.prevLoss = 'high'), /'prevLoss' must be a number or null, got "high"/],
    ['a NaN in a buffer', (sd: any) => (sd.state['0'].prev[3] = NaN), /parameter 0's state 'prev' must hold finite numbers, got NaN at index 3/],
    ['a string in a buffer', (sd: any) => (sd.state['1'].prevUpdate[0] = '1'), /parameter 1's state 'prevUpdate' must hold finite numbers, got "1" at index 0/],
    ['a negative step size', (sd: any) => (sd.state['0'].stepSize[2] = -0.5), /parameter 0's state 'stepSize' must hold step sizes ≥ 0, got -0.5 at index 2/],
    ['ids that name no saved state', (sd: any) => (sd.paramGroups[0].params = [7, 8]), /the state has an entry '0' that no parameter group names \(their ids: 7, 8\)/],
    ['an id twice', (sd: any) => (sd.paramGroups[0].params = [1, 1]), /parameter id 1 appears twice \(groups 0 and 0\)/],
    ['an id that is no whole number', (sd: any) => (sd.paramGroups[0].params = [0, 'one']), /group 0 of the state names a parameter "one"; ids are whole numbers ≥ 0/],
    // Renamed consistently, the state under '-1': nothing else would catch it, and it would load.
    ['a negative id', (sd: any) => ((sd.paramGroups[0].params = [0, -1]), (sd.state['-1'] = sd.state['1']), delete sd.state['1']),
      /group 0 of the state names a parameter -1; ids are whole numbers ≥ 0/],
    ['a NaN previous loss', (sd: any) => (sd.prevLoss = NaN), /'prevLoss' must be a number or null, got NaN/],
    ['a previous loss of −∞', (sd: any) => (sd.prevLoss = -Infinity), /'prevLoss' cannot be -Infinity \(a step refuses that loss\), got -Infinity/],
    ['a null state', (sd: any) => (sd.state = null), /expected \{ state, paramGroups \}, got an object/],
    ['a null group', (sd: any) => (sd.paramGroups[0] = null), /group 0 of the state must be \{ params, \.\.\.options \}, got null/],
    ['a null parameter state', (sd: any) => (sd.state['1'] = null), /parameter 1's state must be an object of buffers and numbers, got null/],
    ["a group with a '__proto__' key (as JSON.parse makes it)", (sd: any) => (sd.paramGroups[0] = JSON.parse(JSON.stringify(sd.paramGroups[0]).replace('{', '{"__proto__":{"polluted":true},'))),
      /group 0 of the state has a key '__proto__', which is not an option/],
  ])('refuses %s with a message, and changes nothing', (_what, corrupt, message) => {
    const { ps, opt } = trained();
    const before = JSON.stringify(opt.stateDict());
    const sd = JSON.parse(before);
    corrupt(sd);
    expect(() => opt.loadStateDict(sd)).toThrow(message);
    expect(JSON.stringify(opt.stateDict())).toBe(before);
    expect(ps[0]!.data.length).toBe(5);
  });
});

describe('a loaded step size of −0', () => {
  it('becomes +0, and the kernels then step exactly as the reference rules', () => {
    const run = (kernels: boolean) => {
      useKernels(kernels, { minLength: 0 });
      try {
        const p = { data: new Float32Array([-0, 0, 1, -0, 2, -3, 0, -0, 5]), grad: new Float32Array(9) };
        const opt = new Rprop([p], { stepSizes: [0, 50] });
        const sd = opt.stateDict();
        sd.state = { 0: { prev: [1, -1, 0, 0, -0, 2, -2, 1, 0], stepSize: [-0, -0, -0, 0, -0, 0.5, -0, -0, -0] } };
        opt.loadStateDict(sd);
        const loaded = opt.stateDict().state[0]!.stepSize as number[];
        p.grad.set([-1, 1, 2, -0, 0, -4, 3, -2, 0]);
        opt.step();
        p.grad.set([1, -1, -2, 1, 0, 4, 3, -2, 1]);
        opt.step();
        return { loaded, data: Array.from(p.data), state: opt.stateDict().state };
      } finally {
        useKernels(true, { minLength: 64 });
      }
    };
    const reference = run(false);
    expect(reference.loaded.every((v) => !Object.is(v, -0))).toBe(true);
    expect(run(true)).toStrictEqual(reference);
  });
});

describe('an lr of −0', () => {
  // −0 passes "lr ≥ 0" (−0 < 0 is false) and is taken as 0: its step sizes start at +0, as lr 0's
  // do. A Δ of −0 would be saved in the state, turn a weight of −0 into +0 (w − 0·(−0)), and break
  // the kernels' assumption that Δ ≥ +0.
  it.each(['rprop-', 'irprop-', 'rprop+', 'irprop+'] as const)('steps and saves exactly as lr 0 (%s)', (variant) => {
    const run = (lr: number, kernels: boolean) => {
      useKernels(kernels, { minLength: 0 });
      try {
        const p = { data: new Float32Array([-0, 0, 1, -2]), grad: new Float32Array([0, 0, 1, -1]) };
        const opt = new Rprop([p], { lr, stepSizes: [0, 50], variant });
        opt.step(() => 1);
        return { data: Array.from(p.data), state: opt.stateDict().state };
      } finally {
        useKernels(true, { minLength: 64 });
      }
    };
    for (const kernels of [false, true]) {
      const positive = run(0, kernels);
      expect(positive.data.filter((v) => Object.is(v, -0))).toHaveLength(1); // the weight of −0 with no gradient stays −0
      expect(run(-0, kernels)).toStrictEqual(positive);
    }
  });
});

describe('loadStateDict checks values against the parameters they load into', () => {
  it('refuses a float32 parameter\'s value that overflows float32 (it would load as Infinity), and changes nothing', () => {
    const q: Parameter = { data: new Float32Array(2), grad: Float32Array.of(1, 1) };
    const opt = new Rprop([q]);
    opt.step();
    const before = JSON.stringify(opt.stateDict());
    const sd = JSON.parse(before);
    sd.state['0'].stepSize[1] = 1e300;
    expect(() => opt.loadStateDict(sd)).toThrow("Rprop.loadStateDict: parameter 0's state 'stepSize' must hold numbers that fit a float32 (the parameter's type), got 1e+300 at index 1");
    expect(JSON.stringify(opt.stateDict())).toBe(before);
    // The same value is fine for a float64 parameter.
    const r: Parameter = { data: new Float64Array(2), grad: Float64Array.of(1, 1) };
    const o64 = new Rprop([r]);
    o64.step();
    const sd64 = JSON.parse(JSON.stringify(o64.stateDict()));
    sd64.state['0'].stepSize[1] = 1e300;
    expect(() => o64.loadStateDict(sd64)).not.toThrow();
  });

  it('refuses an Adam step count that is not a whole number ≥ 0 (the next step would make NaN), and changes nothing', () => {
    const q: Parameter = { data: Float64Array.of(1, 2), grad: Float64Array.of(0.1, 0.2) };
    const adam = new Adam([q]);
    adam.step();
    const before = JSON.stringify(adam.stateDict());
    for (const bad of [-1, 1.5]) {
      const sd = JSON.parse(before);
      sd.state['0'].step = bad;
      expect(() => adam.loadStateDict(sd)).toThrow(`Adam.loadStateDict: parameter 0's state 'step' must be a whole number of steps ≥ 0, got ${bad}`);
      expect(JSON.stringify(adam.stateDict())).toBe(before);
    }
  });

  it('a loaded state fixes the parameter\'s shape too: a later swap to another length is refused', () => {
    const q: Parameter = { data: Float64Array.of(1, 2), grad: Float64Array.of(1, 1), name: 'q' };
    const opt = new Rprop([q]);
    opt.step();
    const fresh = new Rprop([q]);
    fresh.loadStateDict(JSON.parse(JSON.stringify(opt.stateDict())));
    q.data = new Float64Array(3);
    q.grad = new Float64Array(3);
    expect(() => fresh.step()).toThrow(/parameter 0 \("q"\) is now a Float64Array of length 3, but its optimizer state was made for a Float64Array of length 2/);
  });
});
