"""`casegate gate` vs `casegate check` on the same synthetic case, whole processes, same run.

The gate runs every rule as check does, then decides: conditions, the eight answers, the
decision record with every input's digest, and on NO-GO the narrower-boundary trials. Goal:
gate <= 1.5x check at 10k elements; the 100k figure is reported too. A second line per size
decides as of 2028-01-01, when the evidence has expired: a NO-GO for which every narrower boundary
on the ladder is tried (each abandoned at its first blocking finding).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _harness import casegate, ensure_case, measure


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 100_000]
    print("bench_gate: casegate gate vs casegate check (whole process, best of runs)")
    with tempfile.TemporaryDirectory() as tmp:
        record = str(Path(tmp) / "decision.json")
        for n in sizes:
            case = ensure_case(n)
            rep = 5 if n <= 10_000 else 2
            base = measure([casegate(), "check", str(case)], repeat=rep)
            ours = measure([casegate(), "gate", str(case), "--record", record], repeat=rep)
            print(f"  {n // 1000:>4}k elements: gate {ours.wall:.3f}s  check {base.wall:.3f}s  "
                  f"ratio {ours.wall / base.wall:.2f}x (goal <= 1.50); "
                  f"cpu {ours.cpu:.3f}s vs {base.cpu:.3f}s ratio {ours.cpu / base.cpu:.2f}x   "
                  f"peak RSS gate {ours.peak_kib / 1024:.0f} MiB, check {base.peak_kib / 1024:.0f} MiB")
            late = ["--at", "2028-01-01"]
            base = measure([casegate(), "check", str(case), *late], repeat=rep)
            ours = measure([casegate(), "gate", str(case), "--record", record, *late], repeat=rep)
            print(f"  {n // 1000:>4}k elements, NO-GO with every narrower boundary tried: gate {ours.wall:.3f}s  "
                  f"check {base.wall:.3f}s  ratio {ours.wall / base.wall:.2f}x; "
                  f"cpu {ours.cpu:.3f}s vs {base.cpu:.3f}s ratio {ours.cpu / base.cpu:.2f}x")


if __name__ == "__main__":
    main()
