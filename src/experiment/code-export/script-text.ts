// What both exported scripts say the same way: the docstring that opens them (the problem, the
// runs, how to run them, the link, what was left out) and the end (the runs' calls, and a line on
// stderr for each run left out).
import type { Experiment } from '../experiment';
import { automaticRunName } from '../run-name';

/** The script's opening lines: shebang and docstring. `reproduces` says in the script's own words what it does and needs. */
export function scriptDocstring(library: string, problemTitle: string, experiment: Experiment, reproduces: readonly string[], link: string | undefined, skipped: readonly string[]): string[] {
  return [
    `#!/usr/bin/env python3`,
    `"""Optimizer Playground experiment as a ${library} script.`,
    ``,
    `Problem: ${problemTitle}`,
    ...experiment.runs.map((run, index) => `Run ${index + 1}: ${run.label ?? automaticRunName(run)} from (${run.start.join(', ')})`),
    ``,
    ...reproduces,
    ...(link === undefined ? [] : [``, `Open it in the app: ${link}`]),
    ...(skipped.length === 0 ? [] : [``, `Not in this script:`, ...skipped.map((line) => `  ${line}`)]),
    `"""`,
  ];
}

/** The script's closing lines: each run's call, then each run left out said on stderr. */
export function scriptEnding(calls: readonly string[], skipped: readonly string[]): string[] {
  return [...calls.flatMap((call) => [call, ``]), ...skipped.map((line) => `print(${JSON.stringify(`not exported: ${line}`)}, file=sys.stderr)`)];
}
