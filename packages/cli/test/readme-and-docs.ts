import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './run-cli.js';

/**
 * The repository README, then every docs/*.md in name order: the README keeps the command's usage and
 * moves its fine print (the input formats, the `--json` settings, the recipes for loading a `--save`
 * folder) to docs/, so a test of what the docs say reads both, wherever a block ends up.
 */
export function readmeAndDocs(): string {
  const docs = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => readFileSync(join(root, 'docs', name), 'utf8'));
  return [readFileSync(join(root, 'README.md'), 'utf8'), ...docs].join('\n');
}

/** docs/cli.md, the `rprop` command's details that the README's "The `rprop` command" links to. */
export function cliDocs(): string {
  return readFileSync(join(root, 'docs', 'cli.md'), 'utf8');
}
