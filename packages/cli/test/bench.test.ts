import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { benchCommands } from '../src/bench/run-bench.js';

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
