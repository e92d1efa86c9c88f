// Makes sure the exported-code tests (src/experiment/code-export/code-export.python.test.ts) have
// their references: a Python that imports torch and scipy. Order: $PYTHON, Debian's /usr/bin/python3,
// python3; if none has them and we are root on Debian, install python3-torch and python3-scipy with
// apt-get; otherwise stop with a one-line message. `npm test` runs this before the unit tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PACKAGES = ['python3-torch', 'python3-scipy'];

/** The first candidate Python that imports torch and scipy, or null. */
function findPython() {
  const candidates = [process.env.PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean);
  return candidates.find((python) => spawnSync(python, ['-c', 'import torch, scipy'], { stdio: 'ignore' }).status === 0) ?? null;
}

let python = findPython();
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (python === null && isRoot && existsSync('/etc/debian_version')) {
  console.log(`torch or scipy missing: installing Debian's ${PACKAGES.join(' and ')} with apt-get...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-q', ...PACKAGES], { stdio: 'inherit', env });
  python = findPython();
}
if (python === null) {
  console.error(`No Python with torch and scipy for the exported-code tests: install Debian's ${PACKAGES.join(' and ')} (apt-get install ${PACKAGES.join(' ')}) or set PYTHON.`);
  process.exit(1);
}
console.log(`exported-code references: ${python} (torch and scipy import)`);
