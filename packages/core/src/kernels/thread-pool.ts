import type { KernelExports } from './instance.js';

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

/** A worker's control block: Int32 slots, then the call's arguments as Float64. */
const REQUEST = 0; // bumped by the caller to start a call
const DONE = 1; // set by the worker to the request it finished
const FUNCTION = 2; // index into NAMES
const ARGC = 3;
const STATUS = 4; // 0 done, 1 the call threw
const RESULT = 5;
const STOP = 6;
const ARGS_AT = 32;
const MAX_ARGS = 16;
const CONTROL_BYTES = ARGS_AT + 8 * MAX_ARGS;

/**
 * The worker: instantiates the module on the shared memory, then serves calls until told to stop.
 * Evaluated by `new Worker(source, { eval: true })`, so it needs no file of its own.
 */
const WORKER_SOURCE = `
function serve({ workerData, parentPort }) {
  const { module, memory, control, names } = workerData;
  let k;
  try {
    k = new WebAssembly.Instance(module, { env: { memory, abort() { throw new Error('rprop kernel abort'); } } }).exports;
  } catch (e) {
    parentPort.postMessage({ failed: String(e) });
    return;
  }
  const fns = names.map((name) => k[name]);
  const ints = new Int32Array(control, 0, ${ARGS_AT / 4});
  const args = new Float64Array(control, ${ARGS_AT}, ${MAX_ARGS});
  const a = [];
  parentPort.postMessage({ ready: true });
  let seen = 0;
  for (;;) {
    Atomics.wait(ints, ${REQUEST}, seen);
    if (Atomics.load(ints, ${STOP}) === 1) return;
    const request = Atomics.load(ints, ${REQUEST});
    if (request === seen) continue;
    seen = request;
    let status = 0;
    let result = 0;
    try {
      a.length = ints[${ARGC}];
      for (let i = 0; i < a.length; i++) a[i] = args[i];
      const r = fns[ints[${FUNCTION}]].apply(null, a);
      if (typeof r === 'number') result = r;
    } catch {
      status = 1;
    }
    ints[${STATUS}] = status;
    ints[${RESULT}] = result;
    Atomics.store(ints, ${DONE}, request);
    Atomics.notify(ints, ${DONE});
  }
}
// import(), not require: an eval worker runs as CommonJS or as a module, as its parent was started.
import('node:worker_threads').then(serve);
`;

/** What of Node's `Worker` the pool uses (typed here: the core is built without Node's types). */
interface NodeWorker {
  once(event: 'message', listener: (message: { ready?: true; failed?: string }) => void): void;
  once(event: 'error', listener: (error: unknown) => void): void;
  once(event: 'exit', listener: (code: number) => void): void;
  unref(): void;
  terminate(): Promise<number>;
}
/**
 * A compiled module and a shared memory as the pool hands them to its workers (opaque here: spelled
 * `WebAssembly.*`, they would make the published .d.ts need the DOM lib).
 */
export type SharedModule = object;
export type SharedMemory = object;

export type WorkerConstructor = new (source: string, options: { eval: true; workerData: unknown }) => NodeWorker;

/** One worker and its control block. */
interface Lane {
  readonly worker: NodeWorker;
  readonly ints: Int32Array;
  readonly args: Float64Array;
  request: number;
}

/**
 * Kernel threads on one shared WebAssembly memory: the calling thread and `workers` Node workers,
 * each with an instance of the same module. `exports` are the kernels with every large call split
 * into contiguous, 64-byte aligned ranges — the first run here, the others on the workers, all
 * finished before the call returns, so a step stays synchronous.
 */
export class KernelThreadPool {
  private readonly lanes: Lane[] = [];
  private closed = false;
  /** Calls with fewer bytes per array per thread run on the calling thread alone. */
  minSplitBytes = MIN_SPLIT_BYTES;
  /** Calls split across the threads so far. */
  splitCalls = 0;
  readonly exports: KernelExports;

  private constructor(
    private readonly base: KernelExports,
    readonly memory: SharedMemory,
  ) {
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
  ): Promise<KernelThreadPool> {
    const pool = new KernelThreadPool(main, memory);
    pool.minSplitBytes = minSplitBytes;
    try {
      for (let i = 0; i < workers; i++) pool.lanes.push(await startLane(Worker, module, memory));
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
    const lanes = this.lanes.splice(0);
    for (const lane of lanes) {
      Atomics.store(lane.ints, STOP, 1);
      Atomics.add(lane.ints, REQUEST, 1);
      Atomics.notify(lane.ints, REQUEST);
    }
    await Promise.all(lanes.map((lane) => lane.worker.terminate()));
  }

  /**
   * The kernels as the pool runs them. Each is a fixed-arity function that calls its kernel directly
   * when the call is too small to split: rest parameters and a spread call into WebAssembly would
   * cost about a microsecond per call, which over many small tensors is most of a step.
   */
  private wrap(): KernelExports {
    const b = this.base;
    const whole = (n: number, bytes: number) => this.lanes.length === 0 || n * bytes < this.minSplitBytes * (this.lanes.length + 1);
    return {
      memory: b.memory,
      heapBase: b.heapBase,
      rpropF32: (v, w, g, gp, d, dw, n, em, ep, lo, hi, max, rev) =>
        whole(n, 4) ? b.rpropF32(v, w, g, gp, d, dw, n, em, ep, lo, hi, max, rev) : void this.split('rpropF32', [v, w, g, gp, d, dw, n, em, ep, lo, hi, +max, +rev]),
      rpropF64: (v, w, g, gp, d, dw, n, em, ep, lo, hi, max, rev) =>
        whole(n, 8) ? b.rpropF64(v, w, g, gp, d, dw, n, em, ep, lo, hi, max, rev) : void this.split('rpropF64', [v, w, g, gp, d, dw, n, em, ep, lo, hi, +max, +rev]),
      signSgdF32: (w, g, n, step) => (whole(n, 4) ? b.signSgdF32(w, g, n, step) : void this.split('signSgdF32', [w, g, n, step])),
      signSgdF64: (w, g, n, step) => (whole(n, 8) ? b.signSgdF64(w, g, n, step) : void this.split('signSgdF64', [w, g, n, step])),
      signumF32: (w, g, m, n, lr, beta, omb, max) =>
        whole(n, 4) ? b.signumF32(w, g, m, n, lr, beta, omb, max) : void this.split('signumF32', [w, g, m, n, lr, beta, omb, +max]),
      signumF64: (w, g, m, n, lr, beta, omb, max) =>
        whole(n, 8) ? b.signumF64(w, g, m, n, lr, beta, omb, max) : void this.split('signumF64', [w, g, m, n, lr, beta, omb, +max]),
      lionF32: (w, g, m, n, lr, b1, omb1, b2, omb2, wd, max) =>
        whole(n, 4) ? b.lionF32(w, g, m, n, lr, b1, omb1, b2, omb2, wd, max) : void this.split('lionF32', [w, g, m, n, lr, b1, omb1, b2, omb2, wd, +max]),
      lionF64: (w, g, m, n, lr, b1, omb1, b2, omb2, wd, max) =>
        whole(n, 8) ? b.lionF64(w, g, m, n, lr, b1, omb1, b2, omb2, wd, max) : void this.split('lionF64', [w, g, m, n, lr, b1, omb1, b2, omb2, wd, +max]),
      firstNonFiniteF32: (at, n) => (whole(n, 4) ? b.firstNonFiniteF32(at, n) : this.split('firstNonFiniteF32', [at, n])),
      firstNonFiniteF64: (at, n) => (whole(n, 8) ? b.firstNonFiniteF64(at, n) : this.split('firstNonFiniteF64', [at, n])),
    };
  }

  /**
   * Runs kernel `name` on `args` (booleans as 0/1) in ranges, the first on this thread; returns the
   * first bad index over all ranges for the checks (−1 if none), 0 for the others.
   */
  private split(name: SplitName, args: number[]): number {
    const spec = SPLITS[name];
    const run = this.base[name] as (...args: number[]) => number | void;
    const index = NAMES.indexOf(name);
    const unit = 64 / spec.bytes; // elements per cache line: ranges start on one
    const n = args[spec.length]!;
    const parts = this.lanes.length + 1;
    const share = Math.floor(n / parts / unit) * unit;
    this.splitCalls++;
    // The workers' ranges: [share·p, share·(p + 1)), the last one to n.
    for (let p = 1; p < parts; p++) {
      const from = share * p;
      const to = p === parts - 1 ? n : from + share;
      this.post(this.lanes[p - 1]!, index, args, spec, from, to - from);
    }
    const first = args.slice();
    first[spec.length] = share;
    let mine: number | void = undefined;
    let failed: unknown = null;
    try {
      mine = run(...first);
    } catch (error) {
      failed = error;
    }
    // Every worker is waited for, whatever happened here: a lane must be idle before its next call.
    let found = typeof mine === 'number' ? mine : -1;
    for (let p = 1; p < parts; p++) {
      const result = this.wait(this.lanes[p - 1]!);
      if (result === null) failed ??= new Error(`rprop: the kernel ${name} failed on a kernel thread`);
      else if (found < 0 && result >= 0) found = share * p + result;
    }
    if (failed !== null) throw failed;
    return found;
  }

  /** Starts `name` on `lane` for elements [from, from + m) of the call `args`. */
  private post(lane: Lane, index: number, args: readonly number[], spec: (typeof SPLITS)[SplitName], from: number, m: number): void {
    const a = lane.args;
    for (let i = 0; i < args.length; i++) a[i] = args[i]!;
    // Buffers shift to the range's start (an offset of 0 marks one the variant does not use: the
    // heap never hands out offset 0).
    for (const b of spec.buffers) if (a[b] !== 0) a[b] = a[b]! + from * spec.bytes;
    a[spec.length] = m;
    lane.ints[FUNCTION] = index;
    lane.ints[ARGC] = args.length;
    lane.request = (lane.request % 0x7ffffffe) + 1;
    Atomics.store(lane.ints, REQUEST, lane.request);
    Atomics.notify(lane.ints, REQUEST);
  }

  /** Waits for `lane`'s call; its result (a first bad index, or −1; 0 for kernels without one), or null if it threw. */
  private wait(lane: Lane): number | null {
    for (;;) {
      const done = Atomics.load(lane.ints, DONE);
      if (done === lane.request) break;
      Atomics.wait(lane.ints, DONE, done);
    }
    return lane.ints[STATUS] === 0 ? lane.ints[RESULT]! : null;
  }
}

/** Starts one worker and waits until its instance is ready. */
function startLane(Worker: WorkerConstructor, module: SharedModule, memory: SharedMemory): Promise<Lane> {
  const control = new SharedArrayBuffer(CONTROL_BYTES);
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module, memory, control, names: NAMES } });
  return new Promise<Lane>((resolve, reject) => {
    worker.once('message', (message) => {
      if (message.ready) {
        worker.unref(); // an idle kernel thread must not keep the process alive
        resolve({ worker, ints: new Int32Array(control, 0, ARGS_AT / 4), args: new Float64Array(control, ARGS_AT, MAX_ARGS), request: 0 });
      } else {
        void worker.terminate();
        reject(new Error(`rprop: a kernel thread could not start: ${message.failed}`));
      }
    });
    worker.once('error', (error) => reject(new Error(`rprop: a kernel thread could not start: ${String(error)}`)));
  });
}
