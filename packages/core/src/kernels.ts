// `rprop/kernels`: the WebAssembly SIMD kernels as functions on flat typed arrays, each equal bit for
// bit to its rule in `rprop/rules`, and the NaN/±Infinity scan. The switches (`useKernels`,
// `prepareKernels`, …) stay in the main entry: every user may need them, these only adapters.
export { fastRpropStep } from './kernels/fast-rprop-step.js';
export { rpropKernelStep } from './kernels/rprop-kernel.js';
export { lionKernel, signSgdKernel, signumKernel } from './kernels/relative-kernels.js';
export { firstNonFinite, firstNonFiniteLoop } from './kernels/first-non-finite.js';
