import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The README's "In a project of your own" packs the packages in the clone and installs the tarballs
// in another folder by name. The names are the packages' names and versions, so a version bump or a
// package added to the pack line leaves the install line naming files that `npm pack` no longer
// writes; and a tarball installed without the workspace package it depends on sends npm to the
// registry for it. This holds the two lines to what `npm pack` writes (--dry-run: nothing written,
// no network) and to the packages' own dependencies.

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const heading = '### In a project of your own';
const section = readme.slice(readme.indexOf(heading), readme.indexOf('\n## ', readme.indexOf(heading)));
const lines = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n'));
const packLine = lines.find((line) => /\bnpm pack\b/.test(line));
const installLine = lines.find((line) => /^npm install /.test(line));

/** The workspace folders the pack line names with `-w`. */
const packedFolders = [...(packLine ?? '').matchAll(/-w (\S+)/g)].map((m) => m[1]!);
/** The tarballs the install line names (`./name-version.tgz`), without the `./`. */
const installedTarballs = [...(installLine ?? '').matchAll(/\.\/(\S+\.tgz)/g)].map((m) => m[1]!);

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
}
const manifest = (folder: string): Manifest => JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8')) as Manifest;

describe("the README's install from packed tarballs", () => {
  it('has a pack line naming workspace folders and an install line naming tarballs', () => {
    expect(packLine, `an npm pack line under "${heading}"`).toBeDefined();
    expect(installLine, `an npm install line under "${heading}"`).toBeDefined();
    expect(packedFolders.length).toBeGreaterThan(0);
    expect(installedTarballs.length).toBeGreaterThan(0);
  });

  it('installs exactly the tarballs the pack line writes', () => {
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', ...packedFolders.flatMap((f) => ['-w', f])], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 120_000,
      }),
    ) as Array<{ filename: string }>;
    expect([...installedTarballs].sort()).toEqual(packed.map((p) => p.filename).sort());
  });

  it('installs, beside each package, every workspace package it depends on', () => {
    const workspaces = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;
    const workspaceNames = new Set(workspaces.map((folder) => manifest(folder).name));
    const packedNames = new Set(packedFolders.map((folder) => manifest(folder).name));
    const missing = packedFolders.flatMap((folder) =>
      Object.keys(manifest(folder).dependencies ?? {})
        .filter((dep) => workspaceNames.has(dep) && !packedNames.has(dep))
        .map((dep) => `${manifest(folder).name} needs ${dep}`),
    );
    expect(missing).toEqual([]);
  });
});
