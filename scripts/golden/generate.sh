#!/usr/bin/env bash
# `npm run golden`: regenerates every reference vector with Debian's PyTorch, NumPy, SciPy, cmaes
# and scikit-learn (apt-get install python3-torch python3-scipy python3-cmaes python3-sklearn): the
# optimizers' goldens in scripts/golden/, the methods' references in scripts/references/. The JSON
# they write is committed; tests read it.
set -euo pipefail
cd "$(dirname "$0")/../.."
python=${PYTHON:-/usr/bin/python3}
if ! "$python" -c 'import torch, scipy, cmaes, sklearn' 2>/dev/null; then
  echo "npm run golden needs PyTorch, SciPy, cmaes and scikit-learn for $python: apt-get install python3-torch python3-scipy python3-cmaes python3-sklearn" >&2
  exit 1
fi
for generator in scripts/golden/*.py scripts/references/*.py; do
  echo "== $generator"
  "$python" "$generator"
done
