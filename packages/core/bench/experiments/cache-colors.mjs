// Why the kernels' arrays are placed at different offsets modulo 4 KiB ("colours", see
// src/kernels/cache-colors.ts). Runs the shipped float32 iRprop− kernel (dist/kernels/rprop-kernels.wasm)
// over 2^20 weights with its four arrays (w, g, gp, Δ) a fixed distance apart, for several
// distances that are multiples of 64 KiB (the arrays then share one colour) and the same distances
// plus 832 bytes (four colours, 832 bytes apart; the allocator places them ≥ 512 apart), interleaved
// round by round in one process; prints the median ns per weight of each. On this project's machine
// (AMD EPYC, Zen) some equal-colour distances ran several times slower; none of the others did.
//
//   node packages/core/bench/experiments/cache-colors.mjs   (after npm run build)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomArray } from '../timing.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const wasm = join(here, '..', '..', 'dist', 'kernels', 'rprop-kernels.wasm');
const k = (await WebAssembly.instantiate(readFileSync(wasm), { env: { abort() { throw new Error('abort'); } } })).instance.exports;

const N = 2 ** 20;
const MIB4 = 4 * N;
const distances = [0, 1, 2, 3, 6, 7, 9, 10].flatMap((j) => [MIB4 + j * 65536, MIB4 + j * 65536 + 832]);
const base = Math.ceil(k.heapBase() / 65536) * 65536;
const need = base + 3 * Math.max(...distances) + 4 * N;
if (k.memory.buffer.byteLength < need) k.memory.grow(Math.ceil((need - k.memory.buffer.byteLength) / 65536));

const draws = [randomArray(Float32Array, N, 1000), randomArray(Float32Array, N, 2000)];
const start = randomArray(Float32Array, N, 1);
const [etaMinus, etaPlus, lo, hi] = [Math.fround(0.5), Math.fround(1.2), Math.fround(1e-6), 50];

const times = new Map(distances.map((d) => [d, []]));
let turn = 0;
for (let round = 0; round < 9; round++) {
  for (const d of distances) {
    const [w, g, gp, step] = [0, 1, 2, 3].map((i) => base + i * d);
    const view = (at) => new Float32Array(k.memory.buffer, at, N);
    view(w).set(start);
    view(gp).fill(0);
    view(step).fill(0.01);
    const block = [];
    for (let i = 0; i < 25; i++) {
      view(g).set(draws[turn++ & 1]);
      const t = performance.now();
      k.rpropF32(1, w, g, gp, step, 0, N, etaMinus, etaPlus, lo, hi, false, false);
      block.push(performance.now() - t);
    }
    times.get(d).push(median(block));
  }
}

function median(values) {
  return [...values].sort((a, b) => a - b)[values.length >> 1];
}

console.log('iRprop− float32 kernel, 2^20 weights, its four arrays each `distance` after the last; ns per weight (median):');
console.log('distance     one colour    + 832 bytes');
for (let i = 0; i < distances.length; i += 2) {
  const [same, apart] = [distances[i], distances[i + 1]].map((d) => ((median(times.get(d)) * 1e6) / N).toFixed(3));
  console.log(`0x${distances[i].toString(16).padEnd(10)} ${same.padStart(10)} ${apart.padStart(14)}`);
}
