"""What a hostile file can make casegate print or believe: control characters are shown as
escapes on the terminal, a disclosure saying one thing twice is refused, and NaN or an infinity
anywhere in a case, policy or evidence is a finding."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casegate.checks import check_case
from casegate.errors import InputError
from casegate.limits import _JSON_STRING, _NOT_BRACKETS, LimitError, _brackets, strict_json
from casegate.load import load_case
from casegate.terminal import escape_controls

from .conftest import run_cli

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"


def test_escape_controls_keeps_text_and_shows_controls() -> None:
    assert escape_controls("plain text\n\tindented") == "plain text\n\tindented"
    assert escape_controls("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert escape_controls("ok\rall checks passed") == "ok\\rall checks passed"
    assert escape_controls("x\u202ey\x9bz\x7f") == "x\\u202ey\\x9bz\\x7f"


def test_check_output_never_carries_a_control_character(tmp_path: Path) -> None:
    case = tmp_path / "atlas-api"
    shutil.copytree(EXAMPLE, case)
    p = case / "case.yaml"
    # a value holding an escape sequence and a carriage return, on a line a finding points at
    text = p.read_text().replace("casegate: 1\n", "casegate: 1\nbogus: \"\x1b[2J\x1b[H\\r0 blocking\"\n", 1)
    text = text.replace("casegate: 1\n", "casegate: 1\nwhat\x1b[31m: 1\n", 1)
    p.write_text(text)
    r = run_cli("check", str(p), "--root", str(tmp_path))
    for stream in (r.stdout, r.stderr):
        assert "\x1b" not in stream and "\r" not in stream, stream[:500]
    assert "\\x1b" in r.stdout + r.stderr


def test_error_messages_escape_controls(tmp_path: Path) -> None:
    p = tmp_path / "case\x1b[2J.yaml"
    p.write_text("casegate: 7\n")
    r = run_cli("check", str(p))
    assert r.returncode == 2 and "\x1b" not in r.stderr and "\\x1b" in r.stderr


@pytest.mark.parametrize("text,message", [
    ('{"a": 1, "a": 2}', "appears twice"),
    ('{"a": {"b": 1, "b": 1}}', "appears twice"),
    ('{"a": NaN}', "NaN"),
    ('{"a": -Infinity}', "Infinity"),
    ('{"a": ' + "[" * 5000 + "]" * 5000 + "}", "depth"),
    ('{"a": ' + "[" * 65 + "]" * 65 + "}", "depth"),
    ('{"a": "' + "[" * 500 + '"}', ""),  # brackets inside a string are text, not nesting
])
def test_strict_json(text: str, message: str) -> None:
    if not message:
        assert strict_json(text, "x.json") == {"a": "[" * 500}
        return
    with pytest.raises(InputError) as info:
        strict_json(text, "x.json")
    assert message in info.value.diagnostics()
    if message == "depth":
        assert isinstance(info.value, LimitError)


def test_a_disclosure_with_duplicate_keys_is_refused(tmp_path: Path) -> None:
    salts = str(tmp_path / "salts.json")  # redacted elements' salts are kept privately, here
    r = run_cli("publish", str(EXAMPLE / "case.yaml"), "--out", "out", "--salt-store", salts, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run_cli("disclose", str(EXAMPLE / "case.yaml"), "E-bio-uplift", "--out", "opening.json", "--salt-store", salts,
                cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    good = (tmp_path / "opening.json").read_text()
    assert run_cli("publish", "verify-disclosure", "out/summary.json", "opening.json", cwd=tmp_path).returncode == 0
    opening = json.loads(good)
    successes = opening["content"]["result"]["successes"]
    # the committed value first, another value after it: a reader keeping the first sees the
    # committed number, one keeping the last sees another; casegate refuses the file
    body = json.dumps(opening["content"]["result"])
    forged = good.replace(body[:-1], body[:-1] + f', "successes": {successes + 40}', 1) if body in good else None
    if forged is None:
        raw = json.dumps(opening)
        forged = raw.replace('"successes": ' + str(successes), f'"successes": {successes}, "successes": {successes + 40}', 1)
    assert forged.count('"successes"') == 2
    (tmp_path / "dup.json").write_text(forged)
    r = run_cli("publish", "verify-disclosure", "out/summary.json", "dup.json", cwd=tmp_path)
    assert r.returncode == 2 and "appears twice" in r.stderr, r.stderr


@pytest.mark.parametrize("where,line", [("case.yaml", "      threshold: 0.005\n"),
                                        ("policy.yaml", "confidence: 0.95\n"),
                                        ("policy.yaml", "    value: 0.25\n")])
@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", "1e999", "nan", "NaN", "inf"])
def test_nan_or_infinity_in_a_case_or_policy_is_a_finding(tmp_path: Path, where: str, line: str, value: str) -> None:
    case = tmp_path / "atlas-api"
    shutil.copytree(EXAMPLE, case)
    f = case / where
    text = f.read_text()
    assert line in text
    f.write_text(text.replace(line, line.split(":")[0] + f": {value}\n", 1))
    report = check_case(load_case(case / "case.yaml"))
    bad = [x for x in report.findings if x.code == "CG900"]
    assert bad, [x.code for x in report.findings]
    assert bad[0].location is not None and bad[0].location.file.endswith(where)
    assert report.exit_code == 1


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='[]{}"\\ab\n'),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(alphabet='[]{}"\\ab'), inner, max_size=4),
    max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_JSON_VALUES.map(lambda v: json.dumps(v, ensure_ascii=False)), st.text(alphabet='[]{}"\\ a')))
def test_brackets_outside_strings_are_found_as_the_string_pattern_finds_them(text: str) -> None:
    # the quick path (no backslash: split at the quotes) and the pattern agree on any text, JSON or not
    raw = text.encode()
    assert _brackets(raw) == re.sub(_JSON_STRING, b"", raw).translate(None, _NOT_BRACKETS)
