import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// What npm would publish (npm pack --dry-run, no network): files, package.json fields, dependencies.
// The tarballs installed and used — require(), TypeScript consumers — are tested in ./consumers/.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const folders = { rprop: 'packages/core', 'rprop-tfjs': 'packages/tfjs', 'rprop-cli': 'packages/cli' } as const;
type Name = keyof typeof folders;
const names = Object.keys(folders) as Name[];

interface Manifest {
  name: string;
  version: string;
  main?: string;
  types?: string;
  bin?: Record<string, string>;
  exports?: Record<string, string | Record<string, string>>;
  engines?: Record<string, string>;
  sideEffects?: boolean;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const packed = new Map<Name, string[]>(
  (JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', ...names.flatMap((n) => ['-w', folders[n]])], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  ) as Array<{ name: Name; files: Array<{ path: string }> }>).map((p) => [p.name, p.files.map((f) => f.path)]),
);
const manifest = (name: Name): Manifest => JSON.parse(readFileSync(join(root, folders[name], 'package.json'), 'utf8'));
const stripDot = (path: string) => path.replace(/^\.\//, '');

/** Bare module specifiers imported by a built file (module statements start a line; TSDoc examples do not). */
function bareImports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^'";]*\sfrom\s*['"]([^'"]+)['"]|^import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]/gm)]
    .map((m) => (m[1] ?? m[2] ?? m[3])!)
    .filter((spec) => !spec.startsWith('.'));
}
const packageOf = (spec: string) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

describe.each(names)('npm pack %s', (name) => {
  const files = packed.get(name)!;
  const pkg = manifest(name);
  const dir = join(root, folders[name]);

  it('has the licence, the README and the build, and no tests, fixtures, benchmarks, build scripts or build leftovers', () => {
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json']));
    expect(files.some((f) => f.startsWith('dist/') && f.endsWith('.js')), 'run `npm run build` first').toBe(true);
    expect(files.filter((f) => /^(test|tests|bench|examples|coverage|scripts)\/|(^|\/)(fixtures|node_modules)\/|\.test\.[jt]s$|\.tsbuildinfo$|(^|\/)tsconfig[^/]*\.json$|(^|\/)\./.test(f))).toEqual([]);
    for (const f of files) expect(readFileSync(join(dir, f)).length, f).toBeLessThan(64 * 1024);
  });

  it('has a .d.ts beside every built module, and source maps that point at packed files', () => {
    const js = files.filter((f) => f.startsWith('dist/') && f.endsWith('.js'));
    expect(js.filter((f) => !files.includes(f.replace(/\.js$/, '.d.ts')))).toEqual([]);
    const dangling = files.filter((f) => f.endsWith('.map')).flatMap((map) => {
      const { sources } = JSON.parse(readFileSync(join(dir, map), 'utf8')) as { sources: string[] };
      return sources.map((s) => posix.join(posix.dirname(map), s)).filter((s) => !files.includes(s)).map((s) => `${map} → ${s}`);
    });
    expect(dangling).toEqual([]);
  });

  it('names packed files in main, types, exports and bin, and says which Node it needs', () => {
    const targets = [pkg.main, pkg.types, ...Object.values(pkg.bin ?? {}), ...Object.values(pkg.exports ?? {}).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)))];
    for (const t of targets.filter((t): t is string => t !== undefined)) expect(files, t).toContain(stripDot(t));
    expect(pkg.engines?.node).toBe('>=20');
  });

  it('imports at run time only its own dependencies, peer dependencies and Node builtins', () => {
    const allowed = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {}), ...builtinModules]);
    const missing = files
      .filter((f) => f.endsWith('.js'))
      .flatMap((f) => bareImports(join(dir, f)).filter((spec) => !spec.startsWith('node:') && !allowed.has(packageOf(spec))).map((spec) => `${f}: ${spec}`));
    expect(missing).toEqual([]);
  });

  it("depends on its siblings by real semver ranges that their versions satisfy", () => {
    for (const [dep, range] of Object.entries({ ...pkg.dependencies, ...pkg.peerDependencies })) {
      expect(range, dep).not.toMatch(/^(workspace:|file:|link:|\*$)/);
      if (dep in folders) expect([manifest(dep as Name).version, `^${manifest(dep as Name).version}`], dep).toContain(range);
    }
  });
});

describe('the libraries as a consumer meets them', () => {
  it("rprop has no side effects on import; rprop-tfjs does (it registers its optimizers' classes with TF.js)", () => {
    expect(manifest('rprop').sideEffects).toBe(false);
    expect(manifest('rprop-tfjs').sideEffects).not.toBe(false);
  });
});
