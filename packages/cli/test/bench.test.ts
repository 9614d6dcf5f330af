import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { benchCommands, runBench } from '../src/bench/run-bench.js';
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

  it('installed from npm (no benchmark scripts beside it), says so in one line and exits with 1, running nothing', () => {
    const missing = join(tmpdir(), 'rprop-no-such-folder', 'packages', 'core', 'bench', 'kernels.mjs');
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(runBench({ json: false, quick: true }, [{ script: missing, args: ['--expose-gc', missing] }])).toBe(1);
      expect(write.mock.calls.map((c) => String(c[0]))).toEqual([
        `rprop: bench runs the repository's benchmark scripts, which the installed package does not include (no ${missing}): run \`npm run bench\` in a clone of the repository\n`,
      ]);
    } finally {
      write.mockRestore();
    }
  });
});

describe('bench:fann without its data sets', () => {
  // FANN_SETS emptied: the default sets are the ones this test names, whatever the caller's shell has set.
  it('says where it looked and how to point it elsewhere, prints no table, and exits with 0', () => {
    const empty = mkdtempSync(join(tmpdir(), 'rprop-fann-data-'));
    try {
      const r = spawnSync(process.execPath, [join(root, 'packages', 'cli', 'bench', 'fann', 'bench-fann.mjs')], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, FANN_DATASETS: empty, FANN_SETS: '' } });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.trim().split('\n')).toEqual([
        `bench:fann: no data sets found: looked for diabetes.train and thyroid.train in ${empty}; FANN_DATASETS=<dir> sets the folder. Nothing to compare.`,
      ]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
