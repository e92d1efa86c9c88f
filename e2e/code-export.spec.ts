import { spawnSync } from 'node:child_process';
import { expect, test } from './fixtures';
import { cliRun, ensureCliBuilt } from './cli';

// Export code from the page: the PyTorch and SciPy scripts the Export menu saves run under Debian's
// python3-torch and python3-scipy (npm test makes sure they import) and print the trajectories the
// CLI computes for the page's own link, to 1e-9. The libraries are the oracle.

const LINK = 'v=1&surface=himmelblau&steps=25&run=adam(lr=0.1)@-1,1&run=newton@0.5,-0.5&run=nelder_mead@-1,1';

interface Point {
  readonly run: number;
  readonly step: number;
  readonly x: readonly number[];
}

/** The interpreter with torch and scipy: $PYTHON, Debian's, or python3 on PATH. */
function python(): string {
  const found = [process.env.PYTHON, '/usr/bin/python3', 'python3'].find((candidate) => candidate && spawnSync(candidate, ['-c', 'import torch, scipy']).status === 0);
  if (found === undefined) throw new Error('no Python with torch and scipy (scripts/python-references.mjs installs them)');
  return found;
}

/** Runs a saved script and reads its JSON lines. */
function runScript(script: string): Point[] {
  const result = spawnSync(python(), ['-'], { input: script, encoding: 'utf8', timeout: 120_000 });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Point);
}

test.beforeAll(ensureCliBuilt);

test('Export PyTorch script and Export SciPy script save scripts that reproduce the page\'s runs', async ({ playground, page }) => {
  test.setTimeout(180_000);
  await playground.open(LINK, 3);
  const cli = JSON.parse(cliRun(page.url())) as { runs: { trajectory: number[][] }[] };

  const torchFile = await playground.exportFile('Export PyTorch script');
  expect(torchFile.name).toBe('optimizer-playground-himmelblau-pytorch.py');
  const torchScript = torchFile.content.toString('utf8');
  expect(torchScript).toContain('torch.optim.Adam([p], lr=0.1');
  expect(torchScript).toContain(`Open it in the app: ${page.url()}`);
  await expect(page.getByText('Saved optimizer-playground-himmelblau-pytorch.py (1 run left out: its header says why)')).toBeVisible();

  const scipyFile = await playground.exportFile('Export SciPy script');
  expect(scipyFile.name).toBe('optimizer-playground-himmelblau-scipy.py');

  const points = [...runScript(torchScript).filter((point) => point.run !== 3), ...runScript(scipyFile.content.toString('utf8')).filter((point) => point.run === 3)];
  for (const run of [1, 2, 3]) {
    const expected = cli.runs[run - 1].trajectory;
    const got = points.filter((point) => point.run === run).map((point) => point.x);
    expect(got, `run ${run}`).toHaveLength(expected.length);
    got.forEach((x, step) => x.forEach((value, i) => expect(Math.abs(value - expected[step][i]), `run ${run} step ${step}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected[step][i])))));
  }
});
