"""Every file a command is given by name (bundles, state proofs, keyrings, trust roots, keys,
decisions, summaries) is read as a bounded document: a device, a FIFO, JSON nested a hundred
thousand deep or binary garbage ends in a clear refusal naming the file, never a hang, a run
that fills memory, or an internal error."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.security._limited import Ran, run_limited

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "atlas-api"
MODEL = "sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903"
CPU = 30.0
PEAK_MIB = 700.0

# each command, with X where the hostile file goes
COMMANDS: dict[str, list[str]] = {
    "verify --bundle": ["verify", "--bundle", "X", "--model-digest", MODEL, "--boundary", "api",
                        "--keyring", "keys/keyring.yaml", "--state-proof", "X", "--trust-root", "X"],
    "attest": ["attest", "X", "--out", "att"],
    "keys show": ["keys", "show", "X"],
    "keys id": ["keys", "id", "X"],
    "trust show": ["trust", "show", "X"],
    "log verify --key": ["log", "verify", "--key", "X", "--db", "sqlite:///reg.db"],
    "state apply --decision": ["state", "apply", "atlas-2-api", "--decision", "X", "--db", "sqlite:///reg.db"],
    "digest": ["digest", "X"],
    "publish verify-disclosure": ["publish", "verify-disclosure", "X", "X"],
    "token list --tokens": ["token", "list", "--tokens", "X"],
    "monitor ingest": ["monitor", "ingest", "X", "--db", "sqlite:///reg.db"],
    "notify send --webhooks": ["notify", "send", "--webhooks", "X", "--db", "sqlite:///reg.db"],
    "gsn2x import": ["gsn2x", "import", "X", "-o", "out"],
    "evidence add": ["evidence", "add", "case.yaml", "X"],
}
JSON_READERS = {"verify --bundle", "attest", "trust show", "state apply --decision", "publish verify-disclosure",
                "token list --tokens", "monitor ingest"}
"""The commands whose file is read as JSON (the others read YAML, a key or a log of another format)."""


def _hostile(tmp: Path, kind: str) -> str:
    if kind == "/dev/zero":
        return "/dev/zero"
    if kind == "a FIFO":
        os.mkfifo(tmp / "pipe.json")
        return "pipe.json"
    if kind == "JSON 100,000 deep":
        (tmp / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
        return "deep.json"
    if kind == "a 5,000-digit number":
        (tmp / "long.json").write_text('{"casegate": 1, "kind": "samples",\n "samples": [' + "9" * 5000 + "]}")
        return "long.json"
    (tmp / "garbage.json").write_bytes(bytes(range(256)) * 12)
    return "garbage.json"


@pytest.mark.parametrize("kind", ["/dev/zero", "a FIFO", "JSON 100,000 deep", "binary garbage",
                                  "a 5,000-digit number"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_hostile_file_is_refused_within_bounds(tmp_path: Path, command: str, kind: str) -> None:
    shutil.copytree(EXAMPLE / "keys", tmp_path / "keys")
    shutil.copytree(EXAMPLE.parent, tmp_path / "examples")
    (tmp_path / "case.yaml").write_text((EXAMPLE / "case.yaml").read_text().replace("policy: policy.yaml",
                                                                                   "policy: examples/atlas-api/policy.yaml"))
    x = _hostile(tmp_path, kind)
    argv = [x if a == "X" else a for a in COMMANDS[command]]
    r: Ran = run_limited(["-m", "casegate", *argv], cwd=tmp_path, wall=60)
    # any regular file has a model digest (a file's bytes are the model): `digest` may succeed
    allowed = (0, 2) if command == "digest" else (1, 2, 3)
    assert not r.problems(allowed=allowed, cpu=CPU, peak_mib=PEAK_MIB), \
        f"{command} on {kind}: exit {r.returncode}, {r.cpu:.1f} s\n{r.stderr[-1500:]}"
    if kind in ("/dev/zero", "a FIFO") and command != "evidence add":  # add: no importer reads a device
        assert "not a regular file" in r.stderr or "neither a file nor a directory" in r.stderr, r.stderr[-800:]
    if kind == "a 5,000-digit number":  # casegate's words, naming the file and the line, never Python's
        assert "Exceeds the limit" not in r.stderr, r.stderr[-800:]
        if command in JSON_READERS:
            assert "long.json: " in r.stderr and "line 2: a number of 5,000 digits, longer than the 4,300 digits " \
                "casegate reads" in r.stderr, r.stderr[-800:]


@pytest.mark.parametrize("body", [
    '{"format": "casegate-results/1", "x": ' + "[" * 200_000 + "]" * 200_000 + "}",
    '{"format": "casegate-results/1", "task": "t", "epochs": ' + "9" * 5000 + "}",
], ids=["nested 200,000 deep", "a 5,000-digit number"])
def test_a_hostile_results_file_is_refused_naming_it(tmp_path: Path, body: str) -> None:
    from casegate.errors import InputError
    from casegate.evidence.importers import ReadOptions, importer_for

    path = tmp_path / "results.json"
    path.write_text(body)
    imp = importer_for(path)
    assert imp is not None and imp.name == "generic"
    with pytest.raises(InputError) as e:
        imp.read(path, ReadOptions())
    assert "not readable JSON" in e.value.message and e.value.location == str(path)
    assert "Exceeds the limit" not in e.value.message


def test_a_number_too_long_is_named_by_its_line_not_by_a_string_of_digits_before_it() -> None:
    from casegate.errors import InputError
    from casegate.limits import strict_json

    text = '{"note": "' + "1" * 6000 + '",\n "n": [1,\n  -' + "2" * 4500 + "]}"
    with pytest.raises(InputError) as e:
        strict_json(text, "doc.json")
    assert e.value.location == "doc.json"
    assert e.value.message == "not acceptable JSON: line 3: a number of 4,500 digits, longer than the 4,300 " \
                              "digits casegate reads"


@pytest.mark.parametrize("tokens", ['"abc"', "[1, 2]", "null", '[{"id": 5}]', '["s"]'])
def test_a_token_file_of_another_shape_is_refused_and_never_rewritten(tmp_path: Path, tokens: str) -> None:
    path = tmp_path / "tokens.json"
    path.write_text('{"casegate_tokens": 1, "tokens": ' + tokens + "}")
    before = path.read_bytes()
    for args in (["token", "list"], ["token", "create", "--person", "Ada", "--role", "safety-lead"],
                 ["token", "revoke", "x"]):
        r = run_limited(["-m", "casegate", *args, "--tokens", str(path)], cwd=tmp_path, wall=60)
        assert not r.problems(allowed=(1, 2), cpu=CPU, peak_mib=PEAK_MIB), r.stderr[-800:]
        assert "is not a list of tokens" in r.stderr, r.stderr[-800:]
    assert path.read_bytes() == before
