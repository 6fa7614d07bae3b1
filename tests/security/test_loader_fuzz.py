"""The whole loader fuzzed: a case's main file and one included file, built from a valid case
with hostile values put anywhere in it (aliases that loop or multiply, deep nesting, huge numbers,
NaN and infinities, wrong types, control and bidirectional characters, odd include paths, broken
or empty files), run through `casegate check` and `casegate gate` (loading, includes, model
validation, every rule) in a child process under an address-space and a CPU limit. Each input
ends in exit 0, 1 or 2 with no traceback, in bounded time and memory.

The examples are drawn deterministically (`derandomize`), so a run in CI is reproducible."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

CHILD = Path(__file__).resolve().parent / "_load_child.py"
SRC = Path(__file__).resolve().parents[2] / "src"


class Raw(str):
    """YAML text put into the document as it is (a hostile fragment)."""


def _emit(v: Any) -> str:
    """`v` as flow YAML; Raw fragments verbatim, strings double-quoted (JSON escapes are YAML's)."""
    if isinstance(v, Raw):
        return str(v)
    if isinstance(v, dict):
        return "{" + ", ".join(f"{_emit(k)}: {_emit(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(_emit(x) for x in v) + "]"
    if isinstance(v, str):
        return json.dumps(v)
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return "~"
    return str(v)


def _document(d: dict[Any, Any]) -> str:
    """A block mapping at the top, flow below (as hand-written cases mix them)."""
    return "".join(f"{_emit(k)}: {_emit(v)}\n" for k, v in d.items())


MAIN: dict[Any, Any] = {
    "casegate": 1, "kind": "case", "id": "fuzz-case", "title": "A fuzzed case", "version": "0.1",
    "date": Raw("2026-10-01"), "policy": "policy.yaml", "include": ["part.yaml"],
    "system": {"name": "m", "version": "1.0.0", "digests": ["sha256:" + "0" * 64]},
    "boundary": {"kind": "api", "scope": {"users": "verified developers", "rate_limit": "600/min"}},
    "threat_model": {"cyber": {"actors": ["criminals"], "pathways": {
        "cyber-misuse": {"severity": "severe", "steps": ["obtain-access", "misuse", "harm"]}}}},
    "argument": {"top": "G1", "elements": {
        "G1": {"claim": "The model may cross the API boundary.", "supported_by": ["S1"]},
        "S1": {"strategy": "Argue over the domains.", "supported_by": ["G2"]},
        "G2": {"claim": "Cyber capability is below the threshold.", "domain": "cyber",
               "evidence": ["E-1"], "asserted": Raw("2026-10-01")}}},
}
PART: dict[Any, Any] = {
    "casegate": 1, "kind": "case",
    "evidence": {"E-1": {"kind": "eval", "title": "CTF suite", "artifact": "evals/ctf.json",
                         "sha256": "0" * 64, "producer": "evals-team", "date": Raw("2026-10-02"),
                         "confidentiality": "internal", "domain": "cyber", "threshold": "cyber-high",
                         "summary": "33 of 200 solved."}},
}
POLICY = """casegate: 1
kind: policy
id: fuzz-framework
name: A framework
domains:
  cyber: {name: Cybersecurity}
thresholds: {}
signoff:
  required:
    api:
      - {role: safety-lead}
"""

_deep = st.integers(1, 120).map(lambda d: Raw("[" * d + "1" + "]" * d))
_deep_map = st.integers(1, 80).map(lambda d: Raw("{a: " * d + "1" + "}" * d))
HOSTILE_VALUES = st.one_of(
    st.sampled_from([Raw(x) for x in [
        ".nan", ".NaN", ".inf", "-.inf", "1e400", "-1e400", "99999999999999999999999999999999999999",
        "0x7fffffffffffffffffffffff", "0o777777777777777777777", "1_000", "~", "null", "[]", "{}", "''",
        "true", "yes", "2026-13-45", "2026-02-30T25:61:00Z", "10000-01-01", "!!binary aGVsbG8=",
        "!!python/object:os.system ls", "!!set {a, b}", "!!omap [a: 1]", "!!float x", "!!int 1.5",
        "&x [*x]", "&y {k: *y}", "*nowhere", "&z 1", "[&w a, *w, *w, *w]", "\"\\x1b[2J\\x1b[H all checks passed\"",
        "\"\\u202e evil\"", "\"\\ud800\"", "\"\\0\"", "\"a\\u0085b\"", "\"\\U0010ffff\"", "? [a]", "!local x",
        "!!str", "!!map {1: 2}", "{1: a, 2.5: b, ~: c, true: d}", "{[a]: 1}", "[a: 1, b: 2]",
        "\"" + "x" * 5000 + "\"", "-0", "+.inf", "0.0000000000000000000000000001e-400",
    ]]),
    _deep, _deep_map,
    st.text(max_size=30),  # any unicode, controls included, as a quoted string
    st.integers(-(2**80), 2**80),
    st.floats(allow_nan=True, allow_infinity=True).map(lambda f: Raw(repr(f).replace("nan", ".nan").replace("inf", ".inf"))),
    st.lists(st.text(max_size=5), max_size=3),
)
ODD_INCLUDES = st.sampled_from([
    "part.yaml", "./part.yaml", "sub/../part.yaml", "../outside.yaml", "/etc/passwd", "/dev/zero",
    "/proc/self/environ", "missing.yaml", "", ".", "..", "case.yaml", "part.yaml\x00x", "pärt.yaml",
    "part.yaml/", "PART.YAML", "~/part.yaml", "part.yaml#x", "*", "policy.yaml", "file:///etc/passwd",
    "\u202epart.yaml", "part.yaml " * 3, "a" * 5000,
])
BROKEN_FILES = st.sampled_from([
    "", "\ufeff", "\ufeffcasegate: 1\nkind: case\n", "- a\n- b\n", "42\n", "casegate: 2\nkind: case\n",
    "---\n---\n---\n", "casegate: 1\nkind: policy\n", "casegate: 1\nkind: case\n\tevidence: {}\n",
    "casegate: 1\nkind: case\ninclude: [case.yaml]\n", "casegate: 1\nkind: case\ninclude: [part.yaml]\n",
    "casegate: 1\nkind: case\nevidence: &e {E-2: *e}\n", "casegate: 1\nkind: case\nevidence:\n  E-1: {kind: eval}\n",
    "\x00\x01\x02", "casegate: 1\nkind: case\n" + "evidence: {}\n" * 3,
])


def _paths(v: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in `v` a value could be replaced (mapping values, list items)."""
    out = [here]
    if isinstance(v, dict) and not isinstance(v, Raw):
        for k, x in v.items():
            out += _paths(x, (*here, k))
    elif isinstance(v, list):
        for i, x in enumerate(v):
            out += _paths(x, (*here, i))
    return out


def _put(doc: Any, path: tuple[Any, ...], value: Any) -> None:
    for p in path[:-1]:
        doc = doc[p]
    doc[path[-1]] = value


@st.composite
def hostile_cases(draw: st.DrawFn) -> dict[str, Any]:
    """A main file and an include: the valid case above with a few hostile edits."""
    docs = {"case.yaml": copy.deepcopy(MAIN), "part.yaml": copy.deepcopy(PART)}
    for _ in range(draw(st.integers(0, 4))):
        name = draw(st.sampled_from(["case.yaml", "part.yaml"]))
        what = draw(st.sampled_from(["replace", "replace", "add", "include"]))
        if what == "include":
            docs["case.yaml"]["include"] = draw(st.lists(ODD_INCLUDES, min_size=0, max_size=3)
                                                | st.sampled_from([Raw("~"), Raw("part.yaml"), Raw("{a: b}"), Raw("7")]))
            continue
        paths = [p for p in _paths(docs[name]) if p]
        path = draw(st.sampled_from(paths))
        if what == "add":
            parent = path[:-1]
            target: Any = docs[name]
            for p in parent:
                target = target[p]
            if isinstance(target, dict):
                key = draw(st.sampled_from([Raw("<<"), Raw("? [a]"), Raw("1"), Raw("~"), "x\x1b[2J", "E-1", "id"]))
                target[key] = draw(HOSTILE_VALUES)
                continue
        _put(docs[name], path, draw(HOSTILE_VALUES))
    files = {"case.yaml": _document(docs["case.yaml"]), "part.yaml": _document(docs["part.yaml"]),
             "policy.yaml": POLICY}
    if draw(st.integers(0, 9)) == 0:
        files["part.yaml"] = draw(BROKEN_FILES)
    return {"files": files, "command": draw(st.sampled_from(["check", "gate"]))}


def _run_batch(jobs: list[dict[str, Any]], cpu: int = 60) -> list[dict[str, Any]]:
    env = {k: v for k, v in os.environ.items() if k != "CASEGATE_ROOT"}
    env["PYTHONPATH"] = str(SRC)
    r = subprocess.run([sys.executable, str(CHILD), str(cpu), str(2 << 30)], input=json.dumps(jobs),
                       capture_output=True, text=True, env=env, timeout=cpu * 3)
    rows = [json.loads(line) for line in r.stdout.splitlines() if line.startswith("{")]
    if r.returncode != 0 or len(rows) != len(jobs):
        bad = jobs[len(rows)] if len(rows) < len(jobs) else None
        raise AssertionError(f"the loader died (exit {r.returncode}) on input {len(rows)}: {bad!r}\n{r.stderr[-2000:]}")
    return rows


def _problems(jobs: list[dict[str, Any]], rows: list[dict[str, Any]]) -> list[str]:
    out = []
    for job, row in zip(jobs, rows, strict=True):
        why = []
        if row["crash"]:
            why.append(row["crash"])
        elif row["code"] not in (0, 1, 2):
            why.append(f"exit {row['code']}")
        if "Traceback" in row["stderr"] or "internal error" in row["stderr"]:
            why.append(row["stderr"])
        if row["cpu"] > 10:  # bounded work per input: seconds, not minutes
            why.append(f"{row['cpu']:.1f} CPU seconds")
        if row["peak_kib"] > 1 << 20:  # under 1 GiB
            why.append(f"peak {row['peak_kib'] >> 10} MiB")
        if why:
            out.append(f"{job['command']} {json.dumps(job['files'])[:3000]}\n  " + "\n  ".join(why))
    return out


def test_the_valid_base_case_loads_and_is_checked() -> None:
    """The fuzz starts from a case the loader reads and the rules judge (not from one refused at
    once, which would test nothing past the parser)."""
    files = {"case.yaml": _document(MAIN), "part.yaml": _document(PART), "policy.yaml": POLICY}
    rows = _run_batch([{"files": files, "command": "check"}, {"files": files, "command": "gate"}])
    assert not _problems([{"files": files, "command": c} for c in ("check", "gate")], rows)
    # the rules ran: findings (the artifact is missing), not an input error
    assert [r["code"] for r in rows] == [1, 1], rows


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck), database=None,
          derandomize=True)
@given(st.lists(hostile_cases(), min_size=25, max_size=25))
def test_fuzzed_cases_never_crash_the_loader_or_run_away(jobs: list[dict[str, Any]]) -> None:
    rows = _run_batch(jobs)
    problems = _problems(jobs, rows)
    assert not problems, "\n\n".join(problems)


def test_a_nul_character_in_an_include_or_artifact_name_is_refused(tmp_path: Path) -> None:
    """Found by the fuzz above: a NUL character in an included file's name was an internal error
    (exit 70) where the path was resolved."""
    files = {"case.yaml": _document({**MAIN, "include": ["part.yaml", "x\x00y.yaml"]}),
             "part.yaml": _document(PART), "policy.yaml": POLICY}
    part = copy.deepcopy(PART)
    part["evidence"]["E-1"]["artifact"] = "a\x00b.json"
    files_art = {**files, "case.yaml": _document(MAIN), "part.yaml": _document(part)}
    jobs = [{"files": f, "command": c} for f in (files, files_art) for c in ("check", "gate")]
    rows = _run_batch(jobs)
    assert not _problems(jobs, rows)
    assert [r["code"] for r in rows] == [2, 2, 2, 2], rows
    assert all("has a NUL character in its name; refused" in r["stderr"] for r in rows), rows
    assert "the included file 'x\\x00y.yaml'" in rows[0]["stderr"]
    assert "evidence 'E-1': artifact 'a\\x00b.json'" in rows[2]["stderr"]
