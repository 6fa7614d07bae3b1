"""Where one whole `casegate publish` process spends its CPU, phase by phase, cold.

bench_publish_parts.py times each part of publishing warm (best of several runs in one process);
a real run does each part once, in a fresh process, where the first call of a part also pays for
building its pydantic validators and serialisers, for the pages of memory it touches first, and
for reading the salt store. This runs the command as the `casegate` program does (no Typer, the
cyclic collector off) in fresh processes and reports the median CPU of each phase: the imports
only publishing needs, loading the case, the gate, then each step of publishing. The gate on its
own (the whole `casegate gate` process) is timed alongside for the ratio.

    python bench/bench_publish_phases.py [--before SRC] [--rounds N] [SIZE]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from _harness import PY, ROOT, casegate, ensure_case, paired

_RUN = r'''
import json, sys, time
args, out_file = sys.argv[1:-1], sys.argv[-1]
start = time.process_time()
spent = {}


def timed(module, name, label):
    f = getattr(module, name)

    def g(*a, **k):
        t = time.process_time()
        try:
            return f(*a, **k)
        finally:
            key = label(a) if callable(label) else label
            spent[key] = spent.get(key, 0.0) + time.process_time() - t
    setattr(module, name, g)


import casegate.cli as cli
cli._without_pydantic_plugins()
cli._without_aws_signer()
t = time.process_time()
import casegate.cli._publishing as publishing
import casegate.gate, casegate.load, casegate.verify
spent["imports (gate's)"] = time.process_time() - t
t = time.process_time()
import casegate.publish._api as api
import casegate.publish._commit as commit
import casegate.publish._summary as summary
import casegate.render
spent["imports (publishing)"] = time.process_time() - t
timed(casegate.load, "load_case", "load the case")
timed(publishing, "decided_hashed", "gate (verify, hash, decide)")
timed(commit.Salts, "_records", "salt store read")
timed(summary, "redact", "redact (incl. salt store)")
timed(summary, "TextGuard", "text guard")
timed(summary, "_argument", "argument view")
timed(summary, "_evidence", "evidence view")
timed(api, "build_summary", "summary (all)")
timed(publishing, "_diagram", "diagram")
timed(publishing, "_charts", "charts")
timed(api, "render", lambda a: "markdown" if a[0].endswith(".md.j2") else "html")
timed(api, "write_summary_json", "json")
sys.argv = ["casegate", *args]
try:
    cli._main()
except SystemExit:
    pass
spent["total (after start-up)"] = time.process_time() - start
with open(out_file, "w") as fh:
    json.dump(spent, fh)
'''


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("size", nargs="?", type=int, default=10_000)
    ap.add_argument("--before", type=Path, help="another source tree to time in the same run")
    ap.add_argument("--rounds", type=int, default=5, help="processes per tree (medians)")
    a = ap.parse_args()
    trees = {"this tree": ROOT / "src"}
    if a.before is not None:
        trees["before"] = a.before.resolve()
        compileall.compile_dir(str(trees["before"] / "casegate"), quiet=1)
    case = ensure_case(a.size)
    got: dict[str, dict[str, list[float]]] = {name: {} for name in trees}
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "salts.json"
        result = Path(tmp) / "phases.json"
        for k in range(a.rounds + 1):  # the first round fills the salt store (a re-run's state)
            for name, src in trees.items():
                env = {**os.environ, "PYTHONPATH": str(src)}
                cmd = [PY, "-c", _RUN, "publish", str(case), "--out", str(Path(tmp) / "out"),
                       "--salt-store", str(store), str(result)]
                subprocess.run(cmd, env=env, check=True, capture_output=True)
                if k:
                    for phase, sec in json.loads(result.read_text()).items():
                        got[name].setdefault(phase, []).append(sec)
        gate = {name: paired({"gate": ["env", f"PYTHONPATH={src}", casegate(), "gate", str(case)]},
                             repeat=a.rounds)["gate"].cpu for name, src in trees.items()}
    phases = list(dict.fromkeys(p for t in got.values() for p in t))
    print(f"bench_publish_phases: {a.size // 1000}k elements, one `casegate publish` process, CPU ms per "
          f"phase (median of {a.rounds} processes)")
    print("  (phases nest: 'summary (all)' holds the redaction, text guard and views above it, and the "
          "redaction holds the salt store read)")
    print(f"  {'phase':<30}" + "".join(f"{name:>14}" for name in trees))
    for p in phases:
        cells = [f"{statistics.median(got[n][p]) * 1000:14.1f}" if p in got[n] else f"{'':>14}" for n in trees]
        print(f"  {p:<30}" + "".join(cells))
    print(f"  {'gate process (whole, CPU)':<30}" + "".join(f"{gate[n] * 1000:14.1f}" for n in trees))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "bench"))
    main()
