"""The signed envelopes `casegate gate --keyring` reads from a case's folder, fuzzed
structure-aware: an objection (`objections/`), an answer to it (`answers/`), a sign-off
(`signoffs/`), a waiver (`waivers/`), the authors list (`authors/`) and an evidence attestation (`evidence-attestations/`, DSSE over an in-toto
statement). Each is changed in one of three ways: a field of the envelope given a hostile value
(the payload, its type, a signature, its key id; base64 garbage among the values); a field of the
statement inside given a hostile value and the envelope signed again with the signer's genuine key
(so the checks past the signature see it); or its bytes made hostile (a BOM, invalid UTF-8, a
duplicated key, a truncation, a `NaN` literal, 100,000 brackets). Every run ends in an exit code
casegate gives (0 to 5) with no traceback and no internal error, and an input error names the file.

The examples are drawn deterministically (`derandomize`); a longer campaign by hand with
CASEGATE_FUZZ_EXAMPLES=N."""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.monitor.test_cli import ROOT, _cg
from tests.security._approved import World
from tests.security.test_verify_inputs_fuzz import (
    BYTES,
    EXAMPLES,
    FIELD,
    HOSTILE,
    SETTINGS,
    _hostile_bytes,
    _paths,
    _replace,
)

SIGNED_BY = {
    "case/objections/O-2.dsse.json": "keys/safety-lead.pem",
    "case/signoffs/rso-sam-whitfield.dsse.json": "keys/rso.pem",
    "case/authors/mira-chen.dsse.json": "keys/author.pem",
    "case/answers/O-2-answer-sam-whitfield.dsse.json": "keys/rso.pem",
    "case/waivers/CG705-1.dsse.json": "keys/rso.pem",
    "case/reports/evidence-attestations/egress-test.md.lena-kovac.dsse.json":
        str(ROOT / "examples" / "atlas-api" / "keys" / "lena-kovac.key"),
}
"""Each envelope fuzzed, and the private key that signed it."""
ENVELOPES = sorted(SIGNED_BY)
BASE64_GARBAGE: list[Any] = ["!!!not base64!!!", "YQ", "====", base64.b64encode(b"\xff\xfe").decode(),
                             base64.b64encode(b"[" * 10_000).decode(), base64.urlsafe_b64encode(b"\xfb\xff" * 40).decode(),
                             "\u0661\u0662\u0663\u0664", "application/json", "application/vnd.in-toto+json; x=1"]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return World(tmp_path_factory.mktemp("envelope-fuzz"))


def _gate(where: Path) -> tuple[int, str]:
    ran = _cg(where, f"sqlite:///{where / 'reg.db'}", "gate", "case/case.yaml", "--keyring", "keyring.yaml",
              code=None)
    return ran.returncode, ran.stdout + ran.stderr


def _judge(rc: int, text: str, name: str) -> None:
    assert rc in (0, 1, 2, 3, 4, 5), (name, rc, [x for x in text.splitlines() if "error" in x][:3])
    assert "Traceback" not in text and "internal error" not in text, (name, text[-3000:])
    if rc == 2:
        assert Path(name).name in text, (name, text[-2000:])


def test_the_honest_envelopes_are_read(world: World, tmp_path: Path) -> None:
    rc, text = _gate(world.copy(tmp_path / "c", case=True))
    assert rc == 1 and "objection `O-2` by Dana Ortiz (safety-lead)" in text, text[-3000:]


def _signed_again(key: str, stmt: Any) -> dict[str, Any]:
    """`stmt` in an envelope signed with `key`, serialised as the signer chose (canonical JSON
    cannot hold every hostile value: NaN, 2^63)."""
    from securesystemslib import dsse

    from casegate.sign import PAYLOAD_TYPE, load_signer

    env = dsse.Envelope(json.dumps(stmt, sort_keys=True, separators=(",", ":")).encode(), PAYLOAD_TYPE, {})
    env.sign(load_signer(key))
    out: dict[str, Any] = env.to_dict()
    return out


@settings(SETTINGS)
@given(name=st.sampled_from(ENVELOPES), i=st.integers(min_value=0, max_value=10_000),
       value=st.sampled_from(HOSTILE + BASE64_GARBAGE), delete=st.booleans())
def test_an_envelope_with_a_hostile_field_is_refused_cleanly(world: World, tmp_path: Path, name: str, i: int,
                                                             value: Any, delete: bool) -> None:
    where = world.copy(tmp_path / "m", case=True)
    p = where / name
    env = json.loads(p.read_text())
    paths = [q for q in _paths(env) if q[0] != "payload" or len(q) == 1]
    p.write_text(json.dumps(_replace(env, paths[i % len(paths)], value, delete)))
    _judge(*_gate(where), name)


@settings(SETTINGS)
@given(name=st.sampled_from(ENVELOPES), pick=FIELD)
def test_a_statement_with_a_hostile_field_signed_again_is_refused_cleanly(world: World, tmp_path: Path, name: str,
                                                                          pick: tuple[int, Any, bool]) -> None:
    from casegate.sign import decode_payload

    i, value, delete = pick
    where = world.copy(tmp_path / "m", case=True)
    p = where / name
    stmt = decode_payload(json.loads(p.read_text()))
    paths = _paths(stmt)
    key = where / "keys" / Path(SIGNED_BY[name]).name
    if not key.exists():  # an example key, kept readable in the repository: the signer keeps a private copy
        key.write_bytes(Path(SIGNED_BY[name]).read_bytes())
        key.chmod(0o600)
    p.write_text(json.dumps(_signed_again(str(key), _replace(stmt, paths[i % len(paths)], value, delete))))
    _judge(*_gate(where), name)


@pytest.mark.parametrize("how", BYTES)
@settings(SETTINGS, max_examples=max(2, EXAMPLES // 4))
@given(name=st.sampled_from(ENVELOPES), cut=st.integers(min_value=0, max_value=100_000))
def test_an_envelope_with_hostile_bytes_is_refused_cleanly(world: World, tmp_path: Path, how: str, name: str,
                                                           cut: int) -> None:
    where = world.copy(tmp_path / "m", case=True)
    p = where / name
    p.write_bytes(_hostile_bytes(p.read_bytes(), how, cut))
    _judge(*_gate(where), name)


@pytest.mark.parametrize("name", ENVELOPES)
def test_an_envelope_nested_past_the_depth_limit_is_a_reason_not_a_crash(world: World, tmp_path: Path,
                                                                         name: str) -> None:
    """Found by the fuzzing above: an objection, answer, sign-off, waiver, authors list or evidence
    attestation of 100,000 nested brackets ended `gate` in "internal error: RecursionError" (exit
    70): envelope files were parsed before their depth was bounded. Now it is read as no envelope:
    what it would have granted is not granted (NO-GO), and a sign-off or waiver says why."""
    where = world.copy(tmp_path / "m", case=True)
    (where / name).write_bytes(b"[" * 100_000 + b"]" * 100_000)
    rc, text = _gate(where)
    assert rc == 1 and "NO-GO" in text, text[-3000:]
    if "signoffs" in name or "waivers" in name:
        assert "cannot read the envelope: the JSON nests too deep: over the depth (64) limit" in text, text[-3000:]


def test_an_objection_whose_envelope_does_not_read_still_blocks(world: World, tmp_path: Path) -> None:
    """Found by the fuzzing above: an objection the case records (`O-2`, open, naming its envelope)
    whose envelope file was damaged (any bytes that are no verifying envelope) left the decision
    altogether: the gate judged the case as if it had none, GO WITH CONDITIONS, and said nothing of
    it. The objection now stays as the case types it, open, and blocks (CG504)."""
    where = world.copy(tmp_path / "m", case=True)
    (where / "case" / "objections" / "O-2.dsse.json").write_text('{"payload": "e30=", "payloadType": "x"}')
    rc, text = _gate(where)
    assert rc == 1 and "NO-GO" in text, text[-3000:]
    assert "CG504 objection-unanswered: objection `O-2` by Dana Ortiz (safety-lead) is open" in text, text[-3000:]


def test_an_envelope_saying_its_payload_twice_is_not_read(world: World, tmp_path: Path) -> None:
    """Found by the fuzzing above: a sign-off envelope giving `payload` twice was read as its last
    copy (a reader taking the first would see another statement); it is refused as any signed
    document saying one thing twice is."""
    where = world.copy(tmp_path / "m", case=True)
    name = "case/signoffs/rso-sam-whitfield.dsse.json"
    p = where / name
    p.write_bytes(_hostile_bytes(p.read_bytes(), "duplicate-key", 0))
    rc, text = _gate(where)
    assert rc == 1, text[-3000:]
    assert "cannot read the envelope: the key 'payload' appears twice in one object" in text, text[-3000:]


def _resigned(world: World, where: Path, name: str, change: Any) -> None:
    """The envelope `name` in `where` with its statement changed by `change` and signed again with
    its signer's genuine key."""
    from casegate.sign import decode_payload

    p = where / name
    stmt = decode_payload(json.loads(p.read_text()))
    change(stmt)
    key = where / "keys" / Path(SIGNED_BY[name]).name
    if not key.exists():
        key.write_bytes(Path(SIGNED_BY[name]).read_bytes())
        key.chmod(0o600)
    p.write_text(json.dumps(_signed_again(str(key), stmt)))


def test_an_attestation_whose_subject_is_no_list_is_refused(world: World, tmp_path: Path) -> None:
    """Found by the fuzzing above: an evidence attestation the evaluator's genuine key signed, its
    `subject` a number or null, ended `gate` in "internal error: TypeError: 'int' object is not
    iterable" (exit 70). A statement whose subject is no list of descriptors is no in-toto
    Statement: the attestation is refused with that reason, for every kind of envelope."""
    from casegate.sign import load_keyring
    from casegate.sign._evidence import check_attestation

    name = "case/reports/evidence-attestations/egress-test.md.lena-kovac.dsse.json"
    for value in (-1, None, "x", [1]):
        where = world.copy(tmp_path / "m", case=True)
        _resigned(world, where, name, lambda s, v=value: s.__setitem__("subject", v))
        rc, text = _gate(where)
        assert rc == 1 and "internal error" not in text, (value, text[-3000:])
        att, reasons = check_attestation(json.loads((where / name).read_text()), load_keyring(where / "keyring.yaml"),
                                         dt.datetime(2026, 12, 6, tzinfo=dt.UTC), "a")
        assert att is None and reasons == ["a: the payload is not an in-toto Statement v1"], reasons


@pytest.mark.parametrize(("field", "value"), [("case", "x"), ("policy", True), ("system", -1),
                                              ("system", {"digests": -1})])
def test_a_signoff_binding_to_no_mapping_is_refused(world: World, tmp_path: Path, field: str, value: Any) -> None:
    """Found by the fuzzing above: a sign-off the RSO's genuine key signed whose `case`, `policy`
    or `system` is no mapping (or whose model digests are no list) ended `gate` in "internal error:
    AttributeError: 'str' object has no attribute 'get'" (exit 70). It binds to nothing now: the
    sign-off does not count, with the reason."""
    name = "case/signoffs/rso-sam-whitfield.dsse.json"
    where = world.copy(tmp_path / "m", case=True)
    _resigned(world, where, name, lambda s: s["predicate"].__setitem__(field, value))
    rc, text = _gate(where)
    assert rc == 1 and "internal error" not in text, text[-3000:]
    assert "CG510 signoff-not-signed: the sign-off of Sam Whitfield as `rso`" in text, text[-3000:]


@pytest.mark.parametrize(("field", "value"), [("code", None), ("path", 5), ("reason", ["x"])])
def test_a_waiver_naming_no_code_or_path_is_refused(world: World, tmp_path: Path, field: str, value: Any) -> None:
    """A waiver the RSO's genuine key signed whose `code`, `reason` or `path` casegate cannot read
    (none, a number, a list) was counted as a waiver of the rule `None` or over the path of a
    number's digits (or crashed building it); it is refused with the reason."""
    name = "case/waivers/CG705-1.dsse.json"
    where = world.copy(tmp_path / "m", case=True)
    _resigned(world, where, name, lambda s: s["predicate"].__setitem__(field, value))
    rc, text = _gate(where)
    assert rc == 1 and "internal error" not in text, text[-3000:]
    assert "waiver waivers/CG705-1.dsse.json: names no rule code, reason or element path casegate reads" in text, \
        text[-3000:]


def test_an_objection_the_file_marks_answered_whose_envelope_does_not_verify_still_blocks(
        world: World, tmp_path: Path) -> None:
    """The lab replaces the safety lead's signed objection O-2 with bytes that verify as nothing and
    types it `answered` in the case file, with an answer of its own writing: the file's word is not
    taken for a signature's. O-2 stays, open, and blocks (CG504)."""
    import re

    where = world.copy(tmp_path / "m", case=True)
    case = where / "case" / "case.yaml"
    text = case.read_text()
    entry = re.search(r"^( +)O-2: \{.*\}$", text, flags=re.M)
    assert entry is not None, text[-2000:]
    typed = re.sub(r"status: \w+", 'status: answered, answer: "Settled by the lab.", answered_by: rso', entry.group(0), count=1)
    case.write_text(text.replace(entry.group(0), typed))
    (where / "case" / "objections" / "O-2.dsse.json").write_text('{"payload": "e30=", "payloadType": "x"}')
    rc, out = _gate(where)
    assert rc == 1 and "NO-GO" in out, out[-3000:]
    assert "CG504 objection-unanswered: objection `O-2` by Dana Ortiz (safety-lead) is open" in out, out[-3000:]
