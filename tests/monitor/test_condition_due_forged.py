"""The lab's decider signs the decision record, conditions and due dates included, and the registry
judges the decision again before it applies it. A due date the registry's gate does not set is
refused, whatever its spelling: an empty one (read as "no due date", so the condition never fell
due and never stopped a deploy) or one that is not a date. Before, an empty due date was compared
as text, came before every date, and applied (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casegate.sign import decode_payload, load_signer, sign_statement
from casegate.store import open_registry
from tests.monitor.test_cli import _cg, _under_review, signed  # noqa: F401 - the fixture is used by name


@pytest.mark.parametrize("due", ["", "2027", "none"])
def test_a_condition_signed_with_a_due_date_the_registry_does_not_set_is_refused(
        signed: Path, tmp_path: Path, database_url: str, due: str) -> None:  # noqa: F811
    _under_review(signed, tmp_path, database_url)
    bundle = tmp_path / "case" / "decision.bundle.json"
    b = json.loads(bundle.read_text())
    st = decode_payload(b["decision"])
    conds = st["predicate"]["record"]["conditions"]
    assert conds and all(c["due"] for c in conds)
    for c in conds:
        c["due"] = due
    b["decision"] = sign_statement(st, load_signer(str(tmp_path / "keys" / "rso.pem")))
    (tmp_path / "forged.json").write_text(json.dumps(b))
    p = _cg(tmp_path, database_url, "state", "apply", "--unpinned", "atlas-2-api", "--decision", "forged.json", code=None)
    assert p.returncode != 0 and "Traceback" not in p.stderr, (p.returncode, p.stdout, p.stderr)
    assert ("no due date" in p.stderr or "later due dates" in p.stderr) if due == "" else ("Invalid isoformat string" in p.stderr), p.stderr
    with open_registry(database_url) as reg:
        assert reg.case_state("atlas-2-api") == "under-review"
        assert not reg.events("atlas-2-api", "condition")


def test_verify_holds_a_condition_without_a_due_date_to_as_due(signed: Path) -> None:  # noqa: F811
    """A signed bundle whose condition has no due date, presented to `verify`, does not pass that
    condition as never due: it is held to as due, and stops the deploy unless the log shows it met."""
    import datetime as dt

    from casegate.model import BoundaryKind
    from casegate.sign import load_keyring
    from casegate.verify import check_bundle

    b = json.loads((signed / "case" / "decision.bundle.json").read_text())
    st = decode_payload(b["decision"])
    digest = st["predicate"]["system"]["digests"][0]
    at = dt.datetime(2026, 12, 2, 12, tzinfo=dt.UTC)  # well before the gate's due date
    ring = load_keyring(signed / "keyring.yaml")
    honest = check_bundle(b, ring, model_digest=digest, boundary=BoundaryKind.api, at=at)
    assert not [r for r in honest.reasons if "condition C1" in r], honest.reasons
    for c in st["predicate"]["record"]["conditions"]:
        c["due"] = ""
    b["decision"] = sign_statement(st, load_signer(str(signed / "keys" / "rso.pem")))
    v = check_bundle(b, ring, model_digest=digest, boundary=BoundaryKind.api, at=at)
    assert any("condition C1" in r and "has no due date" in r for r in v.reasons), v.reasons


def test_a_condition_whose_text_is_weakened_beside_the_rules_fix_is_refused(
        signed: Path, tmp_path: Path, database_url: str) -> None:  # noqa: F811
    """The text is what `condition list` shows and a confirmation signs: a record that keeps the
    rule's `fix` and weakens the text beside it does not apply."""
    _under_review(signed, tmp_path, database_url)
    b = json.loads((signed / "case" / "decision.bundle.json").read_text())
    st = decode_payload(b["decision"])
    for c in st["predicate"]["record"]["conditions"]:
        c["text"] = c["finding"] + "; consider it when convenient"
    b["decision"] = sign_statement(st, load_signer(str(tmp_path / "keys" / "rso.pem")))
    (tmp_path / "forged.json").write_text(json.dumps(b))
    p = _cg(tmp_path, database_url, "state", "apply", "--unpinned", "atlas-2-api", "--decision", "forged.json", code=4)
    assert "words what a condition requires otherwise" in p.stderr, p.stderr
    with open_registry(database_url) as reg:
        assert reg.case_state("atlas-2-api") == "under-review"
