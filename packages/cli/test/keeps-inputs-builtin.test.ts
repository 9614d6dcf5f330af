import { describe, it } from 'vitest';
import { expectOneLineError } from './expect-error.js';
import { rprop } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

// A built-in set's name is no file: a --save folder cannot "hold" it. Taken as the path ./xor, the set
// would seem to lie in the current folder and every one above it, and `--save .` would be refused as
// deleting "the training data (xor)", where the folder check says what is really wrong.
describe('a built-in set is no input --save could delete', () => {
  const dir = tempFolder('rprop-keeps-builtin-');

  it('--save . with xor: refused as the current folder, not as holding the data', () => {
    expectOneLineError(rprop(['train', 'xor', '--epochs', '1', '--backend', 'cpu', '--save', '.'], dir), 2, /^rprop: \.: is the current folder; give --save a folder of its own$/);
  });
});
