"""What the cut of the compared versions costs when it keeps the versions between its halves that
hold an artifact neither half holds: `required_history` (the versions a decision is compared with,
as the registry requires them) for the next version of atlas-api against registries holding N
drafts of it, none decided, each differing from the one before only in its title (so every draft
between the halves holds only what the kept ones hold, and the cut is what it was), and against the
same with one draft in the middle citing one more artifact (kept: one more version required).

Each tree runs in a fresh process, timing `required_history` seven times (median, process CPU).

    python bench/bench_buried_drafts.py                      # 1, 25, 200 drafts
    python bench/bench_buried_drafts.py --before OLD/src     # and an earlier casegate, same registries
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _harness import PY, ROOT, source_trees

BUILD = r'''
import shutil, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
n, where, example, odd = int(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]), sys.argv[5] == "1"
from casegate.load import load_case
from casegate.store import open_registry
shutil.rmtree(where, ignore_errors=True)
shutil.copytree(example, where / "case")
main = where / "case" / "case.yaml"
ev = where / "case" / "evidence.yaml"
text, evidence = main.read_text(), ev.read_text()
title = "title: Atlas-2 general API release with code execution\n"
assert text.count(title) == 1
reg = open_registry(f"sqlite:///{where / 'registry.db'}")
for i in range(n + 1):
    main.write_text(text.replace(title, f"title: Atlas-2 draft {i}\n", 1))
    extra = odd and i == n // 2
    report = where / "case" / "reports" / "weights-audit.md"
    kept = report.read_bytes()
    if extra:  # the audit report re-issued: one more artifact, pinned by its own digest
        import hashlib
        report.write_bytes(kept + b"\nRe-issued.\n")
        ev.write_text(evidence.replace("33d4bfba95c7f649196041924592ca4180ba9be2d555c5233bdf0c4d54234486",
                                       hashlib.sha256(report.read_bytes()).hexdigest(), 1))
    reg.submit_case(load_case(main))
    if extra:
        report.write_bytes(kept)
        ev.write_text(evidence)
cid = load_case(main).case.id
print(cid, reg.case_versions(cid)[-1].number)
'''

TIME = r'''
import statistics, sys, time
sys.path.insert(0, sys.argv[1])
from casegate.monitor._compare import required_history
from casegate.store import open_registry
reg = open_registry(sys.argv[2])
case, number = sys.argv[3], int(sys.argv[4])
got, size = [], 0
for _ in range(7):
    t = time.process_time()
    versions, _ = required_history(reg, case, number)
    got.append(time.process_time() - t)
    size = len(versions)
print(statistics.median(got), size)
'''


def main() -> None:
    args = sys.argv[1:]
    trees = source_trees(args)
    counts = [int(a) for a in args] or [1, 25, 200]
    home = Path(tempfile.mkdtemp(prefix="casegate-bench-buried-"))
    try:
        print("bench_buried_drafts: `required_history` of the version after N drafts of atlas-api (ms CPU, median "
              "of 7; versions required)")
        for odd in (False, True):
            for n in counts:
                where = home / f"{n}-{int(odd)}"
                out = subprocess.run([PY, "-c", BUILD, trees[""], str(n), str(where),
                                      str(ROOT / "examples" / "atlas-api"), "1" if odd else "0"],
                                     check=True, capture_output=True, text=True, cwd=ROOT)
                case_id, last = out.stdout.split()[-2], int(out.stdout.split()[-1])
                line = f"  {n:>4} drafts{', one citing one more artifact' if odd else '':<32}"
                for suffix, tree in trees.items():
                    t = subprocess.run([PY, "-c", TIME, tree, f"sqlite:///{where / 'registry.db'}", case_id,
                                        str(last)], check=True, capture_output=True, text=True, cwd=ROOT)
                    cpu, size = t.stdout.split()
                    line += f"  {suffix.strip() or 'this tree'}: {float(cpu) * 1000:7.1f} ms, {size:>3} versions"
                print(line)
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
