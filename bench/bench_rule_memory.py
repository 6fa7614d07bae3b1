"""Which rule of `check` raises the peak of memory on the synthetic K-thousand-goal argument.

The case is loaded and its evidence facts derived as `check` does (the cyclic collector off, as
the program runs); then every registered rule runs in its pass order (as `run_checks` runs them,
shared memos and the argument's index included), each in a fresh process's run, with the resident
set size (RSS) read before and after each rule and the kernel's high-water mark reset before it
(through /proc/self/clear_refs, so each rule's peak is its own; Linux only). A rule whose peak is
above the RSS after the last rule holds memory only while it runs, and that is the check's peak
(`bench_memory.py` gives the whole process's, step by step).

    python bench/bench_rule_memory.py                       # 10k goals, the 8 highest peaks
    python bench/bench_rule_memory.py 10 --before OLD/src   # and an earlier casegate's source tree
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from _harness import PY, ensure_case, source_trees

RUN = r'''
import gc, json, os, sys
sys.path.insert(0, sys.argv[1])
gc.disable()
def mem():
    got = {}
    with open("/proc/self/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            got[key] = value
    return int(got["VmRSS"].split()[0]), int(got["VmHWM"].split()[0])
def reset():
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
from casegate.cli import _without_pydantic_plugins
_without_pydantic_plugins()
from pathlib import Path
from casegate.checks import _registry, registered
from casegate.checks._registry import run_checks
from casegate.checks._run import make_context
from casegate.evidence import rehash_artifacts
from casegate.load import load_case
registered()
loaded = load_case(Path(sys.argv[2]), keep_data=False)
ctx = make_context(loaded, artifacts=rehash_artifacts(loaded))
rows = []
for code, reg in list(_registry._RULES.items()):
    def probed(ctx, check=reg.check, code=code):
        before = mem()[0]
        reset()
        hits = list(check(ctx))
        after, peak = mem()
        rows.append((code, before, after, max(peak, after)))
        return hits
    object.__setattr__(reg, "check", probed)
start = mem()[0]
run_checks(ctx)
print(json.dumps({"start": start, "end": mem()[0], "rules": rows}))
os._exit(0)
'''


def main() -> None:
    args = sys.argv[1:]
    trees = source_trees(args)
    k = int(args[0]) if args else 10
    top = int(os.environ.get("BENCH_TOP", "8"))
    case = str(ensure_case(2333 * k))
    print(f"bench_rule_memory: RSS of the rules of `check` of the {k}k-goal argument (MiB): before, after, "
          "peak while the rule ran")
    for suffix, tree in trees.items():
        out = subprocess.run([PY, "-c", RUN, tree, case], capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONPATH": tree})
        got = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"  {k}k goals{suffix}: rules start at {got['start'] / 1024:.1f}, end at {got['end'] / 1024:.1f}")
        for code, before, after, peak in sorted(got["rules"], key=lambda r: -r[3])[:top]:
            print(f"    {code:<7} {before / 1024:7.1f} {after / 1024:7.1f} {peak / 1024:7.1f}")


if __name__ == "__main__":
    main()
