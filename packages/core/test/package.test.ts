import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const core = join(root, 'packages', 'core');

/** The built files of the Node-only `rprop/threads` entry. */
const NODE_ONLY = ['threads.js', 'kernel-threads.js', 'thread-pool.js', 'thread-protocol.js'].map((f) => join('dist', f === 'threads.js' ? f : join('kernels', f)));

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );
}

describe('the published package', () => {
  it('is built (npm test builds first)', () => {
    expect(existsSync(join(core, 'dist', 'index.js')), 'run `npm run build` first').toBe(true);
  });

  it("imports as 'rprop' from the repository root, in a plain Node process", () => {
    const out = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', "import { Rprop, minimize } from 'rprop'; console.log(typeof Rprop, typeof minimize)"],
      { cwd: root, encoding: 'utf8' },
    );
    expect(out.trim()).toBe('function function');
  });

  it('has no runtime dependencies, and its build imports nothing outside itself', () => {
    const pkg = JSON.parse(readFileSync(join(core, 'package.json'), 'utf8'));
    expect(pkg.dependencies ?? {}).toEqual({});
    const outside = jsFiles(join(core, 'dist')).flatMap((file) =>
      // Module statements start a line; TSDoc examples (` * import … from 'rprop'`) do not.
      [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^'";]*\sfrom\s*['"]([^'"]+)['"]|^import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]/gm)]
        .map((m) => (m[1] ?? m[2] ?? m[3])!)
        .filter((spec) => !spec.startsWith('./') && !spec.startsWith('../'))
        // The threads entry is for Node and starts its workers with node:worker_threads (kept out of
        // the main entry's graph: tested below).
        .filter((spec) => !(spec === 'node:worker_threads' && NODE_ONLY.some((f) => file.endsWith(f))))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(outside).toEqual([]);
  });

  it('declares types for its exports', () => {
    const pkg = JSON.parse(readFileSync(join(core, 'package.json'), 'utf8'));
    for (const entry of ['.', './rules', './kernels', './threads']) expect(existsSync(join(core, pkg.exports[entry].types)), entry).toBe(true);
  });

  it("imports 'rprop/rules' and 'rprop/kernels' from the repository root; the main entry holds the optimizers, not the rules", () => {
    const script =
      "const main = await import('rprop'); const rules = await import('rprop/rules'); const kernels = await import('rprop/kernels');" +
      'console.log(JSON.stringify([Object.keys(main), Object.keys(rules), Object.keys(kernels)]))';
    const [main, rules, kernels] = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })) as [string[], string[], string[]];
    expect(rules).toEqual(expect.arrayContaining(['rpropStep', 'irpropMinus', 'signum', 'lion', 'rpropConstantsFor', 'validateRpropOptions']));
    expect(kernels).toEqual(expect.arrayContaining(['fastRpropStep', 'firstNonFinite', 'lionKernel']));
    expect(main).toEqual(expect.arrayContaining(['Rprop', 'Signum', 'Lion', 'minimize', 'useKernels', 'ResidentParameter']));
    // No name in two entries: each export has one home.
    expect(main.filter((n) => rules.includes(n) || kernels.includes(n))).toEqual([]);
    expect(rules.filter((n) => kernels.includes(n))).toEqual([]);
  });

  it("imports 'rprop/threads' from the repository root, and runs a step on two threads there", () => {
    const script =
      "import { Rprop } from 'rprop'; import { useKernelThreads, kernelThreads } from 'rprop/threads';" +
      'await useKernelThreads(2); const p = Rprop.allocate(1 << 20); p.gradBuffer.fill(-1); new Rprop([p]).step();' +
      'console.log(kernelThreads(), p.data[0], p.data[(1 << 20) - 1])';
    // The process must also end by itself: idle kernel threads do not hold it open.
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(out.trim()).toBe(`2 ${Math.fround(0.01)} ${Math.fround(0.01)}`);
  });

  it("keeps the threads entry and its shared-memory module out of the main entry's module graph", () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const m of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^'";]*\sfrom\s*['"](\.[^'"]+)['"]/gm)) visit(join(dirname(file), m[1]!));
    };
    visit(join(core, 'dist', 'index.js'));
    const reached = [...seen].map((f) => f.slice(join(core, 'dist').length + 1));
    expect(reached).toContain('kernels/generated/kernels-wasm.js');
    expect(reached.filter((f) => f === 'threads.js' || f.includes('shared') || f.includes('thread'))).toEqual([]);
  });
});
