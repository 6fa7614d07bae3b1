"""Instructions each phase of one cold `casegate publish` process executes (valgrind Ir, per phase).

bench_publish_phases.py gives each phase's CPU time, which moves with the load on a shared
machine; this counts the instructions of one phase at a time instead. Each run wraps the phase's
function so that it is called through `functools.reduce`, and valgrind's callgrind collects only
inside that C function (`--toggle-collect=functools_reduce`): the count is the phase's own,
whatever the rest of the process does, and what the phase pays on first use (a validator built,
a template loaded) is in it, as it is in a real run. One whole valgrind run per phase and tree:
about a minute each on a quiet machine.

Phases nest as in bench_publish_phases.py: 'summary' holds 'redact', 'guard', 'argument' and
'evidence'; 'redact' holds 'salt store'. 'all' is the whole command after its arguments are
read (load, gate and publishing).

    python bench/bench_publish_phase_instructions.py [--before SRC] [--phases a,b,...] [SIZE]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from _harness import PY, ensure_case, named_trees

PHASES = ("imports", "load", "gate", "salt store", "redact", "guard", "argument", "evidence", "summary",
          "diagram", "charts", "markdown", "html", "json", "all")

_RUN = r'''
import functools, sys
tree, phase, *args = sys.argv[1:]
sys.path.insert(0, tree)


def through_reduce(f):
    """`f`, called inside `functools.reduce` (where callgrind collects)."""
    def g(*a, **k):
        box = []
        functools.reduce(lambda x, y: box.append(f(*a, **k)), [0, 1])
        return box[0]
    return g


def counted(module, name, label, when=None):
    if label != phase:
        return
    f = getattr(module, name)
    g = through_reduce(f)
    setattr(module, name, g if when is None else (lambda *a, **k: g(*a, **k) if when(a) else f(*a, **k)))


import casegate.cli as cli
cli._without_pydantic_plugins()
cli._without_aws_signer()
import casegate.cli._publishing as publishing
import casegate.gate, casegate.load, casegate.verify


def imports():
    import casegate.publish._api as api
    import casegate.publish._commit as commit
    import casegate.publish._summary as summary
    import casegate.render
    return api, commit, summary


api, commit, summary = through_reduce(imports)() if phase == "imports" else imports()
counted(casegate.load, "load_case", "load")
counted(publishing, "decided_hashed", "gate")
counted(commit.Salts, "_records", "salt store")
counted(summary, "redact", "redact")
counted(summary, "TextGuard", "guard")
counted(summary, "_argument", "argument")
counted(summary, "_evidence", "evidence")
counted(api, "build_summary", "summary")
counted(publishing, "_diagram", "diagram")
counted(publishing, "_charts", "charts")
counted(api, "render", "markdown", lambda a: a[0].endswith(".md.j2"))
counted(api, "render", "html", lambda a: a[0].endswith(".html.j2"))
counted(api, "write_summary_json", "json")
counted(publishing, "run_publish", "all")
sys.argv = ["casegate", *args]
try:
    cli._main()
except SystemExit:
    pass
'''


def count(cmd: list[str], env: dict[str, str]) -> int:
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                          "--toggle-collect=functools_reduce", *cmd], capture_output=True, text=True, env=env)
    for line in out.stderr.splitlines():
        if "Collected :" in line:
            return int(line.rsplit(":", 1)[1])
    raise SystemExit(f"valgrind gave no count for {' '.join(cmd)}:\n{out.stderr[-2000:]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("size", nargs="?", type=int, default=10_000)
    ap.add_argument("--before", type=Path, help="another source tree to count in the same run")
    ap.add_argument("--phases", default=",".join(PHASES), help="comma-separated, of: " + ", ".join(PHASES))
    a = ap.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("bench_publish_phase_instructions needs valgrind (apt-get install valgrind)")
    phases = [p.strip() for p in a.phases.split(",") if p.strip()]
    unknown = [p for p in phases if p not in PHASES]
    if unknown:
        raise SystemExit(f"unknown phase(s): {', '.join(unknown)}; phases are {', '.join(PHASES)}")
    trees = named_trees(a.before)
    case = ensure_case(a.size)
    print(f"bench_publish_phase_instructions: {a.size // 1000}k elements, `publish --no-record` with the salts "
          "kept, instructions per phase (valgrind Ir)")
    print(f"  {'phase':<12}" + "".join(f"{name:>16}" for name in trees))
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "salts.json"
        got: dict[str, dict[str, int]] = {name: {} for name in trees}
        envs = {}
        for i, name in enumerate(trees):
            # each tree its own cache (kept schemas, compiled templates), warmed by a first run,
            # which also fills the salt store as a re-run finds it
            envs[name] = {**os.environ, "PYTHONHASHSEED": "0", "CASEGATE_CACHE_DIR": str(Path(tmp) / f"cache-{i}")}
        cmds = {name: [PY, "-c", _RUN, tree, "{phase}", "publish", str(case), "--out", str(Path(tmp) / f"out-{i}"),
                       "--salt-store", str(store), "--no-record"] for i, (name, tree) in enumerate(trees.items())}
        for name, cmd in cmds.items():
            subprocess.run([c.replace("{phase}", "none") for c in cmd], env=envs[name], check=True, capture_output=True)
        for p in phases:
            for name, cmd in cmds.items():
                got[name][p] = count([c.replace("{phase}", p) for c in cmd], envs[name])
            print(f"  {p:<12}" + "".join(f"{got[n][p]:>16,}" for n in trees), flush=True)


if __name__ == "__main__":
    main()
