/**
 * Input the user can fix (a data file, a flag, a path), said in one line that the command prints
 * after `rprop: ` before exiting with code 2. Anything else thrown is an internal error (exit code 1):
 * keeping the two apart is what lets a script tell "fix your input" from "this is a bug".
 */
export class InputError extends Error {
  override name = 'InputError';
}
