import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { markdownFiles } from './markdown-files.js';

// Every repository path the Markdown names in code spans (`packages/cli/assembly/mlp-epoch.ts`,
// `node packages/core/bench/kernels.mjs`) exists: docs-links.test.ts checks links, and a file moved or
// split (the tfjs optimizer into several files, a bench script renamed) leaves such a path pointing
// nowhere without a word. Paths from the repository's root only: those starting with a top-level folder.

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const TOP_LEVEL = ['packages/', 'apps/', 'docs/', '.ci/'];

/** Whether `path` exists, a `*` in its last part matching any characters (`fused-mlp-*.test.ts`). */
function found(path: string): boolean {
  const full = join(root, path);
  if (!path.includes('*')) return existsSync(full);
  const pattern = new RegExp(`^${basename(path).split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return existsSync(dirname(full)) && readdirSync(dirname(full)).some((name) => pattern.test(name));
}

const named = markdownFiles(root).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/`([^`\n]+)`/g)]
    .flatMap((m) => m[1]!.split(/\s+/))
    .filter((word) => TOP_LEVEL.some((top) => word.startsWith(top)))
    .map((word) => ({ file, path: word.replace(/[),.;:]+$/, '') })),
);

describe('the repository paths the Markdown names', () => {
  it('has paths to check', () => expect(named.length).toBeGreaterThan(10));

  it.each(named.map((n) => [`${relative(root, n.file)}: ${n.path}`, n] as const))('%s exists', (_name, { path }) => {
    expect(found(path), `${path}: no such file or folder`).toBe(true);
  });
});
