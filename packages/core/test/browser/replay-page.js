// Runs in headless Chromium (browser.e2e.test.ts), loaded as a native ES module straight from
// packages/core/dist — no bundler, so a Node-only import in an entry point would fail here as it
// would for a user. Plain JavaScript: the browser runs it as written.

/** Index and values of the first element that is not identical (Object.is), or null. */
function firstMismatch(actual, expected) {
  if (actual.length !== expected.length) return `length ${actual.length} ≠ ${expected.length}`;
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) return `index ${i}: got ${actual[i]}, expected ${expected[i]}`;
  }
  return null;
}

/** Replays one recorded trace on a path ('reference', 'kernel' or 'zero-copy'); returns the mismatches. */
function replay(core, trace, path) {
  const { Rprop, ResidentParameter } = core;
  const Ctor = trace.dtype === 'float32' ? Float32Array : Float64Array;
  const params = trace.params.map((p, i) => {
    if (path !== 'zero-copy') return { data: Ctor.from(p.init), grad: null, name: `p${i}` };
    const resident = Rprop.allocate(p.init.length, trace.dtype, `p${i}`);
    resident.data.set(p.init);
    return resident;
  });
  const groups = trace.groups ? trace.groups.map((g) => ({ params: g.params.map((i) => params[i]), ...g.options })) : params;
  const opt = new Rprop(groups, { ...trace.options, variant: trace.variant ?? 'irprop-' });
  const problems = [];
  trace.steps.forEach((step, t) => {
    params.forEach((p, k) => {
      const g = step.grads[k];
      if (p instanceof ResidentParameter) {
        p.grad = g == null ? null : p.gradBuffer;
        p.grad?.set(g);
      } else p.grad = g == null ? null : Ctor.from(g);
    });
    const loss = step.loss;
    opt.step(loss === undefined ? undefined : () => loss);
    step.params.forEach((expected, k) => {
      const bad = firstMismatch(params[k].data, expected);
      if (bad !== null) problems.push(`${trace.name} (${path}): step ${t}, parameter ${k}: ${bad}`);
    });
  });
  const sd = opt.stateDict();
  trace.finalState.forEach((expected, k) => {
    for (const key of ['prev', 'stepSize', 'prevUpdate']) {
      if (expected[key] === undefined) continue;
      const bad = firstMismatch(sd.state[String(k)][key], expected[key]);
      if (bad !== null) problems.push(`${trace.name} (${path}): final ${key} of parameter ${k}: ${bad}`);
    }
  });
  return problems;
}

/**
 * The `rprop/kernels` entry's fast step against the `rprop/rules` entry's reference rule, on seeded
 * values with zeros and signed zeros among them, 1001 weights (not a multiple of the vector width),
 * 30 steps of each variant in each precision. Returns the mismatches.
 */
function compareEntryPoints(rules, kernels) {
  let s = 12345;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const value = () => {
    const u = next();
    return u < 0.05 ? 0 : u < 0.1 ? -0 : (next() < 0.5 ? -1 : 1) * 10 ** (6 * next() - 3);
  };
  const problems = [];
  for (const Ctor of [Float32Array, Float64Array]) {
    for (const variant of ['irprop-', 'rprop-', 'irprop+', 'rprop+']) {
      const n = 1001;
      const make = () => {
        const param = Ctor.from({ length: n }, value);
        return { param, grad: new Ctor(n), prev: new Ctor(n), stepSize: new Ctor(n).fill(0.01), prevUpdate: new Ctor(n) };
      };
      const ref = make();
      const fast = { param: Ctor.from(ref.param), grad: new Ctor(n), prev: new Ctor(n), stepSize: Ctor.from(ref.stepSize), prevUpdate: new Ctor(n) };
      const c = rules.rpropConstantsFor(ref.param, [0.5, 1.2], [1e-6, 50], false);
      for (let t = 0; t < 30; t++) {
        for (let i = 0; i < n; i++) ref.grad[i] = value();
        fast.grad.set(ref.grad);
        const lossIncreased = next() < 0.5;
        rules.rpropStep(variant, ref, c, lossIncreased);
        kernels.fastRpropStep(variant, fast, c, lossIncreased);
        for (const key of ['param', 'prev', 'stepSize', 'prevUpdate']) {
          const bad = firstMismatch(fast[key], Array.from(ref[key]));
          if (bad !== null) problems.push(`${Ctor.name} ${variant} step ${t} ${key}: ${bad}`);
        }
      }
    }
  }
  return problems;
}

/**
 * Imports the package's browser entry points, fetches the traces named in `files` (paths under the
 * package) and replays each on every path. Returns what the test asserts on.
 */
export async function run(files) {
  const core = await import('../../dist/index.js');
  const rules = await import('../../dist/rules.js');
  const kernels = await import('../../dist/kernels.js');
  const traces = await Promise.all(files.map(async (f) => (await fetch(f)).json()));
  const report = {
    simd: core.simdSupported(),
    // Chromium compiles a module this small synchronously on the main thread: the kernels are on at
    // first use, without prepareKernels.
    activeAtFirstUse: core.kernelsActive(),
    prepared: await core.prepareKernels(),
    entryPointProblems: compareEntryPoints(rules, kernels),
    replayed: 0,
    problems: [],
  };
  for (const path of ['reference', 'kernel', 'zero-copy']) {
    core.useKernels(path !== 'reference', { minLength: 0 });
    for (const trace of traces) {
      report.problems.push(...replay(core, trace, path));
      report.replayed++;
    }
  }
  core.useKernels(true, { minLength: 64 });
  return report;
}
