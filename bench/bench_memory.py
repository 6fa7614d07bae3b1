"""Where `check` of a synthetic case reaches its peak of memory, phase by phase.

Each run is a fresh process that runs `casegate check CASE` as the command line does (the fast
path, the cyclic collector off), with the load's and the check's steps wrapped: each step reports
the resident set size (RSS) before and after it and the highest RSS reached while it ran (the
kernel's high-water mark, reset at the start of every step through /proc/self/clear_refs, so a
step's peak is its own; Linux only). Steps nest (a file's parse within the load): a step's peak
counts its inner steps'.

    start-up          importing what `check` imports, up to loading the case
    read <file>       reading and parsing one file (rapidyaml, its JSON, pydantic-core's JSON reader)
    build sections    building one file's large sections into models (a lean load)
    validate case     building the case around its sections
    policy            loading the policy
    artifacts         hashing the evidence artifacts
    facts             deriving the evidence facts (the case as its artifacts show it)
    rules             every rule `check` runs
    locate            locating the findings
    report            formatting the report

The last lines give the whole process's peak as the kernel counts it (`ru_maxrss`, what
`/usr/bin/time -v` reports), and the peak with nothing wrapped, from a plain `casegate check`.

    python bench/bench_memory.py            # 10k goals
    python bench/bench_memory.py 1 10 100   # 1k, 10k and 100k goals
    python bench/bench_memory.py --before OLD/src   # and an earlier casegate's source tree, same run

At b6c22646 (issue #21, 10k goals, 23,330 elements): plain `casegate check` 68.9 MiB (1.97x
gsn2x's quoted 35 MiB; the goal is at most 2x). The process reaches its peak twice, within about
1.5 MiB: while reading evidence-synthetic.yaml (51.1 MiB before, 67.2 at its peak, 55.4 after:
the parse's JSON and the dicts read from it, the YAML tree already let go before the dicts are
built) and at the end of the rules (61.8 before, 68.6 after: the argument's index and what the
rules keep). Nothing there holds the raw bytes, the tree, the dicts and the models together; a
lower peak needs both steps lowered.

Later (one run with `--before` the tree before the change; the probe now runs `check` as the
program does, with the models' schemas and the compiled code kept): plain `casegate check` 70.9
MiB, 2.03x gsn2x's quoted 35 MiB (before: 73.1 MiB, 2.09x), in as many instructions
(`bench_instructions.py 10 --large-only`: check 3,725.8M, before 3,724.6M; gate 3,825.4M,
before 3,820.8M). Start-up 34.6 MiB (before 35.6): the kept code table (2,080 entries here, from
several casegate versions) is held as marshalled bytes, 1.8 MiB, not as code objects, 3.4 MiB. The load's peak, reading evidence-synthetic.yaml, 68.8
(before 71.6): the file's bytes are let go before its tree is built, not after (1.7 MiB). The end
of the rules 71.1 (before 73.4): `reachable` is the key set of the index's `types` when every
element is reachable, `depended_on` is no longer copied, and the evidence naming index maps ids
to ids (not to lists of one) and counts positions only for a text naming two or more items.
Measured and left out: `malloc_trim(0)` at the end of each read, build, the load and the facts
(0.9 MiB less RSS right after the load, the same peak: the freed memory is reused, not held by
glibc's heap); evidence copies sharing one table of keys (1.0 MiB less, but 38M instructions
more, 8% of deriving the facts). What is left: start-up (pydantic and rapidyaml 20 MiB, casegate's
modules 18), the models (23,351 `__dict__`s of 470 bytes, 11 MiB), their strings (3.9), the
facts (+4.6: the effective copies of 6,676 evidence items, 3.5) and the argument's index (+2.7).

Measured and left out, with one run each against the tree before (92acae1a): the evidence items,
and the models they hold, given `__dict__`s that share a table of their fields' names (CPython's
key-sharing dicts: 216 bytes for an item's 18 fields, 168 for a result's 12, against pydantic's
464), made as a lean load builds each part, so that the effective copies the facts make share it
too: plain `casegate check` 68.1 MiB (before 70.5; 1.95x gsn2x's quoted 35 MiB), the facts +1.5
MiB (before +4.6), the load's peak unchanged (68.4), but 58M instructions more (check 3,746.6M,
before 3,688.2M, +1.6%; gate +1.3%): inserting each value into the shared table again costs some
4,800 instructions an item, the check of the keys' order 2,700 (left to the first item of a part:
still over). Doing the same for the argument's elements lowers the load's peak (65.5, plain
check 65.2 MiB) at 6.9% more instructions. The model classes' own key tables cannot be used: the
classes' instances, each given a `__dict__` of its own by pydantic, have used up their room for
names before the first is built; the table is a plain class's, primed with the fields' names.

At 6f071c7f (one run each, `--before` 4635c625's tree at 10k goals): plain `casegate check` 71.0
MiB at 10k goals (2.03x gsn2x's quoted 35 MiB; before 71.1) and 342.0 MiB at 100k (1.10x its 311
MiB: the goal is met there). At 10k the process peaks at the end of the rules (65.2 before them,
71.2 at their peak), the read of evidence-synthetic.yaml next (68.8). tracemalloc counts 3.9 MiB
the rules allocate and keep (peak 4.3; RSS grows 5.8, the rest freed memory between the kept
objects): the argument's index 2.5 (`types`, `support` and `depended_on` 0.4 each, `fields` 1.0,
`order` 0.13), `domain_in_scope` 0.4, CG805's naming index 0.9 (the casefolded ids 0.35 and
their table 0.2), `cited_evidence` and `evidence_subjects` 0.2 each. Measured and left out: a
naming index that looks ids up in the evidence map itself where every id is its own casefold
(0.5 MiB less on a case with lower-case ids; none on this argument, whose ids are `E0`...).

At a11e74d9 (one run, `--before` e4c1384c's tree, 10k goals): plain `casegate check` 69.0 MiB,
1.97x gsn2x's quoted 35 MiB (before: 71.2 MiB, 2.04x). The end of the rules 68.9 (before 71.5;
the rules grow the process 3.4 MiB, before 5.9), now level with the read of
evidence-synthetic.yaml (68.6). What the rules allocate and keep (tracemalloc) 4.2 MiB, before
5.6: the index's `support` holds the elements that list support only (0.4 MiB: a table of every
element, most listing none); CG805's naming index keeps casefolded copies only of ids that are
mixed-case or not ASCII (an ASCII id with no capital letter, or no small letter, is looked up in
the evidence map itself: 0.55 MiB); the cited evidence is the evidence map's own keys when every
item is cited (0.2); the domains in scope keep what is passed down apart from the elements' own
(0.2). Outside the rules: the kept code table (`casegate._codecache`: 2,108 entries in this
user's cache, of which `check` uses 387, the rest other commands' and other casegate versions')
is let go once the case is loaded, and the kept regular expressions' programs are one base64
string a pattern (0.16 MiB less at start-up than tuples of numbers), the words readings' built
on first use. With a cache written by the two trees alone (mean of six hash seeds each): 68.1
MiB, before 69.5.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from _harness import PY, ensure_case, paired, source_trees
from bench_argument import GSN2X_MIB

_RUN = r'''
import json, os, re, resource, sys
_status = re.compile(rb"VmRSS:\s+(\d+).*?VmHWM:\s+(\d+)|VmHWM:\s+(\d+).*?VmRSS:\s+(\d+)", re.S)
def _mem():
    with open("/proc/self/status", "rb") as f:
        m = _status.search(f.read())
    rss, hwm = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    return int(rss), int(hwm)
def _reset():
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
steps, stack = [], []
def _enter(name):
    rss, hwm = _mem()
    for fr in stack:  # the open steps keep the peak reached so far
        fr[2] = max(fr[2], hwm)
    _reset()
    stack.append([name, rss, rss])
def _leave():
    rss, hwm = _mem()
    fr = stack.pop()
    fr[2] = max(fr[2], hwm)
    for outer in stack:
        outer[2] = max(outer[2], fr[2])
    steps.append((len(stack), fr[0], fr[1], rss, fr[2]))
def wrap(owner, attr, name):
    f = getattr(owner, attr)
    def g(*a, **k):
        _enter(name(*a) if callable(name) else name)
        try:
            return f(*a, **k)
        finally:
            _leave()
    setattr(owner, attr, g)
_enter("start-up")
sys.argv = ["casegate", *sys.argv[1:]]
import gc
gc.disable()
from casegate.cli import _without_pydantic_plugins
_without_pydantic_plugins()
try:  # as the program runs `check`: no AWS signer, the models' schemas and compiled code kept
    from casegate.cli import _without_aws_signer
    from casegate import _codecache, _schemacache
    _without_aws_signer()
    _schemacache.enable()
    _codecache.enable()
except ImportError:  # (a casegate from before the caches)
    pass
from casegate.cli import _fast, _run, _common
from casegate import load, checks, evidence, report
from casegate.load import _loader
from casegate.checks import _run as checks_run, _registry
from casegate.model import Case
_leave()
wrap(_loader, "_read", lambda path, shown, *a: "read " + os.path.basename(shown))
wrap(_loader, "_build_sections", "build sections")
wrap(Case, "model_validate", "validate case")
wrap(_loader, "load_policy", "policy")
wrap(_loader, "_case_regimes", "regimes")
wrap(load, "load_case", "load")
wrap(_common, "attested", "attested")
wrap(evidence, "rehash_artifacts", "artifacts")
import casegate.evidence as ev
wrap(ev, "facts_for", "facts")
wrap(checks_run, "run_checks", "rules")
wrap(checks_run, "locate_findings", "locate")
wrap(report, "format_text", "report")
wrap(report, "format_json", "report")
run = _fast.fast_command(sys.argv[1:])
devnull = os.open(os.devnull, os.O_WRONLY)
saved = os.dup(1)
os.dup2(devnull, 1)
try:
    run()
except SystemExit:
    pass
sys.stdout.flush()
os.dup2(saved, 1)
print(json.dumps({"steps": steps, "maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
os._exit(0)
'''


def probe(case: str, src: str) -> dict[str, object]:
    """The steps of one `check` of the source tree `src` (depth, name, RSS before, RSS after, peak;
    KiB) and its ru_maxrss."""
    env = {**os.environ, "PYTHONPATH": src}
    out = subprocess.run([sys.executable, "-c", _RUN, "check", case], capture_output=True, text=True,
                         env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    args = sys.argv[1:]
    if args and args[0] in ("-h", "--help"):
        print(__doc__)
        return
    trees = source_trees(args)
    sizes = [int(a) for a in args] or [10]
    print("bench_memory: RSS of `check` by step (MiB): before, after, peak while it ran")
    for k in sizes:
        case = str(ensure_case(2333 * k))
        # (each tree through PYTHONPATH: the installed command runs the tree it was installed from)
        plain = paired({suffix: ["env", f"PYTHONPATH={src}", PY, "-m", "casegate", "check", case]
                        for suffix, src in trees.items()}, repeat=3)
        for suffix, src in trees.items():
            got = probe(case, src)
            print(f"  {k}k goals{suffix}")
            for depth, name, before, after, peak in got["steps"]:  # type: ignore[attr-defined]
                print(f"    {'  ' * depth}{name:<{28 - 2 * depth}} {before / 1024:7.1f} {after / 1024:7.1f} "
                      f"{peak / 1024:7.1f}")
            mib = plain[suffix].peak_kib / 1024
            ref = (f"; gsn2x {GSN2X_MIB[k]} MiB (quoted) -> {mib / GSN2X_MIB[k]:.2f}x (goal <= 2x)"
                   if k in GSN2X_MIB else "")
            print(f"    process peak (ru_maxrss) {got['maxrss'] / 1024:.1f} MiB probed; "  # type: ignore[operator]
                  f"plain `casegate check` {mib:.1f} MiB{ref}")


if __name__ == "__main__":
    main()
