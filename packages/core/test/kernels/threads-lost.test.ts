import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Rprop, useKernels } from '../../src/index.js';
import { kernelThreadPool } from '../../src/kernels/kernel-threads.js';
import { kernelThreads, useKernelThreads } from '../../src/threads.js';
import { EXIT, EXIT_ON_UPDATE, RUN, type Hooks } from './hooked-worker.js';
import { values } from './seeded-values.js';
import { timeThrow } from './time-throw.js';

// useKernelThreads with workers that fail on cue (node:worker_threads mocked with hooked workers),
// and optimizers stepping on them. Its own file: vitest isolates test files, so the kernels' memory
// is made shared here, and the mock reaches no other test.
const hooks = vi.hoisted(() => ({ current: null as Hooks | null }));
vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:worker_threads')>();
  const { hookedWorkers } = await import('./hooked-worker.js');
  hooks.current = hookedWorkers(real.Worker);
  return { ...real, Worker: hooks.current.Worker };
});
const hook = (): Hooks => hooks.current!;

const SPLIT_BYTES = 256 * 1024;
/** float32 weights of which a step's every call is cut in two. */
const N = (2 * SPLIT_BYTES) / 4 + 37;
/** Two threads that split those calls; a timeout far above the bounds checked (an exit must be found by its flag). */
const start = () => useKernelThreads(2, { minSplitBytes: SPLIT_BYTES, callTimeoutMs: 30_000 });
beforeAll(async () => {
  expect(await start()).toBe(2);
});
afterAll(() => useKernelThreads(1));

describe('useKernelThreads when a worker is lost', () => {
  it('a step throws, the kernels fall back to this thread, the state saved before the step restores it, and useKernelThreads starts new workers', async () => {
    const p = Rprop.allocate(N);
    p.data.set(values(N, 1));
    const opt = new Rprop([p]);
    const steps = [values(N, 2), values(N, 3), values(N, 4)];
    const before = kernelThreadPool()!.splitCalls;
    p.gradBuffer.set(steps[0]!);
    opt.step();
    expect(kernelThreadPool()!.splitCalls).toBeGreaterThan(before);
    const saved = { data: p.data.slice(), state: opt.stateDict() };

    // The worker exits while updating: the step is applied in part, and says so.
    p.gradBuffer.set(steps[1]!);
    hook().set(EXIT_ON_UPDATE);
    const { error, ms } = timeThrow(() => opt.step());
    expect(error.message).toMatch(/^rprop: kernel thread 1 of 1 \(worker threadId \d+\) exited \(exit code 7\) while running its range of the kernel rpropF32; the step it was part of is applied in part/);
    expect(ms).toBeLessThan(15_000);
    expect(kernelThreads()).toBe(1);

    // Restored, the same steps on this thread alone equal the reference rules.
    p.data.set(saved.data);
    opt.loadStateDict(saved.state);
    for (const g of steps.slice(1)) {
      p.gradBuffer.set(g);
      opt.step();
    }
    useKernels(false);
    const reference = { data: Float32Array.from(values(N, 1)), grad: null as Float32Array | null };
    const referenceOpt = new Rprop([reference]);
    for (const g of steps) {
      reference.grad = Float32Array.from(g);
      referenceOpt.step();
    }
    useKernels(true);
    expect(p.data).toEqual(reference.data);

    hook().set(RUN);
    expect(await start()).toBe(2);
    const restarted = kernelThreadPool()!;
    expect(restarted.lost).toBeNull();
    opt.step();
    expect(restarted.splitCalls).toBeGreaterThan(0);
  });

  it('a worker lost during the gradients\' check leaves the step refused whole', async () => {
    const p = Rprop.allocate(N);
    p.data.set(values(N, 5));
    const opt = new Rprop([p]);
    p.gradBuffer.set(values(N, 6));
    opt.step();
    const data = p.data.slice();
    const state = JSON.stringify(opt.stateDict());
    p.gradBuffer.set(values(N, 7));
    hook().set(EXIT);
    expect(() => opt.step()).toThrow(/exited \(exit code 7\) while running its range of the kernel firstNonFiniteF32; it was a check for NaN\/±Infinity, which writes nothing \(a step it was part of changed nothing\)\./);
    expect(p.data).toEqual(data);
    expect(JSON.stringify(opt.stateDict())).toBe(state);
    hook().set(RUN);
    expect(await start()).toBe(2);
  });

  it('useKernelThreads(1) after a loss replaces the stopped pool; refuses a callTimeoutMs that is not a number > 0', async () => {
    hook().set(EXIT);
    const p = Rprop.allocate(N);
    p.gradBuffer.fill(1);
    expect(() => new Rprop([p]).step()).toThrow('exited (exit code 7)');
    hook().set(RUN);
    const lost = kernelThreadPool()!;
    expect(lost.lost).not.toBeNull();
    expect(await useKernelThreads(1)).toBe(1);
    expect(kernelThreadPool()).toBeNull();
    for (const callTimeoutMs of [0, -1, NaN, '5']) {
      await expect(useKernelThreads(2, { callTimeoutMs: callTimeoutMs as number })).rejects.toThrow(
        `useKernelThreads: callTimeoutMs must be a number > 0 (Infinity: no limit), got ${typeof callTimeoutMs === 'string' ? `"${callTimeoutMs}"` : callTimeoutMs}`,
      );
    }
    expect(await useKernelThreads(2, { callTimeoutMs: Infinity })).toBe(2);
    expect(kernelThreadPool()!.callTimeoutMs).toBe(Infinity);
    expect(await useKernelThreads(2, { minSplitBytes: SPLIT_BYTES, callTimeoutMs: 1234 })).toBe(2);
    expect(kernelThreadPool()!.callTimeoutMs).toBe(1234);
  });
});
