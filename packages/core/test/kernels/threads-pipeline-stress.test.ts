import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Rprop, useKernels, type FloatArray, type Optimizer, type Parameter } from '../../src/index.js';
import { kernelThreadPool } from '../../src/kernels/kernel-threads.js';
import { kernelHeap } from '../../src/kernels/kernel-heap.js';
import { kernelThreads, useKernelThreads } from '../../src/threads.js';
import { values } from './seeded-values.js';
import { difference, OPTIMIZERS, type Params } from './thread-steps.js';

// Pipelined copies over many steps, beside everything else a step and the calls between steps do:
// resident tensors shared out (deferred) in the same step, two groups, float32 and float64 tensors in
// one group, the memory grown between steps, and the workers stopped and started again. Each run is
// held bit for bit to the same steps on the reference rules. This file's kernels' memory is its own
// (vitest isolates test files), made here, shared, first; pipelines from any size.
beforeAll(async () => {
  expect(await useKernelThreads(2, { minPipelineBytes: 0, minSplitBytes: 0 })).toBe(2);
});
afterAll(() => useKernelThreads(1));
afterEach(() => useKernels(true));

const F32 = 4;
const F64 = 8;
/** Weights in `chunks` 64 KiB chunks of `bytes`-byte values, and a ragged tail. */
const inChunks = (chunks: number, bytes: number) => (chunks * 65536) / bytes + 37;

/** A tensor of the layout: its length, precision and whether it is allocated (resident). */
interface Spec { n: number; f64: boolean; resident: boolean }
/** Group 0: ordinary float32 and float64 tensors, one smaller than a chunk, and a resident one; group 1: ordinary only. */
const LAYOUT: Spec[][] = [
  [
    { n: inChunks(3, F32), f64: false, resident: false },
    { n: inChunks(2, F64), f64: true, resident: false },
    { n: 700, f64: false, resident: false },
    { n: 5000, f64: true, resident: true },
  ],
  [
    { n: inChunks(1, F32), f64: false, resident: false },
    { n: 3000, f64: true, resident: false },
  ],
];

/** Gradient sets the steps take in turn (made once: drawing them per step would take most of the time). */
const GRADS = 5;
const grads = LAYOUT.flat().map((s, k) => Array.from({ length: GRADS }, (_, j) => values(s.n, 1000 * j + k)));

function makeGroups(reference: boolean): Parameter[][] {
  let k = 0;
  return LAYOUT.map((specs) => specs.map((s) => {
    const init = values(s.n, 7 + k++);
    const Ctor = s.f64 ? Float64Array : Float32Array;
    if (!s.resident || reference) return { data: Ctor.from(init), grad: null };
    const p = Rprop.allocate(s.n, s.f64 ? 'float64' : 'float32');
    p.data.set(init);
    return p;
  }));
}

function setGrads(groups: Parameter[][], t: number): void {
  groups.flat().forEach((p, k) => {
    const g = grads[k]![t % GRADS]!;
    if ('gradBuffer' in p) {
      const buffer = (p as { gradBuffer: FloatArray }).gradBuffer;
      buffer.set(g);
      p.grad = buffer;
    } else p.grad = (p.data instanceof Float32Array ? Float32Array : Float64Array).from(g);
  });
}

/** What a run does between steps: called before step t. */
type Between = (t: number) => Promise<void>;

/**
 * `steps` steps of `make`'s optimizer over the layout's two groups, on the kernels with pipelines
 * (with `between` before each step) or on the reference rules; the parameters and state at the end.
 */
async function run(make: (groups: Params) => Optimizer<object>, steps: number, reference: boolean, between: Between) {
  useKernels(!reference);
  const groups = makeGroups(reference);
  const opt = make(groups.map((params) => ({ params })));
  let pipelined = 0; // counted per step: a pool started between steps counts from 0
  for (let t = 0; t < steps; t++) {
    if (!reference) await between(t);
    setGrads(groups, t);
    const pool = kernelThreadPool();
    const before = pool?.pipelinedCalls ?? 0;
    opt.step(() => (t * 7) % 3);
    pipelined += (pool?.pipelinedCalls ?? 0) - before;
  }
  return { params: groups.flat().map((p) => p.data.slice()), state: opt.stateDict(), pipelined };
}

/** Grows the memory by an allocation before step 3, stops the workers before step 6 and starts them before step 9. */
const growAndSwitch: Between = async (t) => {
  if (t === 3) {
    const heap = kernelHeap()!;
    const bytes = heap.buffer.byteLength;
    Rprop.allocate(heap.freeBytes / 4 + 2 ** 20); // more than the memory holds free: it must grow
    expect(kernelHeap()!.buffer.byteLength).toBeGreaterThan(bytes);
  }
  if (t === 6) expect(await useKernelThreads(1)).toBe(1);
  if (t === 9) expect(await useKernelThreads(2, { minPipelineBytes: 0, minSplitBytes: 0 })).toBe(2);
};

describe('pipelined copies over many steps', () => {
  it('reserve the ring in the first step, growing the memory mid-step, with the same results', async () => {
    // The first pipeline of this file's memory: its ring (≈2.7 MB) lies past the memory's end.
    const bytes = kernelHeap()!.buffer.byteLength;
    const piped = await run(OPTIMIZERS['irprop+']!, 2, false, async () => undefined);
    expect(piped.pipelined).toBe(4);
    expect(kernelHeap()!.buffer.byteLength).toBeGreaterThan(bytes + 2 ** 21);
    expect(difference(piped, await run(OPTIMIZERS['irprop+']!, 2, true, async () => undefined))).toBeNull();
  });

  it.each(Object.keys(OPTIMIZERS))('%s: two groups, float32 and float64 in one, resident among them, memory grown and the workers stopped and started between steps', async (name) => {
    const make = OPTIMIZERS[name]!;
    const piped = await run(make, 12, false, growAndSwitch);
    expect(kernelThreads()).toBe(2);
    expect(piped.pipelined).toBe(2 * 9); // a pipeline per group and step, but in steps 6–8 (one thread)
    expect(difference(piped, await run(make, 12, true, growAndSwitch))).toBeNull();
  });

  it('500 steps in a row agree with the reference rules bit for bit (irprop+)', async () => {
    const piped = await run(OPTIMIZERS['irprop+']!, 500, false, async () => undefined);
    expect(piped.pipelined).toBe(1000); // each step: a pipeline per group
    expect(difference(piped, await run(OPTIMIZERS['irprop+']!, 500, true, async () => undefined))).toBeNull();
  }, 60_000);
});
