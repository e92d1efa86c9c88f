#!/usr/bin/env node
// The `optimizer-playground` command: loads the bundle that scripts/build-cli.mjs builds on
// `npm install`, and says so in one line when it has not been built.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli/optimizer-playground.mjs', import.meta.url);

if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  process.stderr.write("optimizer-playground: the CLI is not built yet; run 'npm install' (or 'node scripts/build-cli.mjs') in the project folder first\n");
  process.exitCode = 1;
}
