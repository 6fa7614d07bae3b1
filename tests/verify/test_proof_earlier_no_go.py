"""A state proof carries the version another case's NO-GO judged when it was logged before the
deployed case's first entry, so `verify` can tell which model that NO-GO is about.

The scenario: case atlas-2-partner submits version 1 (January); case atlas-2-api is created
afterwards (February) and approved (March); atlas-2-partner version 1 is judged NO-GO on its
substance (April). A state proof of atlas-2-api starts at its own first entry, so before, the
partner's version entry was not in view: which model its NO-GO was about could not be told and
every deploy of atlas-2-api was refused, offline and with `--db`, even for an unrelated model.
Now the proof carries every log entry from the partner version's entry to atlas-2-api's first
(`earlier`), proven with the rest against the same checkpoint: an unrelated model verifies, the
same weights under another name are refused, and an `earlier` that is tampered with, missing or
from another checkpoint is refused (missing: fails closed as before).
"""

from __future__ import annotations

import copy
import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from casegate.evidence import model_digest
from casegate.model import BoundaryKind
from casegate.store import open_registry, record_decision
from casegate.trust import load_trust_root
from casegate.verify import judge_case, verify_deploy
from casegate.verify._newer import OTHER_CASE
from tests._weights import hash_weights, safetensors, submit_hashed
from tests.verify.test_newer_no_go import OPEN_D1
from tests.verify.test_trust_attacks import MODEL
from tests.verify.trusted import CASE, SIGNED, make_trust

OTHER = "atlas-2-partner"


def _story(tmp_path: Path, db: str, folder: str, name: str) -> tuple[Any, dict[str, Any], Any]:
    """atlas-2-partner version 1, about the model at `folder` (`resaved`: atlas-2-api's weights
    beside one more file, which the registry hashes only in April, so the gate run on atlas-2-api
    could not compare with it; `other`: other weights, hashed in January), its system named
    `name`, submitted before atlas-2-api exists; then atlas-2-api submitted and approved; then the
    partner's version judged NO-GO on an open defeater and the decision logged."""
    from casegate.approve import approve
    from casegate.monitor import comparison_for, submit_for_review
    from casegate.sign import sign_case
    from casegate.verify import decide_case
    from tests.sign.helpers import make_world

    with open_registry(db) as reg:
        w = make_world(tmp_path / "w")
        for person, role in SIGNED.items():
            sign_case(w.load(), role, w.signers[person], w.ring)
        b = tmp_path / "model-b"
        if folder == "resaved":
            shutil.copytree(w.dir / "model", b)
            (b / "NOTES.md").write_text("Re-saved for the partner's pipeline.\n")
        else:
            b.mkdir()
            (b / "model.safetensors").write_bytes(safetensors(8192))
            (b / "config.json").write_text('{"model_type": "atlas"}\n')
        c, a = w.dir / "case.yaml", w.dir / "argument.yaml"
        case_text, argument_text = c.read_text(), a.read_text()
        assert case_text.count(f"id: {CASE}\n") == 1 and case_text.count("  name: Atlas-2\n") == 1
        c.write_text(case_text.replace(f"id: {CASE}\n", f"id: {OTHER}\n").replace(MODEL, model_digest(b).digest)
                     .replace("  name: Atlas-2\n", f"  name: {name}\n"))
        a.write_text(argument_text.replace(*OPEN_D1, 1))
        if folder == "resaved":
            reg.submit_case(w.load())  # January: before atlas-2-api exists (its files hashed in April)
        else:
            submit_hashed(reg, w.load(), model=b)  # January: before atlas-2-api exists
        j = judge_case(w.load(), w.ring)
        assert j.record.outcome == "NO-GO" and "CG801" in {f.code for f in j.record.findings if f.blocking}
        c.write_text(case_text)
        a.write_text(argument_text)
        first = submit_hashed(reg, w.load())
        # the gate compares atlas-2-api with what the registry remembers of the same model
        record, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring,
                                     comparison=comparison_for(reg, w.load(), keyring=w.ring))
        submit_for_review(reg, CASE, by="Sam Whitfield")
        approve(reg, record, bundle, w.ring, unpinned=True)
        if folder == "resaved":
            hash_weights(reg, OTHER, 1, b)
        entry = record_decision(reg, j.record, version=1)  # April: the partner's NO-GO
        mine = [e.index for e in reg.events(case_id=CASE, kind="case-version")]
        theirs = [e.index for e in reg.events(case_id=OTHER, kind="case-version")]
    assert first.number == 1 and theirs[0] < mine[0] < entry.index  # the partner's version is earlier
    trust = make_trust(tmp_path / "root", policy=w.dir / "policy.yaml", keyring=w.ring_path)
    trust.checkpoint(db)
    w.trust = trust
    return w, bundle, entry


def _proof(db: str) -> dict[str, Any]:
    with open_registry(db, readonly=True) as reg:
        doc, problems = reg.state_proof(CASE)
    assert doc is not None and problems == [], problems
    return doc


def _verify(w: Any, bundle: dict[str, Any], proof: Any) -> Any:
    root = load_trust_root(w.trust.dir)
    source = proof if callable(proof) else (lambda _case: (proof, []))
    return verify_deploy(bundle, w.ring, trust=root, proof=source, model_digest=MODEL, boundary=BoundaryKind.api,
                         at=dt.datetime.now(dt.UTC))


def _other(reasons: list[str]) -> list[str]:
    return [r for r in reasons if OTHER_CASE in r or "earlier" in r]


def test_an_unrelated_model_s_earlier_version_no_go_leaves_the_approval(tmp_path: Path, database_url: str) -> None:
    """The partner's version is about Atlas-3 (other weights): the proof carries its entry and the
    files the registry hashed for it, so the deploy of atlas-2-api verifies, from the proof file
    and with `--db` (the registry as the source)."""
    w, bundle, _ = _story(tmp_path, database_url, "other", "Atlas-3")
    doc = _proof(database_url)
    earlier = doc["earlier"]
    assert earlier["first"] < doc["first"] and [e["index"] for e in earlier["entries"]] == list(
        range(earlier["first"], doc["first"]))
    assert earlier["entries"][0]["case_id"] == OTHER and earlier["entries"][0]["kind"] == "case-version"
    v = _verify(w, bundle, doc)
    assert v.ok, v.reasons
    with open_registry(database_url, readonly=True) as reg:
        v = _verify(w, bundle, reg.state_proof)
    assert v.ok, v.reasons


def test_the_same_weights_under_another_name_in_an_earlier_version_stop_the_approval(tmp_path: Path,
                                                                                      database_url: str) -> None:
    """The partner's version names atlas-2-api's weights re-saved (another digest) under another
    system name: the registry hashed a weights file of the same bytes for both, so its NO-GO stops
    the approval. Its system is read from the proof's `earlier` entries; the files, hashed in
    April, from its main ones."""
    w, bundle, entry = _story(tmp_path, database_url, "resaved", "Atlas-2 Partner")
    v = _verify(w, bundle, _proof(database_url))
    assert not v.ok
    (why,) = _other(v.reasons)
    assert "a weights file of the same bytes for both it and version 1 of case atlas-2-api" in why, why
    assert f"(log entry {entry.index}" in why and "CG801" in why, why


def test_a_proof_without_its_earlier_entries_fails_closed(tmp_path: Path, database_url: str) -> None:
    """An older proof (or one with `earlier` dropped) cannot tell: refused, as before."""
    w, bundle, _ = _story(tmp_path, database_url, "other", "Atlas-3")
    doc = _proof(database_url)
    del doc["earlier"]
    v = _verify(w, bundle, doc)
    assert not v.ok
    (why,) = _other(v.reasons)
    assert "version 1 of case atlas-2-partner is not among its entries" in why, why


def test_tampered_earlier_entries_are_refused(tmp_path: Path, database_url: str) -> None:
    """Whoever hands the proof over renames the partner version's system, drops the files the
    registry hashed for it, cuts the range or garbles it: refused."""
    w, bundle, _ = _story(tmp_path, database_url, "other", "Atlas-3")
    doc = _proof(database_url)

    renamed = copy.deepcopy(doc)
    head = renamed["earlier"]["entries"][0]
    head["payload"]["system"]["name"] = "Atlas-3"
    head["payload"]["system"]["digests"] = ["sha256:" + "3" * 64]
    dropped = copy.deepcopy(doc)
    files = [i for i, e in enumerate(dropped["earlier"]["entries"]) if e["kind"] == "model-files"]
    assert files, "the registry hashed the partner's model files before atlas-2-api's first entry"
    del dropped["earlier"]["entries"][files[0]]
    for e in dropped["earlier"]["entries"][files[0]:]:
        e["index"] -= 1  # renumbered so the range has no gap
    dropped["earlier"]["first"] = dropped["earlier"]["entries"][0]["index"]
    cut = copy.deepcopy(doc)
    cut["earlier"]["entries"] = cut["earlier"]["entries"][:-1]
    unreadable = copy.deepcopy(doc)
    unreadable["earlier"] = {"first": "x"}
    for bad in (renamed, dropped, cut, unreadable):
        v = _verify(w, bundle, bad)
        assert not v.ok
        assert any("the state proof's earlier entries" in r for r in v.reasons), v.reasons


def test_earlier_entries_from_another_checkpoint_are_refused(tmp_path: Path, database_url: str) -> None:
    """The `earlier` of a proof under another log's checkpoint (the same story logged in another
    registry: other times, other leaves), put into this log's proof, does not lead to its
    checkpoint's root; this log's own `earlier`, under a newer checkpoint of the grown log, does."""
    w, bundle, _ = _story(tmp_path, database_url, "other", "Atlas-3")
    old = _proof(database_url)
    with open_registry(database_url) as reg:
        reg.record("note", OTHER, {"text": "a later entry"})
    w.trust.checkpoint(database_url, at=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=2))
    new = _proof(database_url)
    assert new["checkpoint"] != old["checkpoint"] and new["earlier"]["entries"] == old["earlier"]["entries"]
    assert _verify(w, bundle, new).ok
    elsewhere = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    (tmp_path / "second").mkdir()
    _story(tmp_path / "second", elsewhere, "other", "Atlas-3")
    foreign = _proof(elsewhere)["earlier"]
    assert foreign["first"] == new["earlier"]["first"] and foreign != new["earlier"]
    new["earlier"] = foreign
    v = _verify(w, bundle, new)
    assert not v.ok
    assert any("the state proof's earlier entries" in r and "not the log the checkpoint signs" in r
               for r in v.reasons), v.reasons


def test_a_proof_from_tiles_carries_the_same_earlier_entries(tmp_path: Path, database_url: str) -> None:
    """`casegate state-proof --tiles` (without the registry) writes the same document, `earlier`
    included, as the registry makes, and it verifies."""
    import json

    from tests.ledger.test_cli import cg

    w, bundle, _ = _story(tmp_path, database_url, "other", "Atlas-3")
    full = tmp_path / "private"
    r = cg("log", "tiles", "--out", str(tmp_path / "tiles"), "--entries-out", str(full), "--db", database_url,
           cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = cg("state-proof", CASE, "--tiles", str(full), "--trust-root", str(w.trust.dir), "--out",
           str(tmp_path / "proof.json"), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    from_tiles = json.loads((tmp_path / "proof.json").read_text())
    assert "earlier" in from_tiles and from_tiles == _proof(database_url)
    v = _verify(w, bundle, from_tiles)
    assert v.ok, v.reasons
