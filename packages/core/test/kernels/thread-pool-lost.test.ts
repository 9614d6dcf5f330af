import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KERNELS_SHARED_WASM_BASE64 } from '../../src/kernels/generated/kernels-shared-wasm.js';
import { decode, type KernelExports } from '../../src/kernels/instance.js';
import { KernelThreadPool } from '../../src/kernels/thread-pool.js';
import { EXIT, HANG, hookedWorkers, type Hooks } from './hooked-worker.js';
import { timeThrow } from './time-throw.js';

// Pools made here on a shared memory of their own, with workers that fail on cue; nothing global
// changes. A lost worker must never leave the calling thread blocked: each call below returns or
// throws, and how long it took is checked against callTimeoutMs.

const module = new WebAssembly.Module(decode(KERNELS_SHARED_WASM_BASE64));
const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true });
const main = new WebAssembly.Instance(module, { env: { memory, abort() { throw new Error('rprop kernel abort'); } } }).exports as unknown as KernelExports;

/** Two float32 arrays of N in the memory, past the kernels' own data: w at W, g at G (byte offsets). */
const N = 1 << 16;
const W = Math.ceil(main.heapBase() / 64) * 64;
const G = W + 4 * N;
memory.grow(Math.ceil((G + 4 * N) / 65536));
const w = () => new Float32Array(memory.buffer, W, N);
const g = () => new Float32Array(memory.buffer, G, N);

let hooks: Hooks;
let pool: KernelThreadPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
  for (const worker of hooks.started) await worker.terminate(); // one left spinning would hold a core
  vi.restoreAllMocks();
});

/**
 * A pool of `workers` hooked workers. From 64 KiB per array per thread: a call on all of w is split,
 * and a batch of calls on eighths of it (32 KiB each) is recorded, then shared out.
 */
async function start(workers: number, callTimeoutMs: number): Promise<KernelThreadPool> {
  hooks = hookedWorkers(Worker);
  return (pool = await KernelThreadPool.start(hooks.Worker, module, memory, main, workers, 64 * 1024, callTimeoutMs));
}

/** signSGD on the whole of w, from w = 0 and g = 1: every weight then holds the same nonzero value. */
function signSgd(p: KernelThreadPool): void {
  w().fill(0);
  g().fill(1);
  p.exports.signSgdF32(W, G, N, 0.5);
}
function expectEveryWeightStepped(): void {
  expect(w()[0]).not.toBe(0);
  expect(new Set(w())).toEqual(new Set([w()[0]]));
}

/** A deferred batch of 8 calls, each on an eighth of w: the last ones are the worker's. */
function batch(p: KernelThreadPool): void {
  const k = p.exports;
  k.deferCalls!();
  for (let i = 0; i < 8; i++) k.signSgdF32(W + (i * N) / 2, G + (i * N) / 2, N / 8, 0.5);
  k.runDeferred!();
}

/**
 * A pipeline of 8 chunks, each an eighth of w, 2 in flight (copying nothing: w and g are in the
 * memory). Copying chunk 1 in takes 100 ms, so the worker (woken as the pipeline starts) has taken
 * chunk 0 by then: else this thread could run every chunk itself before the worker woke.
 */
function pipeline(p: KernelThreadPool): void {
  const k = p.exports;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  k.pipeline!(8, 2, (c) => {
    if (c === 1) Atomics.wait(pause, 0, 0, 100);
    k.signSgdF32(W + (c * N) / 2, G + (c * N) / 2, N / 8, 0.5);
  }, () => undefined);
}

describe('a kernel thread pool that loses a worker', () => {
  it.each([
    ['an update', 'the kernel signSgdF32', (p: KernelThreadPool) => signSgd(p), 'the step it was part of is applied in part'],
    ['a batch of updates', 'a batch of kernel calls', batch, 'the step it was part of is applied in part'],
    ['a pipeline', 'a pipelined copy-through call', (p: KernelThreadPool) => { w().fill(0); g().fill(1); pipeline(p); }, 'the step it was part of is applied in part'],
    ['a check', 'the kernel firstNonFiniteF32', (p: KernelThreadPool) => p.exports.firstNonFiniteF32(W, N), 'it was a check for NaN/±Infinity, which writes nothing \\(a step it was part of changed nothing\\)\\. '],
  ] as const)('throws at once when a worker exits during %s, saying which and what to do; later calls run on this thread alone', async (_, what, call, consequence) => {
    // A timeout far above the bound checked: the exit must be found by the worker's own flag.
    const p = await start(1, 30_000);
    signSgd(p);
    expectEveryWeightStepped();
    batch(p);
    expect(p.splitCalls).toBe(2);
    hooks.set(EXIT);
    const { error, ms } = timeThrow(() => call(p));
    expect(error.message).toMatch(
      new RegExp(`^rprop: kernel thread 1 of 1 \\(worker threadId ${hooks.started[0]!.threadId}\\) exited \\(exit code 7\\) while running its range of ${what}; ${consequence}`),
    );
    expect(error.message).toMatch(/The kernels now run on the calling thread alone; call useKernelThreads to start new workers$/);
    expect(ms).toBeLessThan(15_000);
    expect(p.lost).toBe(error);
    expect(p.threads).toBe(1);
    await hooks.exits[0]; // (its code there may be terminate's 1: the pool terminates a lost worker whatever it did)
    // The worker's range is this thread's now: every weight steps, and nothing is split.
    const splitCalls = p.splitCalls;
    signSgd(p);
    expectEveryWeightStepped();
    w().fill(0);
    pipeline(p);
    expectEveryWeightStepped();
    batch(p);
    g()[N - 1] = NaN;
    expect(p.exports.firstNonFiniteF32(G, N)).toBe(N - 1);
    expect(p.splitCalls).toBe(splitCalls);
  });

  it('throws after callTimeoutMs when a worker does not answer, and terminates it', async () => {
    const p = await start(1, 300);
    hooks.set(HANG);
    const { error, ms } = timeThrow(() => signSgd(p));
    expect(error.message).toMatch(
      /^rprop: kernel thread 1 of 1 \(worker threadId \d+\) did not finish its range of the kernel signSgdF32 within callTimeoutMs \(300 ms\), and was terminated; the step it was part of is applied in part/,
    );
    expect(ms).toBeGreaterThanOrEqual(300);
    expect(ms).toBeLessThan(15_000);
    expect(p.threads).toBe(1);
    await hooks.exits[0]; // terminated: a worker spinning in a loop is stopped too
    signSgd(p);
    expectEveryWeightStepped();
  });

  it('throws after callTimeoutMs when a worker does not finish its chunk of a pipeline, and terminates it', async () => {
    const p = await start(1, 300);
    w().fill(0);
    g().fill(1);
    pipeline(p);
    expectEveryWeightStepped();
    expect(p.pipelinedCalls).toBe(1);
    hooks.set(HANG);
    const { error, ms } = timeThrow(() => pipeline(p));
    expect(error.message).toMatch(
      /^rprop: kernel thread 1 of 1 \(worker threadId \d+\) did not finish its range of a pipelined copy-through call within callTimeoutMs \(300 ms\), and was terminated; the step it was part of is applied in part/,
    );
    expect(ms).toBeGreaterThanOrEqual(300);
    expect(ms).toBeLessThan(15_000);
    expect(p.threads).toBe(1);
    await hooks.exits[0];
    w().fill(0);
    pipeline(p);
    expectEveryWeightStepped();
  });

  it('waits for the other workers before throwing, and stops them all', async () => {
    const p = await start(2, 30_000);
    hooks.set(EXIT, 1);
    const { error, ms } = timeThrow(() => signSgd(p));
    expect(error.message).toMatch(/^rprop: kernel thread 2 of 2 \(worker threadId \d+\) exited \(exit code 7\) while running its range of the kernel signSgdF32; /);
    expect(ms).toBeLessThan(15_000);
    // Worker 1 finished its range (the middle third) before the call threw.
    expect(new Set(w().subarray(N / 3 + 16, (2 * N) / 3 - 16))).toEqual(new Set([w()[0]]));
    expect(p.threads).toBe(1);
    await hooks.exits[1];
    await hooks.exits[0]; // the live worker is stopped with the pool
    signSgd(p);
    expectEveryWeightStepped();
  });

  it('notices a worker that exits between calls: no call fails, a warning says so, and calls run on this thread alone', async () => {
    const p = await start(1, 30_000);
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    await hooks.started[0]!.terminate(); // its 'exit' event has come once this settles
    expect(p.threads).toBe(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(
      /^rprop: kernel thread 1 of 1 \(worker threadId \d+\) exited \(exit code 1\) between kernel calls; no step was affected\. The kernels now run on the calling thread alone; call useKernelThreads to start new workers$/,
    );
    expect(p.lost!.message).toBe(warn.mock.calls[0]![0]);
    signSgd(p);
    expectEveryWeightStepped();
    expect(p.splitCalls).toBe(0);
  });

  it('stops its workers without a warning when closed', async () => {
    const p = await start(1, 30_000);
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    await p.close();
    await hooks.exits[0];
    expect(warn).not.toHaveBeenCalled();
    expect(p.lost).toBeNull();
  });
});
