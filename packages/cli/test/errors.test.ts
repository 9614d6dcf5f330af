import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneLineError } from './expect-error.js';
import { rprop, userCanRun } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

// Every case runs in this folder, so paths in messages are as typed: afile (a file), sub (a folder).
const dir = tempFolder('rprop-errors-');
chmodSync(dir, 0o755); // the user nobody, below, must get in
writeFileSync(join(dir, 'afile'), 'my file');
mkdirSync(join(dir, 'sub'));
writeFileSync(join(dir, 'two.train'), '2 2 1\n0 0\n0\n0 1\n1\n');
writeFileSync(join(dir, 'three.test'), '1 3 1\n0 0 1\n0\n');
writeFileSync(join(dir, 'twoout.test'), '1 2 2\n0 0\n0 1\n');
writeFileSync(join(dir, 'ab.csv'), 'a,b,y\n0,1,1\n1,0,0\n');
writeFileSync(join(dir, 'ba.csv'), 'b,a,y\n1,0,1\n0,1,0\n');
writeFileSync(join(dir, 'yab.csv'), 'y,a,b\n1,0,1\n0,1,0\n');
writeFileSync(join(dir, 'abid.csv'), 'a,b,id\n0,1,7\n1,0,8\n');
writeFileSync(join(dir, 'abyid.csv'), 'a,b,y,id\n0,1,1,7\n1,0,0,8\n');
writeFileSync(join(dir, 'ay.csv'), 'a,y\n0,1\n1,0\n');
writeFileSync(join(dir, 'huge.train'), '1 5000000000 1\n0 0\n0\n');
writeFileSync(join(dir, 'secret.csv'), 'a,y\n0,1\n', { mode: 0o600 });
const before = readdirSync(dir).sort();

type Case = [name: string, args: string[], status: number, line: RegExp];
const NOT_BUILTIN = 'no such file \\(and not a built-in set: xor, parity8, two-spirals, encoder-10-5-10\\)';

// The wasm backend (the default) matters: its Emscripten glue would turn an error that escapes into a
// stack trace and exit code 7. Path checks run before any backend starts; the internal error after.
describe('every error is one line on stderr with no stack trace, and nothing is written', () => {
  const cases: Case[] = [
    ['--plot into a missing folder', ['train', 'xor', '--plot', 'nodir/curve.svg'], 2, /^rprop: nodir\/curve\.svg: the folder nodir does not exist$/],
    ['--plot under a file', ['train', 'xor', '--plot', 'afile/curve.svg'], 2, /^rprop: afile\/curve\.svg: afile is not a folder$/],
    ['--plot onto a folder', ['train', 'xor', '--plot', 'sub'], 2, /^rprop: sub: is a folder; --plot writes a file$/],
    ['--plot deep under a file', ['train', 'xor', '--plot', 'afile/x/curve.svg'], 2, /^rprop: afile\/x\/curve\.svg: a part of the path is not a folder$/],
    ['--plot naming a missing folder (a trailing /), before training', ['train', 'xor', '--plot', 'nodir/'], 2, /^rprop: nodir\/: names a folder \(it ends in \/\); --plot writes a file$/],
    ['--plot naming a folder with a trailing /', ['train', 'xor', '--plot', 'sub/'], 2, /^rprop: sub\/: names a folder \(it ends in \/\); --plot writes a file$/],
    ['an empty --plot', ['train', 'xor', '--plot', ''], 2, /^rprop: --plot: the file name is empty$/],
    ['--save under a file', ['train', 'xor', '--save', 'afile/model'], 2, /^rprop: afile\/model: afile is not a folder$/],
    ['--save under a file (cpu)', ['train', 'xor', '--save', 'afile/model', '--backend', 'cpu'], 2, /^rprop: afile\/model: afile is not a folder$/],
    ['--save into a missing folder', ['train', 'xor', '--save', 'nodir/model'], 2, /^rprop: nodir\/model: the folder nodir does not exist$/],
    ['`constructor` is not a built-in set', ['train', 'constructor'], 2, new RegExp(`^rprop: constructor: ${NOT_BUILTIN}$`)],
    ['`toString` is not a built-in set', ['train', 'toString'], 2, new RegExp(`^rprop: toString: ${NOT_BUILTIN}$`)],
    ['`__proto__` is not a built-in set', ['train', '__proto__'], 2, new RegExp(`^rprop: __proto__: ${NOT_BUILTIN}$`)],
    ['`hasOwnProperty` is not a built-in set', ['train', 'hasOwnProperty'], 2, new RegExp(`^rprop: hasOwnProperty: ${NOT_BUILTIN}$`)],
    ['an empty DATA (was: "rprop: : no such file")', ['train', ''], 2, /^rprop: DATA: the file name is empty$/],
    ['an empty --test', ['train', 'xor', '--test', ''], 2, /^rprop: --test: the file name is empty$/],
    ['a folder as data', ['train', 'sub'], 2, /^rprop: sub: not a file$/],
    ['test data of another shape', ['train', 'two.train', '--test', 'three.test'], 2, /^rprop: three\.test:1: has 3 inputs and 1 output, the training data 2 and 1$/],
    ['test data with another number of outputs', ['train', 'two.train', '--test', 'twoout.test'], 2, /^rprop: twoout\.test:1: has 2 inputs and 2 outputs, the training data 2 and 1$/],
    ['test data whose last column is not the target, without --target (says so)', ['train', 'ab.csv', '--test', 'yab.csv'], 2, /^rprop: yab\.csv:1: the input columns are y, a, the training data's a, b: inputs are matched by position, so both need the same columns in the same order; "y", the training data's target, is an input here: without --target each file's last column is its target$/],
    ['test data with the input columns in another order (was: evaluated with its inputs swapped)', ['train', 'ab.csv', '--test', 'ba.csv'], 2, /^rprop: ba\.csv:1: the input columns are b, a, the training data's a, b: inputs are matched by position, so both need the same columns in the same order$/],
    ['test data whose last column is another than the training target, without --target (was: scored against it)', ['train', 'ab.csv', '--test', 'abid.csv'], 2, /^rprop: abid\.csv:1: the target column is "id", the training data's "y": without --target each file's last column is its target, so both files need the target column under the same name$/],
    ['test data with a column more, the id after the target (was: "has 3 inputs and 1 output, the training data 2 and 1")', ['train', 'ab.csv', '--test', 'abyid.csv'], 2, /^rprop: abyid\.csv:1: the input columns are a, b, y, the training data's a, b: inputs are matched by position, so both need the same columns in the same order; "y", the training data's target, is an input here: without --target each file's last column is its target$/],
    ['test data with an input column fewer, named', ['train', 'ab.csv', '--test', 'ay.csv'], 2, /^rprop: ay\.csv:1: the input columns are a, the training data's a, b: inputs are matched by position, so both need the same columns in the same order$/],
    ['a FANN header too large to allocate (checked against the rows first)', ['train', 'huge.train'], 2, /^rprop: huge\.train:2: expected 5000000000 inputs, got 2 values$/],
    ['an internal error (a network too large) is not bad input', ['train', 'xor', '--hidden', '100000,100000'], 1, /^rprop: internal error: Invalid typed array length: 10000000000$/],
    ['an internal error (cpu)', ['train', 'xor', '--hidden', '100000,100000', '--backend', 'cpu'], 1, /^rprop: internal error: Invalid typed array length: 10000000000$/],
  ];
  it.each(cases)('%s', (_name, args, status, line) => {
    expectOneLineError(rprop([...args, '--epochs', '3'], dir), status, line);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('RPROP_DEBUG adds the stack of an internal error, after the one line', () => {
    const r = rprop(['train', 'xor', '--hidden', '100000,100000', '--backend', 'cpu'], dir, { env: { ...process.env, RPROP_DEBUG: '1' } });
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('rprop: internal error: Invalid typed array length: 10000000000');
    expect(r.stderr).toMatch(/^\s+at /m);
  });

  const demo: Case[] = [
    ['demo --out onto a file', ['demo', '--out', 'afile'], 2, /^rprop: afile: is a file; --out takes a folder$/],
    ['demo --out onto a device', ['demo', '--out', '/dev/null'], 2, /^rprop: \/dev\/null: is a device; --out takes a folder$/],
    ['demo --out under a file', ['demo', '--out', 'afile/plots'], 2, /^rprop: afile\/plots: a part of the path is not a folder$/],
    ['demo --out empty', ['demo', '--out', ''], 2, /^rprop: --out: the folder name is empty$/],
  ];
  it.each(demo)('%s, before printing the table', (_name, args, status, line) => {
    const r = rprop(args, dir);
    expectOneLineError(r, status, line);
    expect(r.stdout).toBe('');
  });
});

// Root may read and write anything: these run as the user nobody, when the tests run as root and
// nobody can reach the checkout.
const nobody = { uid: 65534, gid: 65534 };
describe.skipIf(process.getuid?.() !== 0 || !userCanRun(nobody.uid, nobody.gid))('paths the user may not use (as the user nobody)', () => {
  const cases: Case[] = [
    ['unreadable data', ['train', 'secret.csv'], 2, /^rprop: secret\.csv: permission denied$/],
    ['--save in a folder nobody may write in', ['train', 'xor', '--save', 'sub/model'], 2, /^rprop: sub\/model: permission denied$/],
    ['--plot in a folder nobody may write in', ['train', 'xor', '--plot', 'sub/curve.svg'], 2, /^rprop: sub\/curve\.svg: permission denied$/],
  ];
  it.each(cases)('%s', (_name, args, status, line) => {
    expectOneLineError(rprop([...args, '--epochs', '3'], dir, nobody), status, line);
    expect(readdirSync(join(dir, 'sub'))).toEqual([]);
  });
});
