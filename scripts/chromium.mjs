// Finds Debian's Chromium for the browser tests (never downloads a browser).
// Order: $CHROME_PATH, /usr/bin/chromium; if neither exists and we are root on Debian,
// install the `chromium` package with apt-get; otherwise stop with a one-line message.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** Launch flags for headless Chromium on this closed network (see DEVELOPERS.md). */
export const CHROMIUM_FLAGS = JSON.parse(readFileSync(new URL('./chromium-flags.json', import.meta.url), 'utf8'));

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Returns the path of a Chromium binary, installing Debian's package when allowed. */
export function findChromium({ install = true } = {}) {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    fail(`CHROME_PATH is set to ${fromEnv}, but no file is there.`);
  }
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = existsSync('/etc/debian_version');
  if (install && isRoot && isDebian) {
    console.log('Chromium not found: installing Debian\'s chromium package with apt-get...');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-q', 'chromium'], { stdio: 'inherit', env });
    if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  }
  fail('No Chromium found: install Debian\'s "chromium" package (apt-get install chromium) or set CHROME_PATH.');
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
