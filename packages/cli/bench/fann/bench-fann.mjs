// npm run bench:fann -w rprop-cli: FANN's iRprop− (Debian's libfann-dev, compiled here at bench time)
// beside `rprop train` with each Rprop variant, on the FANN/PROBEN1 sets when present: epochs to the
// target MSE and milliseconds per epoch, side by side in one run. diabetes and thyroid unless
// FANN_SETS=a,b names others, or FANN_SETS=all every set (fann-sets.mjs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { casesNamed, compileFann, fannInstalled, foundCases, rpropArgs, runFann, trainFile } from './fann-sets.mjs';
import { rpropRow } from './rprop-row.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const json = process.argv.includes('--json');
/**
 * Runs per trainer; the median ms/epoch is reported. A FANN run on thyroid lasts ≈0.1 s, and on this
 * shared 2-core machine one such run's ms/epoch varied from 2.0 to 3.5: one run is not a measurement.
 * Epochs are the same in every run (seeded weights, full batch).
 */
const REPEATS = Number(process.env.FANN_BENCH_REPEATS ?? 5);
const VARIANTS = ['irprop-', 'irprop+', 'rprop-', 'rprop+'];
/** `rprop train --engine`: TF.js ops on its wasm backend, and the fused WebAssembly epoch. */
const ENGINES = ['tfjs', 'fused'];

let cases;
try {
  cases = casesNamed(process.env.FANN_SETS);
} catch (e) {
  console.error(`bench:fann: FANN_SETS: ${e.message}`);
  process.exit(2);
}
// The data first: without it there is nothing to compare.
const found = foundCases('bench:fann', 'Nothing to compare.', cases);
if (!fannInstalled()) {
  console.log('bench:fann: FANN is not installed (apt-get install libfann-dev); nothing to compare.');
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), 'rprop-fann-'));
try {
  const binary = compileFann(work);
  const rows = [];
  for (const c of cases) {
    const file = trainFile(c);
    if (!found.includes(c)) {
      console.log(`bench:fann: ${file} not found; skipping ${c.name} (FANN_DATASETS=<dir> sets the folder).`);
      continue;
    }
    const fann = runFann(binary, c, REPEATS);
    rows.push({ set: c.name, trainer: 'FANN iRprop−', ...fann });
    for (const [engine, variant] of ENGINES.flatMap((e) => VARIANTS.map((v) => [e, v]))) {
      const runs = Array.from({ length: REPEATS }, () => {
        const r = spawnSync(process.execPath, [join(root, 'packages', 'cli', 'dist', 'bin.js'), ...rpropArgs(file, c, variant, engine)], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(r.stderr);
        return JSON.parse(r.stdout.trim().split('\n').at(-1));
      });
      rows.push(rpropRow(c.name, variant, engine, runs, fann));
    }
  }
  if (json) console.log(JSON.stringify(rows));
  else {
    console.log(`full-batch training to a target MSE (the plain MSE: FANN's of tanh outputs × 4): FANN 2.2 (C) vs rprop train (TF.js wasm backend; "fused": --engine fused), Δ0 = 0.1 for both`);
    console.log(`ms/epoch: mean over a run; steady: after its first 5 epochs (TF.js warm-up); medians of ${REPEATS} runs each; × FANN uses steady`);
    console.log('set        trainer                 epochs  reached  ms/epoch   steady  × FANN');
    for (const r of rows) {
      const steady = r.msPerEpochSteady === undefined ? '' : r.msPerEpochSteady.toFixed(3);
      console.log(`${r.set.padEnd(10)} ${r.trainer.padEnd(22)} ${String(r.epochs).padStart(7)}  ${String(r.reachedTarget).padEnd(7)} ${r.msPerEpoch.toFixed(3).padStart(9)} ${steady.padStart(8)}  ${r.vsFann === undefined ? '' : r.vsFann.toFixed(1)}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
