"""Instructions (valgrind Ir) the keyed gate of atlas-api spends inside named functions, each call
counted on its own and nested calls told apart.

The program runs as `gate CASE --keyring KEYRING --preview` does (no pydantic plugins, no AWS
signer, the schema cache on, the collector off); each function named is wrapped so that entering
and leaving it calls `functools.reduce`, and callgrind writes its counts at every such call
(`--dump-before`). The instructions between two marks belong to the innermost named function
running then: its *self* figure; *inclusive* adds what the named functions it called spent.
Whatever no named function covers is `<other>` (start-up and the imports before the run, mostly).
A function must be named where its caller looks it up (`casegate.gate._engine:facts_for`, not
`casegate.evidence:facts_for`); `Class.method` names a method. Each rule's check function is
counted too (its findings materialised inside the mark), as `CGnnn name`. The wrappers add a few
thousand instructions per call: compare figures of one run, not with bench_instructions.py.

    python bench/bench_keyed_functions.py                       # the rules and the default list
    python bench/bench_keyed_functions.py casegate.evidence._facts:_bypass_counts,...   # and these
    python bench/bench_keyed_functions.py --before OLD/src [NAMES]   # an earlier tree, after this one

Where the keyed gate's cost over `gate` lies (one run at 9b4bff6e, yardstick 276.96M, keyed gate
830.8M = 3.00x): the five Ed25519 signatures of atlas-api's evidence attestations cost 21.2M
inside `verify_signature` (importing cryptography's compiled module about 12.4M, mostly its type
objects being built; OpenSSL's first key fetch about 2.7M; each verification about 1.5M); no work
is done twice, and every other keyed step is under 1.5M (the keyring's models 6.7M in all). A
store of signatures verified by earlier runs, tagged under the user's cache key, cut the keyed
gate to 812.0M (2.93x). It is not kept: it would make a forged sign-off count for anyone who can
read that key and write the cache, on the step that decides who signed, for 5 ms a run.

The checks added after a643cb00 (CG421, CG414, CG107's tool reach, CG415/CG417) put 841.2M on the
keyed gate against a643cb00's 831.2M, the +9.5M nearly all in `<other>`: module-level
`re.compile` of the new patterns (CG414's rate grammar 7.4M, the security level 0.6M), not rule
functions. With the patterns kept as compiled programs (`casegate._patterns`; bench_instructions.py
has the figures) the keyed gate is 825.4M (2.98x) against the same tree's 831.6M.

Where the rest of `<other>` went (0a94ed6b, keyed gate 835.0M = 3.02x): counted per module import,
`dataclasses._create_fn` (the methods of pydantic's and annotated_types' fifty dataclasses,
compiled from source text) took 92M and `typing.ForwardRef`'s compile of string annotations 44M,
of which the yardstick itself pays 37M; runtime `re.compile` 22M (14M in the yardstick). With the
compiled code kept between runs (`casegate._codecache`) the keyed gate is 726.4M (2.62x).
"""

from __future__ import annotations

import collections
import glob
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _harness import PY, source_trees

DEFAULT = ("casegate.load:load_case,casegate.sign:load_keyring,casegate.verify:gate_inputs,"
           "casegate.sign._evidence:check_attestations,casegate.sign._statement:verify_signature,"
           "casegate.gate._engine:rehash_artifacts,casegate.gate._engine:facts_for,"
           "casegate.evidence:derive_evidence,casegate.evidence:apply_facts,"
           "casegate.evidence._facts:_bypass_counts,casegate.checks._registry:registered,"
           "casegate.gate._engine:run_checks,casegate.gate._engine:locate_findings,"
           "casegate.checks.answers:compose_answers,casegate.report:format_decision_text")

RUN = r"""
import functools, importlib, os, sys
sys.path.insert(0, sys.argv[1])
log, targets = sys.argv[2], [t for t in sys.argv[3].split(",") if t]
from casegate.cli import _without_pydantic_plugins, _without_aws_signer
_without_pydantic_plugins(); _without_aws_signer()
from casegate._schemacache import enable
try:  # the program keeps compiled code (an earlier tree compiles it at every run)
    from casegate import _codecache
except ImportError:
    _codecache = None
enable()
if _codecache: _codecache.enable()
import gc; gc.disable()
events = []
def mark(label):
    events.append(label)
    functools.reduce(int.__add__, (0, 1))
def wrapped(f, label, listed=False):
    def w(*a, **k):
        mark("enter " + label)
        try:
            return list(f(*a, **k)) if listed else f(*a, **k)
        finally:
            mark("exit")
    return w
for t in targets:
    module, name = t.rsplit(":", 1)
    owner = importlib.import_module(module)
    *outer, last = name.split(".")
    for part in outer:
        owner = getattr(owner, part)
    f = owner.__dict__.get(last) if isinstance(owner, type) else getattr(owner, last)
    setattr(owner, last, classmethod(wrapped(f.__func__, t)) if isinstance(f, classmethod) else wrapped(f, t))
from casegate.checks import _registry
registered, marked = _registry.registered, []
def registered_marked():
    rules = registered()  # the first call imports the rule families, as in the program
    if not marked:
        marked.append(True)
        for reg in rules:
            object.__setattr__(reg, "check", wrapped(reg.check, f"{reg.rule.code} {reg.rule.name}", listed=True))
    return rules
_registry.registered = registered_marked
from casegate.cli._fast import parse
from casegate.cli import _run
params = parse(["gate", sys.argv[4], "--keyring", sys.argv[5], "--preview"])
mark("enter <run>")
_run.run_gate(**params)
mark("exit")
with open(log, "w") as out:
    out.write("\n".join(events) + "\n")
if _codecache: _codecache.save()
sys.stdout.flush()
os._exit(0)
"""


def counted(tree: str, targets: str, tmp: Path) -> tuple[collections.Counter[str], collections.Counter[str],
                                                         collections.Counter[str]]:
    """(self, inclusive, calls) of each named function, by name, in one run of `tree`."""
    case = str(Path(tree).parent / "examples" / "atlas-api" / "case.yaml")
    ring = str(Path(tree).parent / "examples" / "atlas-api" / "keys" / "keyring.yaml")
    log, out = tmp / "events", tmp / "callgrind.out"
    env = {**os.environ, "PYTHONHASHSEED": "0", "CASEGATE_CACHE_DIR": str(tmp / "cache")}
    cmd = [PY, "-c", RUN, tree, str(log), targets, case, ring]
    subprocess.run(cmd, capture_output=True, env=env, check=True)  # warms the caches
    done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                           "--dump-before=functools_reduce", *cmd], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(f"the keyed gate failed under valgrind:\n{done.stderr[-2000:]}")
    costs = []
    for p in sorted(glob.glob(f"{out}.*"), key=lambda p: int(p.rsplit(".", 1)[1])) + [str(out)]:
        with open(p) as f:
            costs.append(next((int(line.split()[1]) for line in f if line.startswith("summary:")), 0))
    events = log.read_text().split("\n")[:-1] + ["end"]  # the last interval runs to the process's end
    stack = ["<other>"]
    own: collections.Counter[str] = collections.Counter()
    incl: collections.Counter[str] = collections.Counter()
    calls: collections.Counter[str] = collections.Counter()
    for cost, event in zip(costs, events, strict=True):
        own[stack[-1]] += cost
        for name in set(stack[1:]):
            incl[name] += cost
        if event.startswith("enter "):
            stack.append(event[6:])
            calls[event[6:]] += 1
        elif event == "exit":
            stack.pop()
    return own, incl, calls


def main() -> None:
    args = sys.argv[1:]
    trees = source_trees(args)
    extra = args[0] if args else ""
    targets = ",".join(t for t in (DEFAULT, extra) if t)
    print("bench_keyed_functions: instructions (valgrind Ir) inside named functions, keyed gate of atlas-api")
    for suffix, tree in trees.items():
        with tempfile.TemporaryDirectory() as tmp:
            own, incl, calls = counted(tree, targets, Path(tmp))
        rules = sum(c for name, c in incl.items() if name.startswith("CG"))
        print(f"  tree{suffix}: total {sum(own.values()):,}; every rule's check function together {rules:,}")
        print(f"  {'inclusive':>13} {'self':>13} {'calls':>5}")
        for name, c in incl.most_common():
            if c >= 500_000:
                print(f"  {c:>13,} {own[name]:>13,} {calls[name]:>5}  {name}")
        print(f"  {'':>13} {own['<other>']:>13,} {'':>5}  <other>")


if __name__ == "__main__":
    main()
