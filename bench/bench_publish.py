"""`casegate publish` vs `casegate gate` on the same synthetic case, whole processes, same run.

Publishing runs the gate, then redacts every confidential element (salted commitments over
canonical JSON), composes the summary and renders Markdown, HTML, JSON and the diagram (an
overview of the argument's parts at this size). Goal: publish <= 1.5x gate at 10k elements, and
the time publishing adds to the gate grows at most linearly with the case (printed as "extra").

The salts of redacted elements are kept in a salt store file: the first run draws them, the
later runs of the same case find them kept (publishing the same version again).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _harness import casegate, ensure_case, measure


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1_000, 10_000]
    print("bench_publish: casegate publish vs casegate gate (whole process, best of runs)")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            case = ensure_case(n)
            rep = 3
            out = Path(tmp) / f"out-{n}"
            base = measure([casegate(), "gate", str(case)], repeat=rep)
            store = Path(tmp) / f"salts-{n}.json"
            ours = measure([casegate(), "publish", str(case), "--out", str(out), "--salt-store", str(store)],
                           repeat=rep)
            print(f"  {n // 1000:>4}k elements: publish {ours.wall:.3f}s  gate {base.wall:.3f}s  "
                  f"ratio {ours.wall / base.wall:.2f}x (goal <= 1.50); extra cpu {ours.cpu - base.cpu:.3f}s; "
                  f"cpu {ours.cpu:.3f}s vs {base.cpu:.3f}s ratio {ours.cpu / base.cpu:.2f}x   "
                  f"peak RSS publish {ours.peak_kib / 1024:.0f} MiB, gate {base.peak_kib / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
