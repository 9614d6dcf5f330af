import { describe, expect, it } from 'vitest';
import { atPath, atPathAsync } from '../src/errors/at-path.js';
import { InputError } from '../src/errors/input-error.js';

const failing = (code: string) => () => {
  throw Object.assign(new Error(`${code}: write`), { code });
};

describe('atPath', () => {
  // --save or --plot on a full disk was "internal error: ENOSPC: no space left on device, write", exit 1.
  it.each([
    ['ENOSPC', 'model: no space left on the device'],
    ['EDQUOT', 'model: disk quota exceeded'],
  ])('turns %s, a full disk or quota, into input the user can fix', (code, message) => {
    let error: unknown;
    try {
      atPath('model', failing(code));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(message);
  });

  it('lets an error that is no file system\'s pass through', () => {
    expect(() => atPath('model', failing('ERR_SOMETHING'))).toThrow(/^ERR_SOMETHING: write$/);
  });

  // The reasons are looked up by code in a plain object: a code that is one of its prototype's names
  // is no file system's either, and must not become "model: function Object() { [native code] }".
  it.each(['constructor', 'toString', '__proto__'])('lets an error whose code is %s pass through', (code) => {
    expect(() => atPath('model', failing(code))).toThrow(new RegExp(`^${code}: write$`));
  });
});

// --save writes the model through an asynchronous handler: its file-system errors need the same words.
describe('atPathAsync', () => {
  it('turns a file-system error of the path into input the user can fix, naming the path', async () => {
    const error = await atPathAsync('model', async () => failing('ENOSPC')()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe('model: no space left on the device');
  });

  it('lets an error that is no file system\'s pass through', async () => {
    await expect(atPathAsync('model', async () => failing('ERR_SOMETHING')())).rejects.toThrow(/^ERR_SOMETHING: write$/);
  });
});
