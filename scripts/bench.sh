#!/usr/bin/env bash
# Every benchmark in bench/, each printing its figures as ratios against a baseline run alongside.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/results
export CASEGATE_PGPORT=${CASEGATE_PGPORT:-54339} CASEGATE_PGDIR=${CASEGATE_PGDIR:-/tmp/casegate-pg-bench}
# the benchmarks use the example's published keys: a demonstration (see bench/_harness.py)
export CASEGATE_DEMO_KEYS=1
source scripts/pg.sh start
trap 'bash scripts/pg.sh stop' EXIT
for b in bench/bench_*.py; do
  echo "== $b"
  .venv/bin/python "$b" 2>&1 | tee "bench/results/$(basename "$b" .py).txt"
done
