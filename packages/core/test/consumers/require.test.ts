import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTarballs, type InstalledProject } from './installed-tarballs.js';

// The ESM-only packages as a CommonJS consumer meets them: Node ≥ 20.19 (and ≥ 22.12) require()s an
// ES module without top-level await, which these have none of; older Node refuses with ERR_REQUIRE_ESM.
let project: InstalledProject;
beforeAll(() => {
  project = installTarballs();
}, 180_000);
afterAll(() => project?.remove());

/** Runs a script of the installed project's and parses the JSON it prints last. */
function runScript(script: string, nodeFlags: string[] = []): unknown {
  const r = spawnSync(process.execPath, [...nodeFlags, script], { cwd: project.dir, encoding: 'utf8', timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

describe.runIf(process.features.require_module)('require() from a .cjs file, where Node can require an ES module', () => {
  it('gives every entry point — the very module import() gives, so one instance of each', () => {
    const entries = runScript('require-entries.cjs') as Array<{ entry: string; names: string[]; sameAsImport: boolean }>;
    expect(entries.map((e) => [e.entry, e.sameAsImport])).toEqual([
      ['rprop', true],
      ['rprop/rules', true],
      ['rprop/kernels', true],
      ['rprop/threads', true],
      ['rprop-tfjs', true],
    ]);
    const names = Object.fromEntries(entries.map((e) => [e.entry, e.names]));
    expect(names['rprop']).toEqual(expect.arrayContaining(['Rprop', 'minimize', 'useKernels']));
    expect(names['rprop/rules']).toEqual(expect.arrayContaining(['irpropMinus', 'rpropConstantsFor']));
    expect(names['rprop/kernels']).toEqual(expect.arrayContaining(['fastRpropStep', 'firstNonFinite']));
    expect(names['rprop/threads']).toEqual(['kernelThreads', 'useKernelThreads']);
    expect(names['rprop-tfjs']).toEqual(expect.arrayContaining(['RpropOptimizer', 'rprop']));
  });

  it('steps through the WebAssembly kernels, equal to the plain rule', () => {
    const { active, kernels, plain } = runScript('kernel-step.cjs') as { active: boolean; kernels: number[]; plain: number[] };
    expect(active).toBe(true);
    expect(kernels).toEqual(plain);
    expect(kernels[1]).not.toBe(-127); // it moved (sin 1 > 0: down by lr, then by lr·η+)
  });

  it('runs the kernels on two threads (rprop/threads)', () => {
    // iRprop− from 1 against a gradient of −1: +lr on the first step, at both ends of the split array.
    expect(runScript('kernel-threads.cjs')).toEqual({ threads: 2, first: 1.25, last: 1.25 });
  });

  it('trains with rprop-tfjs beside the TF.js the caller required, and registers its class there', () => {
    // iRprop− on x², from (3, −2) with lr 0.5: each coordinate moves 0.5 against its gradient's sign.
    expect(runScript('tfjs-step.cjs')).toEqual({ x: [2.5, -1.5], registered: true });
  });
});

describe('require() where Node cannot require an ES module', () => {
  // Node before 20.19 is simulated with the flag that turns the feature off (Node 20.19+ and 22.12+).
  const flags = process.features.require_module ? ['--no-experimental-require-module'] : [];

  it('fails with ERR_REQUIRE_ESM, which names the package file and says to use import()', () => {
    const r = spawnSync(process.execPath, [...flags, 'require-entries.cjs'], { cwd: project.dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('ERR_REQUIRE_ESM');
    expect(r.stderr).toMatch(/node_modules[\\/]rprop[\\/]dist[\\/]index\.js/);
    expect(r.stderr).toContain('dynamic import()');
  });
});
