"""A newer version judged NO-GO for other model digests stops the older approval when it is about
the same model. The lab's move: version 1 (model digest A) is approved; new evidence on the same
model says no; the lab submits version 2 naming digest B (the same weights re-saved beside another
file, or any other folder) so that version 2's NO-GO names no digest the deploy gives, and keeps
deploying version 1's bundle with `--model-digest A`. Before, a NO-GO counted only for the
deploy's own digest and the bundle verified; now the log shows version 2 is about the same model
(the same system name, or weights the registry hashed for both) and the approval stops. A newer
version about another model (another system name, no weights in common) leaves it as it is."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from casegate.evidence import model_digest
from casegate.model import BoundaryKind
from casegate.store import open_registry, record_decision
from casegate.trust import load_trust_root
from casegate.verify import deploy_state, judge_case, verify_deploy
from casegate.verify._newer import NEWER_NO_GO, newer_no_go_problems
from tests._weights import safetensors, submit_hashed
from tests.verify.test_newer_no_go import OPEN_D1
from tests.verify.test_trust_attacks import MODEL
from tests.verify.trusted import CASE, approved_world, make_trust


def _second_version(tmp_path: Path, db: str, folder: str, name: str | None = None) -> tuple[Any, dict[str, Any], Any]:
    """Version 1 approved; version 2 names the model at `folder` (`resaved`: version 1's weights
    beside one more file; `other`: other weights) and, with `name`, another system name; its
    defeater D1 reopened, it is judged NO-GO and its decision logged, as the registry logs it."""
    with open_registry(db) as reg:
        w, bundle, _ = approved_world(tmp_path / "w", reg)
        b = w.dir / "model-b"
        if folder == "resaved":
            shutil.copytree(w.dir / "model", b)
            (b / "NOTES.md").write_text("Re-saved for the release pipeline.\n")
        else:
            b.mkdir()
            (b / "model.safetensors").write_bytes(safetensors(8192))
            (b / "config.json").write_text('{"model_type": "atlas"}\n')
        digest_b = model_digest(b).digest
        assert digest_b != MODEL
        c = w.dir / "case.yaml"
        text = c.read_text().replace(MODEL, digest_b)
        if name is not None:
            text = text.replace("  name: Atlas-2\n", f"  name: {name}\n", 1)
        c.write_text(text)
        a = w.dir / "argument.yaml"
        a.write_text(a.read_text().replace(*OPEN_D1, 1))
        submit_hashed(reg, w.load(), model=b)
        j = judge_case(w.load(), w.ring)
        assert j.record.outcome == "NO-GO" and j.record.digests.model == [digest_b]
        entry = record_decision(reg, j.record, version=2)
    return w, bundle, entry


def _verify(w: Any, bundle: dict[str, Any], db: str, tmp_path: Path) -> Any:
    trust = make_trust(tmp_path / "root", policy=w.dir / "policy.yaml", keyring=w.ring_path)
    trust.checkpoint(db)
    root = load_trust_root(trust.dir)
    with open_registry(db, readonly=True) as reg:
        return verify_deploy(bundle, w.ring, trust=root, proof=reg.state_proof, model_digest=MODEL,
                             boundary=BoundaryKind.api, at=dt.datetime.now(dt.UTC))


def _newer(reasons: list[str]) -> list[str]:
    return [r for r in reasons if NEWER_NO_GO in r]


def test_the_same_weights_resaved_under_another_digest_stop_the_older_approval(tmp_path: Path,
                                                                                database_url: str) -> None:
    """Version 2 names the re-saved folder (digest B) and is judged NO-GO on an open defeater:
    version 1's bundle, deployed as digest A, no longer verifies, and `state show` says why."""
    w, bundle, entry = _second_version(tmp_path, database_url, "resaved")
    v = _verify(w, bundle, database_url, tmp_path)
    assert not v.ok
    newer = _newer(v.reasons)
    assert len(newer) == 1, v.reasons
    assert newer[0].startswith(f"version 2 of case {CASE} (for model sha256:"), newer[0]
    assert "but the same model: its system is named 'Atlas-2', as version 1's is" in newer[0], newer[0]
    assert f"was judged NO-GO by a gate run (log entry {entry.index}" in newer[0]
    assert "CG801 open-defeater" in newer[0]
    with open_registry(database_url, readonly=True) as reg:
        st = deploy_state(reg, CASE, w.ring)
    assert not st.deployable and "newer version judged NO-GO" in st.causes, st.causes


def test_the_same_weights_under_another_system_name_stop_it_too(tmp_path: Path, database_url: str) -> None:
    """The lab also renames the system (`Atlas-2 Turbo`): the registry hashed the same weights file
    for both versions, so version 2 is still about the model version 1 measured."""
    w, bundle, _ = _second_version(tmp_path, database_url, "resaved", name="Atlas-2 Turbo")
    v = _verify(w, bundle, database_url, tmp_path)
    newer = _newer(v.reasons)
    assert len(newer) == 1 and "a weights file of the same bytes for both it and version 1" in newer[0], v.reasons


def test_any_other_folder_under_the_same_system_name_stops_it(tmp_path: Path, database_url: str) -> None:
    """Version 2 names any other folder (other weights), the system still `Atlas-2`: its evaluations
    name Atlas-2 as version 1's do, so its NO-GO says no for the model version 1 deploys."""
    w, bundle, _ = _second_version(tmp_path, database_url, "other")
    v = _verify(w, bundle, database_url, tmp_path)
    assert not v.ok
    assert len(_newer(v.reasons)) == 1, v.reasons


def test_another_model_under_the_same_case_id_leaves_the_approval(tmp_path: Path, database_url: str) -> None:
    """Version 2 is about another model (`Atlas-3`, other weights): its NO-GO does not revoke
    version 1's deployment."""
    w, bundle, _ = _second_version(tmp_path, database_url, "other", name="Atlas-3")
    v = _verify(w, bundle, database_url, tmp_path)
    assert _newer(v.reasons) == [], v.reasons


class _Entry:
    def __init__(self, index: int, kind: str, payload: dict[str, Any], case_id: str = CASE) -> None:
        self.index, self.kind, self.payload, self.case_id = index, kind, payload, case_id
        self.recorded_at = "2026-12-05T00:00:00Z"


def test_a_version_whose_system_the_log_does_not_hold_fails_closed() -> None:
    """A NO-GO of version 2 for another digest, with no readable `case-version` entry of version 2 in
    the log: whether it is about another model cannot be established, so it stops the approval;
    with the entry naming another system and no common weights, it does not."""
    other = "sha256:" + "2" * 64
    nogo = _Entry(9, "judgement", {"version": 2, "outcome": "NO-GO", "boundary": "api", "models": [other],
                                   "found": {"blocking": [{"code": "CG801"}]}})
    v1 = _Entry(1, "case-version", {"version": 1, "system": {"name": "Atlas-2", "version": "2.1.0",
                                                             "digests": [MODEL]}})

    def problems(*log: Any) -> list[str]:
        return newer_no_go_problems([nogo], 1, CASE, BoundaryKind.api, MODEL, approved_at=3, log=log)

    closed = problems(v1)
    assert len(closed) == 1 and "the log holds no readable system of version 2" in closed[0], closed
    v2 = _Entry(5, "case-version", {"version": 2, "system": {"name": "Atlas-3", "version": "1.0", "digests": [other]}})
    assert problems(v1, v2) == []
    # the same weights file hashed for both (by version, or by digest under another case)
    files1 = _Entry(2, "model-files", {"version": 1, "digest": MODEL, "weights": [["m.safetensors", "a" * 64]],
                                       "files": [["m.safetensors", "a" * 64]]})
    files2 = _Entry(6, "model-files", {"version": 1, "digest": other, "weights": [["w.bin", "a" * 64]],
                                       "files": [["w.bin", "a" * 64]]}, case_id="someone-else")
    assert len(problems(v1, v2, files1, files2)) == 1
