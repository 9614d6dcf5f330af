// How the calling thread and a kernel thread talk: per worker a control block (Int32 slots, then a
// call's arguments as Float64) and a region of batch records, and the worker's own source.

/** A worker's control block: Int32 slots, then the call's arguments as Float64. */
export const REQUEST = 0; // bumped by the caller to start a call
export const DONE = 1; // set by the worker to the request it finished
export const FUNCTION = 2; // index into the pool's kernel names
export const ARGC = 3;
export const STATUS = 4; // 0 done, 1 the call threw
export const RESULT = 5;
export const STOP = 6;
/** Set to 1 by the worker as its thread ends (process.exit or an uncaught error in it), with its exit code. */
export const EXITED = 7;
export const EXIT_CODE = 8;
/** A pipeline (FUNCTION = PIPELINE): chunks whose records the caller has written so far. */
export const PUBLISHED = 9;
/** A pipeline: the next chunk to claim, by the worker or the caller (compare-and-swap); ≥ ARGC ends it. */
export const CLAIMED = 10;
export const ARGS_AT = 64; // room for the Int32 slots, the Float64 arguments 8-byte aligned
export const MAX_ARGS = 16;
/** A pipeline's done flags, Int32: chunk c sets flag c % FLAGS to c + 1 when its kernel has run. */
export const FLAGS_AT = ARGS_AT + 8 * MAX_ARGS;
export const FLAGS = 64;
export const CONTROL_BYTES = FLAGS_AT + 4 * FLAGS;
/** FUNCTION's value for a batch: ARGC calls, each a record in the lane's batch region. */
export const BATCH = -1;
/**
 * FUNCTION's value for a pipeline of ARGC chunks: the caller copies chunk c's ordinary arrays into
 * the memory, writes its kernel call as record c % BATCH_CALLS and bumps PUBLISHED; the worker and
 * the caller claim published chunks in turn (CLAIMED) and flag each one done (FLAGS_AT), and the caller copies
 * the results back. See `KernelThreadPool.pipeline`.
 */
export const PIPELINE = -2;
/** A batch record: the function's index, its argument count, then the arguments. */
export const RECORD = 16;
/** Calls a lane's batch region holds (a lane's share beyond it runs on the calling thread). */
export const BATCH_CALLS = 2048;

/**
 * The worker: instantiates the module on the shared memory, then serves calls until told to stop.
 * Evaluated by `new Worker(source, { eval: true })`, so it needs no file of its own.
 */
export const WORKER_SOURCE = `
function serve({ workerData, parentPort }) {
  const { module, memory, control, batch, names } = workerData;
  let k;
  try {
    k = new WebAssembly.Instance(module, { env: { memory, abort() { throw new Error('rprop kernel abort'); } } }).exports;
  } catch (e) {
    parentPort.postMessage({ failed: String(e) });
    return;
  }
  const fns = names.map((name) => k[name]);
  const ints = new Int32Array(control, 0, ${ARGS_AT / 4});
  const flags = new Int32Array(control, ${FLAGS_AT}, ${FLAGS});
  const args = new Float64Array(control, ${ARGS_AT}, ${MAX_ARGS});
  const records = new Float64Array(batch);
  const a = [];
  // Said in the control block, not only by the 'exit' event: the calling thread may be blocked in
  // Atomics.wait for this worker, where no event reaches it. (A terminated worker runs no handler:
  // the caller's callTimeoutMs finds that one.)
  process.on('exit', (code) => {
    Atomics.store(ints, ${EXIT_CODE}, code);
    Atomics.store(ints, ${EXITED}, 1);
    Atomics.notify(ints, ${DONE});
  });
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
      if (ints[${FUNCTION}] === ${PIPELINE}) {
        // Spins while waiting for the next chunk: the caller is copying it in, a matter of microseconds.
        const total = ints[${ARGC}];
        for (;;) {
          const c = Atomics.load(ints, ${CLAIMED});
          if (c >= total) break;
          if (c >= Atomics.load(ints, ${PUBLISHED})) continue;
          if (Atomics.compareExchange(ints, ${CLAIMED}, c, c + 1) !== c) continue;
          const at = (c % ${BATCH_CALLS}) * ${RECORD};
          a.length = records[at + 1];
          for (let i = 0; i < a.length; i++) a[i] = records[at + 2 + i];
          fns[records[at]].apply(null, a);
          Atomics.store(flags, c % ${FLAGS}, c + 1);
        }
      } else if (ints[${FUNCTION}] === ${BATCH}) {
        for (let c = 0, at = 0; c < ints[${ARGC}]; c++, at += ${RECORD}) {
          a.length = records[at + 1];
          for (let i = 0; i < a.length; i++) a[i] = records[at + 2 + i];
          fns[records[at]].apply(null, a);
        }
      } else {
        a.length = ints[${ARGC}];
        for (let i = 0; i < a.length; i++) a[i] = args[i];
        const r = fns[ints[${FUNCTION}]].apply(null, a);
        if (typeof r === 'number') result = r;
      }
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

