"""Where a `check` of a synthetic case spends its CPU, phase by phase, beside its yardsticks.

Each run is a fresh process that does what `casegate check CASE` does (no pydantic plugin
lookup, the cyclic collector off), timing each phase with the process's CPU clock:

    start-up   importing what `check` imports (pydantic and rapidyaml included) and building the
               model classes the load needs
    read+parse reading every file and turning it into Python data (rapidyaml, JSON, duplicate keys)
    validate   pydantic building the case's models from that data
    load rest  merging includes, the policy, regimes, confining artifacts
    facts      re-hashing the artifacts and deriving the evidence facts from them
    rules      every rule `check` runs
    report     locating the findings and formatting the text report

and, in the same run, the yardsticks: `python -c "import pydantic, ryml"` and the rapidyaml
floor of bench_argument.py (parse, emit JSON, `json.loads` of the same files). Medians over the
runs; the "pydantic share" line adds what pydantic costs on its own (importing it, and building
the models), which bounds how close any `check` built on it can come to the floor.

    python bench/bench_phases.py            # 1k and 10k goals, 5 runs each
    BENCH_REPEAT=9 python bench/bench_phases.py 10
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys

from _harness import PY, ROOT, casegate, ensure_case, paired

PHASES = ("start-up", "read+parse", "validate", "load rest", "facts", "rules", "report")

_RUN = r'''
import gc, json, sys, time
gc.disable()
clock = time.process_time
t0 = clock()
from casegate.cli import _without_pydantic_plugins
_without_pydantic_plugins()
from casegate.checks import run_checks
from casegate.checks._run import locate_findings, make_context
from casegate.evidence import rehash_artifacts
from casegate.load import _loader, load_case
from casegate.model import Case, build_case_validator
from casegate.report import format_text
spent = {"read+parse": 0.0, "validate": 0.0}
read, validate, build = _loader._read, Case.model_validate, _loader._build_sections
depth = [0]
def timed_read(*a, **k):
    t = clock(); r = read(*a, **k); spent["read+parse"] += clock() - t; return r
def timed(f):
    def g(*a, **k):  # the outermost call only (validation within validation counts once)
        depth[0] += 1
        t = clock()
        try:
            return f(*a, **k)
        finally:
            depth[0] -= 1
            if not depth[0]:
                spent["validate"] += clock() - t
    return g
_loader._read, Case.model_validate, _loader._build_sections = timed_read, timed(validate), timed(build)
build_case_validator()  # built on first use: count it as start-up, as a real run pays it
t1 = clock()
loaded = load_case(sys.argv[1], keep_data=False)  # as `check` loads
t2 = clock()
ctx = make_context(loaded, artifacts=rehash_artifacts(loaded))
t3 = clock()
found = run_checks(ctx)
t4 = clock()
format_text(locate_findings(loaded, list(loaded.diagnostics) + found), loaded.source_line)
t5 = clock()
rest = (t2 - t1) - spent["read+parse"] - spent["validate"]
print(json.dumps({"start-up": t1 - t0, "read+parse": spent["read+parse"], "validate": spent["validate"],
                  "load rest": rest, "facts": t3 - t2, "rules": t4 - t3, "report": t5 - t4}))
'''

FLOOR = ("import json, sys, ryml\n"
         "for p in sys.argv[1:]:\n"
         "    buf = bytearray(open(p, 'rb').read())\n"
         "    tree = ryml.parse_in_place(buf)\n"
         "    json.loads(ryml.emit_json_malloc(tree, tree.root_id()))\n")


def phases(case: str, repeat: int) -> dict[str, float]:
    """Median CPU seconds of each phase over `repeat` fresh processes."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    runs: list[dict[str, float]] = []
    for _ in range(repeat):
        out = subprocess.run([PY, "-c", _RUN, case], capture_output=True, text=True, env=env, check=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {p: statistics.median(r[p] for r in runs) for p in PHASES}


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1, 10]
    repeat = int(os.environ.get("BENCH_REPEAT", "5"))
    casegate()  # byte-compiles casegate's modules, as an installed package's are
    print(f"bench_phases: CPU of each phase of `check` (medians of {repeat} fresh processes), beside "
          "the yardsticks measured in the same run")
    for k in sizes:
        case = ensure_case(2333 * k)
        files = sorted(str(p) for p in case.parent.glob("*.yaml"))
        got = phases(str(case), repeat)
        yard = paired({"import": [PY, "-c", "import pydantic, ryml"], "floor": [PY, "-c", FLOOR, *files],
                       "empty": [PY, "-c", "pass"]}, repeat=repeat)
        total = sum(got.values())
        print(f"  {k}k goals: phases total {total:.3f} s cpu (interpreter start not included: "
              f"`python -c pass` {yard['empty'].cpu:.3f} s)")
        for p in PHASES:
            print(f"    {p:<11} {got[p]:7.3f} s  {100 * got[p] / total:5.1f}%")
        floor = yard["floor"].cpu - yard["empty"].cpu
        imp = yard["import"].cpu - yard["empty"].cpu
        print(f"    yardsticks (interpreter start taken off): import pydantic, ryml {imp:.3f} s; "
              f"rapidyaml floor {floor:.3f} s")
        share = imp + got["validate"]
        print(f"    pydantic share (its import + validation) {share:.3f} s = {share / floor:.2f}x the floor; "
              f"whole check {total / floor:.2f}x the floor")


if __name__ == "__main__":
    main()
