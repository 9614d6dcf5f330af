// The optimizer state's size per parameter, read off real optimizers (not a table of what it
// should be): the bytes of every state buffer after one step, over the parameter count.
import { Lion, Rprop, Signum, VARIANTS } from 'rprop';

const N = 1000;

function bytesPerParameter(make, Ctor) {
  const p = { data: new Ctor(N), grad: new Ctor(N).fill(1) };
  const opt = make([p]);
  opt.step(() => 0);
  // `states` is private in TypeScript only; the benchmark reads it to count what is really kept.
  const s = opt.states.get(p);
  let bytes = 0;
  for (const v of Object.values(s)) if (typeof v === 'object') bytes += v.byteLength;
  return bytes / N;
}

/** { 'irprop- float32': 8, … } for every Rprop variant and the relatives with state. */
export function stateBytesPerParameter() {
  const out = {};
  for (const [dtype, Ctor] of [['float32', Float32Array], ['float64', Float64Array]]) {
    for (const variant of VARIANTS) out[`${variant} ${dtype}`] = bytesPerParameter((ps) => new Rprop(ps, { variant }), Ctor);
    out[`Signum ${dtype}`] = bytesPerParameter((ps) => new Signum(ps), Ctor);
    out[`Lion ${dtype}`] = bytesPerParameter((ps) => new Lion(ps), Ctor);
  }
  return out;
}
