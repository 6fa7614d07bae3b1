"""Conditions are met and counted by their id. A decision record signed by the lab's decider that
gives two conditions one id (the rule's condition, and one of the lab's own it can have confirmed
at once) let a confirmation of the easy one stand for both: the case moved to approved on it, and
`verify` past the due date counted the rule's condition met. The registry now refuses a record
whose condition ids repeat (or are empty), `verify` refuses such a bundle, and a confirmation moves
the case only when every condition, told apart by id and text, is met (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from casegate.model import BoundaryKind
from casegate.sign import decode_payload, load_keyring, load_signer, sign_statement
from casegate.store import open_registry
from casegate.verify import check_bundle
from tests.monitor.test_cli import _cg, _under_review, approved, signed  # noqa: F401 - the fixtures are used by name


def _forged(signed: Path, ids: tuple[str, str]) -> dict:  # type: ignore[type-arg]  # noqa: F811
    b = json.loads((signed / "case" / "decision.bundle.json").read_text())
    st = decode_payload(b["decision"])
    conds = st["predicate"]["record"]["conditions"]
    assert len(conds) == 1
    real = dict(conds[0], id=ids[0])
    easy = dict(real, id=ids[1], cause="CG000", path=["system"], text="Publish the model card.",
                finding="The model card is not yet published.", fix="Publish the model card.")
    st["predicate"]["record"]["conditions"] = [real, easy]
    b["decision"] = sign_statement(st, load_signer(str(signed / "keys" / "rso.pem")))
    return b


@pytest.mark.parametrize("ids", [("C1", "C1"), ("", "")])
def test_the_registry_refuses_a_decision_whose_condition_ids_repeat(
        signed: Path, tmp_path: Path, database_url: str, ids: tuple[str, str]) -> None:  # noqa: F811
    _under_review(signed, tmp_path, database_url)
    (tmp_path / "forged.json").write_text(json.dumps(_forged(signed, ids)))
    p = _cg(tmp_path, database_url, "state", "apply", "--unpinned", "atlas-2-api", "--decision", "forged.json", code=None)
    assert p.returncode != 0 and "Traceback" not in p.stderr, (p.returncode, p.stdout, p.stderr)
    assert "condition id" in p.stderr, p.stderr
    with open_registry(database_url) as reg:
        assert reg.case_state("atlas-2-api") == "under-review"
        assert not reg.events("atlas-2-api", "condition")


def test_verify_refuses_a_bundle_whose_condition_ids_repeat(signed: Path) -> None:  # noqa: F811
    b = _forged(signed, ("C1", "C1"))
    digest = decode_payload(b["decision"])["predicate"]["system"]["digests"][0]
    v = check_bundle(b, load_keyring(signed / "keyring.yaml"), model_digest=digest, boundary=BoundaryKind.api,
                     at=dt.datetime(2026, 12, 2, 12, tzinfo=dt.UTC))
    assert any("condition id" in r for r in v.reasons), v.reasons


def test_a_condition_written_into_the_log_under_a_taken_id_is_not_met_with_it(
        approved: tuple[Path, str]) -> None:  # noqa: F811
    """The lab writes a `condition` entry of its own into the log directly, under the id of the
    decision's condition, and has the external evaluator confirm that one: the decision's own
    condition is still unmet, so the case stays approved with conditions."""
    tmp, db = approved
    with open_registry(db) as reg:
        (real,) = reg.events("atlas-2-api", "condition")
        reg.record("condition", "atlas-2-api", dict(real.payload, text="Publish the model card.", cause="CG000",
                                                     path=["system"]))
    (tmp / "model-card.txt").write_text("Atlas-2 model card, published.\n")
    p = _cg(tmp, db, "condition", "met", "atlas-2-api", "C1", "--evidence", "model-card.txt",
            "--by", "external-evaluator", "--key", "keys/external-evaluator.pem", code=None)
    assert "Traceback" not in p.stderr, p.stderr
    assert json.loads(_cg(tmp, db, "state", "atlas-2-api", "--json").stdout)["state"] == "approved-with-conditions"
    listed = json.loads(_cg(tmp, db, "condition", "list", "atlas-2-api", "--json", code=None).stdout)
    assert any(c["text"] == real.payload["text"] and not c["met"] for c in listed["conditions"]), listed
