"""`breaches_unapplied` (the check that an approval of a new version of a deployed case owes no
breach or silence a trigger run has not applied; `check_approval` asks it on every `decide`,
`approve` and `state apply` of a deployed case) on a long telemetry log.

Builds, for each source tree, a SQLite registry holding atlas-api approved (as
tests/monitor/test_registry_flow.py approves it), then N readings of its two monitored signals,
none breaching, ingested an hour's worth at a time (one `monitor-samples` entry an hour, a reading
of each signal every minute), the last an hour before the check; a trigger run follows every
day's readings (it fires nothing, so it logs nothing). Then asks `breaches_unapplied` as of the
end and gives the median time of one call over `--calls` calls.

    python bench/bench_breaches_unapplied.py                        # 1,000, 10,000 and 50,000 readings
    python bench/bench_breaches_unapplied.py 1000 100000 --calls 5
    python bench/bench_breaches_unapplied.py --before OLD/src       # and an earlier casegate, same run

One run (median of 5, a busy two-core machine): 35.3 ms at 1,000 readings, 77.3 ms at 10,000,
398.7 ms at 50,000, 779.5 ms at 100,000 (some 7.5 ms a thousand readings: a month of a reading a
minute on two signals is some 650 ms on every `decide`, `approve` and `state apply`). It grows with
every reading the case's log holds, not with those since the last trigger run: each call reads and
parses every `monitor-samples` entry of the case (a reading counts once, in the entry that first
logged it, and a signed batch's number is checked against all before it) and evaluates the plan
over them, and a trigger run that fires nothing logs nothing to start a later call from.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from _harness import PY, ROOT, source_trees

CHILD = r'''
import datetime as dt, statistics, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[5])
n, where, calls = int(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
from casegate.monitor import breaches_unapplied, ingest_samples, run_triggers
from casegate.monitor._series import Sample
from tests.monitor.test_registry_flow import CASE, _approved
from tests.verify.trusted import log_clock

T0 = dt.datetime(2026, 12, 2, 8, 0, tzinfo=dt.UTC)
SIGNALS = ("cyber-classifier-flag-rate", "bio-classifier-flag-rate")
with log_clock(T0):
    reg, _ = _approved(f"sqlite:///{where / 'reg.db'}", where)
t, left, hour = T0, n, 0
t0 = time.perf_counter()
while left > 0:
    rows = [Sample(t + dt.timedelta(minutes=m), s, 0.0, CASE) for m in range(60) for s in SIGNALS][:left]
    left -= len(rows)
    t += dt.timedelta(hours=1)
    hour += 1
    with log_clock(t):
        ingest_samples(reg, rows, source=f"hour-{hour}.csv", sha256=f"{hour:064x}")
        if hour % 24 == 0:
            run_triggers(reg, at=t, case_id=CASE)
built = time.perf_counter() - t0
at = t + dt.timedelta(hours=1)
assert breaches_unapplied(reg, CASE, at) == [] and reg.case_state(CASE) == "approved-with-conditions"
times = []
for _ in range(calls):
    s = time.perf_counter()
    breaches_unapplied(reg, CASE, at)
    times.append(time.perf_counter() - s)
print(f"{statistics.median(times) * 1000:.1f}\t{reg.size()}\t{built:.0f}")
'''


def main() -> None:
    args = sys.argv[1:]
    calls = 5
    if "--calls" in args:
        i = args.index("--calls")
        calls = int(args[i + 1])
        del args[i:i + 2]
    trees = source_trees(args)
    counts = [int(a) for a in args] or [1000, 10000, 50000]
    print(f"bench_breaches_unapplied: median ms of one `breaches_unapplied` call over {calls} calls, SQLite "
          "registry holding atlas-api approved and N readings since, an hour's worth an entry")
    with tempfile.TemporaryDirectory(prefix="casegate-bench-breaches-") as tmp:
        for n in counts:
            for suffix, tree in trees.items():
                where = Path(tmp) / f"r-{n}{suffix.strip(' ()')}"
                where.mkdir()
                got = subprocess.run([PY, "-c", CHILD, tree, str(n), str(where), str(calls), str(ROOT)],
                                     capture_output=True, text=True, cwd=ROOT)
                if got.returncode:
                    raise SystemExit(got.stderr[-3000:])
                out = got.stdout.rstrip("\n").split("\t")
                print(f"  {n:>8,} readings{suffix:<10} {float(out[0]):10.1f} ms   ({out[1]} log entries)")


if __name__ == "__main__":
    main()
