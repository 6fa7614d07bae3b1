"""`gate --db` against a registry holding many approved versions of the case, against one holding one.

A gate run against a registry may compare the case with every version of it a decision approved
(a defeater that stood in any of them is followed through them all, CG806, each version built as a
case) besides the previous and last approved versions, and CG306 reads every recorded version for
the oldest recorded run of each threshold when a run is known by its sample names only (as
atlas-api's are), from the versions' stored case files without building them; each is read only
when a rule reads it. This builds registries in which
atlas-api was approved 1, 10, 100 (and, when asked, more) times, each version differing from the
one before only in its declared version, then measures in one run, each in a fresh process,
`casegate gate CASE --db REGISTRY --keyring KEYRING --preview` of the next version against each:

    cpu s, wall s   median of the runs (CPU: user + system; waiting for a core is not counted)
    peak MiB        peak resident memory
    instructions    valgrind's count (`--instructions`; slow: fifty times the process's time)

The 1-version registry is the yardstick; every figure is given as a ratio to it, and per added
approved version. The registries are built through the library (each decision the gate's record
of the first version, bound to each later version and to what the registry requires it to have
been compared with), which takes time quadratic in the count; `--keep DIR` keeps them for
another run.

    python bench/bench_registry_history.py                       # 1, 10, 100 approved versions
    python bench/bench_registry_history.py 1 10 100 500 --keep /tmp/casegate-bench-registries
    python bench/bench_registry_history.py --instructions        # and valgrind's counts
    python bench/bench_registry_history.py --before OLD/src      # and an earlier casegate, same run
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _harness import PY, ROOT, paired, source_trees
from bench_instructions import RUN, instructions

BUILD = r'''
import shutil, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
n, where, example = int(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
from casegate.evidence import model_digest, rehash_artifacts
from casegate.gate import run_gate
from casegate.load import load_case
from casegate.model import ComparedVersion
from casegate.monitor import decide, record_model_files, submit_for_review
from casegate.monitor._compare import required_history
from casegate.sign import load_keyring, parse_instant, with_attestations
from casegate.store import open_registry
shutil.rmtree(where, ignore_errors=True)
shutil.copytree(example, where / "case")
main = where / "case" / "case.yaml"
text = main.read_text()
assert text.count('version: "1.0"') >= 1
keyring = load_keyring(example / "keys" / "keyring.yaml")
reg = open_registry(f"sqlite:///{where / 'registry.db'}")
md = model_digest(where / "case" / "model")
base = None
for i in range(1, n + 1):
    main.write_text(text.replace('version: "1.0"', f'version: "1.{i}"', 1))
    loaded = load_case(main)
    v = reg.submit_case(loaded)
    record_model_files(reg, v.case_id, v.number, md.digest, md.resources, weights=md.weights,
                       tensors=md.tensors, content=md.content)
    if i == 1:
        submit_for_review(reg, v.case_id, by="bench")
        signed = with_attestations(loaded, keyring, parse_instant("2026-11-27", end_of_day=True))
        base = run_gate(signed, artifacts=rehash_artifacts(signed), comparison=None)
        assert base.outcome != "NO-GO", base.outcome
    versions, incidents = required_history(reg, v.case_id, v.number)
    decide(reg, base.model_copy(update={
        "case_version": f"1.{i}",
        "digests": base.digests.model_copy(update={"case_files": {f.path: f.sha256 for f in loaded.files}}),
        "compared": [ComparedVersion(role="approved", case=c, number=k, digest=d) for c, k, d, _ in versions],
        "incidents_compared": incidents}))
assert reg.case_state(v.case_id).startswith("approved"), reg.case_state(v.case_id)
# the version the gate decides on: the next one, not yet submitted
main.write_text(text.replace('version: "1.0"', f'version: "1.{n + 1}"', 1))
'''
"""Builds the registry `argv[3]` with `argv[2]` approved versions of the example `argv[4]`, with
the casegate source tree `argv[1]`."""


def build(tree: str, n: int, where: Path) -> None:
    if (where / "registry.db").is_file() and (where / f"built-{n}").is_file():
        return
    subprocess.run([PY, "-c", BUILD, tree, str(n), str(where), str(ROOT / "examples" / "atlas-api")],
                   check=True, cwd=ROOT)
    (where / f"built-{n}").touch()


def gate(tree: str, where: Path) -> list[str]:
    return [PY, "-c", RUN, tree, "gate", str(where / "case" / "case.yaml"), "--db", f"sqlite:///{where / 'registry.db'}",
            "--keyring", str(where / "case" / "keys" / "keyring.yaml"), "--preview", "--root", str(where)]


def main() -> None:
    args = sys.argv[1:]
    counting = "--instructions" in args
    if counting:
        args.remove("--instructions")
    keep = None
    if "--keep" in args:
        i = args.index("--keep")
        keep = Path(args[i + 1])
        del args[i:i + 2]
    trees = source_trees(args)
    counts = sorted({1, *(int(a) for a in args)}) if args else [1, 10, 100]
    tmp = tempfile.mkdtemp(prefix="casegate-bench-registries-")
    home = keep or Path(tmp)
    try:
        for n in counts:
            build(trees[""], n, home / f"approved-{n}")
        cmds = {f"{n} approved{suffix}": gate(tree, home / f"approved-{n}")
                for n in counts for suffix, tree in trees.items()}
        # the outcome does not change with the history's length
        for label, cmd in cmds.items():
            out = subprocess.run(cmd, capture_output=True, text=True)
            assert out.returncode == 0 and "PREVIEW GO WITH CONDITIONS" in out.stdout, (label, out.stdout[-2000:])
        got = paired(cmds, repeat=5 if counts[-1] <= 100 else 3, ok=(0,))
        irs = {label: instructions(cmd) for label, cmd in cmds.items()} if counting else {}
        print("bench_registry_history: `gate --db --keyring --preview` of atlas-api against a registry holding "
              "N approved versions of it")
        print(f"  {'':<22} {'cpu s':>7} {'ratio':>7} {'wall s':>7} {'ratio':>7} {'peak MiB':>9} {'ratio':>7}"
              + (f" {'instructions':>15} {'ratio':>7}" if counting else "") + "  per added version")
        for suffix in trees:
            yard = got[f"1 approved{suffix}"]
            yard_ir = irs.get(f"1 approved{suffix}")
            for n in counts:
                label = f"{n} approved{suffix}"
                p = got[label]
                line = (f"  {label:<22} {p.cpu:7.2f} {p.cpu / yard.cpu:6.2f}x {p.wall:7.2f} {p.wall / yard.wall:6.2f}x "
                        f"{p.peak_kib / 1024:9.1f} {p.peak_kib / yard.peak_kib:6.2f}x")
                if counting and yard_ir:
                    line += f" {irs[label]:>15,} {irs[label] / yard_ir:6.2f}x"
                if n > 1:
                    line += (f"  {(p.cpu - yard.cpu) / (n - 1) * 1000:.1f} ms cpu, "
                             f"{(p.peak_kib - yard.peak_kib) / 1024 / (n - 1):.2f} MiB")
                    if counting and yard_ir:
                        line += f", {(irs[label] - yard_ir) / (n - 1) / 1e6:.1f}M instructions"
                print(line)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
