"""The board's page of a published summary names who verified a safeguard as the summary says it
was shown to be: the party is named as a fact only where the summary records that party's
attestation covering the safeguard's test (`verified_by_attested`); otherwise the page shows it as
the case's word, not attested."""

from __future__ import annotations

import html
import json
import re

from casegate.approve import judged_found
from casegate.load import load_case
from casegate.model import Confidentiality
from casegate.publish import Salts, build_summary
from casegate.store import (
    MemorySaltStore,
    json_sha256,
    open_registry,
    record_judgement,
    record_publication,
)

from .conftest import BoardFixture

CASE = "atlas-2-api"
JUDGED = {"keyring": "sha256:" + "0" * 64, "trust_root": None, "at": "2026-11-27T00:00:00Z"}


def _publish(board: BoardFixture, verifiers: dict[str, tuple[str, ...]]) -> None:
    from casegate.gate import run_gate

    reg = open_registry(board.database_url)
    loaded = load_case(board.case_dir / "case.yaml")
    assert loaded.case is not None
    record = run_gate(loaded)
    s = json.loads(build_summary(loaded.case, record, salts=Salts(MemorySaltStore()), policy=loaded.policy,
                                 level=Confidentiality.internal, verifiers=verifiers).model_dump_json())
    version = reg.case_version(CASE).number
    record_judgement(reg, CASE, version=version, outcome=record.outcome,
                     record_sha256=json_sha256(json.loads(record.model_dump_json())), judged=JUDGED,
                     found=judged_found(record, loaded.case, verifiers, policy=loaded.policy))
    record_publication(reg, CASE, s, version=version)
    reg.close()


def _cell(page: str, sid: str) -> str:
    m = re.search(rf"<tr><td><strong>{sid}</strong>.*?</tr>", page, re.S)
    assert m is not None, sid
    return html.unescape(re.sub(r"<[^>]+>", "", re.findall(r"<td>(.*?)</td>", m.group(0), re.S)[-1]))


def test_the_boards_summary_page_marks_an_unattested_verifier(board: BoardFixture) -> None:
    # the lab's summary, published without any attestation: every verifier is its own word
    _publish(board, {})
    page = board.client.get(f"/public/cases/{board.case_id}/summary")
    assert page.status_code == 200
    assert _cell(page.text, "SG-classifier") == "the case says: verified by northbridge-security (not attested)"
    assert _cell(page.text, "SG-refusal") == "the case says: verified by acme-safeguards (not attested)"


def test_the_boards_summary_page_names_an_attested_verifier(board: BoardFixture) -> None:
    _publish(board, {"SG-classifier": ("Jonas Berg (Northbridge Security) ran it",)})
    page = board.client.get(f"/public/cases/{board.case_id}/summary")
    assert _cell(page.text, "SG-classifier") == "northbridge-security"
    assert _cell(page.text, "SG-refusal") == "the case says: verified by acme-safeguards (not attested)"
