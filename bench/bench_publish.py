"""`casegate publish` vs `casegate gate` on the same synthetic case, whole processes, same run.

Publishing runs the gate, then redacts every confidential element (salted commitments over
canonical JSON), composes the summary and renders Markdown, HTML, JSON and the diagram (an
overview of the argument's parts at this size). Goal: publish <= 1.5x gate at 10k elements, and
the time publishing adds to the gate grows at most linearly with the case (printed as "extra").

Two paths, each against the gate judging the same inputs:

- local (`--path local`, the default): `publish --no-record` with no registry, against `gate`.
- recording (`--path record`): the case submitted to a SQLite registry first; each run publishes
  into a fresh copy of that registry (`--db`, the keyring given, `--unpinned`: no trust root),
  which judges the version as the registry does (compared with its earlier versions, as of its
  clock) and records the summary in its log; against `gate --db --keyring` on a copy of the same
  registry. Both commands copy the registry first, so the copy costs both alike.

The salts of redacted elements are kept in a salt store file: the first run draws them, the
later runs of the same case find them kept (publishing the same version again).

With `--before SRC` (another checkout's `src` folder, e.g. an older commit exported with
`git archive`), its gate and publish run interleaved with this tree's, so the two ratios come
from the same run; both publish with the same salt store, and the files they write are compared
byte for byte (a faster publish must publish the same bytes).

    python bench/bench_publish.py [--path local|record|both] [--before SRC] [--repeat N] [SIZE ...]
"""

from __future__ import annotations

import argparse
import compileall
import filecmp
import subprocess
import tempfile
from pathlib import Path

from _harness import PY, ROOT, casegate, ensure_case, paired

KEYRING = ROOT / "examples" / "atlas-api" / "keys" / "keyring.yaml"


def _registry(case: Path, tmp: Path, n: int) -> Path:
    """A SQLite registry holding the case (submitted once), to be copied before each run."""
    template = tmp / f"registry-{n}.db"
    subprocess.run([PY, "-m", "casegate", "registry", "submit", str(case), "--db", f"sqlite:///{template}"],
                   check=True, capture_output=True, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    return template


def _fresh(template: Path, db: Path, cmd: list[str]) -> list[str]:
    """`cmd` run on a fresh copy of the registry `template` at `db`."""
    return ["sh", "-c", 'cp "$0" "$1" && shift && exec "$@"', str(template), str(db), *cmd]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[1_000, 10_000])
    ap.add_argument("--path", choices=("local", "record", "both"), default="local")
    ap.add_argument("--before", type=Path, help="another source tree to measure in the same run")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    print("bench_publish: casegate publish vs casegate gate (whole processes, interleaved, medians)")
    trees: dict[str, list[str]] = {"this tree": ["env", f"PYTHONPATH={ROOT / 'src'}"]}
    if a.before is not None:
        compileall.compile_dir(str(a.before / "casegate"), quiet=1)
        trees["before"] = ["env", f"PYTHONPATH={a.before.resolve()}"]
    paths = ["local", "record"] if a.path == "both" else [a.path]
    with tempfile.TemporaryDirectory() as tmp:
        for n in a.sizes:
            case = ensure_case(n)
            store = Path(tmp) / f"salts-{n}.json"
            for path in paths:
                cmds: dict[str, list[str]] = {}
                outs: dict[str, Path] = {}
                template = _registry(case, Path(tmp), n) if path == "record" else None
                for name, prefix in trees.items():
                    tag = f"{n}-{path}-{name.replace(' ', '-')}"
                    outs[name] = Path(tmp) / f"out-{tag}"
                    publish = [*prefix, casegate(), "publish", str(case), "--out", str(outs[name]),
                               "--salt-store", str(store)]
                    gate = [*prefix, casegate(), "gate", str(case)]
                    if template is None:
                        cmds[f"gate ({name})"] = gate
                        cmds[f"publish ({name})"] = [*publish, "--no-record"]
                    else:
                        db = Path(tmp) / f"registry-{tag}.db"
                        judged = ["--db", f"sqlite:///{db}", "--keyring", str(KEYRING)]
                        cmds[f"gate ({name})"] = _fresh(template, db, [*gate, *judged])
                        cmds[f"publish ({name})"] = _fresh(template, db, [*publish, *judged, "--unpinned"])
                got = paired(cmds, repeat=a.repeat)
                label = "local, --no-record" if path == "local" else "recording, gate --db --keyring"
                for name in trees:
                    g, p = got[f"gate ({name})"], got[f"publish ({name})"]
                    print(f"  {n // 1000:>4}k elements, {label}, {name}: publish {p.wall:.3f}s  gate {g.wall:.3f}s  "
                          f"ratio {p.wall / g.wall:.2f}x (goal <= 1.50); cpu {p.cpu:.3f}s vs {g.cpu:.3f}s "
                          f"ratio {p.cpu / g.cpu:.2f}x; extra cpu {p.cpu - g.cpu:.3f}s; "
                          f"peak RSS publish {p.peak_kib / 1024:.0f} MiB, gate {g.peak_kib / 1024:.0f} MiB")
                if "before" in outs:
                    mine, theirs = outs["this tree"], outs["before"]
                    names = sorted(x.name for x in mine.iterdir())
                    same = sorted(x.name for x in theirs.iterdir()) == names and all(
                        filecmp.cmp(mine / x, theirs / x, shallow=False) for x in names)
                    print(f"        published files identical to the before tree's: {'yes' if same else 'NO'} "
                          f"({', '.join(names)})")


if __name__ == "__main__":
    main()
