"""Bad input is a table: what the user wrote -> the error or finding they get, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casegate.checks import check_case
from casegate.errors import CasegateError, InputError
from casegate.load import load_case, parse_yaml

POLICY = Path(__file__).resolve().parents[1] / "fixtures" / "rules" / "policy.yaml"
BASE = (Path(__file__).resolve().parents[1] / "fixtures" / "rules" / "CG903" / "good" / "case.yaml").read_text()

# (name, file text, expected exception type or None, substring of the message, location "line:col" prefix)
ERRORS = [
    ("empty file", "", InputError, "expected a mapping at the top of a case file", "1:1"),
    ("not a mapping", "- a\n- b\n", InputError, "expected a mapping", "1:1"),
    ("no version", "kind: case\nid: x\n", InputError, "does not say which casegate format", "1:1"),
    ("unknown version", "casegate: 7\nkind: case\n", InputError, "unknown casegate format version 7", "1:1"),
    ("version as text", "casegate: one\n", InputError, "unknown casegate format version 'one'", "1:1"),
    ("syntax error", "casegate: 1\nargument: [a, b\nsystem: x\n", InputError, "YAML syntax error", "3:"),
    ("bad indentation", "casegate: 1\nsystem:\n  name: a\n name2: b\n", InputError, "YAML syntax error", ""),
    ("two documents", "casegate: 1\n---\ncasegate: 1\n", InputError, "several YAML documents", "1:1"),
    ("missing include", "casegate: 1\nkind: case\ninclude: [nope.yaml]\n", InputError, "included file 'nope.yaml': file not found", "3:"),
    ("missing policy", BASE.replace("policy: ../../policy.yaml", "policy: nowhere.yaml"), InputError, "file not found", ""),
    ("unknown builtin policy", BASE.replace("policy: ../../policy.yaml", "policy: builtin:nope"), InputError, "no built-in policy named 'nope'", ""),
    ("binary garbage", "casegate: 1\n\xff\xfe\n", InputError, "not valid UTF-8", "2"),
]


@pytest.mark.parametrize("name,text,exc,message,where", ERRORS, ids=[e[0] for e in ERRORS])
def test_unreadable_input_is_a_typed_error(tmp_path: Path, name: str, text: str, exc: type, message: str, where: str) -> None:
    p = tmp_path / "case.yaml"
    p.write_bytes(text.encode("latin-1") if "\xff" in text else text.encode())
    with pytest.raises(exc) as info:
        load_case(p)
    err = info.value
    assert message in err.message
    assert err.help, "every error says what to do"
    if where:
        assert err.location is not None and f"{':'.join(err.location.split(':')[1:])}".startswith(where), err.location


# (name, replacement in the valid base case, expected code, message substring, the expected line
#  given as the text it starts with in the changed file)
FINDINGS = [
    ("unknown field", ("    producer: evals\n", "    producer: evals\n    prodcer: x\n"), "CG900", "unknown field `prodcer`", "    prodcer: x"),
    ("wrong enum", ("  kind: api\n", "  kind: apii\n"), "CG900", "boundary.kind", "  kind: apii"),
    ("missing required", ("  name: Fixture\n", ""), "CG900", "`system.name` is required", "system:"),
    ("bad digest", ("sha256:1111", "sha1:1111"), "CG900", "system.digests.0", "  digests: [sha1"),
    ("two texts", ("      claim: Cyber capability is below the threshold.\n", "      claim: Cyber capability is below the threshold.\n      strategy: also a strategy\n"), "CG900", "exactly one of claim", "    G2:"),
    ("successes above trials", ("result: {successes: 2, trials: 400}", "result: {successes: 500, trials: 400}"), "CG900", "exceed trials", "    result:"),
    ("duplicate key", ("    producer: evals\n", "    producer: evals\n    producer: b\n"), "CG901", "key `producer` appears twice", "    producer: b"),
]


@pytest.mark.parametrize("name,change,code,message,anchor", FINDINGS, ids=[f[0] for f in FINDINGS])
def test_invalid_case_gives_located_findings(tmp_path: Path, name: str, change: tuple[str, str], code: str, message: str, anchor: str) -> None:
    d = tmp_path / "a" / "b"
    d.mkdir(parents=True)
    (tmp_path / "policy.yaml").write_text(POLICY.read_text())
    (tmp_path / "artifacts").mkdir()
    text = BASE.replace(change[0], change[1], 1)
    assert text != BASE
    (d / "case.yaml").write_text(text)
    line = next(i for i, t in enumerate(text.splitlines(), 1) if t.startswith(anchor))
    report = check_case(load_case(d / "case.yaml"))
    hits = [f for f in report.findings if f.code == code]
    assert hits, report.findings
    assert any(message in f.message for f in hits), [f.message for f in hits]
    assert any(f.location and f.location.line == line for f in hits), [(f.location, f.message) for f in hits]
    assert report.exit_code == 1


def test_broken_reference_duplicate_key_and_cycle_each_reported(tmp_path: Path) -> None:
    d = tmp_path / "a" / "b"
    d.mkdir(parents=True)
    (tmp_path / "policy.yaml").write_text(POLICY.read_text())
    text = BASE.replace("      evidence: [E-ctf]\n", "      evidence: [E-missing]\n      supported_by: [S1]\n")
    text = text.replace("    producer: evals\n", "    producer: evals\n    producer: again\n")
    (d / "case.yaml").write_text(text)
    lines = text.splitlines()
    report = check_case(load_case(d / "case.yaml"))
    got = {(f.code, f.location.line) for f in report.findings if f.location}
    assert ("CG903", lines.index("      evidence: [E-missing]") + 1) in got
    assert ("CG901", lines.index("    producer: again") + 1) in got
    assert ("CG904", len(lines) - lines[::-1].index("      supported_by: [S1]")) in got
    # and the CLI says so with file:line and exits 1
    r = subprocess.run([sys.executable, "-m", "casegate", "check", str(d / "case.yaml")], capture_output=True, text=True)
    assert r.returncode == 1, r.stderr
    assert f"case.yaml:{lines.index('      evidence: [E-missing]') + 1}:" in r.stdout
    assert "Traceback" not in r.stderr


def test_cli_unreadable_input_exit_2(tmp_path: Path) -> None:
    p = tmp_path / "case.yaml"
    p.write_text("casegate: 99\n")
    r = subprocess.run([sys.executable, "-m", "casegate", "check", str(p)], capture_output=True, text=True)
    assert r.returncode == 2
    assert "unknown casegate format version 99" in r.stderr
    assert "help:" in r.stderr
    assert "Traceback" not in r.stderr


_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20))
_yamlish = st.recursive(_scalars, lambda c: st.one_of(st.lists(c, max_size=4), st.dictionaries(st.text(max_size=8), c, max_size=4)), max_leaves=20)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=200), st.binary(max_size=200)))
def test_arbitrary_bytes_never_crash_the_parser(data: str | bytes) -> None:
    raw = data.encode() if isinstance(data, str) else data
    try:
        parse_yaml("fuzz.yaml", raw)
    except CasegateError:
        pass


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_yamlish)
def test_arbitrary_yaml_gives_findings_or_a_typed_error(tmp_path_factory: pytest.TempPathFactory, doc: object) -> None:
    import json

    d = tmp_path_factory.mktemp("fuzz")
    body = {"casegate": 1, "kind": "case", "policy": str(POLICY), "x": doc}
    if isinstance(doc, dict):
        body.update({k: v for k, v in doc.items() if k not in ("casegate", "include", "policy")})
    (d / "case.yaml").write_text(json.dumps(body))  # JSON is YAML
    try:
        report = check_case(load_case(d / "case.yaml"))
    except CasegateError:
        return
    assert report.exit_code in (0, 1)
