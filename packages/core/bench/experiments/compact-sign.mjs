// Does compact sign storage pay? iRprop− float32 keeps 8 bytes of state per weight (Δ and the last
// derivative, as torch does); only the derivative's sign is ever read, so it could be one byte. This
// compiles compact-sign.as.ts, runs it beside the shipped kernel (dist/kernels/rprop-kernels.wasm)
// on the same inputs, interleaved, and prints ns per weight and the ratio — after checking that the
// two agree bit for bit on w and Δ, and on the derivative's sign, after every timed step.
//
//   node packages/core/bench/experiments/compact-sign.mjs [n …]   (after npm run build)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const core = join(here, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'rprop-compact-sign-'));
const compactWasm = join(scratch, 'compact-sign.wasm');
try {
  execFileSync(process.execPath, [join(core, '..', '..', 'node_modules', 'assemblyscript', 'bin', 'asc.js'), join(here, 'compact-sign.as.ts'),
    '-O3', '--runtime', 'stub', '--noAssert', '--initialMemory', '1', '--enable', 'simd', '--outFile', compactWasm], { stdio: 'inherit' });
  const load = async (file) => (await WebAssembly.instantiate(readFileSync(file), { env: { abort() { throw new Error('abort'); } } })).instance.exports;
  const shipped = await load(join(core, 'dist', 'kernels', 'rprop-kernels.wasm'));
  const compact = await load(compactWasm);
  const sizes = process.argv.slice(2).map(Number);
  console.log('iRprop− float32, ns per weight (median), shipped (8 B of state) against compact (5 B):');
  for (const n of sizes.length > 0 ? sizes : [16_000, 1_000_000, 10_000_000]) run(n, shipped, compact);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** `count` arrays of n elements of `Type` in `kernel`'s memory, 64-byte aligned. */
function arrays(kernel, n, count, Type) {
  const base = (kernel.heapBase() + 63) & ~63;
  const need = base + count * (Math.ceil((n * Type.BYTES_PER_ELEMENT) / 64) * 64);
  if (kernel.memory.buffer.byteLength < need) kernel.memory.grow(Math.ceil((need - kernel.memory.buffer.byteLength) / 65536));
  const stride = Math.ceil((n * Type.BYTES_PER_ELEMENT) / 64) * 64;
  return Array.from({ length: count }, (_, i) => new Type(kernel.memory.buffer, base + i * stride, n));
}

function run(n, shipped, compact) {
  if (n % 16 !== 0) throw new Error(`n must be a multiple of 16, got ${n}`);
  const [w1, g1, p1, s1] = arrays(shipped, n, 4, Float32Array);
  const [w2, g2, s2, room] = arrays(compact, n, 4, Float32Array);
  const sp = new Int8Array(room.buffer, room.byteOffset, n); // the sign bytes, in the fourth array's room
  let seed = 1;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < n; i++) {
    g1[i] = random() < 0.05 ? 0 : (random() - 0.5) * 10; // some zero derivatives
    p1[i] = random() < 0.1 ? 0 : random() - 0.5;
    sp[i] = Math.sign(p1[i]);
    w1[i] = random();
    s1[i] = 0.01;
  }
  g2.set(g1);
  w2.set(w1);
  s2.set(s1);
  const full = () => shipped.rpropF32(1, w1.byteOffset, g1.byteOffset, p1.byteOffset, s1.byteOffset, 0, n, 0.5, 1.2, Math.fround(1e-6), 50, false, false);
  const small = () => compact.irpropMinusCompactF32(w2.byteOffset, g2.byteOffset, sp.byteOffset, s2.byteOffset, n, 0.5, 1.2, Math.fround(1e-6), 50);
  const rounds = n >= 1e7 ? 15 : n >= 1e6 ? 41 : 401;
  const repeat = Math.max(1, Math.round(1e6 / n));
  const times = { full: [], small: [] };
  for (let r = 0; r < rounds; r++) {
    for (const [name, step] of r % 2 === 0 ? [['full', full], ['small', small]] : [['small', small], ['full', full]]) {
      const t0 = process.hrtime.bigint();
      for (let j = 0; j < repeat; j++) step();
      times[name].push(Number(process.hrtime.bigint() - t0) / repeat / n);
    }
    // Flip every seventh derivative now and then, so steps grow, shrink and hold.
    if (r % 3 === 0) for (let i = 0; i < n; i += 7) g1[i] = g2[i] = -g1[i];
    for (let i = 0; i < n; i++) {
      if (!Object.is(w1[i], w2[i]) || !Object.is(s1[i], s2[i]) || Math.sign(p1[i]) !== sp[i]) throw new Error(`n=${n}: differ at ${i} after round ${r}`);
    }
  }
  const median = (a) => a.sort((x, y) => x - y)[a.length >> 1];
  const [a, b] = [median(times.full), median(times.small)];
  console.log(`  n = ${n}: shipped ${a.toFixed(3)} ns, compact ${b.toFixed(3)} ns, compact ÷ shipped ${(b / a).toFixed(2)} (bit for bit equal: w, Δ, sign of the derivative)`);
}
