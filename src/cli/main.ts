import { formatOutputCsv, formatOutputJson, toOutput } from '../experiment/output';
import { resolveProblem, runExperiment, runOptionsFor } from '../experiment/run-experiment';
import { inspectStep } from '../engine/inspect-step';
import { formatInspectionJson, toInspectionOutput } from './inspection-output';
import { encodeExperiment } from '../experiment/url-codec';
import { DEFAULT_BASE_URL, parseCommandLine } from './args';
import { fileErrorText, type CliIo } from './io';
import { loadExperiment } from './input';

// optimizer-playground: the playground's engine on the command line. Exit status 0 on success,
// 2 for wrong input (a one-line message on stderr, never a stack trace), 1 for our own bugs.

/** Exit status for input or options the CLI cannot use. */
export const EXIT_USAGE = 2;

/** The --help text. */
export const USAGE = `optimizer-playground: optimizers (SGD, Adam, ...) on loss surfaces and typed formulas,
with the same engine as the playground in the browser.

Usage:
  optimizer-playground run <experiment.json | share URL | -> [--format json|csv] [--out FILE]
  optimizer-playground url <experiment.json | share URL | -> [--base URL]
  optimizer-playground inspect <experiment.json | share URL | -> [--run N] [--step K]
  optimizer-playground --help

Commands:
  run   Run every optimizer of the experiment and print each trajectory (start first) with
        the loss at every point: JSON by default, CSV (run,optimizer,label,step,x,y,loss;
        x1..xn past three coordinates; a data problem adds validation_loss, accuracy,
        validation_accuracy) with --format csv. --out FILE writes to FILE instead of stdout.
  url   Print the share URL that opens the experiment in the playground
        (on ${DEFAULT_BASE_URL} unless --base URL is given).
  inspect
        Print run N (1-based, default 1) at step K (default the last) as the step inspector
        shows it, as JSON: the point, f, the exact gradient, the update delta, the evaluation
        counts, the method's state by name (velocity, firstMoment, secondMoment, hessian,
        inverseHessian, historyS, simplex, sigma, ...; matrices as rows) and the step told
        sub-step by sub-step ("narration": a sentence and the rule with the values in it).
        Numbers are exact: JSON.parse gives back the engine's float64 values.

'-' reads the experiment (JSON or a share URL) from stdin. An experiment looks like:
  { "version": 1,
    "problem": { "expression": "(1-x)^2 + 100*(y-x^2)^2", "domain": [[-2, 2], [-1, 3]] },
    "steps": 300, "seed": 1, "noise": 0,
    "runs": [ { "optimizer": "adam", "hyper": { "lr": 0.05 }, "start": [-1.5, 2] } ] }
or with "problem": { "surface": "rosenbrock" }, or a model fitted to data:
  "problem": { "dataset": { "csv": "houses.csv", "target": "price" }, "model": { "kind": "linear" } }
(the CSV's path is relative to the experiment file; "name": "iris" reads a bundled data set). A run may add "schedule", "clip", "label", "color" ("#rrggbb") and "hidden" (the playground does not draw it; the CLI still runs it).

Exit status: 0 on success, 2 when the input or the options are wrong.
`;

/** Runs the CLI on argv (without node and the script) and returns the exit status. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const report = (message: string) => io.stderr(`optimizer-playground: ${oneLine(message)}\n`);
  try {
    const parsed = parseCommandLine(argv);
    if (!parsed.ok) {
      report(parsed.error);
      return EXIT_USAGE;
    }
    const { command } = parsed;
    if (command.name === 'help') {
      io.stdout(USAGE);
      return 0;
    }

    const loaded = await loadExperiment(command.input, io);
    if (!loaded.ok) {
      report(loaded.error);
      return EXIT_USAGE;
    }
    const { experiment } = loaded;

    if (command.name === 'url') {
      io.stdout(`${command.base.replace(/#.*$/s, '')}#${encodeExperiment(experiment)}\n`);
      return 0;
    }

    if (command.name === 'inspect') {
      const runs = experiment.runs.length;
      if (command.run > runs) {
        report(`--run ${command.run} is past the experiment's ${runs} run${runs === 1 ? '' : 's'}; --run takes 1 to ${runs}`);
        return EXIT_USAGE;
      }
      if (command.step !== undefined && command.step > experiment.steps) {
        report(`--step ${command.step} is past the experiment's ${experiment.steps} steps; --step takes 0 to ${experiment.steps}`);
        return EXIT_USAGE;
      }
      const problem = resolveProblem(experiment.problem);
      const options = runOptionsFor(experiment, command.run - 1, problem.objective);
      const inspection = inspectStep(options, command.step ?? experiment.steps);
      io.stdout(formatInspectionJson(toInspectionOutput(command.run, inspection)));
      return 0;
    }

    const output = toOutput(experiment, runExperiment(experiment));
    const text = command.format === 'csv' ? formatOutputCsv(output) : formatOutputJson(output);
    if (command.out === undefined) {
      io.stdout(text);
      return 0;
    }
    try {
      await io.writeFile(command.out, text);
    } catch (error) {
      report(`cannot write '${command.out}': ${fileErrorText(error)}`);
      return EXIT_USAGE;
    }
    return 0;
  } catch (error) {
    // Validated input should never get here; say so in one line rather than dump a stack.
    report(`internal error: ${error instanceof Error ? error.message : String(error)} (please report this)`);
    return 1;
  }
}

function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}
