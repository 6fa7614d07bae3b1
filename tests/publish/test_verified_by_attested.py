"""Who verified a safeguard, as the pages show it: the party the case names under `verified_by`
is named as a fact only where it signed an evidence attestation, verified against the keyring
the gate used, that covers one of the safeguard's tests; otherwise the pages say it is the case's
word ("the case says: verified by X (not attested)"). The JSON keeps the typed value, and says
whether it is attested."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from casegate.load import load_case
from casegate.model import Confidentiality
from casegate.publish import KeyedSalts, PublicSummary, decide, publish, summary_html
from casegate.publish._render import render
from casegate.sign import load_keyring, with_attestations

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.date(2026, 11, 27)
WHEN = dt.datetime(2026, 11, 27, 23, 59, tzinfo=dt.UTC)
NOT_ATTESTED = "the case says: verified by {} (not attested)"


def _case(tmp: Path, edit: tuple[str, str] | None = None) -> Path:
    shutil.copytree(ROOT / "examples" / "atlas-api", tmp / "atlas")
    case = tmp / "atlas" / "case.yaml"
    if edit is not None:
        text = case.read_text()
        assert edit[0] in text
        case.write_text(text.replace(edit[0], edit[1], 1))
    return case


def _published(tmp: Path, case: Path, keyring: bool = True) -> dict[str, str]:
    loaded = load_case(case)
    if keyring:
        loaded = with_attestations(loaded, load_keyring(case.parent / "keys" / "keyring.yaml"), WHEN)
    out = tmp / "out"
    files = publish(loaded, out, salts=KeyedSalts(bytes(range(32))), level=Confidentiality.internal, today=DAY,
                    record=decide(loaded, DAY), formats=("json", "md", "html")).files
    return {k: p.read_text(encoding="utf-8") for k, p in files.items()}


def _md_row(md: str, sid: str) -> str:
    (row,) = [ln for ln in md.splitlines() if ln.startswith(f"| {sid}")]
    return row.rsplit("|", 2)[1].strip()  # the last cell: verified by


def _html_cell(html: str, sid: str) -> str:
    m = re.search(rf"<tr><td><strong>{sid}</strong>.*?</tr>", html, re.S)
    assert m is not None
    return re.findall(r"<td>(.*?)</td>", m.group(0), re.S)[-1]


def _json_sg(text: str, sid: str) -> dict:
    (sg,) = [s for s in json.loads(text)["safeguards"] if s["id"] == sid]
    return sg


def test_an_attested_verifier_is_named_and_a_typed_one_is_the_cases_word(tmp_path: Path) -> None:
    got = _published(tmp_path, _case(tmp_path))
    # Jonas Berg (Northbridge Security) signed E-redteam-classifier as a test of SG-classifier
    assert _md_row(got["md"], "SG-classifier") == "northbridge-security"
    assert _html_cell(got["html"], "SG-classifier") == "northbridge-security"
    assert _json_sg(got["json"], "SG-classifier")["verified_by_attested"] is True
    # nobody from acme-safeguards signed anything: the lab's typed word only
    assert _md_row(got["md"], "SG-refusal") == NOT_ATTESTED.format("acme-safeguards")
    assert NOT_ATTESTED.format("acme-safeguards") in _html_cell(got["html"], "SG-refusal")
    sg = _json_sg(got["json"], "SG-refusal")
    assert sg["verified_by"] == "acme-safeguards" and "verified_by_attested" not in sg
    checked = next(q for q in json.loads(got["json"])["questions"] if q["key"] == "checked-by")
    if checked["origin"] == "summary":  # the composed answer says the same
        assert "safeguards verified by northbridge-security (attested)" in checked["answer"]


def test_the_lab_naming_an_outside_party_as_verifier_is_not_shown_as_a_fact(tmp_path: Path) -> None:
    # the move: the lab types the external red team as the verifier of its own refusal training
    case = _case(tmp_path, ("    verified_by: acme-safeguards", "    verified_by: northbridge-security"))
    got = _published(tmp_path, case)
    assert _md_row(got["md"], "SG-refusal") == NOT_ATTESTED.format("northbridge-security")
    assert NOT_ATTESTED.format("northbridge-security") in _html_cell(got["html"], "SG-refusal")
    assert "verified_by_attested" not in _json_sg(got["json"], "SG-refusal")
    assert _md_row(got["md"], "SG-classifier") == "northbridge-security"  # the one it did sign


def test_an_attestation_by_another_party_does_not_make_the_typed_verifier_attested(tmp_path: Path) -> None:
    # the move: the classifier was tested by Northbridge; the lab says Halden verified it
    text = (ROOT / "examples" / "atlas-api" / "case.yaml").read_text()
    i = text.index("  SG-classifier:")
    j = text.index("verified_by: northbridge-security", i)
    case = _case(tmp_path)
    case.write_text(text[:j] + "verified_by: halden-assurance" + text[j + len("verified_by: northbridge-security"):])
    got = _published(tmp_path, case)
    assert _md_row(got["md"], "SG-classifier") == NOT_ATTESTED.format("halden-assurance")
    assert "verified_by_attested" not in _json_sg(got["json"], "SG-classifier")


def test_without_a_keyring_no_verifier_is_attested(tmp_path: Path) -> None:
    got = _published(tmp_path, _case(tmp_path), keyring=False)
    assert _md_row(got["md"], "SG-classifier") == NOT_ATTESTED.format("northbridge-security")
    assert NOT_ATTESTED.format("northbridge-security") in _html_cell(got["html"], "SG-classifier")


@pytest.mark.parametrize("attested", [False, True])
def test_a_stored_summary_renders_the_verifier_by_its_flag(attested: bool) -> None:
    # the board renders the summary the registry recorded: a summary without the flag (one
    # written before it, or one a lab wrote by hand claiming a verifier) shows the case's word
    data = json.loads((Path(__file__).parent / "pinned" / "atlas-internal" / "summary.json").read_bytes())
    for sg in data["safeguards"]:
        if sg["id"] == "SG-kyc":
            if attested:
                sg["verified_by_attested"] = True
            else:
                sg.pop("verified_by_attested", None)
    s = PublicSummary.model_validate(data)
    md, html = render("summary.md.j2", s=s, chart_files=[]), summary_html(s, svg=None, charts=[])
    want = "acme-trust-and-safety" if attested else NOT_ATTESTED.format("acme-trust-and-safety")
    assert _md_row(md, "SG-kyc") == want
    assert want in _html_cell(html, "SG-kyc")
