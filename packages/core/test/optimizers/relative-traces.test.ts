import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lion, Signum, SignSGD, useKernels, type Optimizer, type Parameter } from '../../src/index.js';
import { giveGradients } from '../fixtures/give-gradients.js';
import { traceParams, TRACE_PATHS, type TracePath } from '../fixtures/trace-params.js';
import { firstMismatch } from '../fixtures/first-mismatch.js';

/**
 * Replays of signSGD, Signum and Lion as computed by PyTorch's tensor ops (fixtures/relatives/,
 * written by record_relatives.py there, under ATEN_CPU_CAPABILITY=default): the same formulas in
 * another arithmetic engine, which rounds 1−β and −lr from double and every op's result to the
 * tensor's dtype. Ours must equal them bit for bit — parameters after every step and the final
 * momentum — on the reference rules, the kernels on ordinary arrays, and the zero-copy path.
 *
 * RPROP_EXTRA_RELATIVE_TRACES=dir1:dir2 replays traces recorded with other seed offsets too.
 */

interface RelativeTrace {
  name: string;
  optimizer: 'SignSGD' | 'Signum' | 'Lion';
  dtype: 'float32' | 'float64';
  options: { lr: number; beta?: number; betas?: [number, number]; weightDecay?: number; maximize: boolean };
  params: Array<{ shape: number[]; init: number[] }>;
  steps: Array<{ grads: Array<number[] | null>; params: number[][] }>;
  finalState: Array<{ momentum?: number[] }>;
}

const here = dirname(fileURLToPath(import.meta.url));

function loadTraces(folder: string): RelativeTrace[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(folder, f), 'utf8')) as RelativeTrace);
}

function optimizerFor(trace: RelativeTrace, params: Parameter[]): Optimizer<object> {
  const { lr, beta, betas, weightDecay, maximize } = trace.options;
  if (trace.optimizer === 'SignSGD') return new SignSGD(params, { lr, maximize });
  if (trace.optimizer === 'Signum') return new Signum(params, { lr, beta: beta!, maximize });
  return new Lion(params, { lr, betas: betas!, weightDecay: weightDecay!, maximize });
}

function replay(trace: RelativeTrace, path: TracePath): void {
  const Ctor = trace.dtype === 'float32' ? Float32Array : Float64Array;
  const params = traceParams(trace, path);
  const opt = optimizerFor(trace, params);
  trace.steps.forEach((step, t) => {
    giveGradients(params, step.grads, Ctor);
    opt.step();
    step.params.forEach((expected, k) => {
      expect(firstMismatch(params[k]!.data, expected), `${trace.name}: step ${t}, parameter ${k}`).toBeNull();
    });
  });
  const state = opt.stateDict().state as Record<string, { momentum?: number[] }>;
  trace.finalState.forEach((expected, k) => {
    if (expected.momentum === undefined) return;
    expect(firstMismatch(state[String(k)]!.momentum!, expected.momentum), `${trace.name}: final momentum of parameter ${k}`).toBeNull();
  });
}

const folders = [join(here, '../fixtures/relatives'), ...(process.env.RPROP_EXTRA_RELATIVE_TRACES ?? '').split(':').filter((d) => d !== '')];

describe.each(TRACE_PATHS)('on the %s path', (path) => {
  beforeAll(() => useKernels(path !== 'reference', { minLength: 0 }));
  afterAll(() => useKernels(true, { minLength: 64 }));

  for (const folder of folders) {
    describe(folder === folders[0] ? 'signSGD, Signum and Lion replay their PyTorch tensor-op traces' : folder, () => {
      const traces = loadTraces(folder);
      it('has a trace of every optimizer in both dtypes', () => {
        const kinds = new Set(traces.map((t) => `${t.optimizer} ${t.dtype}`));
        for (const o of ['SignSGD', 'Signum', 'Lion']) for (const d of ['float32', 'float64']) expect(kinds.has(`${o} ${d}`), `${o} ${d}`).toBe(true);
      });
      for (const trace of traces) it(`${trace.name}: bit for bit, every step and the final momentum`, () => replay(trace, path));
    });
  }
});
