// The kernels' module: fused update rules over buffers in this module's memory (byte offsets).
export { rpropF32, rpropF64 } from './rprop';
export { firstNonFiniteF32, firstNonFiniteF64 } from './check';

/** Where memory that the module does not use itself begins. */
export function heapBase(): usize {
  return __heap_base;
}
export { lionF32, lionF64, signSgdF32, signSgdF64, signumF32, signumF64 } from './relatives';
