// npm run bench: one optimizer step on a 784-256-128-10 MLP's gradients — rprop-tfjs's Rprop against
// tf.train.adam on the same gradients — on the cpu and the wasm backends, side by side in one run.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { RpropOptimizer } from 'rprop-tfjs';
// The kernel bench's timing (a repository script, as this one): cases timed in blocks, in turns.
import { interleavedMedians } from '../../core/bench/timing.mjs';

const require = createRequire(import.meta.url);
setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`);
const json = process.argv.includes('--json');

const rows = [];
for (const backend of ['cpu', 'wasm']) {
  await tf.setBackend(backend);
  await tf.ready();
  const shapes = [[784, 256], [256], [256, 128], [128], [128, 10], [10]];
  let seed = 1;
  const variables = shapes.map((s, i) => tf.variable(tf.randomNormal(s, 0, 0.05, 'float32', seed++), true, `${backend}w${i}`));
  // Two gradient draws, alternated so signs flip as in training.
  const draws = [0, 1].map(() => shapes.map((s) => tf.randomNormal(s, 0, 1, 'float32', seed++)));
  const named = (k) => variables.map((v, i) => ({ name: v.name, tensor: draws[k][i] }));
  const rprop = new RpropOptimizer();
  const adam = tf.train.adam(1e-3);
  // Each optimizer's own alternation: its steps see the two draws in turn, whatever the other does.
  // Timed in turns, so a drift of the machine's speed moves both alike; the ratio is the median of
  // per-round ratios. 0.3 s of warm-up each: the WebAssembly kernels start on V8's baseline compiler
  // and are swapped for optimised code after some hundred calls.
  let [k, j] = [0, 0];
  const m = interleavedMedians(
    {
      rprop: { prepare: () => {}, run: () => rprop.applyGradients(named(k++ & 1)) },
      adam: { prepare: () => {}, run: () => adam.applyGradients(named(j++ & 1)) },
    },
    { warmUp: 0.3 },
  );
  const [rpropMs, adamMs, ratio] = [m.seconds.rprop * 1000, m.seconds.adam * 1000, m.ratio('rprop', 'adam')];
  rows.push({ backend, parameters: variables.reduce((n, v) => n + v.size, 0), rpropMs, adamMs, ratio });
  rprop.dispose();
  adam.dispose();
  tf.dispose([...variables, ...draws.flat()]);
}

if (json) console.log(JSON.stringify(rows));
else {
  console.log('one optimizer step on a 784-256-128-10 MLP (235 146 parameters), median ms; the two timed in turns, Rprop/Adam the median of per-round ratios');
  console.log('backend  Rprop (rprop-tfjs)  tf.train.adam  Rprop/Adam');
  for (const r of rows) console.log(`${r.backend.padEnd(8)} ${r.rpropMs.toFixed(3).padStart(18)} ${r.adamMs.toFixed(3).padStart(14)} ${r.ratio.toFixed(2).padStart(11)}`);
}
