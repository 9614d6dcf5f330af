import { describe } from '../errors.js';
import { refuseUnknownOptions } from '../unknown-options.js';
import { KERNELS_SHARED_WASM_BASE64 } from './generated/kernels-shared-wasm.js';
import { decode, installKernels, simdSupported, type KernelExports } from './instance.js';
import { kernelHeapMade } from './kernel-heap.js';
import type { WorkerConstructor } from './thread-lane.js';
import { CALL_TIMEOUT_MS, KernelThreadPool, MIN_PIPELINE_BYTES, MIN_SPLIT_BYTES } from './thread-pool.js';

/** Options of `useKernelThreads`. */
export interface KernelThreadOptions {
  /**
   * Kernel calls with fewer bytes per array per thread run on the calling thread alone (default
   * 8 MiB: on the 2-core machine measured, arrays that fit the last-level cache gained nothing).
   */
  minSplitBytes?: number;
  /**
   * Ordinary arrays (not from `allocate`) are copied through the kernels' memory in a pipeline —
   * this thread copies chunks in and back while a worker runs their kernels — where a parameter
   * group's ordinary parameters come to at least this many bytes in all (a call of `rprop/kernels`:
   * its array). Default 1 MiB: on the 2-core machine measured, 1.3–1.5× as fast as one thread on the
   * same memory from 10⁶ float32 weights, in one tensor or in 200, and a loss for one tensor of 10⁵.
   * `Infinity` turns it off.
   */
  minPipelineBytes?: number;
  /**
   * How long, in ms, the calling thread — done with its own range of a call — waits for a worker's
   * before it takes the worker for lost, terminates it and throws (default 60 000; `Infinity` waits
   * as long as it takes, e.g. while a debugger holds a worker). A worker that exits is found at once;
   * this bounds the wait for one that was terminated or hangs.
   */
  callTimeoutMs?: number;
}

/** The shared memory and its pool, once `useKernelThreads` has made them. */
let shared: { module: WebAssembly.Module; memory: WebAssembly.Memory; main: KernelExports; pool: KernelThreadPool | null } | null = null;
/** Calls run one after another: each may replace the pool the next one sees. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs the WebAssembly kernels on `threads` threads — this one and `threads − 1` worker threads —
 * over one shared WebAssembly memory (Node only: it uses `node:worker_threads`). Results are
 * bit-identical to one thread: every kernel is elementwise, and a large call is cut into contiguous
 * ranges that all finish before the step returns.
 *
 * It pays for large models whose parameters live in the kernels' memory (`Rprop.allocate`): there a
 * step is bound by memory bandwidth, which one core does not saturate (≈1.5× faster at 10⁷ float32
 * weights on 2 cores, measured). A large tensor is cut into ranges; a parameter group's many small
 * allocated tensors are shared out whole. Steps that move less than `minSplitBytes` per array per
 * thread (8 MiB) stay on this thread. A parameter group's ordinary arrays, from 1 MiB in all
 * (`minPipelineBytes`), are copied through the kernels' memory in a pipeline: this thread copies
 * chunks in and back — only it can reach them — while a worker runs the chunks' kernels; only the
 * first worker takes part. Against no threads at all that pays for plain arrays, if at all, from
 * about 10⁷ weights (1.03–1.31× on 2 cores, measured; 1.23× over 200 tensors): on shared memory V8
 * copies typed arrays about half as fast while they fit in cache, which below that can cost more
 * than the pipeline gains.
 * More threads than the machine has cores (`os.availableParallelism()`) only add waiting: every
 * range of a call must end before the call returns.
 *
 * Call it before the kernels' memory is first used — before any `Rprop.allocate` and any step
 * that runs the kernels — since that memory then holds optimizer state and cannot be swapped for a
 * shared one. Later calls change the number of threads (1 stops the workers; the memory stays
 * shared). Idle workers do not keep the process alive.
 *
 * A step never hangs on a lost worker. If a worker exits during a kernel call (process.exit, an
 * uncaught error in it), or has not finished its range `callTimeoutMs` after the calling thread
 * finished its own (a terminated or hung worker), the call throws an Error naming the thread and what
 * happened, once the other workers' ranges have ended, and terminates every worker. The pool is
 * then stopped: `kernelThreads()` returns 1, and later steps run on the calling thread alone — with
 * the same results — until `useKernelThreads(n)` starts new workers. A worker that exits between
 * steps stops the pool the same way, with a process warning instead of an error. (A kernel that traps
 * on a worker throws too, but the workers stay.)
 *
 * Such a step is not atomic: that would take keeping a copy of everything a worker writes until its
 * range ends — doubling the memory traffic the threads are there to share. A call lost while
 * checking the gradients (the message says it was a check) changed nothing. A call lost while
 * updating (any other) leaves the step applied in part: some tensors, or ranges of a tensor, have
 * their new values and state and others their old ones, the lost thread's range may be half-written
 * (a weight updated and its state not; in a pipeline of ordinary arrays, the lost chunk's state
 * updated and not its weights), and the Rprop + variants have not recorded the step's loss. Restore
 * the parameters and the optimizer's state (`loadStateDict`) saved before the step.
 *
 * @example
 * ```ts
 * import { Rprop } from 'rprop';
 * import { useKernelThreads } from 'rprop/threads';
 *
 * await useKernelThreads(2);
 * const p = Rprop.allocate(10_000_000);
 * const opt = new Rprop([p]);
 * p.gradBuffer.fill(1);
 * opt.step();
 * ```
 *
 * @param threads - threads in all, an integer from 1 to 64 (default 2).
 * @param options - `minSplitBytes`, `minPipelineBytes`, `callTimeoutMs` (see `KernelThreadOptions`).
 * @returns the threads in use.
 */
export function useKernelThreads(threads = 2, options: KernelThreadOptions = {}): Promise<number> {
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) {
    return Promise.reject(new RangeError(`useKernelThreads: threads must be an integer from 1 to 64, got ${describe(threads)}`));
  }
  try {
    refuseUnknownOptions('useKernelThreads', options ?? {}, ['minSplitBytes', 'minPipelineBytes', 'callTimeoutMs']); // a misspelt minSplitBytes would silently keep 8 MiB
  } catch (error) {
    return Promise.reject(error);
  }
  const minSplitBytes = options?.minSplitBytes ?? MIN_SPLIT_BYTES;
  // Any integer: a huge one is how a caller keeps every call on this thread.
  if (!Number.isInteger(minSplitBytes) || minSplitBytes < 0) {
    return Promise.reject(new RangeError(`useKernelThreads: minSplitBytes must be an integer ≥ 0, got ${describe(minSplitBytes)}`));
  }
  const minPipelineBytes = options?.minPipelineBytes ?? MIN_PIPELINE_BYTES;
  if (typeof minPipelineBytes !== 'number' || !(minPipelineBytes >= 0) || !(Number.isInteger(minPipelineBytes) || minPipelineBytes === Infinity)) {
    return Promise.reject(new RangeError(`useKernelThreads: minPipelineBytes must be an integer ≥ 0 or Infinity, got ${describe(minPipelineBytes)}`));
  }
  const callTimeoutMs = options?.callTimeoutMs ?? CALL_TIMEOUT_MS;
  if (typeof callTimeoutMs !== 'number' || !(callTimeoutMs > 0)) {
    return Promise.reject(new RangeError(`useKernelThreads: callTimeoutMs must be a number > 0 (Infinity: no limit), got ${describe(callTimeoutMs)}`));
  }
  const memoryWasFree = !kernelHeapMade();
  const next = queue.then(() => setThreads(threads, { minSplitBytes, minPipelineBytes, callTimeoutMs }, memoryWasFree));
  queue = next.catch(() => undefined);
  return next;
}

/** The running pool, or null (for tests: its `splitCalls` show whether calls were split). */
export function kernelThreadPool(): KernelThreadPool | null {
  return shared?.pool ?? null;
}

/** The threads the kernels run on: 1 unless `useKernelThreads` started workers (and 1 again once one was lost). */
export function kernelThreads(): number {
  return shared?.pool?.threads ?? 1;
}

/** `memoryWasFree`: whether the kernels' memory was still unused when useKernelThreads was called. */
async function setThreads(threads: number, options: Required<KernelThreadOptions>, memoryWasFree: boolean): Promise<number> {
  const Worker = await nodeWorker(); // first: a refusal here changes nothing
  if (shared === null) {
    if (!simdSupported()) throw new Error('useKernelThreads: this engine has no WebAssembly SIMD, so there are no kernels to run on threads');
    if (kernelHeapMade() && memoryWasFree) {
      // Called in time but not awaited: "call it before" would tell this caller what they did.
      throw new Error(
        'useKernelThreads: the kernels\' memory came into use while this call was pending (a parameter was allocated or an optimizer stepped before its promise settled); ' +
          'await useKernelThreads before any of those — that memory holds optimizer state and cannot become shared. Nothing was changed',
      );
    }
    if (kernelHeapMade()) {
      throw new Error(
        'useKernelThreads: the kernels\' memory is already in use (a parameter was allocated or an optimizer stepped on the kernels); ' +
          'call useKernelThreads before any of those — that memory holds optimizer state and cannot become shared. Nothing was changed',
      );
    }
    const module = new WebAssembly.Module(decode(KERNELS_SHARED_WASM_BASE64));
    // The module declares 4 GiB as its maximum, as shared memory must; pages are committed as it grows.
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true });
    const abort = () => { throw new Error('rprop kernel abort'); };
    const main = new WebAssembly.Instance(module, { env: { memory, abort } }).exports as unknown as KernelExports;
    shared = { module, memory, main, pool: null };
    installKernels(main);
  }
  const s = shared;
  // A pool that lost its workers runs calls on one thread; any call replaces it.
  if (kernelThreads() === threads && (s.pool === null || s.pool.lost === null)) {
    if (s.pool !== null) {
      s.pool.minSplitBytes = options.minSplitBytes;
      s.pool.minPipelineBytes = options.minPipelineBytes;
      s.pool.callTimeoutMs = options.callTimeoutMs;
    }
    return threads;
  }
  const old = s.pool;
  s.pool = null;
  installKernels(s.main); // no split calls while the pool changes
  if (old !== null) await old.close();
  if (threads > 1) {
    s.pool = await KernelThreadPool.start(Worker, s.module, s.memory, s.main, threads - 1, options.minSplitBytes, options.callTimeoutMs, options.minPipelineBytes);
    installKernels(s.pool.exports);
  }
  return kernelThreads();
}

/** Node's `Worker`, or an error saying this needs Node. */
async function nodeWorker(): Promise<WorkerConstructor> {
  const name = 'node:worker_threads'; // not a literal: bundlers for browsers must not try to resolve it
  try {
    return ((await import(name)) as { Worker: WorkerConstructor }).Worker;
  } catch {
    throw new Error('useKernelThreads: needs Node\'s worker_threads (it is for Node; browsers run the kernels on one thread)');
  }
}
