import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { expect } from '@playwright/test';

/** The CLI bundle `npm install` builds; the e2e oracle for what the page computed. */
export const CLI = 'dist/cli/optimizer-playground.mjs';

/** Builds the CLI bundle if it is missing (call from test.beforeAll). */
export function ensureCliBuilt(): void {
  if (existsSync(CLI)) return;
  const built = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
}

/** Runs `optimizer-playground run <experiment file or share URL> [--format csv]`; returns what it prints. */
export function cliRun(experiment: string, format: 'json' | 'csv' = 'json'): string {
  const args = [CLI, 'run', experiment, ...(format === 'csv' ? ['--format', 'csv'] : [])];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
}

/** Runs `optimizer-playground inspect <experiment or share URL> --run N --step K`; returns what it prints. */
export function cliInspect(experiment: string, run: number, step: number): string {
  const result = spawnSync(process.execPath, [CLI, 'inspect', experiment, '--run', String(run), '--step', String(step)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
}
