"""Salted commitments: reproducible for the publisher, openings verify, forgeries do not."""

from __future__ import annotations

import hashlib
import json
import stat
from pathlib import Path

import pytest
import rfc8785
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from casegate.errors import InputError, VerificationError
from casegate.load import load_case
from casegate.model import DecisionRecord
from casegate.publish import (
    Opening,
    Salts,
    build_summary,
    commitment,
    derive_salt,
    disclose,
    load_key,
    summary_json,
    verify_opening,
)
from casegate.publish._commit import COMMIT_TAG
from casegate.store import MemorySaltStore

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "atlas-api" / "case.yaml"
KEY = bytes(range(32))
SALTS = Salts(MemorySaltStore())


@pytest.fixture(scope="module")
def case():  # type: ignore[no-untyped-def]
    from casegate.publish import readable_case

    loaded = load_case(EXAMPLE)
    assert loaded.case is not None
    return readable_case(loaded)  # what is published: the case as its evidence artifacts show it


@pytest.fixture(scope="module")
def summary(case):  # type: ignore[no-untyped-def]
    record = DecisionRecord(casegate_version="test", case_id=case.id, case_version=case.version,
                            system="Atlas-2 2.1.0", boundary=case.boundary.kind,
                            decided_at="2026-11-23", outcome="GO")
    return json.loads(summary_json(build_summary(case, record, salts=SALTS)))


def test_commitment_is_the_documented_construction() -> None:
    salt = bytes(32)
    content = {"b": 1, "a": "x"}
    expected = hashlib.sha256(COMMIT_TAG + b"\x00" + salt + b'{"a":"x","b":1}').hexdigest()
    assert commitment(salt, content) == "sha256:" + expected
    assert rfc8785.dumps(content) == b'{"a":"x","b":1}'


def test_salts_are_reproducible_and_distinct() -> None:
    a = derive_salt(KEY, "case", "/evidence/E1")
    assert a == derive_salt(KEY, "case", "/evidence/E1")
    assert a != derive_salt(KEY, "case", "/evidence/E2")
    assert a != derive_salt(KEY, "other-case", "/evidence/E1")
    assert a != derive_salt(bytes(32), "case", "/evidence/E1")
    assert len(a) == 32


def test_key_is_created_private_and_then_reused(tmp_path: Path) -> None:
    path = tmp_path / ".casegate" / "publish.key"
    with pytest.raises(InputError, match="no publisher key"):
        load_key(path)
    key = load_key(path, create=True)
    assert len(key) == 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_key(path) == key


@pytest.mark.parametrize("text,msg", [("zz", "not a casegate publisher key"), ("abcd", "32 bytes")])
def test_bad_keys_are_refused(tmp_path: Path, text: str, msg: str) -> None:
    p = tmp_path / "k"
    p.write_text(text)
    with pytest.raises(InputError, match=msg):
        load_key(p)


@pytest.mark.parametrize("element", ["E-bio-uplift", "/evidence/E-weights-audit", "G3", "SG-weights",
                                     "/threat_model/cbrn/pathways/bio-known-agent",
                                     "/residual_risk/bio-known-agent"])
def test_a_genuine_opening_verifies(case, summary, element: str) -> None:  # type: ignore[no-untyped-def]
    opening = disclose(case, element, salts=SALTS)
    verify_opening(summary, opening)
    assert any(r["pointer"] == opening.element and r["commitment"] == opening.commitment
               for r in summary["redactions"])


def _forge(opening: Opening, **update: object) -> Opening:
    return Opening.model_validate({**opening.model_dump(mode="json"), **update})


def test_changed_content_does_not_verify(case, summary) -> None:  # type: ignore[no-untyped-def]
    opening = disclose(case, "E-bio-uplift", salts=SALTS)
    content = json.loads(json.dumps(opening.content))
    content["result"]["successes"] += 1
    with pytest.raises(VerificationError, match="does not match"):
        verify_opening(summary, _forge(opening, content=content))


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_any_changed_byte_of_content_or_salt_fails(case, summary, data) -> None:  # type: ignore[no-untyped-def]
    element = data.draw(st.sampled_from(["E-bio-uplift", "G3", "SG-weights",
                                                "/threat_model/cbrn/pathways/bio-known-agent"]))
    opening = disclose(case, element, salts=SALTS)
    if data.draw(st.booleans(), label="salt"):
        i = data.draw(st.integers(0, 63), label="hex digit")
        digits = "0123456789abcdef".replace(opening.salt[i], "")
        salt = opening.salt[:i] + data.draw(st.sampled_from(digits)) + opening.salt[i + 1:]
        forged = _forge(opening, salt=salt)
    else:
        text = json.dumps(opening.content, sort_keys=True)
        # change one byte of a key, string or number, keeping the JSON valid
        positions = [i for i, ch in enumerate(text) if ch.isalnum()]
        i = data.draw(st.sampled_from(positions), label="byte")
        pool = "0123456789" if text[i].isdigit() else "abcdefghijklmnopqrstuvwxyz"
        new = data.draw(st.sampled_from(pool.replace(text[i].lower(), "")), label="new byte")
        try:
            content = json.loads(text[:i] + new + text[i + 1:])
        except json.JSONDecodeError:
            assume(False)
        forged = _forge(opening, content=content)
    with pytest.raises(VerificationError):
        verify_opening(summary, forged)


def test_an_opening_of_another_element_does_not_verify(case, summary) -> None:  # type: ignore[no-untyped-def]
    opening = disclose(case, "E-bio-uplift", salts=SALTS)
    other = disclose(case, "E-kyc", salts=SALTS)
    with pytest.raises(VerificationError):
        verify_opening(summary, _forge(opening, element=other.element))


def test_an_opening_for_another_case_does_not_verify(case, summary) -> None:  # type: ignore[no-untyped-def]
    opening = disclose(case, "E-bio-uplift", salts=SALTS)
    with pytest.raises(VerificationError, match="for case"):
        verify_opening(summary, _forge(opening, case="someone-else"))


def test_a_public_element_has_no_commitment_to_open(case, summary) -> None:  # type: ignore[no-untyped-def]
    opening = disclose(case, "G2", salts=SALTS)  # G2 is public: nothing was committed to
    with pytest.raises(VerificationError, match="no commitment"):
        verify_opening(summary, opening)


def test_salts_from_another_store_give_openings_that_do_not_verify(case, summary) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(VerificationError):
        verify_opening(summary, disclose(case, "E-bio-uplift", salts=Salts(MemorySaltStore())))


@pytest.mark.parametrize("ref,msg", [("E-nope", "no redactable element with id"),
                                     ("bio-known-agent", "names several elements"),
                                     ("/evidence/E-nope", "no redactable element at")])
def test_unknown_elements_are_named(case, ref: str, msg: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=msg):
        disclose(case, ref, salts=SALTS)


def test_an_opening_names_the_version_type_and_commitment_the_summary_publishes(case, summary) -> None:  # type: ignore[no-untyped-def]
    """Reason: `verify-disclosure` prints what it verified; a value it did not check must fail."""
    opening = disclose(case, "E-bio-uplift", salts=SALTS)
    verify_opening(summary, opening)
    for field, value, why in (("case_version", "9.9", "for version '9.9'"), ("type", "claim", "says it is a 'claim'"),
                              ("commitment", "sha256:" + "0" * 64, "names sha256:000")):
        with pytest.raises(VerificationError, match=why):
            verify_opening(summary, _forge(opening, **{field: value}))


@pytest.mark.parametrize("edit", [{"case": None}, {"case": 5}, {"case": [1]}, {"redactions": None},
                                  {"redactions": 5}, {"redactions": [{"pointer": ["x"]}]}])
def test_a_malformed_summary_is_refused_not_a_crash(case, summary, edit) -> None:  # type: ignore[no-untyped-def]
    opening = disclose(case, "E-bio-uplift", salts=SALTS)
    bad = {**summary, **edit}
    try:
        verify_opening(bad, opening, "summary.json")
    except InputError as e:
        assert "summary.json: not a casegate public summary" in e.message
    except VerificationError:
        pass  # a pointer that is not text names no commitment


@pytest.mark.parametrize("edit", [{"casegate_opening": True}, {"casegate_opening": 1.0}, {"scheme": None}])
def test_an_opening_of_another_version_or_scheme_is_refused(case, edit) -> None:  # type: ignore[no-untyped-def]
    from casegate.publish._commit import parse_opening

    doc = disclose(case, "E-bio-uplift", salts=SALTS).model_dump()
    doc.update(edit)
    if edit.get("scheme", 0) is None:
        del doc["scheme"]
    with pytest.raises(InputError):
        parse_opening(doc, "op.json")
