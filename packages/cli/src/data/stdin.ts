/**
 * The DATA or --test name that stands for standard input, as in most commands (`… | rprop train -
 * --format csv`): it works where `/dev/stdin` does not exist, and reads the stream this process was
 * given, whatever it is. A file named `-` is `./-`.
 */
export const STDIN_NAME = '-';

/** What messages call the data read from `-`: "stdin:3: …" says where, where "-:3: …" reads as a typo. */
export const STDIN_LABEL = 'stdin';
