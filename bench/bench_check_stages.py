"""Instructions executed (valgrind Ir) by `check` on atlas-api up to each of its stages.

Each stage is a separate process that does the check's work up to that point and ends there
(`os._exit`, as the `casegate` program ends), so the difference between two rows is what the
stage costs: start-up, the imports the check needs (the rule families included), loading the case
and its policy, hashing its artifacts, deriving the evidence facts, building the argument's index,
running the rules (and locating their findings), and printing. Beside them, the yardstick of
bench_instructions.py.

    python bench/bench_check_stages.py [SRC]       # SRC: a casegate source tree (default: ./src)
    python bench/bench_check_stages.py [SRC] 10    # the 10k-goal argument, beside its rapidyaml floor
    python bench/bench_check_stages.py [SRC] 10 --stages load   # the stages named only

Where `check` of the 10k-goal argument spends its 3.73G instructions (2026-12, on 87ad3179; the
rapidyaml floor 923M, of which 277M is `import pydantic, ryml`): start-up 137M, imports 539M
(pydantic.main 259M, the models 220M: bench_import_stages.py), load 1,788M, artifacts 81M, facts
385M, index 257M, rules 547M (CG808 87M, CG416 72M, CG805 53M: bench_rule_instructions.py),
print 0. Within the load (bench_load_functions.py): reading the files 748M (their parse 558M:
rapidyaml's parse 221M, its JSON emit 147M, pydantic-core's JSON reader 163M, the duplicate-key
count 16M; the node count 65M; the sha256 of each large file, let go, some 120M), building the
large sections 940M (pydantic-core's validation of their items some 550M; the sharing steps
about 390M: `_share_values` 158M, `_share_field_sets` 91M with the nested sets, `_reuse_models`
58M, `_one_text_each` 30M), the rest (the case around its sections, the policy, the regimes, the
merge) under 100M. In callgrind's own view, some 1.45M attribute reads of pydantic models go
through the `__getattr__` hook pydantic's BaseModel defines (about 500 instructions each for a
`__dict__`, 800 through `vars`). Building the large sections straight from rapidyaml's JSON
(`validate_json`) would save at most 133M: bench_validate_json.py.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _harness import PY, ROOT, ensure_case
from bench_argument import FLOOR
from bench_instructions import instructions

STAGES = ("start-up", "imports", "load", "artifacts", "facts", "index", "rules", "print")
RUN = """
import os, sys
sys.path.insert(0, sys.argv[1])
stop = sys.argv[2]
case = sys.argv[3]
from casegate.cli import _without_pydantic_plugins, _without_aws_signer
_without_pydantic_plugins(); _without_aws_signer()
try:  # the program keeps its models' core schemas between runs (an earlier tree may not)
    from casegate._schemacache import enable
    enable()
except ImportError:
    pass
import gc; gc.disable()
from casegate.cli import _fast, _run
if stop == "start-up": os._exit(0)
from pathlib import Path
from casegate.checks import check_case, registered
from casegate.checks._run import locate_findings, make_context
from casegate.checks._registry import run_checks
from casegate.evidence import rehash_artifacts
from casegate.load import load_case
from casegate.report import format_text, summary_line
registered()  # (the rule families: a few million instructions)
if stop == "imports": os._exit(0)
loaded = load_case(Path(case), keep_data=False)
if stop == "load": os._exit(0)
artifacts = rehash_artifacts(loaded)
if stop == "artifacts": os._exit(0)
ctx = make_context(loaded, artifacts=artifacts)  # the evidence facts: the case as its artifacts show it
if stop == "facts": os._exit(0)
ctx.index  # the argument's index, which the first rule would build
if stop == "index": os._exit(0)
findings = locate_findings(loaded, [*loaded.diagnostics, *run_checks(ctx)])
if stop == "rules": os._exit(0)
print(format_text(findings, loaded.source_line)); print(summary_line(findings))
sys.stdout.flush(); os._exit(0)
"""


def main() -> None:
    args = sys.argv[1:]
    if args and args[0] in ("-h", "--help"):
        print(__doc__)
        return
    stages = STAGES
    if "--stages" in args:
        i = args.index("--stages")
        stages = tuple(args[i + 1].split(","))
        del args[i:i + 2]
        if not set(stages) <= set(STAGES):
            raise SystemExit(f"--stages: one or more of {', '.join(STAGES)}")
    tree = str(Path(args.pop(0)).resolve()) if args and not args[0].isdigit() else str(ROOT / "src")
    case = str(ensure_case(2333 * int(args[0])) if args else ROOT / "examples" / "atlas-api" / "case.yaml")
    import compileall

    compileall.compile_dir(tree, quiet=1)  # (with PYTHONDONTWRITEBYTECODE set, every run would compile)
    yard = instructions([PY, "-c", "import pydantic, ryml"])
    print(f"  {'import pydantic,ryml':<22} {yard:>15,}")
    if args:  # the large argument's own yardstick: reading its files with rapidyaml
        files = sorted(str(p) for p in Path(case).parent.glob("*.yaml"))
        floor = instructions([PY, "-c", FLOOR, *files])
        print(f"  {'rapidyaml floor':<22} {floor:>15,}  ratio {floor / yard:5.2f}x")
    last = 0
    with tempfile.TemporaryDirectory() as cache:
        for stage in stages:
            n = instructions([PY, "-c", RUN, tree, stage, case], cache)
            to_floor = f"  floor {n / floor:5.2f}x" if args else ""
            print(f"  {stage:<22} {n:>15,}  +{n - last:>13,}  ratio {n / yard:5.2f}x{to_floor}")
            last = n


if __name__ == "__main__":
    main()
