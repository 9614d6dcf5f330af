import { describe } from '../errors.js';
import { refuseUnknownOptions } from '../unknown-options.js';
import { KERNELS_WASM_BASE64 } from './generated/kernels-wasm.js';

/** The kernels' exports, with buffers passed as byte offsets into `memory`. */
export interface KernelExports {
  /** WebAssembly.Memory, as far as it is used: spelled out so the published .d.ts type-checks without the DOM lib. */
  readonly memory: { readonly buffer: ArrayBuffer; grow(delta: number): number };
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
  /**
   * Present with kernel threads (`rprop/threads`): from `deferCalls` until `runDeferred`, update
   * kernels are recorded, then run shared out across the threads (see `TensorBatch.run`).
   */
  deferCalls?(): void;
  runDeferred?(): void;
  /**
   * Present with kernel threads: whether copying `bytes` of ordinary arrays through the memory (one
   * call's array, or a batch's in all) would run as a pipeline (`pipeline`) — a worker is there and
   * the bytes reach `minPipelineBytes`.
   */
  pipelines?(bytes: number): boolean;
  /**
   * Present with kernel threads: runs a copy-through call of `chunks` chunks as a pipeline. This
   * thread copies chunk c in (`copyIn(c)`, which makes the chunk's one kernel call: recorded, not
   * run), a worker and this thread run the recorded calls, and this thread copies each finished
   * chunk back (`copyBack(c)`, in order). At most `inFlight` chunks are copied in and not yet back.
   */
  pipeline?(chunks: number, inFlight: number, copyIn: (c: number) => void, copyBack: (c: number) => void): void;
}

let instance: KernelExports | null | undefined;
let disabled = false;
let minLength = 64;
/** 256 MiB: gradients of 64 M float32 parameters are staged; beyond that they are copied in chunks. */
let stagingBytes = 256 * 2 ** 20;

/** The bytes of base64 text (the embedded WebAssembly modules), with `atob`, which Node and browsers both have. */
export function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * The smallest module that uses SIMD: one function returning `v128.const 0`. An engine without the
 * SIMD extension rejects it, so validating it is the feature test (the full module's bytes need not
 * be decoded to find out).
 */
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, // magic, version
  1, 5, 1, 96, 0, 1, 123, // types: () → v128
  3, 2, 1, 0, // one function of type 0
  10, 22, 1, 20, 0, 253, 12, ...new Array<number>(16).fill(0), 11, // body: v128.const 0, end
]);

/** Whether this engine has WebAssembly with the SIMD extension. */
export function simdSupported(): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

const imports = { env: { abort: () => { throw new Error('rprop kernel abort'); } } };

/**
 * Makes `k` the kernels every later step uses (`rprop/threads`: the shared-memory module behind its
 * thread pool). Only before the kernels' memory has been used (see `kernelHeapMade`).
 */
export function installKernels(k: KernelExports): void {
  instance = k;
}

/**
 * The WebAssembly SIMD kernels, instantiated synchronously on first use, or null where WebAssembly or
 * its SIMD extension is missing (then the plain TypeScript rules run, with the same results).
 *
 * Some browsers refuse to compile a module synchronously on the main thread (Chrome before its limit
 * was raised to 8 MB refused anything over 4 KB; this module is ≈17 KB): there the first use falls
 * back to the plain rules, and `await prepareKernels()` at start-up turns the kernels on.
 */
export function kernels(): KernelExports | null {
  if (disabled) return null;
  if (instance !== undefined) return instance;
  instance = null;
  if (!simdSupported()) return null;
  try {
    const module = new WebAssembly.Module(decode(KERNELS_WASM_BASE64));
    instance = new WebAssembly.Instance(module, imports).exports as unknown as KernelExports;
  } catch {
    instance = null;
  }
  return instance;
}

/**
 * Compiles and instantiates the kernels asynchronously, for engines that refuse to do it
 * synchronously on the main thread (see `kernels`). Resolves to whether the kernels are active.
 * Never needed in Node; harmless anywhere.
 */
export async function prepareKernels(): Promise<boolean> {
  if (!instance && simdSupported()) {
    try {
      const { instance: made } = await WebAssembly.instantiate(decode(KERNELS_WASM_BASE64), imports);
      instance ??= made.exports as unknown as KernelExports;
    } catch {
      // Stays on the plain rules.
    }
  }
  return kernelsActive();
}

/**
 * Turns the fast kernels off (`false`) or back on (`true`): every optimizer then runs the plain
 * TypeScript reference rules. For tests and for comparing; results are identical either way.
 *
 * - `minLength`: the fewest weights for which ordinary arrays go through the kernels (default 64;
 *   below it the plain loop is faster). Buffers already in the kernels' memory always use them.
 * - `stagingBytes`: how much of a step's gradients (ordinary arrays) are copied into the kernels'
 *   memory up front, to be checked and used in place (default 256 MiB). The region is kept and
 *   reused, and given back at the next step when the limit is lowered below it; 0 saves that memory (the gradients are then copied in chunks, twice: about as fast for
 *   large tensors, slower for many small ones, which then miss the batched loop). See `stageGradients`.
 *
 * Either may be Infinity (no limit). A call it cannot use — `enabled` not a boolean, an unknown or
 * misspelt option, a limit that is negative or not a number — throws and changes nothing.
 */
export function useKernels(enabled: boolean, options: { minLength?: number; stagingBytes?: number } = {}): void {
  // Checked before anything is set: `useKernels('false')` would otherwise turn the kernels on, and a
  // misspelt `minlength` be dropped without a word.
  if (typeof enabled !== 'boolean') throw new TypeError(`useKernels: enabled must be true or false, got ${describe(enabled)}`);
  refuseUnknownOptions('useKernels', options ?? {}, ['minLength', 'stagingBytes']);
  atLeastZero('minLength', options?.minLength);
  atLeastZero('stagingBytes', options?.stagingBytes);
  disabled = !enabled;
  if (options?.minLength !== undefined) minLength = options.minLength;
  if (options?.stagingBytes !== undefined) stagingBytes = options.stagingBytes;
}

/** A `useKernels` limit: a number ≥ 0 (Infinity: no limit), or undefined to keep the current one. */
function atLeastZero(name: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'number') throw new TypeError(`useKernels: ${name} must be a number ≥ 0, got ${describe(value)}`);
  if (!(value >= 0)) throw new RangeError(`useKernels: ${name} must be ≥ 0, got ${describe(value)}`);
}

/** The most bytes of gradients a step stages in the kernels' memory (see `useKernels`). */
export function stagingLimit(): number {
  return stagingBytes;
}

/** The fewest weights for which user arrays are copied through the kernels (see `useKernels`). */
export function kernelMinLength(): number {
  return minLength;
}

/** Whether steps currently run on the WebAssembly SIMD kernels. */
export function kernelsActive(): boolean {
  return kernels() !== null;
}
