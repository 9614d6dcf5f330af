import { describe, expect, it } from 'vitest';
import type { KernelExports } from '../../src/kernels/instance.js';
import type { WorkerConstructor } from '../../src/kernels/thread-lane.js';
import { KernelThreadPool } from '../../src/kernels/thread-pool.js';

// No worker ever starts here, and nothing global changes: the pool is made and refused on its own.
describe('a kernel thread pool whose worker cannot be made', () => {
  it('rejects saying a kernel thread could not start, and why', async () => {
    // As Node's Worker does under --experimental-permission without --allow-worker.
    const Refused = class {
      constructor() {
        throw new Error('Access to this API has been restricted');
      }
    } as unknown as WorkerConstructor;
    await expect(KernelThreadPool.start(Refused, {}, {}, {} as KernelExports, 1, 0)).rejects.toThrow(
      'rprop: a kernel thread could not start: Error: Access to this API has been restricted',
    );
  });

  it('rejects when a worker exits before it is ready (it never settled)', async () => {
    // As a worker does when a script preloaded with --require calls process.exit in workers.
    const Exits = class {
      once(event: string, listener: (code: number) => void): void {
        if (event === 'exit') setTimeout(() => listener(0), 0);
      }
      unref(): void {}
      terminate(): Promise<number> {
        return Promise.resolve(0);
      }
    } as unknown as WorkerConstructor;
    await expect(KernelThreadPool.start(Exits, {}, {}, {} as KernelExports, 1, 0)).rejects.toThrow(
      'rprop: a kernel thread could not start: it exited with code 0 before it was ready',
    );
  });
});
