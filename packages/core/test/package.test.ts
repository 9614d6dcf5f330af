import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const core = join(root, 'packages', 'core');

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
        .map((spec) => `${file}: ${spec}`),
    );
    expect(outside).toEqual([]);
  });

  it('declares types for its export', () => {
    const pkg = JSON.parse(readFileSync(join(core, 'package.json'), 'utf8'));
    expect(existsSync(join(core, pkg.exports['.'].types))).toBe(true);
  });
});
