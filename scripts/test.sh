#!/usr/bin/env bash
# The whole test suite: lint contracts, then pytest on SQLite and on a real PostgreSQL server,
# with the browser tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CASEGATE_CHROMIUM=${CASEGATE_CHROMIUM:-/usr/bin/chromium}
export HF_HUB_OFFLINE=1

echo "== import-linter (layers)"
$BIN/lint-imports

source scripts/pg.sh start
trap 'bash scripts/pg.sh stop' EXIT
echo "== pytest (SQLite and PostgreSQL at $CASEGATE_TEST_POSTGRES_URL)"
$BIN/python -m pytest -n 2 -p no:cacheprovider "$@"
