import { InputError } from './input-error.js';

/** One line, whatever the message holds. */
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

/**
 * Says on stderr, in one line, why the command failed, and returns its exit code: 2 for input the
 * user can fix (an InputError), 1 for anything else, which is ours to fix: `rprop: internal error: …`,
 * with the stack trace only when the environment variable RPROP_DEBUG is set.
 */
export function reportError(error: unknown): number {
  if (error instanceof InputError) {
    process.stderr.write(`rprop: ${oneLine(error.message)}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`rprop: internal error: ${oneLine(message)}\n`);
  if (process.env.RPROP_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  return 1;
}
