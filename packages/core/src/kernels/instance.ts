import { KERNELS_WASM_BASE64 } from './generated/kernels-wasm.js';

/** The kernels' exports, with buffers passed as byte offsets into `memory`. */
export interface KernelExports {
  readonly memory: WebAssembly.Memory;
  heapBase(): number;
  rpropF32(variant: number, w: number, g: number, prev: number, step: number, dw: number, n: number,
    etaMinus: number, etaPlus: number, lo: number, hi: number, maximize: boolean, revert: boolean): void;
  rpropF64(variant: number, w: number, g: number, prev: number, step: number, dw: number, n: number,
    etaMinus: number, etaPlus: number, lo: number, hi: number, maximize: boolean, revert: boolean): void;
  signSgdF32(w: number, g: number, n: number, step: number): void;
  signSgdF64(w: number, g: number, n: number, step: number): void;
  signumF32(w: number, g: number, m: number, n: number, lr: number, beta: number, oneMinusBeta: number, maximize: boolean): void;
  signumF64(w: number, g: number, m: number, n: number, lr: number, beta: number, oneMinusBeta: number, maximize: boolean): void;
  lionF32(w: number, g: number, m: number, n: number, lr: number, beta1: number, oneMinusBeta1: number, beta2: number,
    oneMinusBeta2: number, weightDecay: number, maximize: boolean): void;
  lionF64(w: number, g: number, m: number, n: number, lr: number, beta1: number, oneMinusBeta1: number, beta2: number,
    oneMinusBeta2: number, weightDecay: number, maximize: boolean): void;
  firstNonFiniteF32(p: number, n: number): number;
  firstNonFiniteF64(p: number, n: number): number;
}

let instance: KernelExports | null | undefined;
let disabled = false;
let minLength = 64;

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * The WebAssembly SIMD kernels, instantiated on first use, or null where WebAssembly or its SIMD
 * extension is missing (then the plain TypeScript rules run). `WebAssembly.validate` on the module
 * itself is the feature test: an engine without SIMD rejects it.
 */
export function kernels(): KernelExports | null {
  if (disabled) return null;
  if (instance !== undefined) return instance;
  instance = null;
  try {
    if (typeof WebAssembly === 'object') {
      const bytes = decode(KERNELS_WASM_BASE64);
      if (WebAssembly.validate(bytes)) {
        const module = new WebAssembly.Module(bytes);
        instance = new WebAssembly.Instance(module, { env: { abort: () => { throw new Error('rprop kernel abort'); } } })
          .exports as unknown as KernelExports;
      }
    }
  } catch {
    instance = null;
  }
  return instance;
}

/**
 * Turns the fast kernels off (`false`) or back on (`true`): every optimizer then runs the plain
 * TypeScript reference rules. For tests and for comparing; results are identical either way.
 * `minLength`: the fewest weights for which user arrays are copied through the kernels (default 64;
 * below it the plain loop is faster). Buffers already in the kernels' memory always use them.
 */
export function useKernels(enabled: boolean, options: { minLength?: number } = {}): void {
  disabled = !enabled;
  if (options.minLength !== undefined) minLength = options.minLength;
}

/** The fewest weights for which user arrays are copied through the kernels (see `useKernels`). */
export function kernelMinLength(): number {
  return minLength;
}

/** Whether steps currently run on the WebAssembly SIMD kernels. */
export function kernelsActive(): boolean {
  return kernels() !== null;
}
