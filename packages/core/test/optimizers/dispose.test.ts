import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { Adam, Lion, Rprop, SGD, SignSGD, Signum, type Parameter } from '../../src/index.js';
import { kernelHeap } from '../../src/kernels/kernel-heap.js';

type Stepper = { step(closure?: () => number): number | undefined; stateDict(): { state: object }; loadStateDict(sd: never): void; addParamGroup(g: never): void; dispose(): void };

const makers: Array<[string, (ps: Parameter[]) => Stepper]> = [
  ['Rprop irprop-', (ps) => new Rprop(ps)],
  ['Rprop rprop+', (ps) => new Rprop(ps, { variant: 'rprop+' })],
  ['SignSGD', (ps) => new SignSGD(ps, { lr: 0.1 })],
  ['Signum', (ps) => new Signum(ps, { lr: 0.1 })],
  ['Lion', (ps) => new Lion(ps, { lr: 0.1 })],
  ['SGD', (ps) => new SGD(ps, { lr: 0.1 })],
  ['Adam', (ps) => new Adam(ps)],
];

const param = (n: number): Parameter => ({ data: Float32Array.from({ length: n }, (_, i) => Math.sin(i + 1)), grad: Float32Array.from({ length: n }, (_, i) => Math.cos(i + 1)) });

describe('dispose()', () => {
  it.each(makers)('%s: twice is fine; step, stateDict, loadStateDict and addParamGroup afterwards throw, changing nothing', (label, make) => {
    const p = param(100);
    const opt = make([p]);
    opt.step(() => 1);
    const sd = opt.stateDict();
    opt.dispose();
    opt.dispose();
    const values = Float32Array.from(p.data);
    const owner = label.split(' ')[0];
    expect(() => opt.step(() => 1)).toThrow(`${owner}.step: this optimizer was disposed; make a new one`);
    expect(() => opt.stateDict()).toThrow(`${owner}.stateDict: this optimizer was disposed`);
    expect(() => opt.loadStateDict(sd as never)).toThrow(`${owner}.loadStateDict: this optimizer was disposed`);
    expect(() => opt.addParamGroup({ params: [param(3)] } as never)).toThrow(`${owner}.addParamGroup: this optimizer was disposed`);
    expect(p.data).toEqual(values);
  });

  it.each(makers)('%s: a closure that disposes the optimizer has its step refused, changing nothing', (label, make) => {
    const p = param(100);
    const opt = make([p]);
    opt.step(() => 1);
    const values = Float32Array.from(p.data);
    expect(() => opt.step(() => (opt.dispose(), 1))).toThrow(`${label.split(' ')[0]}.step: this optimizer was disposed`);
    expect(p.data).toEqual(values);
  });

  // Without dispose() each optimizer's state stays in the kernels' memory until it is collected, which
  // in a synchronous loop is never: the memory grew by a state per trial (and never shrinks).
  it('gives the kernels\' memory back at once: optimizers made, stepped and disposed in a loop keep it the same size', () => {
    const p = param(1_000_000);
    for (const make of [(ps: Parameter[]) => new Rprop(ps, { variant: 'irprop+' }), (ps: Parameter[]) => new Lion(ps, { lr: 1e-3 })]) {
      const first = make([p]);
      first.step(() => 1);
      first.dispose();
      const heap = kernelHeap();
      expect(heap).not.toBeNull(); // (Node 20 has WebAssembly SIMD: the state is in the kernels' memory)
      const size = heap!.buffer.byteLength;
      for (let trial = 0; trial < 12; trial++) {
        const opt = make([p]);
        opt.step(() => 1);
        opt.step(() => 1);
        opt.dispose();
      }
      expect(heap!.buffer.byteLength).toBe(size);
    }
  });
});

// An optimizer lives as long as its model; an array it held on to from a step (a parameter's data the
// caller has since replaced, say with weights loaded into a fresh array) would live as long, unseen.
describe("holds no caller's array past the step", () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

  it.each(makers)("%s: a parameter's replaced data can be collected", async (_label, make) => {
    // Many small tensors: they step batched (see TensorBatch), from ordinary arrays.
    const ps = Array.from({ length: 8 }, () => param(100));
    const opt = make(ps);
    opt.step(() => 1);
    const replaced = (() => {
      const old = ps[3]!.data;
      ps[3]!.data = new Float32Array(100);
      return new WeakRef(old);
    })();
    await nextTask(); // a WeakRef keeps its target alive until the task that made it ends
    gc();
    expect(replaced.deref()).toBeUndefined();
    expect(ps[3]!.data).toHaveLength(100); // (the optimizer and its parameters live on)
  });
});
