"""`casegate gate` vs `casegate check` on the same synthetic case, whole processes, same run.

The gate runs every rule as check does, then decides: conditions, the eight answers, the
decision record with every input's digest, and on NO-GO the narrower-boundary trials. Goal:
gate <= 1.5x check at 10k elements; the 100k figure is reported too.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _harness import casegate, ensure_case, run


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 100_000]
    print("bench_gate: casegate gate vs casegate check (whole process, best of runs)")
    with tempfile.TemporaryDirectory() as tmp:
        record = str(Path(tmp) / "decision.json")
        for n in sizes:
            case = ensure_case(n)
            rep = 5 if n <= 10_000 else 2
            base, base_mem = run([casegate(), "check", str(case)], repeat=rep)
            ours, ours_mem = run([casegate(), "gate", str(case), "--record", record], repeat=rep)
            print(f"  {n // 1000:>4}k elements: gate {ours:.3f}s  check {base:.3f}s  ratio {ours / base:.2f}x "
                  f"(goal <= 1.50)   peak RSS gate {ours_mem / 1024:.0f} MiB, check {base_mem / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
