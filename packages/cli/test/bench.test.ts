import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchCommands } from '../src/bench/run-bench.js';
import { root } from './run-cli.js';

// (The benchmarks themselves are not run here: they take minutes and want a quiet machine.)
describe('rprop bench', () => {
  it('runs each benchmark as npm run bench does, with --expose-gc, passing on --json and --quick', () => {
    const commands = benchCommands({ json: true, quick: true });
    expect(commands.map((c) => c.script.split('/').slice(-3).join('/'))).toEqual(['core/bench/kernels.mjs', 'tfjs/bench/step.mjs']);
    for (const { script, args } of commands) {
      expect(existsSync(script)).toBe(true);
      expect(args).toEqual(['--expose-gc', script, '--json', '--quick']);
    }
    expect(benchCommands({ json: false, quick: false }).map((c) => c.args.slice(2))).toEqual([[], []]);
  });
});

describe('bench:fann without its data sets', () => {
  it('says where it looked and how to point it elsewhere, prints no table, and exits with 0', () => {
    const empty = mkdtempSync(join(tmpdir(), 'rprop-fann-data-'));
    try {
      const r = spawnSync(process.execPath, [join(root, 'packages', 'cli', 'bench', 'fann', 'bench-fann.mjs')], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, FANN_DATASETS: empty } });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.trim().split('\n')).toEqual([
        `bench:fann: no data sets found: looked for diabetes.train and thyroid.train in ${empty}; FANN_DATASETS=<dir> sets the folder. Nothing to compare.`,
      ]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
