// rprop/threads: the kernels on several threads (Node). A separate entry, so that the main one never
// loads node:worker_threads or the shared-memory build of the kernels.
export { kernelThreads, useKernelThreads, type KernelThreadOptions } from './kernels/kernel-threads.js';
