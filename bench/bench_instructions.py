"""Instructions executed by `casegate --help`, `check` and `gate`, against `python -c "import pydantic, ryml"`.

On a shared, busy machine whole-process timings move by a tenth from run to run; the number of
instructions a process executes hardly moves at all. This counts them with valgrind (callgrind's
`Ir`, with PYTHONHASHSEED fixed), so a change of a few percent in start-up can be told from noise.
The counts are no substitute for `bench_startup.py`'s times (a compile-heavy start-up and a
page-fault-heavy one cost different times for the same count), only a steadier second view.
Each run takes some fifty times as long as the process itself.

    python bench/bench_instructions.py                    # yardstick, --help; atlas-api: check, gate, gate --keyring --preview
    python bench/bench_instructions.py --before OLD/src   # and an earlier casegate's source tree
    python bench/bench_instructions.py 10                 # also the 10k-goal argument
    python bench/bench_instructions.py 10 --large-only    # the yardsticks and the 10k-goal argument alone

With a K-thousand-goal argument, the rapidyaml floor of bench_argument.py (parse, emit JSON,
`json.loads` of the same files) is counted too, and `check` and `gate` of that argument are given
as a ratio to it as well (the goal: `check` of the 10k-goal argument within 2.5x of the floor).

What the checks added after a643cb00 cost, and winning it back (yardstick 276.95M; each pair from
one run with `--before` a643cb00's tree): they took check of atlas-api from 771.5M to 780.1M (2.79x
to 2.82x), gate from 796.8M to 805.6M and the keyed gate from 831.2M to 841.2M (3.04x), almost all
of it outside any rule function: the per-year rate grammar of `checks._text` (CG414) alone is two
patterns that `re` compiled at every import, 5.1M and 2.3M, and `checks._derived`'s security
level 0.6M. Patterns compiled at import are now built from programs `re` wrote for them when
casegate was developed (`casegate._patterns`, 24 patterns of the check path, the others there
before included), so no start-up runs `re`'s compiler for them: check 764.4M (2.76x, before
771.3M), gate 789.8M (2.85x, before 796.6M), keyed gate 825.4M (2.98x, before 831.6M); --help
93.6M either way.

Compiling the same text at every run (one run with `--before` 0a94ed6b's tree, yardstick 276.94M):
pydantic and the packages it imports define some fifty dataclasses, whose methods `dataclasses`
writes as source and compiles (about 92M), and `typing.ForwardRef` compiled some 740 string
annotations (44M, most of them pydantic-core's core-schema `TypedDict`s). The program now keeps
those code objects between runs (`casegate._codecache`, HMAC-tagged under the user's cache key, as
the models' core schemas are): check 662.1M (2.39x, before 770.9M), gate 688.3M (2.49x, before
797.2M), keyed gate 726.4M (2.62x, before 835.1M = 3.02x). --help 93.6M either way once its kept
text names cli/__init__.py's new size (`python -m casegate.cli._help --write`); until then Typer
renders it (1,412M).

The boundary's words readings (issue #21, one run at abafed31 with `--before` e3f4263b's tree, yardstick
279.16M): `stated_weights` is asked eight times a check and tried the weights and tuning patterns
on every clause each time (6.3M on atlas-api: `tuning_in_words` 4.79M, `weights_in_words` 1.56M,
counted with bench_function_instructions.py's wrapping). Each reading now first looks for one of
its trigger words in a clause (`_may_say`: lower-cased ASCII searched in C; other text by `re`
under the patterns' own case folding), the sign-up reading before `re` compiles its patterns, and
the weights and tuning answers are kept in the check's memo: 0.25M for both. check 686.4M (2.46x,
before 693.3M = 2.48x), gate 711.8M (2.55x, before 718.8M), keyed gate 749.6M (2.69x, before
756.5M); --help 94.9M either way. At 10k goals (rapidyaml floor 924.4M; `--large-only`, one
run), with CG406's bypass counts read once per check (each item's kind read in C; before, every
item was asked once for the case and once per safeguard citing a logged run, 26.7k calls),
CG416's evidence subjects read in C, and CG306 asking after a renamed copy of an earlier run only
where one is recorded: check 3,624.9M (floor 3.92x, before 3,695.1M = 4.00x), gate 3,724.4M
(4.03x, before 3,794.6M = 4.10x). bench_publish_instructions.py in the same session: publish
4,830.4M, gate 1,972.8M (2.45x; before 4,867.8M, 2,007.1M, 2.43x): the gate's share of publishing
shrank as much as the rest, so the ratio did not move toward 1.5x.

The readings of the boundary's words added since (issue #21, one run at 6f071c7f with `--before`
4635c625's tree, yardstick 276.94M): the on-device, routing, confirmation (CG428), vetting-operator
(CG425), evaluators-holding-weights and `named_by` readings each try a clause's trigger words first
(`_may_say`; the routing reading once per plain-ASCII text; the vetting reading asks who checks of
the whole statement where the case names no other organisation, before reading it part by part;
a `named_by` phrase compiles its pattern only for a text holding each word's stem), and their
small patterns (`\\w+`, `[\\W_]+`, `[-_/]+`, the inflections' tests) are kept programs, not
compiled by `re` at run time: check 689.4M (2.49x, before 692.2M = 2.50x), gate 715.1M (2.58x,
before 717.9M), keyed gate 752.8M (2.72x, before 755.5M); --help 93.6M either way. At 10k goals
(floor 923.1M, `--large-only`, same session): check 3,626.0M (floor 3.93x, before 3,642.8M =
3.95x), gate 3,726.2M (4.04x, before 3,748.7M = 4.06x).

Kept patterns built on first use (issue #21, one run at a11e74d9 with `--before` e4c1384c's tree,
yardstick 279.19M): the words readings' 88 patterns (`checks._derived`) are `lazy`, built when
first used (atlas-api builds 19 of them); the kept programs are one base64 string a pattern,
read as one object, not a tuple of 58,000 numbers; and check and gate let the kept code table go
once the case is loaded. check 692.8M (2.48x, before 699.2M = 2.50x), gate 718.7M (2.57x, before
724.7M), keyed gate 756.6M (2.71x, before 762.5M); --help 94.9M either way. One step at a time
(check of atlas-api, another run): the leaner argument index 698.8M, the lazy patterns 696.8M
(-2.0M), the packed programs with CG805's leaner index 693.1M (-3.7M). At 10k goals (floor
924.4M, `--large-only`, same tree): check 3,633.6M (floor 3.93x, before 3,636.4M), gate 3,740.2M
(4.05x, before 3,739.7M): the leaner memory of the rules (bench_memory.py) costs nothing here.

The argument's index reading only what was given (issue #21, 10k goals, one run at 28bf0a0e with
`--before` b0414828's tree, `--large-only`; floor 924.4M): each chunk of elements is read only for
the fields one of them was given (the union of their sets of given names, which a lean load shares:
a few sets a chunk), not for all fifteen the index keeps: a field an element was not given holds a
default no part of the index keeps (checked once against the model; otherwise every field is read).
`build_index` 213.0M, before 238.3M (bench_function_instructions.py, same session). check 3,624.5M
(floor 3.92x, before 3,636.4M = 3.93x), gate 3,729.6M (4.03x, before 3,741.6M = 4.05x). Profiled,
where the rest goes (bench_check_stages.py on b0414828): start-up 140M, imports 549M, load 1,770M
(parse 678M, building the large sections 921M: pydantic-core's model-fields validation about 480M of
it, its 483k `__dict__` insertions alone 134M; the sharing steps `_share_values` 144M,
`_share_field_sets` 95M, `_reuse_models` 59M), artifacts 74M, facts 386M, index 234M (now 213M:
`_reachable` 46M, `_kahn` 32M), rules 568M. The sha256 of the case's files and artifacts (4.4 MB; a
let-go file's is kept to refuse it changed before a finding is located in it) counts 122M in
callgrind's whole-process profile.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _harness import PY, ROOT, ensure_case, source_trees
from bench_argument import FLOOR

RUN = ("import sys\n"
       "sys.path.insert(0, sys.argv.pop(1))\n"
       "from casegate.cli import main\n"
       "sys.argv[0] = 'casegate'\n"
       "sys.exit(main())\n")
"""Runs the casegate source tree argv[1] as the `casegate` program does."""


def instructions(cmd: list[str], cache: str | None = None) -> int:
    """Instructions `cmd` executes (valgrind callgrind's total `Ir`), with `cache` as casegate's
    cache folder: each tree keeps its own, warmed by one run first, so a tree whose derived-facts
    cache has another version does not make the other read every log again."""
    env = {**os.environ, "PYTHONHASHSEED": "0", **({"CASEGATE_CACHE_DIR": cache} if cache else {})}
    if cache:
        subprocess.run(cmd, capture_output=True, env=env)
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
                         capture_output=True, text=True, env=env)
    if out.returncode not in (0, 1):  # 1: blocking findings, NO-GO
        raise SystemExit(f"benchmark command failed ({out.returncode}): {' '.join(cmd)}\n{out.stderr[-2000:]}")
    for line in out.stderr.splitlines():
        if "Collected :" in line:
            return int(line.rsplit(":", 1)[1])
    raise SystemExit(f"valgrind gave no count for {' '.join(cmd)}:\n{out.stderr[-2000:]}")


def main() -> None:
    if shutil.which("valgrind") is None:
        raise SystemExit("bench_instructions needs valgrind (apt-get install valgrind)")
    args = sys.argv[1:]
    if {"-h", "--help"} & set(args):
        print(__doc__)
        return
    large_only = "--large-only" in args
    if large_only:
        args.remove("--large-only")
    trees = source_trees(args)
    cases = {} if large_only else {"atlas-api": str(ROOT / "examples" / "atlas-api" / "case.yaml")}
    keyring = str(ROOT / "examples" / "atlas-api" / "keys" / "keyring.yaml")
    if bad := [a for a in args if not a.isdigit()]:
        raise SystemExit(f"bench_instructions: {bad[0]!r} is not a number of thousands of goals; see --help")
    cases.update({f"{k}k goals": str(ensure_case(2333 * k)) for k in map(int, args)})
    floors: dict[str, int] = {}
    yard = instructions([PY, "-c", "import pydantic, ryml"])
    print("bench_instructions: instructions executed (valgrind Ir), whole processes")
    print(f"  {'import pydantic,ryml':<34} {yard:>15,}")
    for suffix, tree in ({} if large_only else trees).items():  # the goal: within 2x of the yardstick
        n = instructions([PY, "-c", RUN, tree, "--help"])
        print(f"  {f'--help{suffix}':<34} {n:>15,}  ratio {n / yard:5.2f}x")
    with tempfile.TemporaryDirectory() as tmp:
        caches = {suffix: str(Path(tmp) / f"cache-{i}") for i, suffix in enumerate(trees)}
        for label, case in cases.items():
            commands = {"check": ["check"], "gate": ["gate"]}
            if label == "atlas-api":  # the release gate as CI runs it: signed, without recording
                commands["gate --keyring --preview"] = ["gate", "--keyring", keyring, "--preview"]
            if label != "atlas-api":  # the floor: reading the same files, before any validation or rule
                files = sorted(str(p) for p in Path(case).parent.glob("*.yaml"))
                floors[label] = instructions([PY, "-c", FLOOR, *files])
                print(f"  {f'rapidyaml floor {label}':<34} {floors[label]:>15,}  ratio {floors[label] / yard:5.2f}x")
            for name, command in commands.items():
                for suffix, tree in trees.items():
                    argv = [command[0], case, *command[1:]]
                    if label == "atlas-api":  # each tree gates its own example (its policy, its keyring)
                        argv = [a.replace(str(ROOT), str(Path(tree).parent)) for a in argv]
                    n = instructions([PY, "-c", RUN, tree, *argv], caches[suffix])
                    to_floor = f"  floor {n / floors[label]:5.2f}x" if label in floors else ""
                    print(f"  {f'{name} {label}{suffix}':<34} {n:>15,}  ratio {n / yard:5.2f}x{to_floor}")


if __name__ == "__main__":
    main()
