import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Rprop, useKernels } from '../../src/index.js';
import { kernelThreadPool } from '../../src/kernels/kernel-threads.js';
import { kernelThreads, useKernelThreads } from '../../src/threads.js';
import { EXIT_ON_UPDATE, RUN, type Hooks } from './hooked-worker.js';
import { values } from './seeded-values.js';
import { difference } from './thread-steps.js';

// A worker lost while a step pipelines ordinary arrays, as a user meets it: the step throws, says it
// is applied in part, and the parameters and state saved before it restore it (threads-lost.test.ts
// has the same for split calls). node:worker_threads is mocked with hooked workers; its own file, so
// the kernels' memory is made shared here and the mock reaches no other test.
const hooks = vi.hoisted(() => ({ current: null as Hooks | null }));
vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:worker_threads')>();
  const { hookedWorkers } = await import('./hooked-worker.js');
  hooks.current = hookedWorkers(real.Worker);
  return { ...real, Worker: hooks.current.Worker };
});
const hook = (): Hooks => hooks.current!;

/**
 * float32 weights in 160 chunks of 64 KiB (10 MiB: past minPipelineBytes' 1 MiB), and a ragged tail:
 * a step of several milliseconds, so that the worker wakes during it even on a busy machine.
 */
const N = 160 * 16384 + 37;
const start = () => useKernelThreads(2, { callTimeoutMs: 30_000 });
beforeAll(async () => {
  expect(await start()).toBe(2);
});
afterAll(() => useKernelThreads(1));

/** Weights per 64 KiB chunk of float32. */
const CHUNK = 16384;

/**
 * The chunks (of CHUNK weights) whose state changed since `saved` but none of whose weights did: a
 * step's kernel ran on them, and its new weights were not copied back.
 */
function halfApplied(saved: { data: Float32Array; state: object }, data: Float32Array, state: object): number[] {
  const before = (saved.state as { state: Record<string, Record<string, number[]>> }).state[0]!;
  const after = (state as { state: Record<string, Record<string, number[]>> }).state[0]!;
  const keys = Object.keys(after).filter((key) => Array.isArray(after[key]));
  const found: number[] = [];
  for (let c = 0; c * CHUNK < data.length; c++) {
    const range = Array.from({ length: Math.min(CHUNK, data.length - c * CHUNK) }, (_, i) => c * CHUNK + i);
    const weights = range.some((i) => !Object.is(data[i], saved.data[i]));
    const changed = range.some((i) => keys.some((key) => !Object.is(after[key]![i], before[key]![i])));
    if (changed && !weights) found.push(c);
  }
  return found;
}

describe('a worker lost while a step pipelines ordinary arrays', () => {
  it('the step throws, applied in part; restored, the steps on this thread alone equal the reference rules; useKernelThreads pipelines again', async () => {
    const grads = [1, 2, 3, 4].map((seed) => Float32Array.from(values(N, seed)));
    const p = { data: Float32Array.from(values(N, 0)), grad: null as Float32Array | null };
    const opt = new Rprop([p], { variant: 'irprop+' });
    p.grad = grads[0]!.slice();
    opt.step(() => 1);
    expect(kernelThreadPool()!.pipelinedCalls).toBe(1);
    const saved = { data: p.data.slice(), state: opt.stateDict() };

    // The worker exits at the first chunk it runs. It may not run one (on a busy machine this thread
    // can do every chunk before the worker wakes): then the step is restored and taken again.
    hook().set(EXIT_ON_UPDATE);
    let error: Error | null = null;
    for (let attempt = 0; attempt < 100 && error === null; attempt++) {
      p.data.set(saved.data);
      opt.loadStateDict(saved.state);
      p.grad = grads[1]!.slice();
      try {
        opt.step(() => 2);
      } catch (e) {
        error = e as Error;
      }
    }
    expect(error?.message).toMatch(
      /^rprop: kernel thread 1 of 1 \(worker threadId \d+\) exited \(exit code 7\) while running its range of a pipelined copy-through call; the step it was part of is applied in part/,
    );
    expect(kernelThreads()).toBe(1);
    // Applied in part, but no chunk whose kernel ran keeps its new state beside its old weights: only
    // the lost worker's chunk may (its kernel may have stopped halfway; this hook stops it before).
    expect(halfApplied(saved, p.data, opt.stateDict()).length).toBeLessThanOrEqual(1);

    // Restored, the rest of the steps run on this thread alone.
    p.data.set(saved.data);
    opt.loadStateDict(saved.state);
    grads.slice(1).forEach((g, t) => {
      p.grad = g.slice();
      opt.step(() => 2 + t);
    });
    useKernels(false);
    const reference = { data: Float32Array.from(values(N, 0)), grad: null as Float32Array | null };
    const referenceOpt = new Rprop([reference], { variant: 'irprop+' });
    grads.forEach((g, t) => {
      reference.grad = g.slice();
      referenceOpt.step(() => 1 + t);
    });
    useKernels(true);
    expect(difference({ params: [p.data], state: opt.stateDict() }, { params: [reference.data], state: referenceOpt.stateDict() })).toBeNull();

    hook().set(RUN);
    expect(await start()).toBe(2);
    p.grad = grads[0]!.slice();
    opt.step(() => 6);
    expect(kernelThreadPool()!.pipelinedCalls).toBe(1);
  });
});
