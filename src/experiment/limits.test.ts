import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LIMITS, capProblems, listProblems, problemCount, type LimitName } from '../engine/limits';
import { compileFormula } from '../engine/expression';
import { parseExperiment } from './validate';
import { decodeExperiment, decodeUrlState } from './url-codec';
import { BASIN_RESOLUTIONS } from './analysis-settings';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The example a README row shows: one over the limit (stdin is read until it passes the limit). */
function example(name: LimitName): string {
  const entry = LIMITS[name];
  return name === 'stdinBytes' ? entry.message(entry.value, entry.field, true) : entry.message(entry.value + 1);
}

/** README.md's "Limits" table, as the module says it should read. */
function expectedRows(): string[] {
  return (Object.keys(LIMITS) as LimitName[]).map((name) => {
    const entry = LIMITS[name];
    const value = `${entry.value.toLocaleString('en')}${entry.unit === '' ? '' : ` ${entry.unit}`}`;
    return `| ${entry.what} | ${value} | \`${example(name)}\` |`;
  });
}

describe('the table of limits', () => {
  it('README.md lists every limit with its value and message, exactly as limits.ts has them', () => {
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    const section = readme.slice(readme.indexOf('\n## Limits'));
    const rows = section
      .slice(0, section.indexOf('\n## ', 1) > 0 ? section.indexOf('\n## ', 1) : undefined)
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| Limit') && !line.startsWith('|---'));
    expect(rows).toEqual(expectedRows());
  });

  it('the analyses and the formula language use the table', () => {
    expect(Math.max(...BASIN_RESOLUTIONS)).toBe(LIMITS.basinResolution.value);
    expect(LIMITS.steps.message(2_000_000)).toBe('steps: 2,000,000 is over the limit of 100,000');
  });

  it('lists ten problems and counts the rest', () => {
    const problems = Array.from({ length: 100_000 }, (_, index) => `problem ${index}`);
    expect(listProblems(problems).endsWith('problem 9; … and 99,990 more')).toBe(true);
    expect(capProblems(problems)).toHaveLength(11);
    expect(problemCount(capProblems(problems))).toBe(100_000);
    expect(listProblems(problems.slice(0, 11))).toBe(problems.slice(0, 11).join('; '));
  });
});

const DEPTH = LIMITS.formulaDepth.value;
/** Formula shapes whose syntax tree is `n` levels deep, each stressing another pass (derivatives grow up to ~5× deeper). */
const SHAPES: Record<string, (n: number) => string> = {
  sum: (n) => Array(n).fill('x').join('+'),
  product: (n) => Array(n).fill('x').join('*'),
  quotient: (n) => Array(n).fill('x').join('/'),
  power: (n) => Array(n).fill('x').join('^'),
  sines: (n) => `${'sin('.repeat(n - 1)}x${')'.repeat(n - 1)}`,
  tanhs: (n) => `${'tanh(x*'.repeat((n - 1) / 2)}y${')'.repeat((n - 1) / 2)}`,
  negations: (n) => `${'-'.repeat(n - 1)}x`,
};

describe('a formula is accepted or refused by its size, never by the stack (finding 4)', () => {
  it.each(Object.keys(SHAPES))('%s: the deepest accepted and the first refused get the same verdict from the compiler, validation and a link', (shape) => {
    const depthOf = (n: number) => (shape === 'tanhs' ? 2 * Math.floor((n - 1) / 2) + 1 : n);
    const deepest = SHAPES[shape](shape === 'tanhs' ? DEPTH - ((DEPTH - 1) % 2) : DEPTH);
    const over = SHAPES[shape](shape === 'tanhs' ? depthOf(DEPTH + 2) : DEPTH + 1);
    expect(compileFormula(deepest).ok).toBe(true);
    const refused = compileFormula(over);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/levels deep is over the limit of 64/);
    const experiment = (expression: string) => ({ version: 1, problem: { expression }, runs: [{ optimizer: 'adam', start: [1, 1] }] });
    expect(parseExperiment(experiment(deepest)).ok).toBe(true);
    expect(parseExperiment(experiment(over)).ok).toBe(false);
    expect(decodeExperiment(`v=1&f=${encodeURIComponent(deepest)}`).problems).toEqual([]);
    expect(decodeExperiment(`v=1&f=${encodeURIComponent(over)}`).problems[0]).toMatch(/over the limit of 64/);
  });

  it('the deepest accepted formulas compile and print on a stack a fifth of the default (a worker\'s may be small)', () => {
    // The built CLI bundle holds the same engine; a child process with --stack-size=200 (KB; Node's
    // default is 984) compiles every shape at the limit and prints its Hessian.
    const cli = `${ROOT}dist/cli/optimizer-playground.mjs`;
    for (const [shape, make] of Object.entries(SHAPES)) {
      const expression = make(shape === 'tanhs' ? DEPTH - ((DEPTH - 1) % 2) : DEPTH);
      const experiment = JSON.stringify({ version: 1, problem: { expression }, steps: 2, runs: [{ optimizer: 'newton', start: [0.5, 0.5] }] });
      const result = spawnSync(process.execPath, ['--stack-size=200', cli, 'run', '-'], { input: experiment, encoding: 'utf8' });
      expect(result.stderr, shape).toBe('');
      expect(result.status, shape).toBe(0);
    }
  }, 120_000);
});

describe('a link from a stranger costs bounded work (finding 2)', () => {
  it('a link over the length limit is refused whole, at once, in one sentence', () => {
    const hash = `v=1&${Array.from({ length: 100_000 }, (_, index) => `k${index}=1`).join('&')}`;
    const started = performance.now();
    const decoded = decodeUrlState(hash);
    expect(performance.now() - started).toBeLessThan(100);
    expect(decoded.problems).toEqual([`link: ${hash.length.toLocaleString('en')} characters is over the limit of 100,000; opened the default experiment instead`]);
  });

  it('10,000 unknown keys within the limit: ten named, the rest counted', () => {
    const hash = `v=1&${Array.from({ length: 10_000 }, (_, index) => `k${index}=1`).join('&')}`;
    const started = performance.now();
    const { problems } = decodeUrlState(hash);
    expect(performance.now() - started).toBeLessThan(500);
    expect(problems).toHaveLength(11);
    expect(problems[10]).toBe('… and 9,990 more unknown keys; ignored');
  });
});
