// `npm run build [-- options]`: builds the app with `vite build`, passing it every option given
// (`npm run build -- --base=/x/` for a static folder served under /x/, `--outDir`), then the CLI.
// npm appends the options to the script's last command, which is why this is one script and not
// `vite build && node scripts/build-cli.mjs` (there --base reached the CLI's bundler, not Vite).
import { spawnSync } from 'node:child_process';

run('npx', ['vite', 'build', ...process.argv.slice(2)]);
run('node', ['scripts/build-cli.mjs']);

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
