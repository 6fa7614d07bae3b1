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
# Temporary files of the run (tests' folders, servers' materialised versions, child processes a
# test kills) go in one folder removed at the end, so a run leaves nothing behind in /tmp.
TMPDIR=$(mktemp -d "${TMPDIR:-/tmp}/casegate-tests.XXXXXX")
export TMPDIR
trap 'bash scripts/pg.sh stop; rm -rf "$TMPDIR"' EXIT
echo "== pytest (SQLite and PostgreSQL at $CASEGATE_TEST_POSTGRES_URL)"
status=0
$BIN/python -m pytest -n 2 -p no:cacheprovider --junitxml=.pytest-results.xml "$@" || status=$?
# one closing line, whatever the plugins print
$BIN/python - <<'PY'
import xml.etree.ElementTree as ET
root = ET.parse(".pytest-results.xml").getroot()
suites = [root] if root.tag == "testsuite" else list(root)
n = lambda k: sum(int(s.get(k, 0)) for s in suites)
failed = n("failures") + n("errors")
print(f"{n('tests') - failed - n('skipped')} passed, {failed} failed, {n('skipped')} skipped")
PY
exit $status
