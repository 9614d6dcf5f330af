import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTarballs, root, type InstalledProject } from './installed-tarballs.js';

// The installed packages' declarations as TypeScript users compile against them, with the settings
// they have. TF.js's own .d.ts do not type-check (skipLibCheck); the core's must, under strict options.
let project: InstalledProject;
beforeAll(() => {
  project = installTarballs();
}, 180_000);
afterAll(() => project?.remove());

const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

/**
 * Compiles the project's `source` as `file` in a folder of its own (with a package.json of `type`) and
 * returns tsc's exit status and output.
 */
function compile(folder: string, type: 'module' | 'commonjs', file: string, compilerOptions: Record<string, unknown>, source = 'consumer.ts') {
  const dir = join(project.dir, folder);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(project.dir, source), join(dir, file));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type }));
  const options = { target: 'ES2022', lib: ['ES2022'], types: [], strict: true, skipLibCheck: true, outDir: 'out', ...compilerOptions };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: [file] }));
  const r = spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, output: r.stdout + r.stderr, dir };
}

/** Runs a compiled consumer with Node; it exits 0 if every import it compiled against is there at run time. */
function run(file: string) {
  const r = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stderr: r.stderr };
}

describe('a TypeScript consumer of the installed tarballs (rprop, rprop-tfjs)', () => {
  it('as an ES module: module and moduleResolution nodenext', () => {
    const { status, output, dir } = compile('esm-nodenext', 'module', 'consumer.ts', { module: 'nodenext', moduleResolution: 'nodenext' });
    expect(output).toBe('');
    expect(status).toBe(0);
    expect(run(join(dir, 'out', 'consumer.js'))).toEqual({ status: 0, stderr: '' });
  });

  it('for a bundler: module esnext, moduleResolution bundler', () => {
    const { status, output } = compile('esm-bundler', 'module', 'consumer.ts', { module: 'esnext', moduleResolution: 'bundler', noEmit: true });
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it.each([
    ['a .cts file', 'module', 'consumer.cts', 'consumer.cjs'],
    ['a .ts file in a "type": "commonjs" package', 'commonjs', 'consumer.ts', 'consumer.js'],
  ] as const)('as CommonJS: module nodenext, %s, compiled to require() calls', (_, type, file, emitted) => {
    const { status, output, dir } = compile(`cjs-${type}`, type, file, { module: 'nodenext', moduleResolution: 'nodenext' });
    expect(output).toBe('');
    expect(status).toBe(0);
    const js = join(dir, 'out', emitted);
    expect(readFileSync(js, 'utf8')).toContain('require("rprop-tfjs")');
    expect(run(js), 'require(esm) needs Node ≥ 20.19').toEqual(process.features.require_module ? { status: 0, stderr: '' } : expect.objectContaining({ status: 1 }));
  });

  it('as CommonJS under module node16, which models a Node without require(esm): refused (TS1479), pointing to import()', () => {
    const { status, output } = compile('cjs-node16', 'module', 'consumer.cts', { module: 'node16', moduleResolution: 'node16', noEmit: true });
    expect(status).not.toBe(0);
    const refused = output.split('\n').filter((line) => line.includes('error TS1479'));
    expect(refused.map((line) => line.match(/import\("([^"]+)"\)/)?.[1])).toEqual(['rprop', 'rprop/rules', 'rprop/kernels', 'rprop/threads', 'rprop-tfjs']);
    expect(output.split('\n').filter((line) => /error TS\d+/.test(line) && !line.includes('error TS1479'))).toEqual([]);
  });

  it.each([
    ['nodenext', 'nodenext'],
    ['bundler', 'esnext'],
  ])('rprop alone, strictly: moduleResolution %s, lib ES2022 without DOM, exactOptionalPropertyTypes, no skipLibCheck', (resolution, module) => {
    const strict = { module, moduleResolution: resolution, exactOptionalPropertyTypes: true, skipLibCheck: false, noEmit: true };
    const { status, output } = compile(`strict-${resolution}`, 'module', 'core-strict.ts', strict, 'core-strict.ts');
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it("rprop-tfjs's own declarations check without skipLibCheck, with exactOptionalPropertyTypes (the errors are all in TF.js's and its WebGPU types)", () => {
    const options = { module: 'nodenext', moduleResolution: 'nodenext', lib: ['ES2022', 'DOM'], skipLibCheck: false, exactOptionalPropertyTypes: true, noEmit: true };
    const { output } = compile('tfjs-no-skip-lib-check', 'module', 'consumer.ts', options);
    const errors = output.split('\n').filter((line) => /error TS\d+/.test(line));
    expect(errors.filter((line) => !/node_modules[\\/](@tensorflow|@webgpu|@typescript)[\\/]/.test(line))).toEqual([]);
  });
});
