"""`casegate check` of two source trees, compared byte for byte on the examples and on generated
arguments, broken on purpose (cycles, unknown references, unreachable elements, duplicate keys
and ids, wrong link types, unknown domains).

A change meant to make `check` cheaper must not change what it finds: every case here is checked
by both trees in text, JSON and SARIF, and the standard output, standard error and exit code of
each run must be the same bytes.

    python bench/compare_check.py OLD/src               # this tree's src against OLD/src
    python bench/compare_check.py OLD/src NEW/src 10    # and the 10k-goal argument (23,330 elements)
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _harness import PY, ROOT, ensure_case

RUN = ("import sys\n"
       "sys.path.insert(0, sys.argv.pop(1))\n"
       "from casegate.cli import main\n"
       "sys.argv[0] = 'casegate'\n"
       "sys.exit(main())\n")

FORMATS = (["--format", "text"], ["--format", "json"], ["--format", "sarif"])


def _gen(elements: int, out: Path) -> Path:
    subprocess.run([PY, str(ROOT / "bench" / "gen_case.py"), "--elements", str(elements), "--out", str(out)],
                   check=True, stdout=subprocess.DEVNULL)
    return out / "case.yaml"


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text()
    if old not in text:
        raise SystemExit(f"{path}: {old!r} not found (the generator changed?)")
    path.write_text(text.replace(old, new, count))


def _broken_cases(base: Path) -> dict[str, Path]:
    """Generated arguments, each broken in one way (and one in all of them at once)."""
    out: dict[str, Path] = {}

    def variant(name: str) -> Path:
        d = base / name
        _gen(2333, d)
        out[name] = d / "case.yaml"
        return d

    variant("plain")
    d = variant("unknown-refs")
    _edit(d / "argument-1.yaml", "evidence: [E", "evidence: [E-missing, E")
    _edit(d / "argument-2.yaml", "supported_by: [S", "supported_by: [S-nowhere, S")
    _edit(d / "argument-3.yaml", "in_context_of: [C", "in_context_of: [C-none, C")
    _edit(d / "argument-4.yaml", "domain: cyber", "domain: astrology")
    d = variant("cycle")
    text = (d / "argument-5.yaml").read_text()
    leaf = re.search(r"\n    (G[0-9.]+):\n      claim: Leaf claim .*\n      domain: cyber\n      evidence: \[(E\d+)\]\n",
                     text)
    assert leaf, "a leaf claim in argument-5.yaml"
    _edit(d / "argument-5.yaml", leaf.group(0), leaf.group(0).replace(f"evidence: [{leaf.group(2)}]", "supported_by: [S0]"))
    d = variant("unreachable")
    with (d / "argument-6.yaml").open("a") as f:
        f.write("    X-orphan:\n      claim: Nobody cites this claim.\n      domain: cyber\n      evidence: [E1]\n"
                "    X-strategy:\n      strategy: Argue over nothing.\n      supported_by: [X-orphan]\n")
    d = variant("duplicates")
    text = (d / "argument-0.yaml").read_text()
    first = re.search(r"\n    (C[0-9.]+):\n      context: .*\n", text)
    assert first
    _edit(d / "argument-0.yaml", first.group(0), first.group(0) + first.group(0))  # a duplicate key
    with (d / "argument-7.yaml").open("a") as f:  # a duplicate id across files
        f.write(first.group(0)[1:])
    d = variant("wrong-types")
    _edit(d / "argument-1.yaml", "supported_by: [S", "supported_by: [C0, S")
    d = variant("everything")
    _edit(d / "argument-1.yaml", "evidence: [E", "evidence: [E-missing, E")
    _edit(d / "argument-2.yaml", "supported_by: [S", "supported_by: [C0, S-nowhere, S")
    with (d / "argument-6.yaml").open("a") as f:
        f.write("    X-orphan:\n      claim: Nobody cites this claim.\n      domain: astrology\n      evidence: [E1]\n")
    return out


def _run(tree: str, case: Path, fmt: list[str]) -> tuple[int, bytes, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("PYTHONPATH", None)
    got = subprocess.run([PY, "-c", RUN, tree, "check", str(case), *fmt], capture_output=True, env=env,
                         cwd=case.parent)
    return got.returncode, got.stdout, got.stderr


def main() -> None:
    args = sys.argv[1:]
    sizes = [int(a) for a in args if a.isdigit()]
    trees = [str(Path(a).resolve()) for a in args if not a.isdigit()]
    if len(trees) == 1:
        trees.append(str(ROOT / "src"))
    if len(trees) != 2:
        raise SystemExit(__doc__)
    import compileall

    for tree in trees:
        compileall.compile_dir(tree, quiet=1)
    cases: dict[str, Path] = {}
    for case in sorted((ROOT / "examples").glob("**/case.yaml")):
        cases[str(case.relative_to(ROOT))] = case
    tmp = Path(tempfile.mkdtemp(prefix="compare-check-"))
    try:
        cases.update(_broken_cases(tmp))
        for k in sizes:
            cases[f"{k}k goals"] = ensure_case(2333 * k)
        differ = 0
        runs = 0
        for name, case in cases.items():
            for fmt in FORMATS:
                old, new = _run(trees[0], case, fmt), _run(trees[1], case, fmt)
                runs += 1
                same = old == new
                differ += not same
                print(f"  {'same   ' if same else 'DIFFERS'} exit {old[0]}/{new[0]} {len(old[1]):>8} bytes  "
                      f"{name} {fmt[1]}")
                if old[0] not in (0, 1) or not old[1]:
                    print(f"    (no report: exit {old[0]}) {old[2][-300:]!r}")
        print(f"{runs - differ} same, {differ} differ")
        sys.exit(1 if differ else 0)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
