// rprop/threads from CommonJS: two threads over the shared-memory kernels (its worker is started
// from source text, so nothing is located on disk either). Prints the thread count and a step's result.
const { Rprop } = require('rprop');
const { kernelThreads, useKernelThreads } = require('rprop/threads');

useKernelThreads(2, { minSplitBytes: 0 })
  .then(() => {
    const w = Rprop.allocate(1024);
    w.data.fill(1);
    w.gradBuffer.fill(-1);
    new Rprop([w], { lr: 0.25 }).step();
    const threads = kernelThreads();
    const first = w.data[0];
    const last = w.data[1023];
    return useKernelThreads(1).then(() => console.log(JSON.stringify({ threads, first, last })));
  });
