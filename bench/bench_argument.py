"""`check` of a large argument against the rapidyaml floor, whole processes, interleaved.

The synthetic case of `gen_case.py` with K thousand goals (2,333 argument and evidence elements
per thousand goals, spread over included files) is checked by casegate; in the same run, the
rapidyaml floor reads the same files (parse, emit JSON, `json.loads`: what reading the case costs
before any validation or rule). Goal: `check` of the 10k-goal argument within 2.5x of the floor,
peak memory at most 2x gsn2x's. `gate` of the same case is measured beside it (no goal of its own:
it runs every rule of `check`, and the boundary trials, on the same input).

gsn2x (Rust) cannot be built on the benchmark machine (no crates.io): its figures are the ones
quoted beside the goal (gsn2x 4.3.2 `-c`: 1.04 s and 35 MiB at 10k goals, 311 MiB at 100k), fixed
yardsticks and not measurements of this run.

Set CASEGATE_BEFORE to the `src` folder of another casegate tree (e.g. an older commit extracted
with `git archive COMMIT src | tar -x -C /tmp/before`) to check the same case with it in the same
interleaved run, so that "before" and "after" ratios come from one run (`check` and `gate`).

    python bench/bench_argument.py          # 10k goals (CI-sized)
    python bench/bench_argument.py 10 100   # also 100k goals (a minute or more per run)
    BENCH_REPEAT=9 python bench/bench_argument.py   # more interleaved runs (medians steadier)
"""

from __future__ import annotations

import os
import sys

from _harness import PY, casegate, ensure_case, paired

GSN2X_MIB = {10: 35, 100: 311}
"""gsn2x 4.3.2 `-c` peak memory (MiB) by thousands of goals: quoted, not from this run."""
GSN2X_S = {1: 0.031, 10: 1.04}
"""gsn2x 4.3.2 `-c` wall time (s) by thousands of goals: quoted, not from this run."""

FLOOR = ("import json, sys, ryml\n"
         "for p in sys.argv[1:]:\n"
         "    buf = bytearray(open(p, 'rb').read())\n"
         "    tree = ryml.parse_in_place(buf)\n"
         "    json.loads(ryml.emit_json_malloc(tree, tree.root_id()))\n")


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [10]
    cg = casegate()
    before = os.environ.get("CASEGATE_BEFORE")
    print("bench_argument: check of a K-thousand-goal argument vs the rapidyaml floor "
          "(medians of interleaved whole-process runs; cpu = user + system)")
    for k in sizes:
        case = ensure_case(2333 * k)
        files = sorted(str(p) for p in case.parent.glob("*.yaml"))
        cmds = {"floor": [PY, "-c", FLOOR, *files], "check": [cg, "check", str(case)],
                "gate": [cg, "gate", str(case)]}
        if before:
            for command in ("check", "gate"):
                cmds[f"{command} before"] = ["env", f"PYTHONPATH={before}", PY, "-m", "casegate", command,
                                             str(case)]
        runs = paired(cmds, repeat=int(os.environ.get("BENCH_REPEAT", "3")) if k <= 10 else 1)
        floor = runs["floor"]
        for name in [n for n in ("check before", "check", "gate before", "gate") if n in runs]:
            r = runs[name]
            label = name.replace(" before", " (before)")
            goal = " (goal <= 2.5x)" if k == 10 and name.startswith("check") else ""
            print(f"  {k:>4}k goals {label:<14} wall {r.wall:7.3f} s  cpu {r.cpu:7.3f} s   floor wall "
                  f"{floor.wall:6.3f} s cpu {floor.cpu:6.3f} s   ratio wall {r.wall / floor.wall:5.2f}x "
                  f"cpu {r.cpu / floor.cpu:5.2f}x{goal}")
            mib = r.peak_kib / 1024
            ref = GSN2X_MIB.get(k) if name.startswith("check") else None  # gsn2x only checks
            refs = f"; gsn2x {ref} MiB (quoted) -> {mib / ref:.2f}x (goal <= 2x)" if ref else ""
            if k in GSN2X_S and name.startswith("check"):
                refs += f"; gsn2x -c {GSN2X_S[k]:.2f} s (quoted) -> wall {r.wall / GSN2X_S[k]:.2f}x"
            print(f"  {'':>10} {'':<14} peak RSS {mib:6.0f} MiB (floor {floor.peak_kib / 1024:.0f} MiB){refs}")


if __name__ == "__main__":
    main()
