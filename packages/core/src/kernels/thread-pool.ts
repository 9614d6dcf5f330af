import type { KernelExports } from './instance.js';
import { ARGC, BATCH, BATCH_CALLS, CLAIMED, DONE, EXIT_CODE, EXITED, FLAGS, FUNCTION, PIPELINE, PUBLISHED, RECORD, REQUEST, RESULT, STATUS, STOP } from './thread-protocol.js';
import { startLane, type Lane, type SharedMemory, type SharedModule, type WorkerConstructor } from './thread-lane.js';

/**
 * The kernels a pool splits, and how: the positions of their buffer arguments (byte offsets into
 * the memory) and of their length, and the bytes per element. Every kernel is elementwise, so
 * running its ranges on different threads gives the same bits as one pass.
 */
const SPLITS = {
  rpropF32: { buffers: [1, 2, 3, 4, 5], length: 6, bytes: 4 },
  rpropF64: { buffers: [1, 2, 3, 4, 5], length: 6, bytes: 8 },
  signSgdF32: { buffers: [0, 1], length: 2, bytes: 4 },
  signSgdF64: { buffers: [0, 1], length: 2, bytes: 8 },
  signumF32: { buffers: [0, 1, 2], length: 3, bytes: 4 },
  signumF64: { buffers: [0, 1, 2], length: 3, bytes: 8 },
  lionF32: { buffers: [0, 1, 2], length: 3, bytes: 4 },
  lionF64: { buffers: [0, 1, 2], length: 3, bytes: 8 },
  firstNonFiniteF32: { buffers: [0], length: 1, bytes: 4 },
  firstNonFiniteF64: { buffers: [0], length: 1, bytes: 8 },
} as const;

type SplitName = keyof typeof SPLITS;
const NAMES = Object.keys(SPLITS) as SplitName[];
/** Each kernel's index into NAMES: how records and the workers name it. */
const F = Object.fromEntries(NAMES.map((name, i) => [name, i])) as Record<SplitName, number>;
/** A kernel called with a record's arguments: 13 numbers, those past its own ignored. */
type Kernel = (...args: number[]) => number | void;

/**
 * The default of `minSplitBytes`: calls with fewer bytes per array per thread run on the calling
 * thread alone. Waking a worker costs microseconds, but what decides is where the data is: a
 * gradient the calling thread has just written sits in its cache, and the worker must fetch its
 * share from there. Measured on 2 cores (2026-11-26, zero-copy float32 iRprop−, the gradient written
 * before each step): 1e7 weights (40 MB per array) 1.1–1.9× faster on two threads, 1e6 (4 MB)
 * 0.76–1.3×, so no gain to count on below the last-level cache; 8 MiB per thread splits 1e7 but
 * not 1e6, in either precision.
 */
export const MIN_SPLIT_BYTES = 8 * 2 ** 20;

/**
 * The default of `minPipelineBytes`: ordinary arrays of fewer bytes (a group's in all, or one call's)
 * are copied through the memory on the calling thread alone. Measured on 2 cores (2026-11-27, float32
 * iRprop−, a prototype of the pipeline against the one-thread copy-through on the same shared memory,
 * in turns): 1.6× as fast at 10⁶ and 10⁷ weights, 1.3× at 3·10⁵ (1.2 MB per array), 0.93× at 10⁵.
 * (Against no threads at all it gains less: see `useKernelThreads`.)
 */
export const MIN_PIPELINE_BYTES = 2 ** 20;

/**
 * The default of `callTimeoutMs`: how long the calling thread, done with its own range, waits for a
 * worker's before it takes the worker for lost. A worker's range is at most a few GiB of memory
 * streamed once — seconds even on a slow machine — so a minute means it hangs or was terminated.
 */
export const CALL_TIMEOUT_MS = 60_000;

/**
 * While waiting, how often the calling thread looks again at whether the worker has exited. Its exit
 * wakes the caller at once; the slice only bounds the rare case of an exit flagged just before the
 * caller went to sleep (the exit's notify then finds nobody to wake).
 */
const SLICE_MS = 50;

/** How a wait for a worker's call ended. */
type Outcome = 'answered' | 'exited' | 'timed out';

/**
 * Kernel threads on one shared WebAssembly memory: the calling thread and `workers` Node workers,
 * each with an instance of the same module. `exports` are the kernels with every large call split
 * into contiguous, 64-byte aligned ranges — the first run here, the others on the workers, all
 * finished before the call returns, so a step stays synchronous.
 */
export class KernelThreadPool {
  private readonly lanes: Lane[] = [];
  /** The workers started, for messages: "kernel thread 2 of 3". */
  private workers = 0;
  private closed = false;
  /** The stopped workers' terminations, awaited by `close`. */
  private readonly terminations: Array<Promise<unknown>> = [];
  /** Calls with fewer bytes per array per thread run on the calling thread alone. */
  minSplitBytes = MIN_SPLIT_BYTES;
  /** How long the calling thread, done with its own range, waits for a worker's before taking it for lost. */
  callTimeoutMs = CALL_TIMEOUT_MS;
  /**
   * Why the pool lost its workers (one exited or did not answer), or null while it has them. From
   * then on `threads` is 1 and every call runs on the calling thread alone.
   */
  lost: Error | null = null;
  /** Calls split across the threads so far (a deferred batch run on several threads counts as one). */
  splitCalls = 0;
  /** Ordinary arrays of fewer bytes (a group's in all, or one call's) are not pipelined. */
  minPipelineBytes = MIN_PIPELINE_BYTES;
  /** Copy-through calls run as a pipeline so far. */
  pipelinedCalls = 0;
  /** While a pipeline runs: every update kernel call is recorded, to be handed to the worker. */
  private pipelining = false;
  /**
   * Calls as records (RECORD numbers each: function, argument count, arguments), in the layout a
   * worker's batch region takes. While deferring, `count` of them are the recorded calls, with their
   * bytes per array in `bytes`; the record past them is where a call about to be split is written.
   */
  private records = new Float64Array(RECORD * 64);
  private readonly bytes: number[] = [];
  private count = 0;
  private deferring = false;
  /** The calling thread's kernels, by index into NAMES. */
  private readonly fns: readonly Kernel[];
  readonly exports: KernelExports;

  private constructor(private readonly base: KernelExports) {
    this.fns = NAMES.map((name) => base[name] as Kernel);
    this.exports = this.wrap();
  }

  /** The threads a call may run on: this one and the workers. */
  get threads(): number {
    return this.lanes.length + 1;
  }

  /**
   * Starts `workers` workers on `module` (a build that imports a shared memory) and `memory`, with
   * `main` the calling thread's instance. Rejects, with every started worker stopped, if one fails.
   */
  static async start(
    Worker: WorkerConstructor, module: SharedModule, memory: SharedMemory, main: KernelExports, workers: number, minSplitBytes: number,
    callTimeoutMs = CALL_TIMEOUT_MS, minPipelineBytes = MIN_PIPELINE_BYTES,
  ): Promise<KernelThreadPool> {
    const pool = new KernelThreadPool(main);
    pool.minSplitBytes = minSplitBytes;
    pool.callTimeoutMs = callTimeoutMs;
    pool.minPipelineBytes = minPipelineBytes;
    pool.workers = workers;
    try {
      for (let i = 1; i <= workers; i++) {
        const lane = await startLane(Worker, module, memory, i, NAMES);
        pool.lanes.push(lane);
        lane.worker.once('exit', (code) => pool.exitedBetweenCalls(lane, code));
      }
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  /** Stops the workers (the calls in flight have all returned: every call waits for its ranges). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stop();
    await Promise.all(this.terminations.splice(0));
  }

  /** Tells every worker to stop and terminates it; from then on every call runs on this thread alone. */
  private stop(): void {
    for (const lane of this.lanes.splice(0)) {
      Atomics.store(lane.ints, STOP, 1);
      Atomics.add(lane.ints, REQUEST, 1);
      Atomics.notify(lane.ints, REQUEST);
      // Terminated too: one that did not answer may be running still (V8 stops even a kernel's loop).
      this.terminations.push(lane.worker.terminate().catch(() => undefined));
    }
  }

  /**
   * Stops the pool after `lane`'s worker was lost (it `exited` or `timed out`) during `what` (a check
   * writes nothing; an update leaves its step applied in part), and returns the error that says so.
   */
  private lose(lane: Lane, how: Outcome, what: string, check: boolean): Error {
    const happened = how === 'exited'
      ? `exited (exit code ${lane.ints[EXIT_CODE]}) while running its range of ${what}`
      : `did not finish its range of ${what} within callTimeoutMs (${this.callTimeoutMs} ms), and was terminated`;
    const error = new Error(
      `rprop: kernel thread ${lane.thread} of ${this.workers} (worker threadId ${lane.threadId}) ${happened}; ` +
        (check
          ? 'it was a check for NaN/±Infinity, which writes nothing (a step it was part of changed nothing). '
          : 'the step it was part of is applied in part (some tensors or ranges of them updated, that thread\'s range possibly half-written): ' +
            'restore the parameters and optimizer state saved before the step. ') +
        'The kernels now run on the calling thread alone; call useKernelThreads to start new workers',
    );
    this.lost = error;
    this.stop();
    return error;
  }

  /**
   * A worker's 'exit' event. Events arrive only while no call is running (a call blocks this thread
   * until it ends), so a worker found exited here took no call with it: the pool stops, with a
   * warning, and no step fails. Ignored for the workers the pool stopped itself.
   */
  private exitedBetweenCalls(lane: Lane, code: number): void {
    if (!this.lanes.includes(lane)) return;
    this.lost = new Error(
      `rprop: kernel thread ${lane.thread} of ${this.workers} (worker threadId ${lane.threadId}) exited (exit code ${code}) between kernel calls; no step was affected. ` +
        'The kernels now run on the calling thread alone; call useKernelThreads to start new workers',
    );
    this.stop();
    // Node's own channel for what is wrong but not an error (the core is built without Node's types).
    (globalThis as { process?: { emitWarning?(message: string): void } }).process?.emitWarning?.(this.lost.message);
  }

  /**
   * The kernels as the pool runs them. Each is a fixed-arity function that calls its kernel directly
   * when the call is not to be split or recorded: rest parameters, a spread call into WebAssembly or
   * an array per call would cost up to a microsecond each, which over many small tensors is most of
   * a step. Booleans go into records as 0/1.
   */
  private wrap(): KernelExports {
    const b = this.base;
    return {
      memory: b.memory,
      heapBase: b.heapBase,
      deferCalls: () => this.deferCalls(),
      runDeferred: () => this.runDeferred(),
      pipelines: (bytes) => this.lanes.length > 0 && !this.deferring && !this.pipelining && bytes >= this.minPipelineBytes,
      pipeline: (chunks, inFlight, copyIn, copyBack) => this.pipeline(chunks, inFlight, copyIn, copyBack),
      rpropF32: (v, w, g, gp, d, dw, n, em, ep, lo, hi, max, rev) => {
        if (this.direct(n * 4)) b.rpropF32(v, w, g, gp, d, dw, n, em, ep, lo, hi, max, rev);
        else this.call(F.rpropF32, n * 4, 13, v, w, g, gp, d, dw, n, em, ep, lo, hi, +max, +rev);
      },
      rpropF64: (v, w, g, gp, d, dw, n, em, ep, lo, hi, max, rev) => {
        if (this.direct(n * 8)) b.rpropF64(v, w, g, gp, d, dw, n, em, ep, lo, hi, max, rev);
        else this.call(F.rpropF64, n * 8, 13, v, w, g, gp, d, dw, n, em, ep, lo, hi, +max, +rev);
      },
      signSgdF32: (w, g, n, step) => {
        if (this.direct(n * 4)) b.signSgdF32(w, g, n, step);
        else this.call(F.signSgdF32, n * 4, 4, w, g, n, step);
      },
      signSgdF64: (w, g, n, step) => {
        if (this.direct(n * 8)) b.signSgdF64(w, g, n, step);
        else this.call(F.signSgdF64, n * 8, 4, w, g, n, step);
      },
      signumF32: (w, g, m, n, lr, beta, omb, max) => {
        if (this.direct(n * 4)) b.signumF32(w, g, m, n, lr, beta, omb, max);
        else this.call(F.signumF32, n * 4, 8, w, g, m, n, lr, beta, omb, +max);
      },
      signumF64: (w, g, m, n, lr, beta, omb, max) => {
        if (this.direct(n * 8)) b.signumF64(w, g, m, n, lr, beta, omb, max);
        else this.call(F.signumF64, n * 8, 8, w, g, m, n, lr, beta, omb, +max);
      },
      lionF32: (w, g, m, n, lr, b1, omb1, b2, omb2, wd, max) => {
        if (this.direct(n * 4)) b.lionF32(w, g, m, n, lr, b1, omb1, b2, omb2, wd, max);
        else this.call(F.lionF32, n * 4, 11, w, g, m, n, lr, b1, omb1, b2, omb2, wd, +max);
      },
      lionF64: (w, g, m, n, lr, b1, omb1, b2, omb2, wd, max) => {
        if (this.direct(n * 8)) b.lionF64(w, g, m, n, lr, b1, omb1, b2, omb2, wd, max);
        else this.call(F.lionF64, n * 8, 11, w, g, m, n, lr, b1, omb1, b2, omb2, wd, +max);
      },
      // Checks return an index, so they are never recorded: whole, or split at once.
      firstNonFiniteF32: (at, n) => (this.whole(n * 4) ? b.firstNonFiniteF32(at, n) : this.call(F.firstNonFiniteF32, n * 4, 2, at, n)),
      firstNonFiniteF64: (at, n) => (this.whole(n * 8) ? b.firstNonFiniteF64(at, n) : this.call(F.firstNonFiniteF64, n * 8, 2, at, n)),
    };
  }

  /** Whether a call moving `bytes` per array is too small to split. */
  private whole(bytes: number): boolean {
    return this.lanes.length === 0 || bytes < this.minSplitBytes * (this.lanes.length + 1);
  }

  /** Whether an update kernel moving `bytes` per array runs at once on this thread. */
  private direct(bytes: number): boolean {
    return !this.deferring && !this.pipelining && this.whole(bytes);
  }

  /**
   * Writes the call as the next record; then keeps it (a small call while deferring) or splits it at
   * once, returning what `split` returns.
   */
  private call(fn: number, bytes: number, argc: number, a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0, a10 = 0, a11 = 0, a12 = 0): number {
    const at = RECORD * this.count;
    if (at + RECORD > this.records.length) {
      const grown = new Float64Array(this.records.length * 2);
      grown.set(this.records);
      this.records = grown;
    }
    const r = this.records;
    r[at] = fn;
    r[at + 1] = argc;
    r[at + 2] = a0; r[at + 3] = a1; r[at + 4] = a2; r[at + 5] = a3; r[at + 6] = a4; r[at + 7] = a5; r[at + 8] = a6;
    r[at + 9] = a7; r[at + 10] = a8; r[at + 11] = a9; r[at + 12] = a10; r[at + 13] = a11; r[at + 14] = a12;
    if (!this.pipelining && !this.whole(bytes)) return this.split(at);
    this.bytes[this.count++] = bytes;
    return 0;
  }

  /** Runs the record at `at` of `r` (the recorded calls, or a lane's batch region) on this thread. */
  private run(at: number, r: Float64Array = this.records): number | void {
    return this.fns[r[at]!]!(r[at + 2]!, r[at + 3]!, r[at + 4]!, r[at + 5]!, r[at + 6]!, r[at + 7]!, r[at + 8]!,
      r[at + 9]!, r[at + 10]!, r[at + 11]!, r[at + 12]!, r[at + 13]!, r[at + 14]!);
  }

  /**
   * From now until `runDeferred`, small update kernels are recorded instead of run: a batch of many
   * small tensors (each too small to split) is then shared out whole tensors at a time. Only for calls
   * on buffers that stay put until then (resident parameters, staged gradients, optimizer state).
   */
  private deferCalls(): void {
    this.deferring = true;
    this.count = 0;
  }

  /**
   * Runs the recorded calls: on this thread alone when they move less than `minSplitBytes` per array
   * per thread in all, else in contiguous runs of whole calls of about equal bytes, the first run
   * here and the others on the workers (each up to its batch region's size; the rest runs here).
   */
  private runDeferred(): void {
    this.deferring = false;
    const count = this.count;
    this.count = 0;
    let total = 0;
    for (let c = 0; c < count; c++) total += this.bytes[c]!;
    const parts = this.lanes.length + 1;
    if (parts === 1 || total < this.minSplitBytes * parts) {
      for (let c = 0; c < count; c++) this.run(RECORD * c);
      return;
    }
    // Cut points: part p starts at the first call whose preceding bytes reach p/parts of the total.
    const starts: number[] = [0];
    let sum = 0;
    for (let c = 0; c < count && starts.length < parts; c++) {
      while (starts.length < parts && sum >= (total * starts.length) / parts) starts.push(c);
      sum += this.bytes[c]!;
    }
    while (starts.length < parts) starts.push(count);
    starts.push(count);
    this.splitCalls++;
    const overflow: Array<[number, number]> = [];
    for (let p = 1; p < parts; p++) {
      const lane = this.lanes[p - 1]!;
      const from = starts[p]!;
      const to = Math.min(starts[p + 1]!, from + BATCH_CALLS);
      if (to < starts[p + 1]!) overflow.push([to, starts[p + 1]!]);
      lane.batch.set(this.records.subarray(RECORD * from, RECORD * to));
      this.start(lane, BATCH, to - from);
    }
    let failed: unknown = null;
    try {
      for (let c = 0; c < starts[1]!; c++) this.run(RECORD * c);
      for (const [from, to] of overflow) for (let c = from; c < to; c++) this.run(RECORD * c);
    } catch (error) {
      failed = error;
    }
    let lost: [Lane, Outcome] | null = null;
    for (let p = 1; p < parts; p++) {
      const lane = this.lanes[p - 1]!;
      const how = this.wait(lane);
      if (how !== 'answered') lost ??= [lane, how];
      else if (lane.ints[STATUS] !== 0) failed ??= new Error('rprop: a batch of kernels failed on a kernel thread');
    }
    if (lost !== null) throw this.lose(lost[0], lost[1], 'a batch of kernel calls', false);
    if (failed !== null) throw failed;
  }

  /**
   * Runs a copy-through call of `chunks` chunks as a pipeline with the first worker (see
   * `KernelExports.pipeline`): this thread copies chunk c in — `copyIn(c)` makes its kernel call,
   * recorded here and written to the worker's batch region as record c — and publishes it; the worker
   * runs published chunks as it finds them, and so does this thread whenever it has nothing to copy;
   * finished chunks are copied back in order. The worker spins between chunks (they come every few
   * microseconds), and so does this thread while it waits for one. With ordinary arrays only this
   * thread can copy (a worker cannot reach them), and copying runs beside the kernels instead of
   * between them. Lost workers and failures as in `split`; on a throw, the chunks whose kernels ran
   * are copied back still (out of order), so that only a chunk whose kernel failed or was lost can keep
   * new state beside old values.
   */
  private pipeline(chunks: number, inFlight: number, copyIn: (c: number) => void, copyBack: (c: number) => void): void {
    const lane = this.lanes[0];
    if (lane === undefined) {
      // No worker (the pool lost it): chunk after chunk on this thread.
      for (let c = 0; c < chunks; c++) {
        this.pipelining = true;
        this.count = 0;
        try {
          copyIn(c);
        } finally {
          this.pipelining = false;
        }
        for (let r = 0; r < this.count; r++) this.run(r * RECORD);
        this.count = 0;
        copyBack(c);
      }
      return;
    }
    const ints = lane.ints;
    const flags = lane.flags;
    inFlight = Math.min(inFlight, FLAGS); // a chunk's flag is not reused before it is copied back
    flags.fill(-1);
    ints[PUBLISHED] = 0;
    ints[CLAIMED] = 0;
    this.pipelining = true;
    this.pipelinedCalls++;
    this.start(lane, PIPELINE, chunks); // its Atomics.store publishes the resets above
    let failed: unknown = null;
    let lost: Outcome | null = null;
    let published = 0;
    let back = 0;
    let idleSince = -1;
    let spins = 0;
    try {
      while (back < chunks) {
        if (Atomics.load(flags, back % FLAGS) === back + 1) {
          copyBack(back++);
          idleSince = -1;
        } else if (published < chunks && published - back < inFlight) {
          this.count = 0;
          copyIn(published);
          if (this.count !== 1) throw new Error(`rprop: a pipelined chunk made ${this.count} kernel calls, not 1`);
          lane.batch.set(this.records.subarray(0, RECORD), (published % BATCH_CALLS) * RECORD);
          Atomics.store(ints, PUBLISHED, ++published);
          idleSince = -1;
        } else {
          const c = Atomics.load(ints, CLAIMED);
          if (c < published && Atomics.compareExchange(ints, CLAIMED, c, c + 1) === c) {
            this.run((c % BATCH_CALLS) * RECORD, lane.batch);
            Atomics.store(flags, c % FLAGS, c + 1);
            idleSince = -1;
            continue;
          }
          // Waiting for the worker's chunk. It has ended its call only if a kernel threw there (else
          // it ends once every chunk is claimed, and flags each before: `back` is then flagged).
          if (Atomics.load(ints, DONE) === lane.request && ints[STATUS] !== 0) break;
          if (Atomics.load(ints, EXITED) === 1) {
            lost = 'exited';
            break;
          }
          if ((++spins & 1023) === 0) {
            const now = performance.now();
            if (idleSince < 0) idleSince = now;
            else if (now - idleSince > this.callTimeoutMs) {
              lost = 'timed out';
              break;
            }
          }
        }
      }
    } catch (error) {
      failed = error;
    } finally {
      Atomics.store(ints, CLAIMED, chunks); // the worker claims nothing more, and ends its call
      this.pipelining = false;
      this.count = 0;
    }
    if (lost === null) {
      const how = this.wait(lane);
      if (how !== 'answered') lost = how;
    }
    if (lost === null && ints[STATUS] !== 0) failed ??= new Error('rprop: a pipelined kernel call failed on a kernel thread');
    if (lost !== null || failed !== null) {
      // Chunks past `back` whose kernels ran (flagged) are copied back too, out of order: else each
      // would keep its new state, written in the memory, beside its old values — up to inFlight − 1
      // chunks run by either thread, not only the lost worker's. A throw here changes nothing of what
      // is thrown.
      try {
        for (let c = back; c < published; c++) if (Atomics.load(flags, c % FLAGS) === c + 1) copyBack(c);
      } catch {
        // The first failure is the one to report.
      }
    }
    if (lost !== null) throw this.lose(lane, lost, 'a pipelined copy-through call', false);
    if (failed !== null) throw failed;
  }

  /**
   * Runs the record at `at` in ranges, the first on this thread; returns the first bad index over
   * all ranges for the checks (−1 if none), 0 for the others.
   */
  private split(at: number): number {
    const r = this.records;
    const name = NAMES[r[at]!]!;
    const spec = SPLITS[name];
    const unit = 64 / spec.bytes; // elements per cache line: ranges start on one
    const n = r[at + 2 + spec.length]!;
    const parts = this.lanes.length + 1;
    const share = Math.floor(n / parts / unit) * unit;
    this.splitCalls++;
    // The workers' ranges: [share·p, share·(p + 1)), the last one to n.
    for (let p = 1; p < parts; p++) {
      const from = share * p;
      const to = p === parts - 1 ? n : from + share;
      const lane = this.lanes[p - 1]!;
      const a = lane.args;
      a.set(r.subarray(at + 2, at + 2 + r[at + 1]!));
      // Buffers shift to the range's start (an offset of 0 marks one the variant does not use: the
      // heap never hands out offset 0).
      for (const b of spec.buffers) if (a[b] !== 0) a[b] = a[b]! + from * spec.bytes;
      a[spec.length] = to - from;
      this.start(lane, r[at]!, r[at + 1]!);
    }
    r[at + 2 + spec.length] = share;
    let mine: number | void = undefined;
    let failed: unknown = null;
    try {
      mine = this.run(at);
    } catch (error) {
      failed = error;
    }
    // Every worker is waited for, whatever happened here or to another: a lane must be idle before
    // its next call, and none may still be writing once the call has thrown.
    let found = typeof mine === 'number' ? mine : -1;
    let lost: [Lane, Outcome] | null = null;
    for (let p = 1; p < parts; p++) {
      const lane = this.lanes[p - 1]!;
      const how = this.wait(lane);
      if (how !== 'answered') lost ??= [lane, how];
      else if (lane.ints[STATUS] !== 0) failed ??= new Error(`rprop: the kernel ${name} failed on a kernel thread`);
      else if (found < 0 && lane.ints[RESULT]! >= 0) found = share * p + lane.ints[RESULT]!;
    }
    if (lost !== null) throw this.lose(lost[0], lost[1], `the kernel ${name}`, name.startsWith('firstNonFinite'));
    if (failed !== null) throw failed;
    return found;
  }

  /** Starts function `fn` (or BATCH) with `argc` arguments (or records) on `lane`. */
  private start(lane: Lane, fn: number, argc: number): void {
    lane.ints[FUNCTION] = fn;
    lane.ints[ARGC] = argc;
    lane.request = (lane.request % 0x7ffffffe) + 1;
    Atomics.store(lane.ints, REQUEST, lane.request);
    Atomics.notify(lane.ints, REQUEST);
  }

  /**
   * Waits for `lane`'s call to end: 'answered' once the worker has (its STATUS then says whether the
   * call threw, RESULT its result: a first bad index, or −1; 0 for kernels without one), else how the
   * worker was lost — it 'exited', or it had 'timed out': not answered `callTimeoutMs` after the wait
   * began (a terminated worker says nothing, and a hung one cannot). Never waits longer than that.
   */
  private wait(lane: Lane): Outcome {
    if (Atomics.load(lane.ints, DONE) === lane.request) return 'answered'; // the worker was first: no clock read
    const deadline = performance.now() + this.callTimeoutMs;
    for (;;) {
      const done = Atomics.load(lane.ints, DONE);
      if (done === lane.request) return 'answered'; // even if it exited since
      if (Atomics.load(lane.ints, EXITED) === 1) return 'exited';
      const left = deadline - performance.now();
      if (left <= 0) return 'timed out';
      Atomics.wait(lane.ints, DONE, done, Math.min(left, SLICE_MS));
    }
  }
}
