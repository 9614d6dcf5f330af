// An Rprop step through the WebAssembly kernels, from CommonJS: the kernels are embedded in the
// module, so nothing is located on disk. Prints whether they ran and the step's result, with the
// plain TypeScript rule's result for the same step to compare.
const { Rprop, kernelsActive, useKernels } = require('rprop');

function step() {
  const w = { data: new Float32Array(256).map((_, i) => i - 128), grad: new Float32Array(256).map((_, i) => Math.sin(i)) };
  const opt = new Rprop([w], { lr: 0.05 });
  opt.step();
  opt.step();
  return Array.from(w.data);
}

const kernels = step();
const active = kernelsActive();
useKernels(false);
const plain = step();
console.log(JSON.stringify({ active, kernels, plain }));
