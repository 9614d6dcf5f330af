import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { markdownFiles } from './markdown-files.js';

// The docs tell a reader to run `npm run build`, `npm run bench:fann -w rprop-cli`, `npm run dev -w
// rprop-playground`: each must name a script that package.json (the root's, or the workspace's that
// -w names, by folder or by package name) has, or npm answers "Missing script" and the reader is stuck.

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

interface Manifest {
  name: string;
  scripts?: Record<string, string>;
  workspaces?: string[];
}
const manifestIn = (folder: string): Manifest => JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8')) as Manifest;
const rootManifest = manifestIn('.');
/** Each workspace's manifest, under its folder and under its package name, as `-w` takes either. */
const workspaces = new Map((rootManifest.workspaces ?? []).flatMap((folder) => [[folder, manifestIn(folder)] as const, [manifestIn(folder).name, manifestIn(folder)] as const]));

const runs = markdownFiles(root).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/npm run ([\w:.-]+)(?: (?:-w|--workspace) ([\w@/.-]+))?/g)].map((m) => ({
    where: relative(root, file),
    script: m[1]!,
    workspace: m[2],
  })),
);

describe('the npm scripts the Markdown tells readers to run', () => {
  it('finds some, a workspace one among them', () => {
    expect(runs.length).toBeGreaterThan(3);
    expect(runs.some((r) => r.workspace !== undefined)).toBe(true);
  });

  it.each(runs.map((r) => [`${r.where}: npm run ${r.script}${r.workspace ? ` -w ${r.workspace}` : ''}`, r] as const))('%s', (_name, { script, workspace }) => {
    const manifest = workspace === undefined ? rootManifest : workspaces.get(workspace);
    expect(manifest, `no workspace ${workspace}`).toBeDefined();
    expect(Object.keys(manifest!.scripts ?? {}), `${manifest!.name} has no script ${script}`).toContain(script);
  });
});
