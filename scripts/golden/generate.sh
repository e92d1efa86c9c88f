#!/usr/bin/env bash
# `npm run golden`: regenerates every reference vector with Debian's PyTorch, NumPy and SciPy
# (apt-get install python3-torch python3-scipy). The JSON they write is committed; tests read it.
set -euo pipefail
cd "$(dirname "$0")/../.."
python=${PYTHON:-/usr/bin/python3}
if ! "$python" -c 'import torch, scipy' 2>/dev/null; then
  echo "npm run golden needs PyTorch and SciPy for $python: apt-get install python3-torch python3-scipy" >&2
  exit 1
fi
for generator in scripts/golden/*.py; do
  echo "== $generator"
  "$python" "$generator"
done
