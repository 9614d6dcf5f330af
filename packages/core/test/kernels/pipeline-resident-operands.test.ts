import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rprop } from '../../src/index.js';
import { rpropKernelStep } from '../../src/kernels.js';
import { kernelThreadPool } from '../../src/kernels/kernel-threads.js';
import { rpropConstantsFor } from '../../src/rules/rprop-constants.js';
import { rpropStep } from '../../src/rules/rprop-step.js';
import { useKernelThreads } from '../../src/threads.js';
import type { Dtype } from '../properties/arbitraries.js';
import { firstDifference } from './edge-values.js';
import { values } from './seeded-values.js';
import { CTOR } from './thread-steps.js';

// A pipelined copy-through call whose ordinary parameter is copied through the ring while its state
// lives in the kernels' memory (resident operands: the kernel reads and writes them in place, chunk
// by chunk). The last chunk is shorter than the others: its kernel must stop at the arrays' end, or it
// writes over whatever the memory holds past them. This file's kernels' memory is its own (vitest
// isolates test files), made here, shared, first.
beforeAll(async () => {
  expect(await useKernelThreads(2, { minPipelineBytes: 0 })).toBe(2);
});
afterAll(() => useKernelThreads(1));

const CHUNK_BYTES = 64 * 1024;
/** Values past each resident operand's end, in its own allocation: none may change. */
const GUARD = 4096;
const SENTINEL = 7;

/** `values(n, seed)` in the kernels' memory, followed by GUARD sentinels. */
function resident(d: Dtype, n: number, seed: number): { view: Float32Array | Float64Array; guard: Float32Array | Float64Array } {
  const whole = Rprop.allocate(n + GUARD, d).data;
  whole.set(values(n, seed));
  whole.fill(SENTINEL, n);
  return { view: whole.subarray(0, n), guard: whole.subarray(n) };
}

describe.each(['float32', 'float64'] as Dtype[])('a pipelined call with resident state (%s)', (d) => {
  it('equals the reference rule and writes nothing past the resident operands\' ends (a short last chunk)', () => {
    const n = (3 * CHUNK_BYTES) / CTOR[d].BYTES_PER_ELEMENT + 37;
    const state = { grad: resident(d, n, 2), prev: resident(d, n, 3), stepSize: resident(d, n, 4), prevUpdate: resident(d, n, 5) };
    state.stepSize.view.set(state.stepSize.view.map(Math.abs));
    const viaKernel = { param: CTOR[d].from(values(n, 1)), grad: state.grad.view, prev: state.prev.view, stepSize: state.stepSize.view, prevUpdate: state.prevUpdate.view };
    const viaRule = { param: CTOR[d].from(values(n, 1)), grad: state.grad.view.slice(), prev: state.prev.view.slice(), stepSize: state.stepSize.view.slice(), prevUpdate: state.prevUpdate.view.slice() };
    const c = rpropConstantsFor(new CTOR[d](0), [0.5, 1.2], [1e-6, 50], false);
    const before = kernelThreadPool()!.pipelinedCalls;
    expect(rpropKernelStep('irprop+', viaKernel, c, true)).toBe(true);
    expect(kernelThreadPool()!.pipelinedCalls).toBe(before + 1);
    rpropStep('irprop+', viaRule, c, true);
    for (const key of ['param', 'grad', 'prev', 'stepSize', 'prevUpdate'] as const) expect(firstDifference(viaKernel[key], viaRule[key]), key).toBeNull();
    for (const [key, { guard }] of Object.entries(state)) expect(guard.findIndex((v) => v !== SENTINEL), `${key} past its end`).toBe(-1);
  });
});
