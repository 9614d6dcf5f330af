// The parts of TensorFlow.js the command uses — ops, optimizers and model files (tfjs-core), models
// and layers (tfjs-layers), and the cpu backend — as the one `tf` namespace the code imports. Not the
// `@tensorflow/tfjs` bundle: its converter, data API and webgl backend are of no use to a command on
// Node, and loading them cost every `rprop train` about a third of its TF.js start-up (≈0.2 of 0.6 s).
// (The wasm backend is loaded only when --backend wasm asks for it: backend.ts.)
import '@tensorflow/tfjs-backend-cpu';

export * from '@tensorflow/tfjs-core';
export * from '@tensorflow/tfjs-layers';
