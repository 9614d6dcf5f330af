import { expect, it } from 'vitest';
import { Rprop, Signum, type Optimizer, type Parameter } from '../../src/index.js';
import { kernelHeap } from '../../src/kernels/kernel-heap.js';

// loadStateDict makes the loaded state afresh in the kernels' memory; the state it replaced went back
// only once garbage collected — when the event loop turned, and late even then: the engine does not
// count WebAssembly memory as pressure. Restoring a checkpoint in a training loop grew the memory
// (which never shrinks) by a whole state per load.
it('loadStateDict gives the replaced state\'s kernel memory back at once, and the loaded state steps as it should', () => {
  const n = 100_000;
  const grads = [Float32Array.from({ length: n }, (_, i) => Math.sin(i)), Float32Array.from({ length: n }, (_, i) => Math.cos(i))];
  const make = (C: typeof Rprop | typeof Signum): [Parameter, Optimizer<object>] => {
    const p: Parameter = { data: new Float32Array(n), grad: grads[0]! };
    return [p, (C === Rprop ? new Rprop([p], { variant: 'rprop+' }) : new Signum([p])) as unknown as Optimizer<object>];
  };
  for (const C of [Rprop, Signum]) {
    const [p, opt] = make(C);
    opt.step(() => 1);
    const sd = opt.stateDict();
    const saved = Float32Array.from(p.data);
    opt.loadStateDict(sd);
    const heap = kernelHeap()!;
    const size = heap.buffer.byteLength;
    for (let i = 0; i < 20; i++) {
      p.data.set(saved);
      opt.loadStateDict(sd);
      p.grad = grads[1]!;
      opt.step(() => 1);
    }
    expect(heap.buffer.byteLength).toBe(size);
    // The last load, stepped once, as a fresh optimizer that loads the dict and steps once.
    const [q, other] = make(C);
    q.data.set(saved);
    other.loadStateDict(sd);
    q.grad = grads[1]!;
    other.step(() => 1);
    expect(p.data).toStrictEqual(q.data);
    expect(opt.stateDict()).toStrictEqual(other.stateDict());
  }
});
