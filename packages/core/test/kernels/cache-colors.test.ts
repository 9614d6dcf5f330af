import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { colorOf, COLOR_SPAN, colorsApart as colorsApartInSrc, freestColor, padTo } from '../../src/kernels/cache-colors.js';
import { FreeList } from '../../src/kernels/free-list.js';
import type { KernelExports } from '../../src/kernels/instance.js';
import { KernelHeap, kernelHeap } from '../../src/kernels/kernel-heap.js';
import { colorsApart } from './kernel-call-recorder.js';


const lineColor = fc.integer({ min: 0, max: COLOR_SPAN / 64 - 1 }).map((i) => 64 * i);

describe('cache colours', () => {
  it('colorOf and padTo: an offset modulo 4 KiB, and the bytes to the next offset of a colour', () => {
    expect(colorOf(0)).toBe(0);
    expect(colorOf(4096 * 7 + 192)).toBe(192);
    expect(colorOf(2 ** 32 - 64)).toBe(4096 - 64); // offsets past 2³¹ (a 4 GiB memory) too
    expect(padTo(4096 * 3 + 100, 100)).toBe(0);
    expect(padTo(4096 * 3 + 128, 64)).toBe(4096 - 64);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 }), lineColor, (at, color) => {
        const skip = padTo(at, color);
        expect(skip).toBeGreaterThanOrEqual(0);
        expect(skip).toBeLessThan(COLOR_SPAN);
        expect(colorOf(at + skip)).toBe(color);
      }),
    );
  });

  it('colorsApart: the distance round the 4 KiB circle, either way', () => {
    expect(colorsApartInSrc(4096 * 3 + 100, 4000)).toBe(196);
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 }), fc.integer({ min: 0, max: 2 ** 32 }), (a, b) => {
      expect(colorsApartInSrc(a, b)).toBe(colorsApart(a, b));
      expect(colorsApartInSrc(a, b)).toBeLessThanOrEqual(2048);
    }));
  });

  it('freestColor: none taken → no preference; else the middle of the widest gap', () => {
    expect(freestColor([])).toBe(-1);
    expect(freestColor([0])).toBe(2048);
    expect(freestColor([4096 * 5 + 1024])).toBe(3072);
    expect(freestColor([0, 2048])).toBe(1024);
    expect(freestColor([0, 1024, 2048])).toBe(3072);
    expect(freestColor([5, 7], 0)).toBe(-1); // only the first `count` entries count
  });

  it('freestColor keeps each new colour at least 2048/(taken) bytes, less a line, from every colour taken', () => {
    fc.assert(
      fc.property(fc.array(lineColor, { minLength: 1, maxLength: 5 }), (taken) => {
        const color = freestColor(taken);
        expect(color % 64).toBe(0);
        const nearest = Math.min(...taken.map((t) => colorsApart(color, t)));
        expect(nearest).toBeGreaterThanOrEqual(Math.floor(2048 / taken.length / 64) * 64);
      }),
    );
  });

  it('placing a call\'s five arrays one by one leaves every two of them ≥ 512 bytes apart', () => {
    fc.assert(
      fc.property(lineColor, (first) => {
        const placed = [first];
        while (placed.length < 5) placed.push(freestColor(placed));
        for (let i = 0; i < 5; i++) for (let j = 0; j < i; j++) expect(colorsApart(placed[i]!, placed[j]!)).toBeGreaterThanOrEqual(512);
      }),
    );
  });
});

describe('coloured allocation', () => {
  it('the free list hands out a block at the colour asked for, keeps the skipped bytes free, never overlaps', () => {
    const SIZE = 64 * 1024;
    const ops = fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 80 }), fc.option(lineColor)), { maxLength: 40 });
    fc.assert(
      fc.property(ops, (steps) => {
        const free = new FreeList();
        free.give(0, SIZE);
        const taken: Array<[number, number]> = [];
        for (const [take, lines, color] of steps) {
          const bytes = 64 * lines;
          if (take) {
            const at = free.take(bytes, color ?? -1);
            if (at >= 0) {
              if (color !== null) expect(colorOf(at)).toBe(color);
              taken.push([at, bytes]);
            }
          } else if (taken.length > 0) {
            const [at, b] = taken.splice(lines % taken.length, 1)[0]!;
            free.give(at, b);
          }
          const sorted = [...taken].sort((a, b) => a[0] - b[0]);
          sorted.forEach(([at, b], i) => expect(at + b).toBeLessThanOrEqual(i + 1 < sorted.length ? sorted[i + 1]![0] : SIZE));
          expect(free.freeBytes + taken.reduce((s, [, b]) => s + b, 0)).toBe(SIZE);
        }
        for (const [at, b] of taken) free.give(at, b);
        expect(free.take(SIZE)).toBe(0);
      }),
    );
  });

  it('the heap does too, at its top, and the skipped bytes serve a later array', () => {
    const heap = kernelHeap()!;
    const a = heap.allocate(1 << 20); // 1 MiB: past any free block, so it comes from the top
    const want = (colorOf(a) + 1024 + 64) % COLOR_SPAN;
    const free = heap.freeBytes;
    const b = heap.allocate(1 << 20, want);
    expect(colorOf(b)).toBe(want);
    expect(b).toBe(a + (1 << 20) + 1024 + 64);
    expect(heap.freeBytes - free).toBe(1024 + 64);
    expect(heap.allocate(1024)).toBe(a + (1 << 20)); // first fit: the skipped bytes
    heap.release(a, 1 << 20);
    heap.release(b, 1 << 20);
  });
});

describe('a colour near the end of the memory', () => {
  it('gives way: an array that fits only without the bytes skipped to its colour is still placed', () => {
    // A memory of 12 pages that cannot grow; the heap's scratch region takes the first 660 KiB.
    const memory = new WebAssembly.Memory({ initial: 12, maximum: 12 });
    const heap = new KernelHeap({ memory, heapBase: () => 0 } as unknown as KernelExports);
    const top = heap.scratchAt + 5 * (128 * 1024 + 4096);
    const room = memory.buffer.byteLength - top;
    expect(room).toBeGreaterThan(4096);
    const at = heap.allocate(room - 64, colorOf(top + 128)); // 128 bytes to skip: 64 too many
    expect(at).toBe(top);
    expect(heap.allocate(128, colorOf(top))).toBe(-1); // and the memory is full
  });
});
