"""The case format's field names are no secret: a redacted element holding a `source.model` key
does not withhold every text with the word "model" in it. The same word as a redacted VALUE (a
title "source") is a secret like any other, wherever the public document shows the word as a key."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from casegate.load import load_case
from casegate.model import Confidentiality, SourceRecord
from casegate.publish import Salts, TextGuard, leaves_of, redact
from casegate.store import MemorySaltStore

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "atlas-api"


def _publish(case_dir: Path, out: Path, *, keyring: bool) -> dict:  # type: ignore[type-arg]
    args = [sys.executable, "-m", "casegate", "publish", str(case_dir / "case.yaml"), "--no-record",
            "--salt-store", str(out.parent / f"{out.name}.salts"), "--out", str(out)]
    if keyring:
        args += ["--keyring", str(case_dir / "keys" / "keyring.yaml")]
    r = subprocess.run(args, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return json.loads((out / "summary.json").read_text())  # type: ignore[no-any-return]


@pytest.mark.parametrize("keyring", [True, False])
def test_regime_findings_are_not_withheld_for_a_field_name(tmp_path: Path, keyring: bool) -> None:
    """atlas-api's redacted evidence holds `source.model`; CG1002 says "unreleased model weights"
    and CG1001 is about the public regimes list: neither quotes anything redacted."""
    summary = _publish(EXAMPLE, tmp_path / "out", keyring=keyring)
    regime = [f for f in summary["decision"]["findings"] if f["code"] in ("CG1001", "CG1002")]
    assert regime, "atlas-api has regime findings"
    for f in regime:
        assert not f["withheld"], f
        assert f["message"] and f["element"] and f["element"].startswith("/regimes/")
    assert any("model weights" in f["message"] for f in regime)
    # what stays withheld is what lies in or names a redacted element (CG305 names E-cyber-ctf)
    assert [f["code"] for f in summary["decision"]["findings"] if f["withheld"]].count("CG305") == 1


def _guard(title: str, *, public_source: bool) -> TextGuard:
    """atlas-api published for the public, SG-egress (secret) titled `title`; with
    `public_source`, E-kyc made public with a tool's record, so the public document shows
    `source` (and `model`) as keys."""
    case = load_case(EXAMPLE / "case.yaml").case
    assert case is not None
    sg = case.safeguards["SG-egress"]
    assert sg.confidentiality is Confidentiality.secret
    safeguards = dict(case.safeguards)
    safeguards["SG-egress"] = sg.model_copy(update={"title": title})
    # a redacted evaluation with its tool's record, as `casegate evidence add` fills it in
    evidence = dict(case.evidence)
    record = SourceRecord(tool="inspect-ai", model="atlas-2-2.1.0")
    evidence["E-cyber-ctf"] = evidence["E-cyber-ctf"].model_copy(update={"source": record})
    update: dict[str, object] = {"safeguards": safeguards, "evidence": evidence}
    if public_source:
        evidence["E-kyc"] = evidence["E-kyc"].model_copy(update={
            "confidentiality": Confidentiality.public, "source": record})
    rd = redact(case.model_copy(update=update), Salts(MemorySaltStore()), Confidentiality.public)
    assert "/safeguards/SG-egress" in rd.stubs and "/evidence/E-cyber-ctf" in rd.stubs
    assert "model" in leaves_of([x.content for x in rd.sealed.values()])
    if public_source:
        assert "source" in leaves_of(rd.document)
    return TextGuard(rd)


@pytest.mark.parametrize("public_source", [False, True])
def test_a_secret_value_that_is_a_field_name_is_still_withheld(public_source: bool) -> None:
    """The lab's secret title is the word "source": the word, as content, stays withheld, and the
    guard says whose content it quotes; a field name alone (`model`) withholds nothing."""
    guard = _guard("source", public_source=public_source)
    guard_model = _guard("Egress limits", public_source=public_source)
    text = "the egress control is called source"
    assert not guard.safe(text)
    assert guard.quoted(text) == ["/safeguards/SG-egress"]
    # a redacted element holding `model` as a key (E-cyber-ctf's tool record)
    # withholds no text for the word
    for g in (guard, guard_model):
        assert g.safe("section on securing unreleased model weights")
        assert g.quoted("section on securing unreleased model weights") == []


def test_the_key_of_a_free_form_mapping_is_content() -> None:
    """A key the lab chose (not a field name of the format) is its words, and is withheld."""
    case = load_case(EXAMPLE / "case.yaml").case
    assert case is not None
    rd = redact(case, Salts(MemorySaltStore()), Confidentiality.public)
    assert rd.sealed_keys is not None
    # a field name among the sealed keys is not a secret; a key that is none would be
    guard = TextGuard(rd)
    assert guard.safe("source model")
    from casegate.publish._guard import _content, _field_names
    lab_keys = {"Project Nightshade"}
    assert _content(set(), lab_keys | {"source"}) == lab_keys
    assert "source" in _field_names() and "model" in _field_names()
