"""Instructions executed (valgrind Ir) by `gate CASE --keyring KEYRING --preview`, step by step.

Each row is a separate process that starts as the `casegate` program does (no pydantic plugins,
no AWS signer, the models' core schemas kept between runs, the collector off), runs the steps of
`casegate.cli._run.run_gate` up to and including its own, and ends (`os._exit`); the difference
between two rows is what that step costs on top of the steps before it. Beside them, the
yardstick of bench_instructions.py and the whole keyed gate as the program runs it.

    python bench/bench_keyed_stages.py [SRC]       # SRC: a casegate source tree (default: ./src)
    python bench/bench_keyed_stages.py --before OLD/src   # and an earlier tree, row beside row
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _harness import PY, ROOT, source_trees
from bench_instructions import RUN as PROGRAM
from bench_instructions import instructions

STAGES = ("start", "load case", "load keyring", "gate inputs", "registry", "rules + decision", "report")

RUN = r"""
import datetime as dt, os, sys
sys.path.insert(0, sys.argv[1])
stop = int(sys.argv[2]); case, keyring = sys.argv[3], sys.argv[4]
from casegate.cli import _without_pydantic_plugins, _without_aws_signer
_without_pydantic_plugins(); _without_aws_signer()
from casegate._schemacache import enable
enable()
import gc; gc.disable()
from pathlib import Path
from casegate.cli._fast import parse
from casegate.cli import _run
params = parse(["gate", case, "--keyring", keyring, "--preview"])
if stop == 0: os._exit(0)
from casegate.checks import all_rules
from casegate.gate import exit_code, run_gate
from casegate.load import load_case
from casegate.report import format_decision_text
from casegate.cli._common import fetch_comparison, out
loaded = load_case(params["case"], keep_data=True)
day = dt.date.fromisoformat(sys.argv[5]) if len(sys.argv) > 5 else dt.date.today()
if stop == 1: os._exit(0)
from casegate.sign import load_keyring
ring = load_keyring(params["keyring"])
if stop == 2: os._exit(0)
from casegate.verify import gate_inputs
inputs = gate_inputs(loaded, ring, day, preview=True)
if stop == 3: os._exit(0)
comparison = fetch_comparison(inputs.loaded, None, ring)
if stop == 4: os._exit(0)
decision = run_gate(inputs.loaded, today=day, waivers=inputs.waivers, waiver_problems=inputs.waiver_problems,
                    comparison=comparison)
if stop == 5: os._exit(0)
out(format_decision_text(decision, inputs.loaded.source_line))
exit_code(decision, False)
sys.stdout.flush()
os._exit(0)
"""


def main() -> None:
    args = sys.argv[1:]
    trees = source_trees(args) if "--before" in args else {"": str(Path(args[0]).resolve()) if args else str(ROOT / "src")}
    atlas = str(ROOT / "examples" / "atlas-api" / "case.yaml")
    ring = str(ROOT / "examples" / "atlas-api" / "keys" / "keyring.yaml")
    yard = instructions([PY, "-c", "import pydantic, ryml"])
    print("bench_keyed_stages: instructions executed (valgrind Ir) by the keyed gate of atlas-api, step by step")
    print(f"  {'import pydantic,ryml':<30} {yard:>15,}")
    with tempfile.TemporaryDirectory() as tmp:
        for i, (suffix, tree) in enumerate(trees.items()):
            cache = str(Path(tmp) / f"cache-{i}")
            last = 0
            # each tree gates its own example (an earlier tree refuses a policy written for a later one)
            case, keyring = (p.replace(str(ROOT), str(Path(tree).parent)) for p in (atlas, ring))
            for k, stage in enumerate(STAGES):
                n = instructions([PY, "-c", RUN, tree, str(k), case, keyring], cache)
                print(f"  {stage + suffix:<30} {n:>15,}  +{n - last:>13,}  ratio {n / yard:5.2f}x")
                last = n
            n = instructions([PY, "-c", PROGRAM, tree, "gate", case, "--keyring", keyring, "--preview"], cache)
            print(f"  {'(the program)' + suffix:<30} {n:>15,}  {'':>14}  ratio {n / yard:5.2f}x")


if __name__ == "__main__":
    main()
