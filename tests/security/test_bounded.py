"""The hostile-input corpus run the way an attacker's input reaches casegate: through the command
line, in a child process with hard limits on its address space (3 GiB) and CPU time (60 s). Each
input must end in a clean exit (a refusal with exit 2, a "not verified" with exit 1), never a
crash, a kill by a limit, exit 70 or a traceback, and within a bound on CPU seconds and peak
memory far below what the input asks for.

The bounds are generous for a loaded machine: what they catch is work proportional to what the
input asks for (GiBs, minutes), not a slow run."""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path
from typing import Any

import inspect_ai._util.zipfile  # noqa: F401  (the zstd codec Inspect writes .eval entries with)
import pytest

from tests.security._limited import Ran, run_limited
from tests.security.test_bundle_mutations import LATER, Signed, _corpus, signed  # noqa: F401 (fixture)
from tests.sign.helpers import MODEL

ROOT = Path(__file__).resolve().parents[2]
LOGS = ROOT / "tests" / "fixtures" / "evidence" / "logs"
VERIFY_CHILD = Path(__file__).resolve().parent / "_verify_child.py"
CPU = 30.0
"""CPU seconds one command may take on any input of the corpus."""
BIG_CASE_PEAK_MIB = 400.0
"""Peak memory refusing the 60 MiB case of small nodes (measured: 158 MiB; its tree would take
about 1,300 MiB)."""
PEAK_MIB = 700.0
"""Peak resident memory of one command, MiB (an honest `evidence add` of the example takes about
a third of this; the inputs below ask for GiBs)."""


def _laughs(width: int, levels: int) -> str:
    lines = ["casegate: 1", "l0: &l0 [" + ",".join(["lol"] * width) + "]"]
    for k in range(1, levels):
        lines.append(f"l{k}: &l{k} [" + ",".join([f"*l{k - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def _big_case(path: Path) -> None:
    """A 60 MiB case of five million small mappings (the issue's 51 MB case exhausted memory)."""
    line = b"  - {id: G-1234567, text: x}\n"
    with path.open("wb") as f:
        f.write(b"casegate: 1\nkind: case\nid: big\nx:\n")
        for _ in range((60 << 20) // len(line) // 4096):
            f.write(line * 4096)


YAML: list[tuple[str, Any]] = [
    ("self-referencing alias", "casegate: 1\nsystem: &a [*a]\n"),
    ("self-referencing alias in a mapping", "casegate: 1\nsystem: &a {name: *a}\n"),
    ("billion laughs of 379 bytes", _laughs(9, 9)),
    ("flow nesting 100,000 deep", "casegate: 1\na: " + "[" * 100_000 + "]" * 100_000 + "\n"),
    ("NUL bytes and invalid UTF-8", b"casegate: 1\nid: \x00\xff\xfe\n"),
    ("terminal control sequences", "casegate: 1\nid: \"\\e[2J\\e[H all checks passed\"\nkind: case\n"),
    ("a 60 MiB case of small nodes", _big_case),
    ("an include of /dev/zero", "casegate: 1\nkind: case\ninclude: [/dev/zero]\n"),
    ("an include of a FIFO", "casegate: 1\nkind: case\ninclude: [pipe.yaml]\n"),
    ("an include of itself", "casegate: 1\nkind: case\ninclude: [case.yaml]\n"),
]


def _show(name: str, r: Ran) -> str:
    return f"{name}: exit {r.returncode}, {r.cpu:.1f} s CPU, {r.peak_mib:.0f} MiB\n{r.stderr[-1500:]}"


@pytest.mark.parametrize("name,content", YAML, ids=[y[0] for y in YAML])
def test_hostile_yaml_is_refused_within_bounds(tmp_path: Path, name: str, content: Any) -> None:
    case = tmp_path / "case.yaml"
    if callable(content):
        content(case)
    elif isinstance(content, bytes):
        case.write_bytes(content)
    else:
        case.write_text(content)
    os.mkfifo(tmp_path / "pipe.yaml")
    r = run_limited(["-m", "casegate", "check", str(case), "--root", "/"], cwd=tmp_path)
    assert not r.problems(allowed=(1, 2), cpu=CPU, peak_mib=PEAK_MIB), _show(name, r)
    print(_show(name, r).splitlines()[0])


def test_a_case_of_millions_of_small_nodes_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    """The node count is bounded from the bytes before the parser builds its tree (about 150 bytes
    a node): the 60 MiB case is refused at a few times its size in memory, where parsing it first
    peaked at 1,310 MiB."""
    case = tmp_path / "case.yaml"
    _big_case(case)
    r = run_limited(["-m", "casegate", "check", str(case), "--root", "/"], cwd=tmp_path)
    assert not r.problems(allowed=(2,), cpu=CPU, peak_mib=BIG_CASE_PEAK_MIB), _show("big case", r)
    assert "yaml-nodes" in r.stderr and "CASEGATE_LIMIT_YAML_NODES" in r.stderr, r.stderr
    print(_show("big case", r).splitlines()[0])


def _example(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "examples" / "atlas-api", tmp_path / "case")
    return tmp_path / "case" / "case.yaml"


def _bomb(dest: Path, inflated: int) -> Path:
    """The clean Inspect log with its header replaced by `inflated` bytes of JSON whitespace,
    written a MiB at a time (the file is about a thousandth of that)."""
    src = LOGS / "inspect" / "arith-clean.eval"
    chunk = b" " * (1 << 20)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename == "header.json":
                with zout.open("header.json", "w", force_zip64=True) as f:
                    f.write(b"{")
                    for _ in range(inflated >> 20):
                        f.write(chunk)
                    f.write(b"}")
            else:
                zout.writestr(info.filename, zin.read(info))
    return dest


def _lm(tmp: Path, text: bytes) -> Path:
    d = tmp / "lm"
    shutil.copytree(LOGS / "lm-eval", d)
    p = next(d.glob("results_*.json"))
    p.write_bytes(text)
    return p


def _nan(tmp: Path) -> Path:
    p = next((LOGS / "lm-eval").glob("results_*.json"))
    doc = json.loads(p.read_text())
    task = next(iter(doc["results"]))
    key = next(k for k, v in doc["results"][task].items() if "," in k and "stderr" not in k and isinstance(v, float))
    doc["results"][task][key] = float("nan")
    return _lm(tmp, json.dumps(doc).encode())


LOG_INPUTS: list[tuple[str, Any]] = [
    ("an Inspect header inflating to 640 MiB", lambda t: _bomb(t / "bomb.eval", 640 << 20)),
    ("lm-eval JSON nested 100,000 deep",
     lambda t: _lm(t, b'{"results": {}, "configs": {}, "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")),
    ("an lm-eval NaN metric", _nan),
    ("a truncated Inspect log", lambda t: _write(t / "cut.eval", (LOGS / "inspect" / "arith-clean.eval").read_bytes()[:5000])),
    ("an Inspect log that is not a zip", lambda t: _write(t / "junk.eval", b"PK\x03\x04" + b"\xff" * 4000)),
]


def _write(p: Path, data: bytes) -> Path:
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("name,make", LOG_INPUTS, ids=[x[0] for x in LOG_INPUTS])
def test_hostile_logs_are_refused_within_bounds(tmp_path: Path, name: str, make: Any) -> None:
    case = _example(tmp_path)
    log = make(case.parent)  # inside the case's root: refused for what the log holds, not where it is
    r = run_limited(["-m", "casegate", "evidence", "add", str(case), str(log), "--producer", "x"], cwd=tmp_path)
    assert not r.problems(allowed=(2,), cpu=CPU, peak_mib=PEAK_MIB), _show(name, r)
    assert "outside the case's root" not in r.stderr, _show(name, r)
    print(_show(name, r).splitlines()[0])
    assert "evidence-imported.yaml" not in os.listdir(case.parent)


def test_the_bomb_would_not_fit_had_it_been_inflated(tmp_path: Path) -> None:
    """The bound above means something: the honest log imports within it, and the bomb's header
    is larger than the bound on memory it was refused within."""
    case = _example(tmp_path)
    shutil.copy(LOGS / "inspect" / "arith-clean.eval", case.parent / "arith-clean.eval")
    r = run_limited(["-m", "casegate", "evidence", "add", str(case), str(case.parent / "arith-clean.eval"),
                     "--producer", "x"], cwd=tmp_path)
    assert not r.problems(allowed=(0,), cpu=CPU, peak_mib=PEAK_MIB), _show("the honest log", r)
    assert 640 > PEAK_MIB - r.peak_mib


def test_every_mutated_bundle_is_verified_within_bounds(signed: Signed, tmp_path: Path) -> None:  # noqa: F811
    """The whole bundle-mutation corpus through the deploy check in one limited child (a process
    per bundle would take minutes), then a sample through `casegate verify` itself."""
    paths = []
    for i, (_name, _path, mutated) in enumerate(_corpus(signed.bundle)):
        p = tmp_path / f"m{i}.json"
        p.write_text(json.dumps(mutated))
        paths.append(str(p))
    state = tmp_path / "state.json"
    state.write_text(json.dumps(signed.proof_doc))
    job = {"bundles": paths, "keyring": str(signed.w.ring_path), "trust_root": str(signed.trust.dir),
           "state_proof": str(state), "model_digest": MODEL, "boundary": "api", "at": LATER.isoformat()}
    r = run_limited([str(VERIFY_CHILD)], stdin=json.dumps(job))
    rows = [json.loads(line) for line in r.stdout.splitlines() if line.startswith("{")]
    assert r.returncode == 0 and len(rows) == len(paths), _show(f"bundle {len(rows)}", r)
    crashes = [(paths[x["i"]], x["outcome"]) for x in rows if x["outcome"].startswith(("crash", "MemoryError"))]
    assert not crashes, crashes[:10]
    slowest = max(x["cpu"] for x in rows)
    assert slowest < 5, f"a mutated bundle took {slowest:.1f} CPU seconds to verify"
    assert rows[-1]["peak_kib"] / 1024 < PEAK_MIB
    print(f"{len(rows)} mutated bundles verified in one limited child: slowest {slowest:.2f} s CPU, "
          f"peak {rows[-1]['peak_kib'] / 1024:.0f} MiB")
    # the command line, on a sample: the wrong shapes, the huge value, a flipped signature byte
    sample = [i for i, x in enumerate(rows) if x["outcome"].startswith("refused")][:4]
    sample += [i for i, x in enumerate(rows) if x["outcome"] == "not verified"][:4]
    for i in sample:
        r = run_limited(["-m", "casegate", "verify", "--bundle", paths[i], "--model-digest", MODEL, "--boundary", "api",
                         "--keyring", str(signed.w.ring_path), "--trust-root", str(signed.trust.dir),
                         "--state-proof", str(state), "--at", LATER.isoformat()], cwd=tmp_path)
        assert not r.problems(allowed=(1, 2), cpu=CPU, peak_mib=PEAK_MIB), _show(paths[i], r)
