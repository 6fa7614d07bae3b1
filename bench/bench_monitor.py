"""Post-deployment monitoring: breach and silence search, and a full `triggers run`, as ratios.

1. Breach and silence search over one signal (a reading a minute, no breach, no silence, so every
   reading is looked at): each reading judged on its own, and the stretches between readings.
2. `run_triggers` on a SQLite registry holding the approved example and N ingested samples,
   against reading those same events back from the registry (the floor it cannot go under).
"""

from __future__ import annotations

import datetime as dt
import math
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from casegate.evidence import rehash_artifacts  # noqa: E402
from casegate.gate import run_gate  # noqa: E402
from casegate.load import load_case  # noqa: E402
from casegate.monitor import (  # noqa: E402
    Sample,
    decide,
    first_breach,
    ingest_samples,
    run_triggers,
    silences,
    submit_for_review,
)
from casegate.store import open_registry  # noqa: E402

T0 = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)


def series(n: int) -> list[Sample]:
    return [Sample(T0 + dt.timedelta(minutes=i), "s", 0.001 + 0.0001 * math.sin(i / 50), "c") for i in range(n)]


def best(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    out = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        fn()
        out = min(out, time.process_time() - t)
    return out


def main() -> None:
    w = dt.timedelta(hours=24)
    for n in (5_000, 20_000):
        s = series(n)
        assert first_breach(s, op=">", threshold=0.5) is None
        assert silences(s, since=T0, until=s[-1].timestamp, limit=w) == []
        breach = best(lambda s=s: first_breach(s, op=">", threshold=0.5))
        quiet = best(lambda s=s: silences(s, since=T0, until=s[-1].timestamp, limit=w))
        print(f"{n} readings: breach search {breach * 1e3:.1f} ms cpu, silence search {quiet * 1e3:.1f} ms cpu")

    with tempfile.TemporaryDirectory() as tmp:
        case_dir = Path(tmp) / "case"
        shutil.copytree(ROOT / "examples" / "atlas-api", case_dir,
                        ignore=shutil.ignore_patterns("keys", "signoffs", "*.bundle.json"))
        reg = open_registry(f"sqlite:///{tmp}/r.db")
        loaded = load_case(case_dir / "case.yaml")
        reg.submit_case(loaded)
        submit_for_review(reg, "atlas-2-api", by="bench")
        decide(reg, run_gate(loaded, artifacts=rehash_artifacts(loaded)))
        start = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
        total = 0
        for batch in range(5):  # both monitored signals report every other minute
            ss = [Sample(start + dt.timedelta(minutes=batch * 10_000 + i), signal, 0.0005, "atlas-2-api")
                  for i in range(0, 10_000, 2)
                  for signal in ("cyber-classifier-flag-rate", "bio-classifier-flag-rate")]
            ingest_samples(reg, ss, source=f"b{batch}.csv", sha256=f"{batch:064x}")
            total += len(ss)
        at = start + dt.timedelta(minutes=50_000)  # the monitors have not gone quiet
        read = best(lambda: (reg.events("atlas-2-api", "monitor-samples"), reg.events("atlas-2-api", "state-change"),
                             reg.events("atlas-2-api", "incident")))
        run = best(lambda: run_triggers(reg, at=at))
        print(f"triggers run, 1 approved case, {total} samples, 9 triggers: {run * 1e3:.0f} ms cpu; "
              f"reading its events alone {read * 1e3:.0f} ms cpu; ratio {run / read:.1f}x the read")
        reg.close()


if __name__ == "__main__":
    main()
