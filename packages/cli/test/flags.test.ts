import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneLineError } from './expect-error.js';
import { cliDocs } from './readme-and-docs.js';
import { root, rprop } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);

describe('flags, as the command takes them', () => {
  it.each([
    ['--lr', ''],
    ['--epochs', '0x10'],
  ])('%s %j is one line and exit code 2', (flag, value) => {
    expectOneLineError(rprop(['train', 'xor', flag, value, '--backend', 'cpu']), 2, new RegExp(`^error: option '${flag} <[a-z]+>' argument '${value}' is invalid\\. ${flag} must be a (whole )?number [≥>] [01], got "${value}"$`));
  });

  it('takes --seed 0 and an exponent', () => {
    const r = rprop(['train', 'xor', '--seed', '0', '--epochs', '2e0', '--lr', '1e-3', '--json', '--backend', 'cpu']);
    expect(r.status, r.stderr).toBe(0);
    expect(lastJson(r.stdout)).toMatchObject({ epochs: 2 });
  });

  it('takes --target-mse 0 (train until the fit is exact): the flag is ≥ 0, unlike --lr', () => {
    const r = rprop(['train', 'xor', '--target-mse', '0', '--epochs', '2', '--json', '--backend', 'cpu']);
    expect(r.status, r.stderr).toBe(0);
    expect(lastJson(r.stdout)).toMatchObject({ targetMse: 0, epochs: 2, reachedTarget: false });
  });
});

describe('--target', () => {
  it('trims its names, as the header\'s are', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rprop-flags-'));
    try {
      writeFileSync(join(dir, 'two.csv'), 'a, y1 ,y2\n0,0,1\n1,1,0\n');
      const r = rprop(['train', 'two.csv', '--target', 'y1, y2', '--epochs', '2', '--backend', 'cpu'], dir);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('2 samples, 1 input, 2 outputs');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the report names the columns used, an unnamed one (pandas\' index) included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rprop-flags-'));
    try {
      writeFileSync(join(dir, 'pandas.csv'), ',a,y,b\n0,0.5,1,2\n1,0.1,0,3\n');
      const r = rprop(['train', 'pandas.csv', '--epochs', '1', '--backend', 'cpu'], dir);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.split('\n')[1]).toBe('inputs (no name), a, y; target b');
      const named = rprop(['train', 'pandas.csv', '--target', 'y,a', '--epochs', '1', '--backend', 'cpu'], dir);
      expect(named.stdout.split('\n')[1]).toBe('inputs (no name), b; targets y, a');
      const json = rprop(['train', 'pandas.csv', '--epochs', '1', '--backend', 'cpu', '--json'], dir);
      expect(lastJson(json.stdout)).toMatchObject({ target: null, inputColumns: ['', 'a', 'y'], targetColumns: ['b'] });
      expect(rprop(['train', 'xor', '--epochs', '1', '--backend', 'cpu']).stdout).not.toMatch(/^inputs/m); // (a built-in set has no names)
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('flags that would have no effect are refused, not ignored', () => {
  const dir = tempFolder('rprop-flags-');
  writeFileSync(join(dir, 'two.csv'), 'a,y1,y2\n0,0,1\n1,1,0\n');
  writeFileSync(join(dir, 'xor.train'), '2 2 1\n0 0\n0\n0 1\n1\n');
  const cases: Array<[name: string, args: string[], line: RegExp]> = [
    ['a --target column named twice', ['train', 'two.csv', '--target', 'y1, y1'], /^error: option '--target <columns>' argument 'y1, y1' is invalid\. --target names the column "y1" twice$/],
    ['--target with a built-in set', ['train', 'xor', '--target', 'y'], /^rprop: --target: xor is a built-in set, not a CSV; --target names a CSV's output columns$/],
    ['--target with a FANN file', ['train', 'xor.train', '--target', 'y'], /^rprop: --target: xor\.train is read in FANN format: only a name ending in \.csv is read as a CSV, or any name with --format csv; --target names a CSV's output columns$/],
    ['--variant with --optimizer adam', ['train', 'xor', '--optimizer', 'adam', '--variant', 'irprop+'], /^rprop: --variant irprop\+: only --optimizer rprop has variants, and the optimizer is adam$/],
    ['--variant (its default, given) with --optimizer sgd', ['train', 'xor', '--variant', 'irprop-', '--optimizer', 'sgd'], /^rprop: --variant irprop-: only --optimizer rprop has variants, and the optimizer is sgd$/],
  ];
  it.each(cases)('%s: one line, exit code 2', (_name, args, line) => {
    const r = rprop([...args, '--epochs', '2', '--backend', 'cpu'], dir);
    expectOneLineError(r, 2, line);
    expect(r.stdout).toBe('');
  });

  it('takes --optimizer adam without --variant, and --variant with rprop', () => {
    for (const args of [['--optimizer', 'adam'], ['--variant', 'rprop+']]) {
      const r = rprop(['train', 'xor', ...args, '--epochs', '2', '--json', '--backend', 'cpu'], dir);
      expect(r.status, r.stderr).toBe(0);
    }
  });
});

describe('--json', () => {
  it('carries every setting that decides the result, and repeating the run from them gives the same result', () => {
    const r = rprop(['train', 'xor', '--optimizer', 'adam', '--hidden', '3,2', '--seed', '5', '--epochs', '4', '--json', '--backend', 'cpu']);
    expect(r.status, r.stderr).toBe(0);
    const first = lastJson(r.stdout);
    expect(first).toMatchObject({ data: 'xor', test: null, target: null, samples: 4, hidden: [3, 2], activation: 'tanh', optimizer: 'adam', variant: null, lr: 0.01, seed: 5, targetMse: null, epochs: 4 });
    const again = rprop([
      'train', first.data, '--hidden', first.hidden.join(','), '--activation', first.activation, '--optimizer', first.optimizer,
      '--lr', String(first.lr), '--seed', String(first.seed), '--epochs', String(first.epochs), '--json', '--backend', first.backend,
    ]);
    expect(lastJson(again.stdout).trainMse).toBe(first.trainMse);
  });

  it('gives the Rprop variant and --target-mse when set', () => {
    const r = rprop(['train', 'xor', '--variant', 'rprop+', '--lr', '0.1', '--target-mse', '0.2', '--json', '--backend', 'cpu']);
    expect(lastJson(r.stdout)).toMatchObject({ optimizer: 'rprop', variant: 'rprop+', lr: 0.1, targetMse: 0.2, hidden: [16], seed: 1 });
  });

  it('reports no time per epoch when the target was met before the first epoch', () => {
    const json = rprop(['train', 'xor', '--target-mse', '1', '--json', '--backend', 'cpu']);
    expect(lastJson(json.stdout)).toMatchObject({ epochs: 0, reachedTarget: true, msPerEpoch: null, msPerEpochSteady: null });
    const text = rprop(['train', 'xor', '--target-mse', '1', '--backend', 'cpu']);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/epochs 0 \(reached MSE ≤ 1\), [\d.]+ s\n/);
  });
});

describe('train --help', () => {
  const help = () => rprop(['train', '--help']).stdout.replace(/\s+/g, ' '); // (commander wraps lines)

  it('says that the file name decides the format, that a file or folder of a built-in set\'s name is read instead of it, and that - is standard input', () => {
    expect(help()).toContain('a file, whose name decides its format (.csv is a CSV, comma-separated, with a header; anything else FANN format) unless --format says');
    expect(help()).toContain('a built-in set by name (xor, parity8, two-spirals, encoder-10-5-10) where no file or folder of that name is in the way, or - for standard input');
  });

  it('shows --format, its choices and default, and that it is how a piped CSV is read', () => {
    expect(help()).toMatch(/--format <name> how DATA and --test are read: auto \(by the name\), csv \(a CSV with a header, whatever the name: - \(standard input\) or a pipe such as <\(zcat data\.csv\.gz\)\) or fann \(FANN format, a \.csv name too\) \(choices: "auto", "csv", "fann", default: "auto"\)/);
  });

  it('says how the output layer is chosen, and that nothing is scaled (no flag shows either)', () => {
    expect(help()).toContain('The output layer follows the training targets: sigmoid when all are in [0, 1], tanh when in [-1, 1], else linear. Inputs and targets are used as they are, not scaled.');
  });

  it('shows each optimizer\'s default --lr, and --hidden\'s default as typed', () => {
    expect(help()).toContain('--lr <number> learning rate, for Rprop the initial step size (default: rprop 0.01, adam 0.01, sgd 0.1, signum 0.001, lion 0.0001)');
    expect(help()).toContain('(default: 16)');
    expect(help()).not.toContain('[16]');
  });
});

describe('--version', () => {
  it('prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'packages', 'cli', 'package.json'), 'utf8'));
    for (const flag of ['--version', '-V']) {
      const r = rprop([flag]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });
});

describe('what the READMEs say of the command', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## The `rprop` command'), readme.indexOf('\n## ', readme.indexOf('## The `rprop` command') + 1));
  const cliReadme = readFileSync(join(root, 'packages', 'cli', 'README.md'), 'utf8');
  // The section links its details to docs/cli.md and the FANN comparison to docs/fann-comparison.md.
  const details = cliDocs();
  const fann = readFileSync(join(root, 'docs', 'fann-comparison.md'), 'utf8');

  it('names only flags the command has', () => {
    const help = ['--help', 'demo --help', 'train --help', 'bench --help'].map((args) => rprop(args.split(' ')).stdout).join('\n');
    const named = new Set([...`${section}\n${cliReadme}\n${details}\n${fann}`.matchAll(/(?<![\w-])--[a-z][a-z0-9-]*/g)].map((m) => m[0]));
    expect(named.size).toBeGreaterThan(10);
    for (const flag of named) expect(help, flag).toMatch(new RegExp(`${flag}(?![\\w-])`));
  });

  it('names only settings the --json line holds', () => {
    const listed = /The `--json` line also holds every setting that decides the result\s*\(([^)]*)\)/.exec(`${section}\n${details}`.replace(/\s*\n\s*/g, ' '))![1]!;
    const keys = [...listed.matchAll(/`(\w+)`/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(5);
    const r = rprop(['train', 'xor', '--epochs', '2', '--json', '--backend', 'cpu']);
    expect(r.status, r.stderr).toBe(0);
    expect(Object.keys(lastJson(r.stdout))).toEqual(expect.arrayContaining([...keys, 'diverged']));
  });
});
