import type { Worker as NodeWorker } from 'node:worker_threads';
import type { WorkerConstructor } from '../../src/kernels/thread-lane.js';

// Kernel threads that can be made to fail on cue: the pool's own worker source, with every kernel it
// calls wrapped so that it first reads what its thread is to do from a shared hook. Nothing of this
// is in the library: the pool takes its Worker class as an argument (or from node:worker_threads,
// which a test mocks).

/** What a hooked worker does on its next kernel call. */
export const RUN = 0;
/** process.exit(7): the worker's own exit path runs. */
export const EXIT = 1;
/** Spins forever: as a worker that hangs, or that was terminated (neither answers nor says why). */
export const HANG = 2;
/** process.exit(7), but on update kernels only (the checks run). */
export const EXIT_ON_UPDATE = 3;
/** Sleeps 50 ms before each kernel: a worker slow enough that the calling thread runs a pipeline's other chunks. */
export const SLOW = 4;

/** The kernel line the hook is inserted after; the test fails loudly if the worker's source changed. */
const ANCHOR = 'const fns = names.map((name) => k[name]);';
const HOOK = `
  const hook = new Int32Array(workerData.hook);
  fns.forEach((f, i) => {
    fns[i] = function () {
      const what = Atomics.load(hook, workerData.hookIndex);
      if (what === ${EXIT} || (what === ${EXIT_ON_UPDATE} && !names[i].startsWith('firstNonFinite'))) process.exit(7);
      if (what === ${HANG}) for (;;);
      if (what === ${SLOW}) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      return f.apply(null, arguments);
    };
  });
`;

/** A hook for up to 64 workers: `set(what, i)` for the i-th one started (from 0), or for all. */
export interface Hooks {
  readonly Worker: WorkerConstructor;
  /** The workers started, in order. */
  readonly started: NodeWorker[];
  /** Resolves with each started worker's exit code once its 'exit' event has come. */
  readonly exits: Array<Promise<number>>;
  set(what: number, worker?: number): void;
}

/** Hooked workers made with Node's `Worker` class (passed in: a test may have mocked the module). */
export function hookedWorkers(Worker: typeof NodeWorker): Hooks {
  const hook = new Int32Array(new SharedArrayBuffer(4 * 64));
  const started: NodeWorker[] = [];
  const exits: Array<Promise<number>> = [];
  class Hooked extends Worker {
    constructor(source: string, options: { eval: true; workerData: object }) {
      if (!source.includes(ANCHOR)) throw new Error('hooked-worker: the kernel thread\'s source no longer has the line the hook follows');
      super(source.replace(ANCHOR, ANCHOR + HOOK), { ...options, workerData: { ...options.workerData, hook: hook.buffer, hookIndex: started.length } });
      exits.push(new Promise((resolve) => this.once('exit', resolve)));
      started.push(this);
    }
  }
  return {
    Worker: Hooked as unknown as WorkerConstructor,
    started,
    exits,
    set(what, worker) {
      if (worker === undefined) hook.fill(what);
      else Atomics.store(hook, worker, what);
    },
  };
}
