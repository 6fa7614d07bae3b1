"""Start-up and small-to-large `check`: casegate against the yardsticks, whole processes, paired.

Every comparison runs its commands interleaved in one call (see `_harness.paired`) and reports
medians and their ratio. Yardsticks, measured in the same run:

- `python -c "import pydantic, ryml"`: the libraries casegate reads a case with, and nothing else.
  Goals: `check` and `gate` on examples/atlas-api within 3x of it, `casegate --help` within 2x.
- the rapidyaml floor: a process that parses every file of the case with rapidyaml, emits JSON
  and `json.loads` it (what reading the case costs before any validation or rule).
  Goal: `check` of the 10k-goal argument within 2.5x of it.

gsn2x (a Rust tool) cannot be built on the benchmark machine (no crates.io), so its figures are
quoted from its own measurement, as reference numbers and not as ratios from this run:
gsn2x 4.3.2 `-c` took 0.031 s at 1k goals and 1.04 s at 10k, peaking at 35 MiB (10k) and
311 MiB (100k).

    python bench/bench_startup.py            # atlas-api, --help, 1k and 10k goals
    python bench/bench_startup.py 1 10 100   # the argument sizes, in thousands of goals
    python bench/bench_startup.py 0          # start-up only: atlas-api and --help
    python bench/bench_startup.py 0 --before OLD/src   # and an earlier casegate's source tree, in
                                             # the same interleaved runs (ratios before and after)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from _harness import PY, ROOT, casegate, ensure_case, paired

GSN2X = {1: (0.031, None), 10: (1.04, 35), 100: (None, 311)}
"""Reference figures for gsn2x `-c` (seconds, peak MiB) by thousands of goals: not from this run."""

FLOOR = ("import json, sys, ryml\n"
         "for p in sys.argv[1:]:\n"
         "    buf = bytearray(open(p, 'rb').read())\n"
         "    tree = ryml.parse_in_place(buf)\n"
         "    json.loads(ryml.emit_json_malloc(tree, tree.root_id()))\n")


def argument_case(kgoals: int) -> Path:
    """The synthetic case of `gen_case.py` with a `kgoals`-thousand-goal argument (2,333 elements
    per thousand goals: each developed claim has a strategy, a context and three sub-claims, each
    leaf claim one evidence item), spread over several files."""
    return ensure_case(2333 * kgoals)


def _line(name: str, ours: float, base: float, base_name: str, goal: float | None) -> str:
    ratio = ours / base
    verdict = "" if goal is None else (" MET" if ratio <= goal else " MISSED")
    goal_s = "" if goal is None else f" (goal <= {goal:.1f}x){verdict}"
    return f"  {name:<36} {ours * 1000:8.1f} ms  vs {base_name} {base * 1000:7.1f} ms  ratio {ratio:5.2f}x{goal_s}"


BEFORE = ("import sys\n"
          "sys.path.insert(0, sys.argv.pop(1))\n"
          "from casegate.cli import main\n"
          "sys.argv[0] = 'casegate'\n"
          "sys.exit(main())\n")
"""Runs an earlier casegate source tree (argv[1]) as the `casegate` program does."""


def main() -> None:
    args = sys.argv[1:]
    before = None
    if "--before" in args:
        i = args.index("--before")
        before = str(Path(args[i + 1]).resolve())
        del args[i:i + 2]
        import compileall

        compileall.compile_dir(before, quiet=1)
    sizes = [k for k in map(int, args) if k > 0] if args else [1, 10]
    cg = casegate()
    atlas = str(ROOT / "examples" / "atlas-api" / "case.yaml")
    yard = [PY, "-c", "import pydantic, ryml"]
    print("bench_startup: whole processes, medians of interleaved runs (wall; cpu = user + system)")
    cmds = {"yardstick": yard, "help": [cg, "--help"], "check": [cg, "check", atlas], "gate": [cg, "gate", atlas]}
    if before is not None:
        for name in ("check", "gate"):
            cmds[f"{name} before"] = [PY, "-c", BEFORE, before, name, atlas]
    runs = paired(cmds, repeat=int(os.environ.get("BENCH_REPEAT", "7")))
    base = runs["yardstick"]
    for name, goal in (("help", 2.0), ("check", 3.0), ("gate", 3.0), ("check before", 3.0), ("gate before", 3.0)):
        if name not in runs:
            continue
        label = {"help": "casegate --help", "check": "check atlas-api", "gate": "gate atlas-api"}.get(
            name, name.replace(" before", " atlas-api (before)"))
        for kind in ("wall", "cpu"):
            print(_line(f"{label} [{kind}]", getattr(runs[name], kind), getattr(base, kind),
                        "import pydantic,ryml", goal))
    for k in sizes:
        case = argument_case(k)
        files = sorted(str(p) for p in case.parent.glob("*.yaml"))
        rep = 5 if k <= 1 else 3
        runs = paired({"floor": [PY, "-c", FLOOR, *files], "check": [cg, "check", str(case)]}, repeat=rep)
        ours, floor = runs["check"], runs["floor"]
        ref_s, ref_mib = GSN2X.get(k, (None, None))
        goal = 2.5 if k == 10 else None
        for kind in ("wall", "cpu"):
            print(_line(f"check {k}k goals [{kind}]", getattr(ours, kind), getattr(floor, kind),
                        "rapidyaml floor", goal))
        ref = []
        if ref_s is not None:
            ref.append(f"gsn2x -c {ref_s:.3f} s (quoted, not this run): casegate wall/gsn2x "
                       f"{ours.wall / ref_s:.2f}x")
        if ref_mib is not None:
            ref.append(f"gsn2x peak {ref_mib} MiB (quoted): casegate/gsn2x {ours.peak_kib / 1024 / ref_mib:.2f}x")
        print(f"  {'':<28} peak RSS check {ours.peak_kib / 1024:.0f} MiB, floor {floor.peak_kib / 1024:.0f} MiB"
              + ("; " + "; ".join(ref) if ref else ""))


if __name__ == "__main__":
    main()
