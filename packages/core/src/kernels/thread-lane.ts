import { ARGS_AT, BATCH_CALLS, CONTROL_BYTES, FLAGS, FLAGS_AT, MAX_ARGS, RECORD, WORKER_SOURCE } from './thread-protocol.js';

// A kernel thread of the pool: one Node worker with its control block and batch region, and how one
// is started (cold: once per worker, in useKernelThreads). The calls themselves are the pool's.

/** What of Node's `Worker` the pool uses (typed here: the core is built without Node's types). */
interface NodeWorker {
  readonly threadId: number;
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
/** See `SharedModule`. */
export type SharedMemory = object;

/** node:worker_threads' `Worker`, as the pool uses it: started from source text, with its data. */
export type WorkerConstructor = new (source: string, options: { eval: true; workerData: unknown }) => NodeWorker;

/** One worker and its control block. */
export interface Lane {
  /** 1 for the first worker, and the worker's threadId (read at start: Node clears it on exit): how messages name it. */
  readonly thread: number;
  readonly threadId: number;
  readonly worker: NodeWorker;
  readonly ints: Int32Array;
  readonly args: Float64Array;
  readonly batch: Float64Array;
  /** A pipeline's done flags (see thread-protocol's PIPELINE). */
  readonly flags: Int32Array;
  request: number;
}

/**
 * Starts one worker, kernel thread `thread`, and waits until its instance is ready. `names` are the
 * kernels by the index the pool's calls name them with (the worker looks each up in its instance).
 */
export function startLane(Worker: WorkerConstructor, module: SharedModule, memory: SharedMemory, thread: number, names: readonly string[]): Promise<Lane> {
  const control = new SharedArrayBuffer(CONTROL_BYTES);
  const batch = new SharedArrayBuffer(8 * RECORD * BATCH_CALLS);
  let worker: NodeWorker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module, memory, control, batch, names } });
  } catch (error) {
    // Node refuses some at once (its permission model without --allow-worker): say what it refused.
    return Promise.reject(new Error(`rprop: a kernel thread could not start: ${String(error)}`));
  }
  return new Promise<Lane>((resolve, reject) => {
    worker.once('message', (message) => {
      if (message.ready) {
        worker.unref(); // an idle kernel thread must not keep the process alive
        resolve({ thread, threadId: worker.threadId, worker, ints: new Int32Array(control, 0, ARGS_AT / 4), args: new Float64Array(control, ARGS_AT, MAX_ARGS), batch: new Float64Array(batch), flags: new Int32Array(control, FLAGS_AT, FLAGS), request: 0 });
      } else {
        void worker.terminate();
        reject(new Error(`rprop: a kernel thread could not start: ${message.failed}`));
      }
    });
    worker.once('error', (error) => reject(new Error(`rprop: a kernel thread could not start: ${String(error)}`)));
    // A worker can end without an error (process.exit in a preloaded script): else this never settles.
    worker.once('exit', (code) => reject(new Error(`rprop: a kernel thread could not start: it exited with code ${code} before it was ready`)));
  });
}
