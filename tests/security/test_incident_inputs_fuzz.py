"""What `casegate incident` takes, fuzzed: each field of an incident report (`--date`, `--known`,
`--severity`, `--domain`, `--class`, the free texts, the case id) given a hostile value (empty,
100,000 characters, control and bidirectional characters, an undecodable byte as the shell passes
it, NaN, huge numbers, impossible or far dates, malformed regime classes), and the same for the
commands that change a recorded incident (`classify`, `rate`, `add-domain`) and read it (`show`,
`clocks`, `draft`). Every run ends in an exit code casegate gives (0 to 5) with no traceback or
internal error, and a command that refuses (any exit but 0) leaves the registry as it was: not
one row changed. A report that is recorded is then shown, clocked and drafted without a crash.

The examples are drawn deterministically (`derandomize`); a longer campaign by hand with
CASEGATE_FUZZ_EXAMPLES=N."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.monitor.test_cli import _cg
from tests.security._approved import CASE_ID, World, registry_dump
from tests.security.test_verify_inputs_fuzz import EXAMPLES, FIELD, SETTINGS, _paths, _replace

HOSTILE_TEXT: list[str] = [
    "", " ", "x" * 100_000, "\x00", "a\x00b", "\u202e\u2066evil\x1b[2J", "\udcff\udcfe", "NaN", "inf", "-1", "0",
    "9" * 5_000, "1e400", "2026-13-45", "2026-02-30", "0001-01-01", "9999-12-31", "-9999-01-01",
    "2026-12-02T25:61:00Z", "2026-12-02T00:00:00+99:00", "2026-12-02T00:00:00", "2026-12-02 00:00",
    "99999999-01-01", ":", "ca-sb53:", ":critical-safety-incident", "ca-sb53:critical-safety-incident:extra",
    "nosuch:class", "ca-sb53:nosuch", "../../etc/passwd", "high", "catastrophic", "CATASTROPHIC", "cyber", "bio",
    "{}", "[]", "null", "true",
]
REPORT: dict[str, str] = {
    "--case": CASE_ID, "--date": "2026-12-03", "--deployer": "Acme API", "--developer": "Acme Labs",
    "--harmed": "a regional hospital", "--severity": "high", "--domain": "cyber",
    "--description": "A ransomware crew used the model to adapt an exploit.", "--title": "Exploit adapted",
    "--report": "https://example.org/r/1", "--reported-by": "SOC", "--known": "2026-12-03T09:30:00Z",
    "--class": "ca-sb53:critical-safety-incident",
}
"""A sound report: each field is replaced in turn."""


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return World(tmp_path_factory.mktemp("incident-fuzz"))


def _run(where: Path, *args: str) -> tuple[int, str]:
    ran = _cg(where, f"sqlite:///{where / 'reg.db'}", *args, code=None)
    return ran.returncode, ran.stdout + ran.stderr


def _judge(rc: int, text: str) -> None:
    assert rc in (0, 1, 2, 3, 4, 5), (rc, [x for x in text.splitlines() if "error" in x][:3])
    assert "Traceback" not in text and "internal error" not in text, text[-3000:]


def _report_args(fields: dict[str, str]) -> list[str]:
    out = ["incident", "report", "--no-triggers"]
    for k, v in fields.items():
        out += [k, v]
    return out


def _recorded(text: str) -> int:
    """The log index `incident report` printed (`#N`)."""
    return int(text.split("#", 1)[1].split()[0])


def test_a_sound_report_is_recorded(world: World, tmp_path: Path) -> None:
    where = world.copy(tmp_path / "c")
    rc, text = _run(where, *_report_args(REPORT))
    assert rc == 0, text
    assert _recorded(text) > 0


@settings(SETTINGS, max_examples=EXAMPLES * 2)
@given(field=st.sampled_from(sorted(REPORT)), value=st.sampled_from(HOSTILE_TEXT), drop=st.booleans())
def test_an_incident_report_with_a_hostile_field_is_refused_cleanly(world: World, tmp_path: Path, field: str,
                                                                    value: str, drop: bool) -> None:
    where = world.copy(tmp_path / "m")
    before = registry_dump(where)
    fields = dict(REPORT)
    if drop:
        del fields[field]
    else:
        fields[field] = value
    rc, text = _run(where, *_report_args(fields))
    _judge(rc, text)
    if rc != 0:
        assert registry_dump(where) == before, ("a refused report changed the registry", field, value, text[-2000:])
        return
    index = str(_recorded(text))
    for args in (("incident", "show", index, "--case", CASE_ID),
                 ("incident", "clocks", "--case", CASE_ID, "--at", "2026-12-04T00:00:00Z"),
                 ("incident", "draft", index, "--case", CASE_ID, "--class", "ca-sb53:critical-safety-incident",
                  "--at", "2026-12-04T00:00:00Z")):
        _judge(*_run(where, *args))


CHANGES: list[tuple[str, dict[str, str]]] = [
    ("classify", {"--class": "eu-gpai-cop-2025:cybersecurity-breach", "--by": "SOC"}),
    ("rate", {"--severity": "severe", "--by": "SOC", "--reason": "more hospitals hit"}),
    ("add-domain", {"--domain": "bio", "--by": "SOC", "--reason": "lab systems were hit too"}),
]


@pytest.fixture(scope="module")
def reported(world: World, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The world with one sound incident recorded: its folder and the incident's log index."""
    where = world.copy(tmp_path_factory.mktemp("reported") / "r")
    rc, text = _run(where, *_report_args(REPORT))
    assert rc == 0, text
    return where, str(_recorded(text))


@settings(SETTINGS)
@given(change=st.sampled_from(CHANGES), field=st.integers(min_value=0, max_value=3),
       value=st.sampled_from(HOSTILE_TEXT), on=st.sampled_from(["own", "0", "-1", "999999", "x", "9" * 40]))
def test_a_change_to_a_recorded_incident_with_a_hostile_field_is_refused_cleanly(
        world: World, reported: tuple[Path, str], tmp_path: Path, change: tuple[str, dict[str, str]], field: int,
        value: str, on: str) -> None:
    import shutil

    src, index = reported
    where = tmp_path / "m"
    shutil.rmtree(where, ignore_errors=True)
    shutil.copytree(src, where)
    before = registry_dump(where)
    command, fields = change
    fields = dict(fields, **{"--case": CASE_ID})
    keys = sorted(fields)
    fields[keys[field % len(keys)]] = value
    args = ["incident", command, index if on == "own" else on, "--no-triggers"] if command != "classify" else \
        ["incident", command, index if on == "own" else on]
    for k, v in fields.items():
        args += [k, v]
    rc, text = _run(where, *args)
    _judge(rc, text)
    if rc != 0:
        assert registry_dump(where) == before, ("a refused change altered the registry", args, text[-2000:])


@pytest.mark.parametrize("field", ["--deployer", "--description", "--harmed", "--title"])
def test_a_report_field_the_shell_passed_as_bytes_that_are_not_utf8_is_refused_naming_it(
        world: World, tmp_path: Path, field: str) -> None:
    """Found by the fuzzing above: a field holding bytes that are not UTF-8 (`$'a\\xff'` in a
    shell; Python keeps them as lone surrogates) passed every check and ended `incident report` in
    "internal error: PydanticSerializationError ... surrogates not allowed" (exit 70) as the entry
    was written. Every argument of every command is now refused before anything runs when it is
    no text, naming it; nothing is recorded."""
    where = world.copy(tmp_path / "m")
    before = registry_dump(where)
    rc, text = _run(where, *_report_args(dict(REPORT, **{field: "a\udcff"})))
    assert rc == 2, text
    assert f"error: the value of {field} (b'a\\xff') is not UTF-8 text" in text, text
    assert registry_dump(where) == before


@settings(SETTINGS)
@given(pick=FIELD)
def test_a_decision_bundle_with_a_hostile_field_applied_leaves_the_registry_as_it_was(
        world: World, tmp_path: Path, pick: tuple[int, Any, bool]) -> None:
    """`state apply` of the signed decision bundle with one field given a hostile value: refused
    cleanly, and a refusal records nothing."""
    import json
    import shutil

    where = world.copy(tmp_path / "m")
    shutil.copy(world.w / "case" / "decision.bundle.json", where / "bundle.json")
    p = where / "bundle.json"
    doc = json.loads(p.read_text())
    paths = _paths(doc)
    i, value, delete = pick
    p.write_text(json.dumps(_replace(doc, paths[i % len(paths)], value, delete)))
    before = registry_dump(where)
    rc, text = _run(where, "state", "apply", "--unpinned", CASE_ID, "--decision", "bundle.json",
                    "--keyring", "keyring.yaml")
    _judge(rc, text)
    if rc != 0:
        assert registry_dump(where) == before, text[-2000:]
