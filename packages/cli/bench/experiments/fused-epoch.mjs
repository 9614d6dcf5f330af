// How long one `FusedMlp.lossAndGradients` call (a full-batch epoch of `rprop train --engine fused`)
// takes on FANN's sets, 8-16-2 diabetes and 21-16-3 thyroid (tanh hidden, sigmoid outputs, as
// bench:fann trains them), beside the specialised experiment the kernel was turned from
// (wasm-mlp-epoch.as.ts, compiled here) on the same weights. With FUSED_BASELINE=<a copy of another
// build's dist/train/fused folder> that build's kernel runs too: an A/B in one process. All of them
// run in interleaved rounds, so a busy machine slows each alike; their losses are printed to show
// they compute the same epoch.
//
//   node packages/cli/bench/experiments/fused-epoch.mjs   (after npm run build; FANN_DATASETS as bench:fann)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { foundCases, median, readCase } from '../fann/fann-sets.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..', '..');
const ROUNDS = 9; // interleaved rounds; the median and the range over them are printed
const CALLS = 200; // calls per round and kernel
const HIDDEN = 16;

const found = foundCases('fused-epoch', 'Nothing to measure.');
const builds = [{ name: 'fused', dir: new URL('../../dist/train/fused/', import.meta.url).href }];
if (process.env.FUSED_BASELINE) builds.unshift({ name: 'fused baseline', dir: pathToFileURL(resolve(process.env.FUSED_BASELINE)).href + '/' });
for (const b of builds) b.FusedMlp = (await import(new URL('fused-mlp.js', b.dir).href)).FusedMlp;
const experiment = compileExperiment();

/** The experiment's module, compiled with the flags the shipped kernel is built with. */
function compileExperiment() {
  const scratch = mkdtempSync(join(tmpdir(), 'rprop-fused-epoch-'));
  try {
    const wasmFile = join(scratch, 'wasm-mlp-epoch.wasm');
    execFileSync(process.execPath, [join(root, 'node_modules', 'assemblyscript', 'bin', 'asc.js'), join(here, 'wasm-mlp-epoch.as.ts'),
      '-O3', '--runtime', 'stub', '--noAssert', '--initialMemory', '1', '--enable', 'simd', '--outFile', wasmFile], { stdio: 'inherit' });
    return new WebAssembly.Module(readFileSync(wasmFile));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The experiment on `data` at TF.js-layout weights [kernel0, bias0, kernel1, bias1]: a function making one epoch. */
function experimentEpoch(data, [k0, b0, k1, b1]) {
  const kernel = new WebAssembly.Instance(experiment, { env: { abort() { throw new Error('abort'); } } }).exports;
  const { count, inputs, outputs } = data;
  const size = inputs * HIDDEN + HIDDEN + outputs * HIDDEN + outputs;
  const lengths = [size, size, count * inputs, count * outputs, 2 * HIDDEN];
  const offsets = [];
  let top = (kernel.heapBase() + 15) & ~15;
  for (const length of lengths) offsets.push(top), (top += Math.ceil(length / 4) * 16);
  if (kernel.memory.buffer.byteLength < top) kernel.memory.grow(Math.ceil((top - kernel.memory.buffer.byteLength) / 65536));
  const [p, g, x, t, s] = lengths.map((length, i) => new Float32Array(kernel.memory.buffer, offsets[i], length));
  x.set(data.x);
  t.set(data.y);
  // Its W2 is [outputs × hidden]: TF.js's kernel1 [hidden × outputs] transposed.
  const w2 = Float32Array.from({ length: outputs * HIDDEN }, (_, i) => k1[(i % HIDDEN) * outputs + Math.floor(i / HIDDEN)]);
  p.set([...k0, ...b0, ...w2, ...b1]);
  return () => kernel.epoch(x.byteOffset, t.byteOffset, count, inputs, HIDDEN, outputs, p.byteOffset, g.byteOffset, s.byteOffset);
}

/** Weights in [−0.25, 0.25] from a fixed seed, per TF.js variable, so every kernel starts from the same point. */
function initialWeights(shapes, seed) {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 0.5 - 0.25;
  return shapes.map((length) => Float32Array.from({ length }, next));
}

for (const c of found) {
  const data = await readCase(c);
  const layers = [
    { inputs: data.inputs, units: HIDDEN, activation: 'tanh' },
    { inputs: HIDDEN, units: data.outputs, activation: 'sigmoid' },
  ];
  const weights = initialWeights([data.inputs * HIDDEN, HIDDEN, HIDDEN * data.outputs, data.outputs], 12345);
  const runners = builds.map((b) => {
    const mlp = b.FusedMlp.create(layers, data);
    mlp.weights.forEach((w, i) => w.set(weights[i]));
    return { name: b.name, call: () => mlp.lossAndGradients(), times: [] };
  });
  runners.push({ name: 'experiment', call: experimentEpoch(data, weights), times: [] });
  console.log(`${c.name}: loss ${runners.map((r) => `${r.name} ${r.call().toPrecision(8)}`).join(', ')}`);
  for (let round = 0; round < ROUNDS; round++) {
    for (const r of round % 2 ? [...runners].reverse() : runners) {
      const t0 = performance.now();
      for (let k = 0; k < CALLS; k++) r.call();
      r.times.push((performance.now() - t0) / CALLS);
    }
  }
  const ms = (v) => v.toFixed(3);
  for (const r of runners) {
    console.log(`${c.name} ${data.inputs}-${HIDDEN}-${data.outputs} (${data.count} samples), ${r.name}: ${ms(median(r.times))} ms per call (range ${ms(Math.min(...r.times))}–${ms(Math.max(...r.times))})`);
  }
}
