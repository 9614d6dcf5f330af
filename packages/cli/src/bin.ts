import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { VARIANTS, type Variant } from 'rprop';
import { runBench } from './bench/run-bench.js';
import { reportError } from './errors/report-error.js';
import { layerSizes, nonNegativeNumber, positiveNumber, targetColumns, wholeNumber } from './flag-parsers.js';
import { FORMAT_CHOICES, type FormatChoice } from './data/load.js';
import { ENGINES, type EngineName } from './train/full-batch.js';
import { ACTIVATIONS, DEFAULT_ACTIVATION, DEFAULT_HIDDEN, DEFAULT_LR, DEFAULT_OPTIMIZER, DEFAULT_SEED, DEFAULT_VARIANT, OPTIMIZERS, type OptimizerName } from './train/choices.js';
import { runTrain } from './train/run-train.js';

const print = (line: string) => process.stdout.write(`${line}\n`);

/** Ends the command on an error: one line on stderr, exit code 2 for bad input, 1 for a bug. */
function fail(error: unknown): never {
  process.exit(reportError(error));
}

// Whatever escapes our own promise ends here, before anyone else's handler: the wasm backend's
// Emscripten glue adds handlers when it loads that rethrow, which prints a stack trace and makes Node
// exit with code 7. Ours are first in line and exit, so theirs never run.
process.prependListener('uncaughtException', fail);
process.prependListener('unhandledRejection', fail);

// A reader that stops early (`rprop demo | head`) closes our output: the output is no longer wanted,
// which is no error of ours — end quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    fail(error);
  });
}

/** This package's version, read from its package.json (dist/bin.js → ../package.json). */
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command()
  .name('rprop')
  .version(version)
  .description('Sign-based gradient optimization: the demo, training on data files, benchmarks.')
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(text) });

program
  .command('demo')
  .description("why sign-based steps matter: 0.01x² vs 100x², the Linear(3,2)+MSE example, and plots")
  .option('--out <dir>', 'write SVG plots (loss curves, trajectories) to this folder')
  .action(async (o: { out?: string }) => {
    // Loaded when asked for, as `train` loads TF.js (run-train.ts): --help and the other commands start sooner.
    const { runDemo } = await import('./demo/run-demo.js');
    runDemo(o.out, print);
  });

program
  .command('train')
  .description('train an MLP on DATA (full batch, or mini-batches with --batch-size): a FANN file, a CSV with a header, or xor | parity8 | two-spirals | encoder-10-5-10')
  .argument('<data>', 'training data: a file, whose name decides its format (.csv is a CSV, comma-separated, with a header; anything else FANN format) unless --format says, a built-in set by name (xor, parity8, two-spirals, encoder-10-5-10) where no file or folder of that name is in the way, or - for standard input')
  .option('--test <data>', 'test data, read the same way (by name, or as --format says)')
  .addOption(
    new Option('--format <name>', 'how DATA and --test are read: auto (by the name), csv (a CSV with a header, whatever the name: - (standard input) or a pipe such as <(zcat data.csv.gz)) or fann (FANN format, a .csv name too)')
      .choices([...FORMAT_CHOICES])
      .default('auto'),
  )
  .option('--target <columns>', 'CSV: the output columns, comma-separated, a name with a comma in double quotes (default: the last)', targetColumns)
  .addOption(new Option('--hidden <sizes>', 'hidden layer sizes, e.g. 16 or 16,8 (for encoder-10-5-10 the default is the 5 of its name)').argParser(layerSizes).default([...DEFAULT_HIDDEN], '16'))
  .addOption(new Option('--activation <name>', 'hidden activation').choices([...ACTIVATIONS]).default(DEFAULT_ACTIVATION))
  .addOption(new Option('--optimizer <name>', 'optimizer').choices([...OPTIMIZERS]).default(DEFAULT_OPTIMIZER))
  .addOption(new Option('--variant <name>', 'Rprop variant').choices([...VARIANTS]).default(DEFAULT_VARIANT))
  .option('--lr <number>', `learning rate, for Rprop the initial step size (default: ${OPTIMIZERS.map((name) => `${name} ${DEFAULT_LR[name]}`).join(', ')})`, positiveNumber('--lr'))
  .option('--epochs <n>', "most epochs; with --resume, epochs more than the saved model's", wholeNumber('--epochs', 1), 1000)
  .option(
    '--batch-size <n>',
    "examples per optimizer step (default: the whole set, one step per epoch); smaller: each epoch shuffles the set (by --seed) and steps once per batch, the last one smaller; larger than the set: the whole set. The MSE, bit-fail and --target-mse are still over the whole training set, at each epoch's end",
    wholeNumber('--batch-size', 1),
  )
  .option('--target-mse <x>', 'stop when the training MSE is at most this', nonNegativeNumber('--target-mse'))
  .option('--seed <n>', "seed of the initial weights and of --batch-size's shuffles", wholeNumber('--seed', 0), DEFAULT_SEED)
  .addOption(new Option('--backend <name>', 'TensorFlow.js backend').choices(['cpu', 'wasm']).default('wasm'))
  .addOption(
    new Option('--engine <name>', 'what computes full-batch epochs: tfjs (TF.js ops on --backend) or fused (one WebAssembly SIMD call per epoch and the core\'s Rprop; --optimizer rprop, full batch only; several times faster on small sets)')
      .choices([...ENGINES])
      .default('tfjs'),
  )
  .option('--save <dir>', 'save the model with its optimizer (TF.js LayersModel) to this folder')
  .option(
    '--resume <dir>',
    "go on training the model a --save wrote to this folder, with its optimizer's state, for --epochs more: ending where one uninterrupted run would, bit for bit (full batch or --batch-size, either engine; Adam to float32 rounding). The saved model fixes --hidden, --activation, --optimizer, --variant, --lr and --seed: give them only as saved, or leave them out; --batch-size is the saved run's unless given. --save may name the same folder: it is replaced only once training is done, and not if it diverged",
  )
  .option('--plot <file.svg>', 'write the training curve as SVG')
  .option('--json', 'print one JSON line with the results, last', false)
  // What the flags do not show, and a data scientist needs to know before reading the MSE: the output
  // layer is chosen from the training targets (mlp.ts), and nothing is scaled.
  .addHelpText('after', '\nThe output layer follows the training targets: sigmoid when all are in [0, 1],\ntanh when in [-1, 1], else linear. Inputs and targets are used as they are, not\nscaled.')
  .action(async (data: string, o: Record<string, unknown>, command: Command) => {
    const given = (flag: string) => command.getOptionValueSource(flag) !== 'default';
    process.exitCode = await runTrain(
      {
        data,
        test: o.test as string | undefined,
        target: o.target as string[] | undefined,
        format: o.format as FormatChoice,
        // Only a --hidden the user gave: the default gives way to a built-in set's own network.
        hidden: command.getOptionValueSource('hidden') === 'default' ? undefined : (o.hidden as number[]),
        // Only an --activation, --optimizer or --seed the user gave: with --resume the saved model's stand.
        activation: given('activation') ? (o.activation as 'tanh') : undefined,
        optimizer: given('optimizer') ? (o.optimizer as OptimizerName) : undefined,
        // Only a --variant the user gave: with another optimizer it is refused, the default is not.
        variant: command.getOptionValueSource('variant') === 'default' ? undefined : (o.variant as Variant),
        lr: o.lr as number | undefined,
        epochs: o.epochs as number,
        batchSize: o.batchSize as number | undefined,
        targetMse: o.targetMse as number | undefined,
        seed: given('seed') ? (o.seed as number) : undefined,
        backend: o.backend as 'cpu' | 'wasm',
        engine: o.engine as EngineName,
        save: o.save as string | undefined,
        resume: o.resume as string | undefined,
        plot: o.plot as string | undefined,
        json: o.json as boolean,
      },
      print,
    );
  });

program
  .command('bench')
  .description('the kernel and TF.js optimizer benchmarks (as npm run bench; from a clone of the repository)')
  .option('--json', 'JSON output', false)
  .option('--quick', 'the kernel bench without its 1e7 size (a smoke run)', false)
  .action((o: { json: boolean; quick: boolean }) => {
    process.exitCode = runBench(o);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // --help and --version end here too, with exit code 0; usage errors exit 2, as bad input does.
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
  fail(error);
}
// A signal that came while the outputs were written waits for the event loop to look for it
// (interrupt.ts), and Node would end without looking: Ctrl-C then would end the command with 0, not
// 130. Two turns: the first may come in the turn the writing ended in, before the loop looks again.
await new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
