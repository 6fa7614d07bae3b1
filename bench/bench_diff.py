"""`casegate diff` of two versions of a 10k-element case vs `casegate check` of one of them.

Both sides are whole processes. The newer version differs from the older one in a share of its
claims (reworded), one evidence item per hundred (a new result) and one safeguard removed, so the
diff has real work to report. Goal: diff within 1x of check (ratio <= 1.0).
"""

from __future__ import annotations

import itertools
import re
import shutil
import sys

from _harness import DATA, casegate, ensure_case, measure


def _newer(n: int) -> str:
    old = ensure_case(n).parent
    new = DATA / f"case-{n // 1000}k-v2"
    if not (new / "case.yaml").exists():
        shutil.rmtree(new, ignore_errors=True)
        shutil.copytree(old, new)
        changed = 0
        seen = itertools.count(1)
        for p in sorted(new.glob("*.yaml")):
            text = p.read_text()
            # reword every 20th claim, change every 100th success count
            text = re.sub(r"(claim: [^\n]*)", lambda m: m.group(1) + (" (revised)" if next(seen) % 20 == 0 else ""),
                          text)
            text, k = re.subn(r"successes: 3\b", "successes: 4", text, count=max(1, text.count("successes: 3") // 100))
            changed += k
            p.write_text(text)
    return str(new / "case.yaml")


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [10_000]
    print("bench_diff: casegate diff OLD NEW vs casegate check OLD (whole process, best of runs)")
    for n in sizes:
        old = str(ensure_case(n))
        new = _newer(n)
        check = measure([casegate(), "check", old], repeat=3)
        diff = measure([casegate(), "diff", old, new, "--format", "json"], repeat=3)
        print(f"  {n // 1000:>4}k elements: diff {diff.wall:.3f}s  check {check.wall:.3f}s  "
              f"ratio {diff.wall / check.wall:.2f}x (goal <= 1.0); "
              f"cpu {diff.cpu:.3f}s vs {check.cpu:.3f}s ratio {diff.cpu / check.cpu:.2f}x   "
              f"peak RSS diff {diff.peak_kib / 1024:.0f} MiB, check {check.peak_kib / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
