#!/usr/bin/env bash
# The system packages the test suite uses: Chromium (pages), Graphviz (diagrams), a PostgreSQL
# server (the team backend), Pango (PDF reports), poppler-utils (reading the PDFs back in tests)
# and faketime (tests/test_calendar.py runs the example tests years ahead). Installed with apt-get when missing and when
# running as root on Debian; otherwise each missing one is named, with the command to install it.
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v dot >/dev/null || need+=(graphviz)
{ command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; } || need+=(postgresql)
dpkg -s libpango-1.0-0 libpangoft2-1.0-0 >/dev/null 2>&1 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
command -v pdfinfo >/dev/null || need+=(poppler-utils)
command -v faketime >/dev/null || need+=(faketime)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "== installing system packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "missing system packages: ${need[*]} (install them: sudo apt-get install ${need[*]})" >&2
  exit 1
fi
