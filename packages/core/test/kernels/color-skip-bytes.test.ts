import { describe, expect, it } from 'vitest';
import { Rprop, Signum, type Parameter } from '../../src/index.js';
import { freestColor } from '../../src/kernels/cache-colors.js';
import { kernelHeap } from '../../src/kernels/kernel-heap.js';

// The bytes skipped to reach a colour stay free, but the memory never shrinks and only arrays that
// fit them (at a colour they allow) can use them. Arrays of one kind lie one after another, so when
// a run of same-size tensors has its operands one line further on per tensor, its state should be
// too: skips at the start of a run only. freestColor broke ties between equal gaps by where they lay
// on the circle, so the state's colour jumped half a page every 32 tensors of 64 bytes, and half the
// memory a step over 2000 tensors of 10 floats grew by was skipped bytes (measured: 374 272 free of
// 758 272 with allocated parameters and Rprop+, 128 000 of 512 000 with ordinary ones).

const TENSORS = 2000;
const LENGTH = 10; // 40 bytes: each array takes one 64-byte line

/** The bytes `make` leaves free in the kernels' memory (skipped), and the bytes the memory grew by. */
function skippedAndGrown(make: () => unknown): { skipped: number; grown: number } {
  const heap = kernelHeap()!;
  const [free, length] = [heap.freeBytes, heap.buffer.byteLength];
  make();
  return { skipped: heap.freeBytes - free, grown: heap.buffer.byteLength - length };
}

/** At most one skip of under 4 KiB per state buffer kind (and for the parameters, per slab). */
const BOUND = 4 * 4096;

describe('colours skip few bytes over many same-size tensors', () => {
  it('freestColor moves with its operands: every offset one line on gives a colour one line on', () => {
    for (const taken of [[0], [0, 2048], [64, 2112, 1088], [3968, 1920], [1024, 3072, 2048, 0]]) {
      const color = freestColor(taken);
      for (let line = 1; line < 64; line++) expect(freestColor(taken.map((at) => at + 64 * line))).toBe((color + 64 * line) % 4096);
    }
  });

  const keep: unknown[] = []; // optimizers kept alive, so their state is not released while measuring

  it(`Rprop+ on ${TENSORS} allocated parameters of ${LENGTH} float32`, () => {
    const params = Array.from({ length: TENSORS }, () => Rprop.allocate(LENGTH));
    params.forEach((p, t) => p.gradBuffer.fill(t % 2 === 0 ? 1 : -1));
    const { skipped, grown } = skippedAndGrown(() => {
      const opt = new Rprop(params, { variant: 'rprop+' });
      opt.step(() => 1);
      keep.push(opt);
    });
    expect(skipped).toBeLessThanOrEqual(BOUND);
    expect(grown).toBeLessThanOrEqual(3 * TENSORS * 64 + BOUND + 65536); // the state, the skips, a page's rounding
  });

  it(`Rprop+ and Signum on ${TENSORS} ordinary parameters of ${LENGTH} float32 (staged gradients)`, () => {
    for (const make of [(p: Parameter[]) => new Rprop(p, { variant: 'rprop+' }), (p: Parameter[]) => new Signum(p)]) {
      const params: Parameter[] = Array.from({ length: TENSORS }, (_, t) => ({ data: new Float32Array(LENGTH).fill(t), grad: new Float32Array(LENGTH).fill(1) }));
      const { skipped } = skippedAndGrown(() => {
        const opt = make(params);
        opt.step(() => 1);
        keep.push(opt);
      });
      expect(skipped).toBeLessThanOrEqual(BOUND);
    }
  });
});
