"""`casegate check` on synthetic cases vs PyYAML's C loader alone on the same files.

Both sides are whole processes (same interpreter start-up): `casegate check CASE` against
`python -c 'load every file with yaml.CLoader'`. Reports the ratio (goal: <= 0.3 at 10k) and
peak memory, at 10k and 100k argument elements.
"""

from __future__ import annotations

import sys

from _harness import PY, casegate, ensure_case, run

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
        base, base_mem = run([PY, "-c", PYYAML, *files], repeat=rep)
        ours, ours_mem = run([casegate(), "check", str(case)], repeat=rep)
        print(f"  {n // 1000:>4}k elements: check {ours:.3f}s  pyyaml-cloader {base:.3f}s  "
              f"ratio {ours / base:.2f}x (goal <= 0.30)   peak RSS check {ours_mem / 1024:.0f} MiB, "
              f"pyyaml {base_mem / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
