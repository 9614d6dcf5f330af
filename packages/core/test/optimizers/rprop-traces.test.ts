import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rprop, useKernels, type Parameter, type ParamGroup, type RpropOptions } from '../../src/index.js';
import { giveGradients } from '../fixtures/give-gradients.js';
import { traceParams, TRACE_PATHS, type TracePath } from '../fixtures/trace-params.js';
import { extraTraceFolders, loadTraces, type Trace } from '../fixtures/load-trace.js';
import { firstMismatch } from '../fixtures/first-mismatch.js';

/** Builds the parameters and the optimizer a trace describes. */
export function setUp(trace: Trace, path: TracePath = 'reference'): { params: Parameter[]; opt: Rprop } {
  const params = traceParams(trace, path);
  const options: Partial<RpropOptions> = { ...trace.options, variant: trace.variant ?? 'irprop-' };
  const groups: ParamGroup<RpropOptions>[] | Parameter[] = trace.groups
    ? trace.groups.map((g) => ({ params: g.params.map((i) => params[i]!), ...g.options }))
    : params;
  return { params, opt: new Rprop(groups, options) };
}

/** Feeds step t's gradients and steps (with the recorded loss for the + variants). */
export function feed(trace: Trace, params: Parameter[], opt: Rprop, t: number): void {
  const Ctor = trace.dtype === 'float32' ? Float32Array : Float64Array;
  const step = trace.steps[t]!;
  giveGradients(params, step.grads, Ctor);
  const loss = step.loss;
  opt.step(loss === undefined ? undefined : () => loss);
}

function replay(trace: Trace, path: TracePath): void {
  const { params, opt } = setUp(trace, path);
  trace.steps.forEach((step, t) => {
    feed(trace, params, opt, t);
    step.params.forEach((expected, k) => {
      const bad = firstMismatch(params[k]!.data, expected);
      expect(bad, `${trace.name}: step ${t}, parameter ${k}`).toBeNull();
    });
  });
  const sd = opt.stateDict();
  trace.finalState.forEach((expected, k) => {
    const s = sd.state[String(k)]!;
    for (const key of ['prev', 'stepSize', 'prevUpdate'] as const) {
      if (expected[key] === undefined) continue;
      expect(firstMismatch(s[key] as number[], expected[key]!), `${trace.name}: final ${key} of parameter ${k}`).toBeNull();
    }
  });
}

describe.each(TRACE_PATHS)('on the %s path', (path) => {
  beforeAll(() => useKernels(path !== 'reference', { minLength: 0 }));
  afterAll(() => useKernels(true, { minLength: 64 }));

  describe('Rprop replays torch.optim.Rprop traces exactly', () => {
    for (const trace of loadTraces('torch')) it(trace.name, () => replay(trace, path));
  });

  describe('Rprop replays the four variants exactly', () => {
    for (const trace of loadTraces('variants')) it(trace.name, () => replay(trace, path));
  });

  for (const folder of extraTraceFolders()) {
    describe(`Rprop replays the traces in ${folder} (RPROP_EXTRA_TRACES)`, () => {
      for (const trace of loadTraces(folder)) it(trace.name, () => replay(trace, path));
    });
  }
});
