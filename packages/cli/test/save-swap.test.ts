import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneLineError } from './expect-error.js';
import { bin, rprop, rpropWhileTraining, userCanRun } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

// The model is saved by swapping its folder for a freshly written one. These change the folder after
// the checks that run before training, so that the swap meets what the checks never saw.
const dir = tempFolder('rprop-swap-');
chmodSync(dir, 0o755); // the user nobody, below, must get in

const OLD = { 'model.json': '{"previous": true}', 'weights.bin': 'previous weights' };
/** A folder `name` in `dir` holding a previous model (OLD), to run a case in. */
function caseFolder(name: string): string {
  const folder = join(dir, name);
  mkdirSync(join(folder, 'model'), { recursive: true });
  for (const [file, text] of Object.entries(OLD)) writeFileSync(join(folder, 'model', file), text);
  return folder;
}
/** What a folder holds, file by file. */
const contents = (folder: string) => Object.fromEntries(readdirSync(folder).sort().map((f) => [f, readFileSync(join(folder, f), 'utf8')]));
const train = (epochs: number) => ['train', 'xor', '--hidden', '2', '--epochs', String(epochs), '--backend', 'cpu', '--save', 'model', '--plot', 'curve.svg'];
// Long enough that training still runs when its first progress line reaches the test, which then
// pauses it while it changes the folder (rpropWhileTraining).
const TRAIN = train(1000);

/** Training ran (its progress lines; `acted`, when given: before it ended), then one line said why the command failed. */
function expectFailedAfterTraining(r: { status: number | null; stderr: string; acted?: boolean }, status: number, line: string): void {
  if (r.acted !== undefined) expect(r.acted, r.stderr).toBe(true);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines.length, r.stderr).toBeGreaterThan(1);
  expect(lines.slice(0, -1).every((l) => l.startsWith('epoch ')), r.stderr).toBe(true);
  expect(r.status, r.stderr).toBe(status);
  expect(lines.at(-1)).toBe(line);
}

describe('--save whose folder changes during training: one line, nothing written, the previous model kept', () => {
  it('a file that appears in the folder stays there with the previous model, and no plot is written (was: internal error, a stray model.old-<pid> holding the file)', async () => {
    const folder = caseFolder('appears');
    const r = await rpropWhileTraining(TRAIN, folder, () => writeFileSync(join(folder, 'model', 'notes.txt'), 'mine'));
    expectFailedAfterTraining(r, 2, 'rprop: model: changed during training: the folder holds other files (notes.txt); nothing was written');
    expect(readdirSync(folder)).toEqual(['model']);
    expect(contents(join(folder, 'model'))).toEqual({ ...OLD, 'notes.txt': 'mine' });
  });

  it('a folder replaced by a symbolic link: what the link leads to keeps its files (was: deleted through the link)', async () => {
    const folder = caseFolder('relinked');
    mkdirSync(join(folder, 'other'));
    for (const [file, text] of Object.entries(OLD)) writeFileSync(join(folder, 'other', file), text);
    const r = await rpropWhileTraining(TRAIN, folder, () => {
      rmSync(join(folder, 'model'), { recursive: true });
      symlinkSync('other', join(folder, 'model'));
    });
    expectFailedAfterTraining(r, 2, 'rprop: model: changed during training: is a symbolic link; nothing was written');
    expect(readdirSync(folder).sort()).toEqual(['model', 'other']);
    expect(lstatSync(join(folder, 'model')).isSymbolicLink()).toBe(true);
    expect(contents(join(folder, 'other'))).toEqual(OLD);
  });

  it('a plot that cannot be put in place after the model\'s swap: the swap is undone, the previous model back', async () => {
    const folder = caseFolder('plot-blocked');
    const r = await rpropWhileTraining(TRAIN, folder, () => mkdirSync(join(folder, 'curve.svg')));
    expectFailedAfterTraining(r, 2, 'rprop: curve.svg: is a folder');
    expect(readdirSync(folder).sort()).toEqual(['curve.svg', 'model']);
    expect(readdirSync(join(folder, 'curve.svg'))).toEqual([]);
    expect(contents(join(folder, 'model'))).toEqual(OLD);
  });
});

// The outputs are written aside under PATH.partial-<pid> first. Something of that name the command did
// not make (left by a killed run of another command with the same process id) is not its to overwrite
// or remove: the command stops, saying which name is taken, and leaves everything as it was.
describe('a temporary name taken during training: one line, nothing written, what took it untouched', () => {
  it("the plot's (was: the file overwritten, then renamed over curve.svg)", async () => {
    const folder = caseFolder('plot-temporary-taken');
    let taken = '';
    const r = await rpropWhileTraining(TRAIN, folder, (pid) => writeFileSync(join(folder, (taken = `curve.svg.partial-${pid}`)), 'not the command\'s'));
    expectFailedAfterTraining(r, 2, `rprop: curve.svg: the temporary name ${taken} is taken by something this command did not make, left as it is (remove it if it is stale); nothing was written`);
    expect(readdirSync(folder).sort()).toEqual([taken, 'model']);
    expect(readFileSync(join(folder, taken), 'utf8')).toBe('not the command\'s');
    expect(contents(join(folder, 'model'))).toEqual(OLD);
  });

  it("the model's (was: 'model: already exists', of a folder the command was asked to replace)", async () => {
    const folder = caseFolder('model-temporary-taken');
    let taken = '';
    const r = await rpropWhileTraining(TRAIN, folder, (pid) => {
      mkdirSync(join(folder, (taken = `model.partial-${pid}`)));
      writeFileSync(join(folder, taken, 'notes.txt'), 'mine');
    });
    expectFailedAfterTraining(r, 2, `rprop: model: the temporary name ${taken} is taken by something this command did not make, left as it is (remove it if it is stale); nothing was written`);
    expect(readdirSync(folder).sort()).toEqual(['model', taken]);
    expect(contents(join(folder, taken))).toEqual({ 'notes.txt': 'mine' });
    expect(contents(join(folder, 'model'))).toEqual(OLD);
  });
});

// A mount point cannot be renamed (EBUSY). A user and mount namespace of the test's own lets it mount
// one without privileges, where the kernel allows that.
const canMount = spawnSync('unshare', ['-rm', 'sh', '-c', `mount -t tmpfs none ${JSON.stringify(dir)}`]).status === 0;
/** `rprop args` in `cwd`, after `mount` (a shell command) in a mount namespace of its own. */
const afterMount = (cwd: string, mount: string, args: string[]) => {
  const command = `${mount} && exec ${[process.execPath, bin, ...args].map((a) => JSON.stringify(a)).join(' ')}`;
  const r = spawnSync('unshare', ['-rm', 'sh', '-c', command], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe.skipIf(!canMount)('--save onto a mount point (in a mount namespace of the test\'s own)', () => {
  it.each([
    ['another file system', 'mount -t tmpfs none model'],
    ['a bind mount within the same one (the same device as the folder above)', 'mount --bind model model'],
  ])('refused before training: %s (was: trained, wrote the plot, then internal error EBUSY)', (_name, mount) => {
    const folder = caseFolder(`mounted-${mount.split(' ')[1]}`);
    const r = afterMount(folder, mount, train(5));
    expectOneLineError(r, 2, /^rprop: model: is a mount point; --save replaces the whole folder, which a mount point cannot be: save to a folder inside it$/);
    expect(r.stdout).toBe('');
    expect(readdirSync(folder)).toEqual(['model']);
    expect(contents(join(folder, 'model'))).toEqual(OLD);
  });

  it('mounted on during training: found out at the swap, nothing written, the previous model kept', () => {
    const folder = caseFolder('mounted-later');
    const log = join(dir, 'mounted-later.stderr');
    // In the background, so that the shell mounts once training runs (its first progress line), the
    // command paused meanwhile.
    const command = `${[process.execPath, bin, ...TRAIN].map((a) => JSON.stringify(a)).join(' ')} 2>${JSON.stringify(log)} & pid=$!; until grep -q '^epoch' ${JSON.stringify(log)}; do sleep 0.02; done; kill -STOP $pid; mount --bind model model; kill -CONT $pid; wait $pid`;
    const r = spawnSync('unshare', ['-rm', 'sh', '-c', command], { cwd: folder, encoding: 'utf8', timeout: 120_000 });
    expectFailedAfterTraining({ status: r.status, stderr: readFileSync(log, 'utf8') }, 2, 'rprop: model: changed during training: is a mount point; nothing was written');
    expect(readdirSync(folder)).toEqual(['model']);
    expect(contents(join(folder, 'model'))).toEqual(OLD);
  });
});

// Root may rename anything: this runs as the user nobody, when the tests run as root.
const nobody = { uid: 65534, gid: 65534 };
describe.skipIf(process.getuid?.() !== 0 || !userCanRun(nobody.uid, nobody.gid))('--save a folder the user may not move (as the user nobody)', () => {
  it('another user\'s folder in a sticky folder (as in /tmp): nothing written, the previous model kept (was: the plot written without the model)', () => {
    const folder = caseFolder('sticky');
    chmodSync(folder, 0o1777); // anyone may add files; only their owner (here root) may move or delete one
    const r = rprop(train(5), folder, nobody);
    expectFailedAfterTraining(r, 2, 'rprop: model: could not be replaced: operation not permitted; nothing was written');
    expect(readdirSync(folder)).toEqual(['model']);
    expect(contents(join(folder, 'model'))).toEqual(OLD);
  });
});
