import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { KERNELS_SHARED_WASM_BASE64 } from '../../src/kernels/generated/kernels-shared-wasm.js';
import { decode, type KernelExports } from '../../src/kernels/instance.js';
import type { Lane } from '../../src/kernels/thread-lane.js';
import { KernelThreadPool } from '../../src/kernels/thread-pool.js';
import { CLAIMED, DONE, FLAGS } from '../../src/kernels/thread-protocol.js';
import { EXIT, HANG, hookedWorkers, RUN, SLOW, type Hooks } from './hooked-worker.js';
import { timeThrow } from './time-throw.js';

// The pipeline's protocol on a pool of its own (a shared memory made here; nothing global changes),
// with chunks of a few weights, so that the two threads meet at every chunk: every chunk must run
// exactly once, before it is copied back, whatever thread runs it, across calls of different lengths
// and in-flight limits; and a throw anywhere must end the worker's call and leave the pool usable.

const module = new WebAssembly.Module(decode(KERNELS_SHARED_WASM_BASE64));
const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true });
const main = new WebAssembly.Instance(module, { env: { memory, abort() { throw new Error('rprop kernel abort'); } } }).exports as unknown as KernelExports;

/** Weights per chunk (one 64-byte line of float32), and the ring's places: room for more chunks in flight than FLAGS. */
const M = 16;
const PLACES = 2 * FLAGS;
/** The in-flight limits the random calls draw from (1 to this): the ring's of `rprop`. */
const RANDOM_IN_FLIGHT = 8;
/** The ring at RING (PLACES chunks of w), the gradient (all ones) at G, and a few weights at SMALL. */
const RING = Math.ceil(main.heapBase() / 64) * 64;
const G = RING + 4 * M * PLACES;
const SMALL = G + 4 * M;
memory.grow(1);
const ring = () => new Float32Array(memory.buffer, RING, M * PLACES);
new Float32Array(memory.buffer, G, M).fill(1);
/** Past the memory's end: a kernel given it traps ("memory access out of bounds"). */
const OUT_OF_BOUNDS = 65536 * 1024;

let hooks: Hooks;
let pool: KernelThreadPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
  for (const worker of hooks.started) await worker.terminate();
});

async function start(callTimeoutMs = 30_000): Promise<KernelThreadPool> {
  hooks = hookedWorkers(Worker);
  return (pool = await KernelThreadPool.start(hooks.Worker, module, memory, main, 1, 64 * 1024, callTimeoutMs, 0));
}

/** The pool's worker (private: what the tests check is whether it has ended its call). */
function lane(p: KernelThreadPool): Lane {
  return (p as unknown as { lanes: Lane[] }).lanes[0]!;
}

/** What a pipeline does besides its work: throw or trap at a chunk, pause, or change the worker's hook. */
interface Cues {
  throwIn?: number;
  throwBack?: number;
  trapAt?: number;
  /** copyIn(c) first waits this many ms at chunk `pauseAt`. */
  pauseAt?: number;
  pauseMs?: number;
  /** copyIn(claimedAt) first waits until the worker has claimed every chunk published. */
  claimedAt?: number;
  /** At copyIn(hookAt) the worker's hook is set to `hook`. */
  hookAt?: number;
  hook?: number;
  /** Set to the most chunks copied in and not yet back at any time. */
  seen?: { mostInFlight: number };
}

/**
 * A pipeline of `chunks` chunks of signSGD (lr 0.5, g = 1) on ordinary weights 0, 1, 2, …, copied
 * through the ring; returns `dst` with the weights copied back (NaN where none was). Each weight must
 * come back as its value − 0.5: its value itself if it was copied back before its kernel ran, − 1 if
 * it ran twice.
 */
function pipeline(p: KernelThreadPool, chunks: number, inFlight: number, cues: Cues = {}, dst = new Float32Array(chunks * M).fill(NaN)): Float32Array {
  const k = p.exports;
  const src = Float32Array.from({ length: chunks * M }, (_, i) => i);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  let inFlightNow = 0;
  k.pipeline!(chunks, inFlight, (c) => {
    if (cues.seen) cues.seen.mostInFlight = Math.max(cues.seen.mostInFlight, ++inFlightNow);
    if (c === cues.pauseAt) Atomics.wait(pause, 0, 0, cues.pauseMs);
    if (c === cues.claimedAt) {
      const ints = lane(p).ints;
      for (const end = performance.now() + 5000; Atomics.load(ints, CLAIMED) < c && performance.now() < end;) Atomics.wait(pause, 0, 0, 1);
      expect(Atomics.load(ints, CLAIMED)).toBe(c);
    }
    if (c === cues.hookAt) hooks.set(cues.hook!);
    if (c === cues.throwIn) throw new Error(`copyIn ${c}`);
    const place = (c % PLACES) * M;
    ring().set(src.subarray(c * M, c * M + M), place);
    k.signSgdF32(c === cues.trapAt ? OUT_OF_BOUNDS : RING + 4 * place, G, M, 0.5);
  }, (c) => {
    if (c === cues.throwBack) throw new Error(`copyBack ${c}`);
    inFlightNow--;
    const place = (c % PLACES) * M;
    dst.set(ring().subarray(place, place + M), c * M);
  });
  return dst;
}

/** The first weight that did not come back as its value − 0.5 (see `pipeline`), or null. */
function wrongWeight(dst: Float32Array, upTo = dst.length): string | null {
  for (let i = 0; i < upTo; i++) if (dst[i] !== i - 0.5) return `weight ${i} (chunk ${Math.floor(i / M)}) came back as ${dst[i]}`;
  return null;
}

/** The pool works as before: its worker has ended its call, small calls run at once, and pipelines are right. */
function expectUsable(p: KernelThreadPool): void {
  const l = lane(p);
  expect(Atomics.load(l.ints, DONE)).toBe(l.request); // not left spinning in the pipeline's loop
  const small = new Float32Array(memory.buffer, SMALL, 4).fill(0);
  p.exports.signSgdF32(SMALL, G, 4, 0.5); // would be recorded, not run, were the pool still pipelining
  expect([...small]).toEqual([-0.5, -0.5, -0.5, -0.5]);
  expect(wrongWeight(pipeline(p, 20, 8))).toBeNull();
}

describe('a pipeline of kernel calls', () => {
  it(`runs every chunk once, before it is copied back, over 3000 calls of 1–200 chunks and 1–${RANDOM_IN_FLIGHT} in flight`, async () => {
    const p = await start();
    let seed = 12345;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const before = p.pipelinedCalls;
    for (let call = 0; call < 3000; call++) {
      const chunks = 1 + next(200);
      const inFlight = 1 + next(RANDOM_IN_FLIGHT);
      const wrong = wrongWeight(pipeline(p, chunks, inFlight));
      if (wrong !== null) throw new Error(`call ${call} (${chunks} chunks, ${inFlight} in flight): ${wrong}`);
    }
    expect(p.pipelinedCalls - before).toBe(3000);
    expect(p.lost).toBeNull();
  });

  it.each([
    ['copying chunk 0 in', { throwIn: 0 }, 'copyIn 0'],
    ['copying chunk 9 in', { throwIn: 9 }, 'copyIn 9'],
    ['copying chunk 0 back', { throwBack: 0 }, 'copyBack 0'],
    ['copying chunk 9 back', { throwBack: 9 }, 'copyBack 9'],
  ] as const)('rethrows a throw while %s, and stays usable', async (_, cues, message) => {
    const p = await start();
    let dst: Float32Array | null = null;
    const { error } = timeThrow(() => (dst = pipeline(p, 20, 8, cues)));
    expect(error.message).toBe(message);
    expect(dst).toBeNull();
    expect(p.lost).toBeNull();
    expect(p.threads).toBe(2);
    expectUsable(p);
  });

  it('still copies back every chunk whose kernel ran when a later chunk fails', async () => {
    const p = await start();
    // Copying chunk 9 in waits until the worker has claimed every chunk published (up to 8, the ones
    // not yet copied back among them), then throws: all of chunks 0–8 have run.
    const dst = new Float32Array(20 * M).fill(NaN);
    const { error } = timeThrow(() => pipeline(p, 20, 8, { claimedAt: 9, throwIn: 9 }, dst));
    expect(error.message).toBe('copyIn 9');
    expect(wrongWeight(dst, 9 * M)).toBeNull();
    expect(dst.subarray(9 * M).every(Number.isNaN)).toBe(true);
    expectUsable(p);
  });

  it('throws when a kernel traps on the worker, and stays usable', async () => {
    const p = await start();
    // Copying chunk 4 in waits 100 ms: the worker runs chunks 0–3 meanwhile, the trapping one among them.
    const { error } = timeThrow(() => pipeline(p, 20, 8, { trapAt: 2, pauseAt: 4, pauseMs: 100 }));
    expect(error.message).toBe('rprop: a pipelined kernel call failed on a kernel thread');
    expect(p.lost).toBeNull();
    expectUsable(p);
  });

  it('rethrows a kernel\'s trap on the calling thread, and stays usable', async () => {
    const p = await start();
    // A slow worker (50 ms a kernel) takes chunk 0; this thread runs the other chunks, the trapping one among them.
    hooks.set(SLOW);
    const { error } = timeThrow(() => pipeline(p, 20, 8, { trapAt: 3 }));
    expect(error).toBeInstanceOf(WebAssembly.RuntimeError);
    hooks.set(RUN);
    expect(p.lost).toBeNull();
    expectUsable(p);
  });

  it('keeps at most FLAGS chunks in flight when given more, so that no chunk\'s done flag is reused before it is copied back', async () => {
    const p = await start();
    // A slow worker (50 ms a kernel) holds its first chunk's flag back: meanwhile this thread would
    // copy in as many chunks as it is allowed, and run them itself.
    hooks.set(SLOW);
    const seen = { mostInFlight: 0 };
    expect(wrongWeight(pipeline(p, PLACES, PLACES, { seen }))).toBeNull();
    hooks.set(RUN);
    expect(seen.mostInFlight).toBeLessThanOrEqual(FLAGS);
    expect(seen.mostInFlight).toBeGreaterThan(1); // chunks were in flight at all: the count can see a breach
    expect(p.lost).toBeNull();
  });

  it.each([0, 2])('refuses a chunk whose copyIn makes %i kernel calls (a chunk is one record), and stays usable', async (calls) => {
    const p = await start();
    const { error } = timeThrow(() => p.exports.pipeline!(3, 2, () => {
      for (let i = 0; i < calls; i++) p.exports.signSgdF32(SMALL, G, 4, 0.5);
    }, () => undefined));
    expect(error.message).toBe(`rprop: a pipelined chunk made ${calls} kernel calls, not 1`);
    expectUsable(p);
  });

  it('runs the chunks a slow worker leaves on the calling thread, with the same results', async () => {
    const p = await start();
    hooks.set(SLOW);
    expect(wrongWeight(pipeline(p, 40, 8))).toBeNull();
    hooks.set(RUN);
    expectUsable(p);
  });

  it.each([
    ['exits', EXIT, /exited \(exit code 7\) while running its range of a pipelined copy-through call; the step it was part of is applied in part/],
    ['hangs', HANG, /did not finish its range of a pipelined copy-through call within callTimeoutMs \(300 ms\), and was terminated; the step it was part of is applied in part/],
  ] as const)('throws when the worker %s in the middle of a pipeline, without hanging, then runs pipelines alone', async (_, hook, message) => {
    const p = await start(300);
    // Copying chunk 30 in first waits 50 ms, so that the worker is awake, done with the chunks before, and
    // takes chunk 30 itself. On a busy machine it may still not run then (this thread then runs every
    // chunk), so the pipeline is tried again until the worker has run a kernel with the hook set.
    const { error, ms } = timeThrow(() => {
      for (let attempt = 0; attempt < 20; attempt++) pipeline(p, 60, 8, { pauseAt: 30, pauseMs: 50, hookAt: 30, hook });
    });
    expect(error.message).toMatch(message);
    expect(ms).toBeLessThan(15_000);
    expect(p.threads).toBe(1);
    await hooks.exits[0];
    expect(wrongWeight(pipeline(p, 60, 8))).toBeNull(); // on this thread alone
  });
});
