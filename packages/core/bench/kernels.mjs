// npm run bench (from the repository root, after npm run build): ns per parameter of one Rprop step
// on the reference loop, the WebAssembly SIMD path on plain typed arrays, the zero-copy path, a
// memory-copy floor and, when the system Python has PyTorch, torch.optim.Rprop(foreach=True) on 2
// threads, all measured in this one run. `--json` prints the rows as JSON instead of a table.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rprop, useKernels } from 'rprop';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const here = dirname(fileURLToPath(import.meta.url));

const SHAPES = [
  { label: '1e4', tensors: 1, size: 1e4 },
  { label: '1e6', tensors: 1, size: 1e6 },
  { label: '1e7', tensors: 1, size: 1e7 },
  { label: '200×5000', tensors: 200, size: 5000 },
].filter((s) => !quick || s.size * s.tensors <= 1e6);

/** Median seconds of `fn` over repeats within a time budget (at least 5, after 2 warm-ups). */
function time(fn, budget = 1.0) {
  fn();
  fn();
  const times = [];
  const end = performance.now() + budget * 1000;
  while (times.length < 5 || (performance.now() < end && times.length < 400)) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1] / 1000;
}

function randomArray(Ctor, n, seed) {
  const a = new Ctor(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    a[i] = (s / 2 ** 32 - 0.5) * 2;
  }
  return a;
}

/** An optimizer over `tensors` parameters of `size`, stepping with gradients that alternate between two draws. */
function stepper(Ctor, shape, { resident = false, variant = 'irprop-' } = {}) {
  const dtype = Ctor === Float32Array ? 'float32' : 'float64';
  const params = [];
  const draws = [];
  for (let t = 0; t < shape.tensors; t++) {
    const p = resident ? Rprop.allocate(shape.size, dtype) : { data: randomArray(Ctor, shape.size, t), grad: null };
    params.push(p);
    draws.push([randomArray(Ctor, shape.size, 1000 + t), randomArray(Ctor, shape.size, 2000 + t)]);
  }
  const opt = new Rprop(params, { variant });
  let k = 0;
  return () => {
    const which = k++ & 1;
    params.forEach((p, t) => {
      if (resident) p.gradBuffer.set(draws[t][which]); // outside a real model this fill is the caller's work
      else p.grad = draws[t][which];
    });
    opt.step(() => 0);
  };
}

/** The copy floor: moving 28 bytes per parameter (read 14, write 14), as one big memcpy. */
function copyFloor(shape) {
  const bytes = 14 * shape.size * shape.tensors;
  const src = new Uint8Array(bytes).fill(1);
  const dst = new Uint8Array(bytes);
  return () => dst.set(src);
}

/** The resident path's own time: the gradient fill (a caller's work) is measured and subtracted. */
function fillOnly(Ctor, shape) {
  const params = Array.from({ length: shape.tensors }, () => Rprop.allocate(shape.size, Ctor === Float32Array ? 'float32' : 'float64'));
  const draw = randomArray(Ctor, shape.size, 5);
  return () => params.forEach((p) => p.gradBuffer.set(draw));
}

function torchTimes(dtype) {
  try {
    const cases = SHAPES.map((s) => ({ label: s.label, tensors: s.tensors, size: s.size, dtype }));
    const out = execFileSync('/usr/bin/python3', [join(here, 'torch_rprop_bench.py'), JSON.stringify(cases)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 600_000,
    });
    return JSON.parse(out);
  } catch {
    return null;
  }
}

const rows = [];
for (const [dtype, Ctor] of [['float32', Float32Array], ['float64', Float64Array]]) {
  const torch = torchTimes(dtype);
  for (const shape of SHAPES) {
    const n = shape.size * shape.tensors;
    const ns = (seconds) => (seconds / n) * 1e9;
    useKernels(false);
    const reference = ns(time(stepper(Ctor, shape)));
    useKernels(true);
    const fast = ns(time(stepper(Ctor, shape)));
    const residentWithFill = ns(time(stepper(Ctor, shape, { resident: true })));
    const fill = ns(time(fillOnly(Ctor, shape)));
    const zeroCopy = Math.max(residentWithFill - fill, 0);
    const floor = ns(time(copyFloor(shape)));
    rows.push({
      dtype,
      shape: shape.label,
      referenceNs: reference,
      fastNs: fast,
      zeroCopyNs: zeroCopy,
      copyFloorNs: floor,
      torchForeachNs: torch?.[shape.label] ?? null,
      fastVsTorch: torch ? torch[shape.label] / fast : null,
      fastVsFloor: fast / floor,
      zeroCopyVsFloor: zeroCopy / floor,
      fastVsReference: reference / fast,
    });
  }
}

const stateBytes = {
  'irprop-/rprop- float32': 8,
  'irprop+/rprop+ float32': 12,
  'irprop-/rprop- float64': 16,
  'irprop+/rprop+ float64': 24,
};

if (json) {
  console.log(JSON.stringify({ rows, stateBytesPerParameter: stateBytes }));
} else {
  const f = (v, d = 2) => (v === null ? '—' : v.toFixed(d));
  console.log('Rprop.step(), defaults (iRprop−), ns per parameter; ratios measured in this run');
  console.log('dtype    shape     reference  fast   zero-copy  copy floor  torch foreach | fast vs torch  fast/floor  zero-copy/floor');
  for (const r of rows) {
    console.log(
      `${r.dtype.padEnd(8)} ${r.shape.padEnd(9)} ${f(r.referenceNs).padStart(9)} ${f(r.fastNs).padStart(6)} ${f(r.zeroCopyNs).padStart(10)} ${f(r.copyFloorNs).padStart(11)} ${f(r.torchForeachNs).padStart(14)} | ${(r.fastVsTorch === null ? '—' : `${f(r.fastVsTorch, 1)}×`).padStart(13)} ${f(r.fastVsFloor).padStart(11)} ${f(r.zeroCopyVsFloor).padStart(16)}`,
    );
  }
  console.log('optimizer state, bytes per parameter:', Object.entries(stateBytes).map(([k, v]) => `${k}: ${v}`).join(', '));
  if (rows.every((r) => r.torchForeachNs === null)) console.log('(torch not measured: the system python3 cannot import torch — apt-get install python3-torch)');
}
