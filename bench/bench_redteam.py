"""`casegate redteam` on atlas-api vs `casegate gate` on the same case, in the same run.

Goal: redteam within (number of mutations x 1.2) x one gate. Both sides are measured as whole
processes (what a user waits for) and in-process (the gate runs alone, without interpreter start
and imports, which redteam pays once for all its mutations). Usage: bench_redteam.py [REPEAT]
"""

from __future__ import annotations

import datetime as dt
import resource
import sys

from _harness import ROOT, casegate, measure

CASE = ROOT / "examples" / "atlas-api" / "case.yaml"


def _cpu() -> float:
    u = resource.getrusage(resource.RUSAGE_SELF)
    return u.ru_utime + u.ru_stime


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    sys.path.insert(0, str(ROOT / "src"))
    from casegate.evidence import rehash_artifacts
    from casegate.gate import run_gate
    from casegate.load import load_case
    from casegate.redteam import MUTATIONS, REGISTRY_MUTATIONS, run_redteam

    n = len(MUTATIONS) + len(REGISTRY_MUTATIONS)
    goal = n * 1.2
    print(f"bench_redteam: casegate redteam vs casegate gate on examples/atlas-api ({n} mutations; goal <= {goal:.1f}x)")
    gate = measure([casegate(), "gate", str(CASE), "--at", "2026-11-20"], repeat=repeat)
    red = measure([casegate(), "redteam", str(CASE)], repeat=repeat)
    print(f"  whole process: redteam {red.wall:.2f}s  gate {gate.wall:.2f}s  ratio {red.wall / gate.wall:.1f}x; "
          f"cpu {red.cpu:.2f}s vs {gate.cpu:.2f}s ratio {red.cpu / gate.cpu:.1f}x (goal <= {goal:.1f}x)")

    loaded = load_case(CASE)
    day = dt.date(2026, 11, 20)
    best_gate = best_red = float("inf")
    run_gate(loaded, previous=loaded, today=day, artifacts=rehash_artifacts(loaded))  # warm: imports, derivation cache
    for _ in range(repeat):
        c = _cpu()
        run_gate(loaded, previous=loaded, today=day, artifacts=rehash_artifacts(loaded))
        best_gate = min(best_gate, _cpu() - c)
        c = _cpu()
        report = run_redteam(loaded, today=day)
        best_red = min(best_red, _cpu() - c)
    print(f"  in process (cpu): redteam {best_red:.2f}s  one gate {best_gate:.3f}s  ratio {best_red / best_gate:.1f}x "
          f"(goal <= {goal:.1f}x); {len(report.not_caught)} not caught")


if __name__ == "__main__":
    main()
