"""`casegate check` on synthetic cases vs PyYAML's C loader alone on the same files.

Both sides are whole processes (same interpreter start-up): `casegate check CASE` against
`python -c 'load every file with yaml.CLoader'`. Reports the ratio (goal: <= 0.3 at 10k) and
peak memory, at 10k and 100k argument elements. Ratios are given for wall time and for CPU time
(user + system): on a busy shared machine the CPU ratio is the steadier of the two.

Every run is cold: casegate keeps no result cache between runs, so each `check` parses, validates
and checks the whole case again.
"""

from __future__ import annotations

import sys

from _harness import PY, casegate, ensure_case, measure

PYYAML = ("import sys, yaml\n"
          "for p in sys.argv[1:]:\n"
          "    yaml.load(open(p, 'rb'), Loader=yaml.CLoader)\n")


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 100_000]
    print("bench_check: casegate check vs PyYAML CLoader (whole process, best of runs)")
    for n in sizes:
        case = ensure_case(n)
        files = sorted(str(p) for p in case.parent.glob("*.yaml"))
        rep = 5 if n <= 10_000 else 2
        base = measure([PY, "-c", PYYAML, *files], repeat=rep)
        ours = measure([casegate(), "check", str(case)], repeat=rep)
        print(f"  {n // 1000:>4}k elements: check {ours.wall:.3f}s  pyyaml-cloader {base.wall:.3f}s  "
              f"ratio {ours.wall / base.wall:.2f}x (goal <= 0.30); "
              f"cpu {ours.cpu:.3f}s vs {base.cpu:.3f}s ratio {ours.cpu / base.cpu:.2f}x   "
              f"peak RSS check {ours.peak_kib / 1024:.0f} MiB, pyyaml {base.peak_kib / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
