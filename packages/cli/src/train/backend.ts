import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '../tf.js';

/** Switches TF.js to `cpu` or `wasm` (its .wasm files are read from the installed package). */
export async function useBackend(name: 'cpu' | 'wasm'): Promise<void> {
  // Production mode: no debug checks, and no "install tfjs-node" banner (it cannot install here).
  tf.enableProdMode();
  if (name === 'wasm') {
    // Imported only here: importing it registers the backend, which a --backend cpu run has no use for.
    const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
    const require = createRequire(import.meta.url);
    setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`);
  }
  if (!(await tf.setBackend(name))) throw new Error(`the ${name} backend could not start`);
  await tf.ready();
}
