// Bundles the CLI (src/cli/entry.ts and the engine it shares with the app) into one ES module,
// dist/cli/optimizer-playground.mjs, which bin/optimizer-playground.mjs loads. Runs on `npm install`
// (the "prepare" script) and in `npm run build`.
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  // An install without dev dependencies cannot build; the bin shim then says what to do.
  console.warn('build-cli: esbuild is not installed (a dev dependency); skipping the CLI bundle');
  process.exit(0);
}

try {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/cli/entry.ts'],
    outfile: 'dist/cli/optimizer-playground.mjs',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
} catch {
  // esbuild has already printed the errors with their locations
  process.exit(1);
}
