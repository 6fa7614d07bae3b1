"""Importing an Inspect AI log vs inspect-ai's own `read_eval_log_sample_summaries` on the same file.

Both sides are whole Python processes that import what they need (same interpreter start-up):

- baseline: `from inspect_ai.log import read_eval_log_sample_summaries` and read the file;
- import:   casegate's Inspect importer on the file (sha256 pinned before and after, header,
            sample summaries, scale, epoch reduction, counts);
- add:      the whole `casegate evidence add` into a copy of a small case (writes the YAML).

Printed as ratios against the baseline (goal for the import: <= 1.5x at 2,000 samples), for the
whole process and for the work after imports, with each side's peak RSS at 2k and 20k samples.
The logs are written by scripts/gen_eval_logs.py (inspect-ai's mock model and its own writer) on
the first run and kept in bench/data/evidence; writing the 20k log takes minutes, because
inspect-ai's .eval writer merges each sample's summary into a list it scans every time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from _harness import DATA, PY, ROOT, run

LOGS = DATA / "evidence"

BASELINE = """\
import sys, time
from inspect_ai.log import read_eval_log_sample_summaries
t = time.perf_counter()
s = read_eval_log_sample_summaries(sys.argv[1])
print(time.perf_counter() - t, len(s))
"""

IMPORT = """\
import sys, time
from pathlib import Path
from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.inspect_log import InspectImporter
import inspect_ai.log  # the importer loads it on first use: keep that out of the work timed
t = time.perf_counter()
r = InspectImporter().read(Path(sys.argv[1]), ReadOptions())
print(time.perf_counter() - t, r[0].result.trials)
"""

ADD = """\
import os, shutil, sys
case, into, log = sys.argv[1:4]
shutil.copyfile(case + ".orig", case)  # every run starts from the case as it was
if os.path.exists(into):
    os.remove(into)
sys.argv = ["casegate", "evidence", "add", case, log, "--producer", "bench", "--into", into]
from casegate.cli import main
main()
"""


def ensure_log(n: int) -> Path:
    p = LOGS / f"arith-large-{n}.eval"
    if not p.exists():
        LOGS.mkdir(parents=True, exist_ok=True)
        print(f"  (writing a {n}-sample Inspect log with scripts/gen_eval_logs.py ...)", flush=True)
        subprocess.run([PY, str(ROOT / "scripts" / "gen_eval_logs.py"), str(LOGS), "--only", "inspect-large",
                        "--samples", str(n)], check=True, stdout=subprocess.DEVNULL)
    return p


def inner(code: str, args: list[str], repeat: int) -> float:
    """Best in-process time (after imports) that the script prints."""
    best = float("inf")
    for _ in range(repeat):
        out = subprocess.run([PY, "-c", code, *args], capture_output=True, text=True, check=True)
        best = min(best, float(out.stdout.split()[0]))
    return best


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [2_000, 20_000]
    case_dir = DATA / "evidence-case"
    if case_dir.exists():
        shutil.rmtree(case_dir)
    shutil.copytree(ROOT / "examples" / "atlas-api", case_dir)
    case = case_dir / "case.yaml"
    shutil.copyfile(case, str(case) + ".orig")
    print("bench_evidence: casegate's Inspect import vs inspect-ai read_eval_log_sample_summaries "
          "(whole processes, best of runs)")
    for n in sizes:
        log = ensure_log(n)
        rep = 5 if n <= 2_000 else 3
        base, base_mem = run([PY, "-c", BASELINE, str(log)], repeat=rep)
        ours, ours_mem = run([PY, "-c", IMPORT, str(log)], repeat=rep)
        into = str(case_dir / f"imported-{n}.yaml")
        add, add_mem = run([PY, "-c", ADD, str(case), into, str(log)], repeat=rep)
        base_in = inner(BASELINE, [str(log)], rep)
        ours_in = inner(IMPORT, [str(log)], rep)
        size = os.path.getsize(log) / 2**20
        print(f"  {n:>6} samples ({size:.1f} MiB log):")
        print(f"    whole process: import {ours:.2f}s vs baseline {base:.2f}s = {ours / base:.2f}x (goal <= 1.50); "
              f"evidence add {add:.2f}s = {add / base:.2f}x")
        print(f"    after imports: import {ours_in:.3f}s vs baseline {base_in:.3f}s = {ours_in / base_in:.2f}x")
        print(f"    peak RSS: import {ours_mem / 1024:.0f} MiB, baseline {base_mem / 1024:.0f} MiB "
              f"({ours_mem / base_mem:.2f}x), evidence add {add_mem / 1024:.0f} MiB ({add_mem / base_mem:.2f}x)")



if __name__ == "__main__":
    main()
