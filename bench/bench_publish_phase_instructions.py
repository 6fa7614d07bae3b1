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

`--path record` counts the publication recorded in a SQLite registry that holds the case (a
fresh copy for every run, the example keyring, `--unpinned`), as bench_publish_instructions.py's
recording path runs it, with its own phases besides: 'registry knows' (whether the registry
holds the case), 'registry facts' (what it holds about it, the stored version matched),
'stamp' (the keyring it records under, its own judgement), 'canonical' (the summary's RFC 8785
bytes, read from the JSON written) and 'record' (the judgement and summary logged; holds
'log append').

    python bench/bench_publish_phase_instructions.py [--path local|record] [--before SRC] [--phases a,b,...] [SIZE]

Figures for issue #21 (publish within 1.5x of gate at 10k elements), at c49ce642, local path, the
salts kept (millions of instructions; bench_publish_instructions.py in the same session: publish
4,679.9M, gate 2,056.2M, 2.28x):

    imports (publishing's own)  201.1     summary (all)   1,337.7     markdown   191.7
    load                        686.9       redact          900.0     html       167.4
    gate                        803.3         salt store    135.4     json       267.4
                                            guard            48.7     diagram    287.1
                                            argument view   188.0     charts      11.3
                                            evidence view    49.1     all      3,851.5

Publishing's own steps ('all' less load and gate) are 2,361M, with 201M of imports besides: the
goal (3,084M for the whole process) leaves about 1,030M for both, some 40% of what they cost.
No one step is most of it: the redaction (the walk of every element writing the public document
and its leaves, 2,877 elements sealed, the salt store read) is a third, the JSON, Markdown, HTML
and the overview diagram (partitioning 10k elements into modules) each a tenth or so. Two changes
measured no gain and were not kept: reading a salt store as written without the per-object key
check (`json.loads` plus writing it back costs what the key check costs, about 5 ms either way),
and taking integers, booleans and nulls inside the sealing walk's object loop (1.5% less CPU in
`canonical_leaves`); with both, bench_publish_instructions.py counted publish at 4,699.0M against
4,679.9M before them.

The wording guard (casegate's fixed wording excused in composed texts, `publish/_fixed.py`)
came after those figures: at 799a17f2 `variable_parts` counted 481.1M (35 composed texts, 1,485
texts matched at some depth, 982 of them listing every run of four characters to find their
candidate templates, 59,344 candidates tried). A matched text's parts are now tried only against
the templates whose literal parts the text itself holds (a part holds no literal the text does
not): 13,426 candidates tried, 147.99M. bench_publish_instructions.py, the same run, local path:

    this tree (0780f78e)  publish 4,888.5M  gate 2,058.7M  2.37x
    799a17f2              publish 5,222.3M  gate 2,058.9M  2.54x

Then, against daae9eef (an unchanged, byte-compiled copy of it passed as `--before`), local path,
the salts kept:

    phase          this tree    daae9eef
    redact           889.4M      899.7M    (e43f9919, the same run)
    redact           883.5M                (bafedd8f, a later run)
    diagram          271.4M      287.4M    (e43f9919, byte-compiled anew, the next run)

    bench_publish_instructions.py, local path:
    this tree (bafedd8f)  publish 4,833.9M  gate 2,053.6M  2.35x
    this tree (e43f9919)  publish 4,839.3M  gate 2,054.2M  2.36x
    daae9eef              publish 4,877.2M  gate 2,053.0M  2.38x   (the run beside e43f9919's first count)

The redaction builds each sealed element's `Sealed` and `Stub` with `tuple.__new__` (a named
tuple's own `__new__` is a Python frame), reads the stub's level from the member's `_value_`
(`Enum.value` is a Python-level descriptor), calls no `typing.cast` per element, and takes a
list of texts in a shown element with `map` over the step mask and one set update; the module
partition notes each element's tree parent as its search reaches it and filters children in a
loop. The gate's own count does not move (neither module is imported by `gate` or `check`).
Mind byte-compiling: with PYTHONDONTWRITEBYTECODE set, a module edited after
`named_trees` compiled it is compiled again in every counted process (a first count of this
tree's publish, with `render/_split.py` so left stale, was 4,943.95M).

Where the redaction's instructions go (a script sealing the 2,877 evidence items of the 10k case
apart, callgrind): `content_of` (pydantic-core's `to_python` of each item, defaults left out,
its nested models compared with None through `BaseModel.__eq__`) 153M; `canonical_leaves` 234M,
of which the sorted copy with its leaves (`_ordered_leaves`) 178M; SHA-256 of the bodies 47M; the
rest is the walk of the public elements. Two changes measured worse and were not kept: taking
each object of `_ordered_leaves` whole with C functions (its keys sorted, `map` of its
`__getitem__`, `dict(zip(...))`, `compress` of the text values) took twice the CPU time of the
per-key loop on those contents (objects of a few keys: the iterators cost more than the loop);
and filtering the walk's field loop in C (`itemgetter` of the fields' values, `compress` on
`is_not` against the defaults) counted 754.2M for `redact` (the salt store read apart) against
747.6M without it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from _harness import PY, ensure_case, named_trees, reduce_instructions
from bench_publish import KEYRING, _registry

PHASES = ("imports", "load", "gate", "salt store", "redact", "guard", "argument", "evidence", "summary",
          "diagram", "charts", "markdown", "html", "json", "all")
RECORD_PHASES = ("registry knows", "registry facts", "stamp", "canonical", "record", "log append")
"""Phases only the recording path has (`--path record`)."""

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
counted(publishing, "_registry_knows", "registry knows")
counted(publishing, "_registry_facts", "registry facts")
counted(publishing, "_publication_stamp", "stamp")
if phase in ("canonical", "record", "log append"):
    import casegate.approve, casegate.store
    import casegate.store._log as log
    counted(casegate.store.CanonicalJSON, "of_text", "canonical")
    counted(casegate.approve, "record_published", "record")
    counted(log.Log, "_append", "log append")
sys.argv = ["casegate", *args]
try:
    cli._main()
except SystemExit:
    pass
'''


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("size", nargs="?", type=int, default=10_000)
    ap.add_argument("--path", choices=("local", "record"), default="local")
    ap.add_argument("--before", type=Path, help="another source tree to count in the same run")
    ap.add_argument("--phases", help="comma-separated, of: " + ", ".join(PHASES + RECORD_PHASES)
                    + " (default: every phase of the path)")
    a = ap.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("bench_publish_phase_instructions needs valgrind (apt-get install valgrind)")
    known = PHASES + (RECORD_PHASES if a.path == "record" else ())
    phases = [p.strip() for p in a.phases.split(",") if p.strip()] if a.phases else list(known)
    unknown = [p for p in phases if p not in known]
    if unknown:
        raise SystemExit(f"unknown phase(s) for the {a.path} path: {', '.join(unknown)}; phases are {', '.join(known)}")
    trees = named_trees(a.before)
    case = ensure_case(a.size)
    what = ("`publish --no-record`" if a.path == "local" else "`publish --db --keyring --unpinned` (recorded)")
    print(f"bench_publish_phase_instructions: {a.size // 1000}k elements, {what} with the salts kept, "
          "instructions per phase (valgrind Ir)")
    print(f"  {'phase':<14}" + "".join(f"{name:>16}" for name in trees))
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "salts.json"
        template = _registry(case, Path(tmp), a.size) if a.path == "record" else None
        db = Path(tmp) / "registry.db"
        got: dict[str, dict[str, int]] = {name: {} for name in trees}
        envs = {}
        for i, name in enumerate(trees):
            # each tree its own cache (kept schemas, compiled templates), warmed by a first run,
            # which also fills the salt store as a re-run finds it
            envs[name] = {**os.environ, "PYTHONHASHSEED": "0", "CASEGATE_CACHE_DIR": str(Path(tmp) / f"cache-{i}")}
        tail = ["--no-record"] if template is None else ["--db", f"sqlite:///{db}", "--keyring", str(KEYRING),
                                                          "--unpinned"]
        cmds = {name: [PY, "-c", _RUN, tree, "{phase}", "publish", str(case), "--out", str(Path(tmp) / f"out-{i}"),
                       "--salt-store", str(store), *tail] for i, (name, tree) in enumerate(trees.items())}

        def fresh() -> None:  # every recording run publishes into a fresh copy of the registry
            if template is not None:
                shutil.copyfile(template, db)

        for name, cmd in cmds.items():
            fresh()
            subprocess.run([c.replace("{phase}", "none") for c in cmd], env=envs[name], check=True, capture_output=True)
        for p in phases:
            for name, cmd in cmds.items():
                fresh()
                got[name][p] = reduce_instructions([c.replace("{phase}", p) for c in cmd], envs[name])
            print(f"  {p:<14}" + "".join(f"{got[n][p]:>16,}" for n in trees), flush=True)


if __name__ == "__main__":
    main()
