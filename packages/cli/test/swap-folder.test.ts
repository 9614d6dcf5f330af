import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors/input-error.js';
import { swapFolder, type SwapCalls } from '../src/output/swap-folder.js';
import { tempFolder } from './temp-folder.js';

// What the command cannot be made to meet from outside, it meets here: a call of the swap failing
// as only someone else's doing in the microsecond between two calls could make it fail.
const root = tempFolder('rprop-swap-unit-');

const OLD = { 'model.json': 'previous model', 'weights.bin': 'previous weights' };
const NEW = { 'model.json': 'new model', 'weights.bin': 'new weights' };
const fill = (folder: string, files: Record<string, string>) => {
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
};
const contents = (folder: string) => Object.fromEntries(readdirSync(folder).sort().map((f) => [f, readFileSync(join(folder, f), 'utf8')]));

/** A folder `name` holding `model`, a previous model, and beside it the staged new one. */
function setUp(name: string) {
  const model = join(root, name, 'model');
  const staged = `${model}.partial-${process.pid}`;
  fill(model, OLD);
  fill(staged, NEW);
  return { folder: join(root, name), model, staged, aside: `${model}.old-${process.pid}` };
}
const real: SwapCalls = { renameSync, rmdirSync };
const failing = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
/** The error `fn` throws. */
function thrown(fn: () => void): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('did not throw');
}

describe('swapFolder', () => {
  it('puts the new model in place; discard then removes the previous one and its folder', () => {
    const { folder, model, staged } = setUp('plain');
    const swap = swapFolder(staged, model);
    swap.commit();
    swap.discard();
    expect(readdirSync(folder)).toEqual(['model']);
    expect(contents(model)).toEqual(NEW);
  });

  it('revert puts the previous model back; discard then removes the new one', () => {
    const { folder, model, staged } = setUp('reverted');
    const swap = swapFolder(staged, model);
    swap.commit();
    swap.revert();
    swap.discard();
    expect(readdirSync(folder)).toEqual(['model']);
    expect(contents(model)).toEqual(OLD);
  });

  // A rename that fails: the first (the previous model aside) or the second (the new one in). Either
  // way the previous model is where it was, and nothing new is left behind.
  it.each([
    ['the folder cannot be moved aside (mounted on since the check), changes nothing', 'busy', 'model', 'EBUSY', 'in use, or a mount point'],
    ["the new model cannot be moved in (the folder's place taken between the two renames), puts the previous one back", 'taken', 'staged', 'ENOTEMPTY', 'the folder is not empty'],
  ] as const)('when %s', (_what, name, failingFrom, code, reason) => {
    const { folder, model, staged } = setUp(name);
    const swap = swapFolder(staged, model, {
      ...real,
      renameSync: (from, to) => {
        if (from === (failingFrom === 'model' ? model : staged)) throw failing(code);
        renameSync(from, to);
      },
    });
    const error = thrown(() => swap.commit());
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(`${model}: could not be replaced: ${reason}; nothing was written`);
    swap.discard();
    expect(readdirSync(folder)).toEqual(['model']);
    expect(contents(model)).toEqual(OLD);
  });

  it('when the previous model cannot be put back either, says where it is', () => {
    const { folder, model, staged, aside } = setUp('stuck');
    const swap = swapFolder(staged, model, {
      ...real,
      renameSync: (from, to) => {
        if (to === model) throw failing('EEXIST');
        renameSync(from, to);
      },
    });
    const error = thrown(() => swap.commit());
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(`${model}: the save could not be undone (already exists); the previous model is in ${aside}`);
    swap.discard();
    expect(readdirSync(folder)).toEqual([`model.old-${process.pid}`]);
    expect(contents(aside)).toEqual(OLD);
  });

  it('when a file comes into the folder between the check and the move, undoes the swap: the file and the previous model stay', () => {
    const { folder, model, staged } = setUp('late');
    const swap = swapFolder(staged, model, {
      ...real,
      renameSync: (from, to) => {
        if (from === model) writeFileSync(join(model, 'late.txt'), 'mine');
        renameSync(from, to);
      },
    });
    const error = thrown(() => swap.commit());
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(`${model}: changed during training: the folder holds other files (late.txt); nothing was written`);
    swap.discard();
    expect(readdirSync(folder)).toEqual(['model']);
    expect(contents(model)).toEqual({ ...OLD, 'late.txt': 'mine' });
  });

  it('when a file comes into the previous model\'s folder after the look, leaves the folder and the file, and says so', () => {
    const { folder, model, staged, aside } = setUp('later');
    const swap = swapFolder(staged, model, {
      ...real,
      rmdirSync: (path) => {
        writeFileSync(join(path, 'later.txt'), 'mine');
        rmdirSync(path);
      },
    });
    swap.commit();
    const error = thrown(() => swap.discard());
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(`${model}: saved, but ${aside}, where the previous model was, could not be removed (the folder is not empty) and was left as it is`);
    expect(readdirSync(folder).sort()).toEqual(['model', `model.old-${process.pid}`]);
    expect(contents(model)).toEqual(NEW);
    expect(contents(aside)).toEqual({ 'later.txt': 'mine' });
    expect(existsSync(staged)).toBe(false);
  });
});
