import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo's root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
/** The consumer's sources (require scripts, a TypeScript file), copied into every installed project. */
const projectFiles = join(dirname(fileURLToPath(import.meta.url)), 'project');

/** A scratch project outside the monorepo with the packed libraries installed as a user installs them. */
export interface InstalledProject {
  /** The project's folder: node_modules/rprop and node_modules/rprop-tfjs came from `npm pack`. */
  readonly dir: string;
  /** Deletes the project. */
  remove(): void;
}

/**
 * Packs `rprop` and `rprop-tfjs` (as built: run `npm run build` first) and installs the two tarballs
 * into a new project outside the monorepo with `npm install --offline`, so that only what would be
 * published is there — not the workspace folders the repository's own symlinks point at. TF.js, the
 * peer dependency, is linked from the monorepo's node_modules instead of fetched (`--legacy-peer-deps`
 * keeps npm from trying): this test needs no network, and the link resolves to one copy of
 * @tensorflow/tfjs-core, as an install would give.
 */
export function installTarballs(): InstalledProject {
  const dir = mkdtempSync(join(tmpdir(), 'rprop-consumer-'));
  const run = (cwd: string, command: string, args: string[]) =>
    execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  try {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
    const packed = JSON.parse(run(root, 'npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir, '-w', 'packages/core', '-w', 'packages/tfjs'])) as Array<{ filename: string }>;
    run(dir, 'npm', ['install', '--offline', '--ignore-scripts', '--legacy-peer-deps', '--no-audit', '--no-fund', ...packed.map((p) => `./${p.filename}`)]);
    mkdirSync(join(dir, 'node_modules', '@tensorflow'), { recursive: true });
    for (const tf of ['tfjs', 'tfjs-core']) symlinkSync(join(root, 'node_modules', '@tensorflow', tf), join(dir, 'node_modules', '@tensorflow', tf), 'dir');
    cpSync(projectFiles, dir, { recursive: true });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
