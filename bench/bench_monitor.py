"""Post-deployment monitoring: the sliding windowed mean and a full `triggers run`, as ratios.

1. Breach search over one signal (a sample a minute, a 24h window, no breach, so every window is
   evaluated): casegate's sliding sum against recomputing each window's mean from scratch
   (bisect + fsum), the obvious way, in the same run.
2. `run_triggers` on a SQLite registry holding the approved example and N ingested samples,
   against reading those same events back from the registry (the floor it cannot go under).
"""

from __future__ import annotations

import bisect
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
    submit_for_review,
)
from casegate.store import open_registry  # noqa: E402

T0 = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)


def series(n: int) -> list[Sample]:
    return [Sample(T0 + dt.timedelta(minutes=i), "s", 0.001 + 0.0001 * math.sin(i / 50), "c") for i in range(n)]


def naive(samples: list[Sample], window: dt.timedelta, threshold: float) -> dt.datetime | None:
    times = [s.timestamp for s in samples]
    for i, s in enumerate(samples):
        lo = bisect.bisect_right(times, s.timestamp - window)
        vals = [x.value for x in samples[lo:i + 1]]
        if math.fsum(vals) / len(vals) > threshold:
            return s.timestamp
    return None


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
        assert first_breach(s, op=">", threshold=0.5, window=w) is None and naive(s, w, 0.5) is None
        fast = best(lambda s=s: first_breach(s, op=">", threshold=0.5, window=w))
        slow = best(lambda s=s: naive(s, w, 0.5))
        print(f"windowed breach search, {n} samples, 24h window: sliding {fast * 1e3:.1f} ms cpu, "
              f"recompute-each-window {slow * 1e3:.1f} ms cpu; ratio {slow / fast:.1f}x faster")

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
        for batch in range(5):
            ss = [Sample(start + dt.timedelta(minutes=batch * 10_000 + i), "cyber-classifier-flag-rate",
                         0.001, "atlas-2-api") for i in range(10_000)]
            ingest_samples(reg, ss, source=f"b{batch}.csv", sha256=f"{batch:064x}")
            total += len(ss)
        at = start + dt.timedelta(days=60)
        read = best(lambda: (reg.events("atlas-2-api", "monitor-samples"), reg.events("atlas-2-api", "state-change"),
                             reg.events("atlas-2-api", "incident")))
        run = best(lambda: run_triggers(reg, at=at))
        print(f"triggers run, 1 approved case, {total} samples, 9 triggers: {run * 1e3:.0f} ms cpu; "
              f"reading its events alone {read * 1e3:.0f} ms cpu; ratio {run / read:.1f}x the read")
        reg.close()


if __name__ == "__main__":
    main()
