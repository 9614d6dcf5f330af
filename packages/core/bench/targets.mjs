// The performance targets of the fast-kernels issue, checked against one run's rows, so a reader
// sees at a glance which held in this run (the machine is shared: a run can land either side).
//
// Float32, Rprop.step() with default options:
//   plain arrays at 1e6, 1e7 and 200×5000: ≥ 10× torch.optim.Rprop(foreach=True), ≤ 2.5× the copy floor;
//   the zero-copy path at 1e7: ≤ 1.3× the copy floor;
//   optimizer state of the minus variants: ≤ 8 bytes per parameter (PyTorch's).
// "torch" is torch as installed; the same 10× against "torch reused" (its arithmetic without page
// faults) is reported beside it, as the stricter comparison.

const PLAIN_SHAPES = ['1e6', '1e7', '200×5000'];

/** [{ what, value, limit, kind: 'min' | 'max', met }] for the rows and state sizes of one run. */
export function targets(rows, stateBytes) {
  const out = [];
  const check = (what, value, limit, kind) => {
    if (value === null || value === undefined) return;
    out.push({ what, value, limit, kind, met: kind === 'min' ? value >= limit : value <= limit });
  };
  for (const shape of PLAIN_SHAPES) {
    const r = rows.find((row) => row.dtype === 'float32' && row.shape === shape);
    if (r === undefined) continue;
    check(`${shape}: plain arrays vs torch`, r.fastSpeedupVsTorch, 10, 'min');
    check(`${shape}: plain arrays vs torch reused (stricter)`, r.fastSpeedupVsTorchReused, 10, 'min');
    check(`${shape}: plain arrays / copy floor`, r.fastOverFloor, 2.5, 'max');
    if (shape === '1e7') check(`${shape}: zero-copy / copy floor`, r.zeroCopyOverFloor, 1.3, 'max');
  }
  for (const variant of ['rprop-', 'irprop-']) check(`state bytes per parameter, ${variant} float32`, stateBytes[`${variant} float32`], 8, 'max');
  return out;
}

/** One line per target: ✓ or ✗, the value and the limit. */
export function formatTargets(list) {
  return list.map((t) => `${t.met ? '✓' : '✗'} ${t.what}: ${t.value.toFixed(2)} (${t.kind === 'min' ? '≥' : '≤'} ${t.limit})`);
}
