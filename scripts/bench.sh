#!/usr/bin/env bash
# Every benchmark in bench/, each printing its figures as ratios against a baseline run alongside.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/results
for b in bench/bench_*.py; do
  echo "== $b"
  .venv/bin/python "$b" 2>&1 | tee "bench/results/$(basename "$b" .py).txt"
done
