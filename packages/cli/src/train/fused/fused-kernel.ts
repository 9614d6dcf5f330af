import { MLP_KERNEL_WASM_BASE64 } from './generated/mlp-kernel-wasm.js';

/** The exports of assembly/mlp-epoch.ts; addresses are byte offsets into `memory`. */
export interface MlpKernel {
  readonly memory: WebAssembly.Memory;
  heapBase(): number;
  lossAndGradients(table: number, layers: number, x: number, y: number, count: number, g: number, spare: number): number;
  evaluate(table: number, layers: number, x: number, y: number, count: number, bitFailAt: number): number;
}

/** The largest memory a 32-bit WebAssembly module can have: 65 536 pages of 64 KiB. */
const MAX_BYTES = 65536 * 65536;

let compiled: WebAssembly.Module | undefined;

/**
 * A new instance of the kernel, with a memory of its own. The module is compiled once (synchronously:
 * a few KB, and the CLI runs in Node) and instantiated per call, so two networks never share memory.
 */
export function instantiateMlpKernel(): MlpKernel {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(Buffer.from(MLP_KERNEL_WASM_BASE64, 'base64'));
    } catch (e) {
      throw new Error(`FusedMlp.create: this JavaScript engine cannot compile the fused MLP kernel (it needs WebAssembly SIMD): ${(e as Error).message}`);
    }
  }
  const imports = { env: { abort: () => { throw new Error('FusedMlp: the kernel aborted'); } } };
  return new WebAssembly.Instance(compiled, imports).exports as unknown as MlpKernel;
}

/**
 * Grows `kernel`'s memory to at least `bytes`, once, before any view is made: growing later would
 * detach every view of the old buffer (the `weights` and `grads` the caller holds).
 */
export function growMemory(kernel: MlpKernel, bytes: number): void {
  if (bytes > MAX_BYTES) {
    throw new Error(`FusedMlp.create: the network and data need ${bytes} bytes, more than WebAssembly's 4 GiB memory`);
  }
  const missing = bytes - kernel.memory.buffer.byteLength;
  if (missing <= 0) return;
  try {
    kernel.memory.grow(Math.ceil(missing / 65536));
  } catch (e) {
    throw new Error(`FusedMlp.create: could not grow the kernel's memory to ${bytes} bytes: ${(e as Error).message}`);
  }
}
