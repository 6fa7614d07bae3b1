"""The semantic rule families (CG1xx-CG4xx) on synthetic cases, against the structure family (CG9xx)
on the same loaded case in the same process.

Each family's check functions run over one context (best of runs, loading excluded); the figure is
the ratio to the structure family's time, which is linear in the size of the argument. A ratio that
grows with the case size would show a family that is not.
"""

from __future__ import annotations

import datetime as dt
import sys
import time

from _harness import ensure_case

from casegate.checks import make_context, registered
from casegate.load import load_case

FAMILIES = {"CG1": "boundary", "CG2": "threat model", "CG3": "elicitation", "CG4": "safeguards",
            "CG9": "structure (baseline)"}


def _time_family(loaded: object, prefix: str, repeat: int) -> float:
    rules = [r for r in registered() if r.rule.code.startswith(prefix) and not r.rule.code.startswith("CG33")]
    best = float("inf")
    for _ in range(repeat):
        ctx = make_context(loaded, today=dt.date(2026, 11, 20))  # type: ignore[arg-type]
        assert ctx is not None
        t = time.perf_counter()
        for r in rules:
            for _hit in r.check(ctx):
                pass
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 100_000]
    print("bench_rules: rule families vs the structure family, same context (in process, best of runs)")
    for n in sizes:
        loaded = load_case(ensure_case(n))
        rep = 5 if n <= 10_000 else 2
        times = {p: _time_family(loaded, p, rep) for p in FAMILIES}
        base = times["CG9"]
        cells = "  ".join(f"{FAMILIES[p]} {times[p] / base:.2f}x" for p in FAMILIES if p != "CG9")
        print(f"  {n // 1000:>4}k elements: {cells}   (structure {base:.3f}s = 1.00x)")


if __name__ == "__main__":
    main()
