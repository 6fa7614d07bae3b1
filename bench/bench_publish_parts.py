"""Where the time `casegate publish` adds to `casegate gate` goes, part by part, in one process.

The case is loaded and decided once; then each part of publishing runs several times and its
best CPU time is kept: the summary (redaction, the text guard, the argument and evidence views),
the diagram, the Markdown and HTML pages and the JSON. With `--before SRC`, the same parts of
another source tree are timed in a fresh process, the two trees taking turns, so the two columns
come from the same stretch of a shared machine. Parts a tree does not have are left blank.

    python bench/bench_publish_parts.py [--before SRC] [--repeat N] [--rounds N] [SIZE]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from _harness import PY, ROOT, ensure_case

_RUN = r'''
import gc, json, sys, time
gc.disable()
from pathlib import Path
from casegate.cli import _without_pydantic_plugins
_without_pydantic_plugins()
from casegate.cli._common import decided_hashed
from casegate.cli._publishing import _diagram
from casegate.load import load_case
from casegate.model import Confidentiality
from casegate.publish import Salts, diagram_redactions, evidence_basis, readable_case, summary_basis
from casegate.publish import _summary
from casegate.publish._render import render
from casegate.store import FileSaltStore
case_path, store, out, repeat = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
loaded, record, artifacts = decided_hashed(load_case(Path(case_path)), None, None)
case = readable_case(loaded, artifacts)
basis = evidence_basis(loaded, artifacts)
spent = {}
def timed(name, f):
    def g(*a, **k):
        t = time.process_time()
        try:
            return f(*a, **k)
        finally:
            spent[name] = spent.get(name, 0.0) + time.process_time() - t
    return g
for name in ("redact", "TextGuard", "_argument", "_evidence"):
    if hasattr(_summary, name):
        setattr(_summary, name, timed(name.strip("_"), getattr(_summary, name)))
best = {}
for _ in range(repeat):
    spent.clear()
    salts = Salts(FileSaltStore(store))
    t = time.process_time()
    s = _summary.build_summary(case, record, salts=salts, policy=loaded.policy, basis=basis)
    spent["summary (all)"] = time.process_time() - t
    t = time.process_time()
    svg = _diagram(case, record.findings, diagram_redactions(s), True, summary_basis(s))
    spent["diagram"] = time.process_time() - t
    t = time.process_time()
    render("summary.md.j2", s=s, chart_files=[])
    spent["markdown"] = time.process_time() - t
    t = time.process_time()
    render("summary.html.j2", s=s, svg=svg, charts=[])
    spent["html"] = time.process_time() - t
    t = time.process_time()
    _summary.write_summary_json(s, out)
    spent["json"] = time.process_time() - t
    for k, v in spent.items():
        best[k] = min(best.get(k, v), v)
    del s, svg
print(json.dumps(best))
'''


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("size", nargs="?", type=int, default=10_000)
    ap.add_argument("--before", type=Path, help="another source tree to time in the same run")
    ap.add_argument("--repeat", type=int, default=5, help="runs of each part per process (best kept)")
    ap.add_argument("--rounds", type=int, default=3, help="processes per tree (median of their bests)")
    a = ap.parse_args()
    trees = {"this tree": ROOT / "src"}
    if a.before is not None:
        trees["before"] = a.before.resolve()
    case = ensure_case(a.size)
    got: dict[str, dict[str, list[float]]] = {name: {} for name in trees}
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "salts.json"
        for _ in range(a.rounds):
            for name, src in trees.items():
                env = {**os.environ, "PYTHONPATH": str(src)}
                out = subprocess.run([PY, "-c", _RUN, str(case), str(store), str(Path(tmp) / "summary.json"),
                                      str(a.repeat)], env=env, capture_output=True, text=True, check=True)
                for part, sec in json.loads(out.stdout.splitlines()[-1]).items():
                    got[name].setdefault(part, []).append(sec)
    parts = list(dict.fromkeys(p for t in got.values() for p in t))
    print(f"bench_publish_parts: {a.size // 1000}k elements, best CPU ms of {a.repeat} runs, median of "
          f"{a.rounds} processes")
    print(f"  {'part':<16}" + "".join(f"{name:>14}" for name in trees))
    for p in parts:
        cells = [f"{statistics.median(got[n][p]) * 1000:14.1f}" if p in got[n] else f"{'':>14}" for n in trees]
        print(f"  {p:<16}" + "".join(cells))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "bench"))
    main()
