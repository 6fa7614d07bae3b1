"""A safeguard test of the same weights, dropped, is dropped: CG420 knows the weights by what the
registry hashed, as CG350 does, not by the digest the case names (SQLite and PostgreSQL).

CG420 lets a later test of a safeguard trained into the weights (`model-behaviour`) take a dropped
test's place for new weights only, and took "new weights" from the case's digests alone. The lab's
move: version 1.1 adds a November refusal test that found 40 bypasses; the next version names the
same weights re-saved beside one more file (another digest, the weights file the same bytes,
`registry submit --model` hashing both), leaves the bad test out and cites a later test that went
better. Before, the digests differing, the later test took the bad one's place and CG420 said
nothing. Now the rule asks the one question CG350 asks (`casegate.checks._derived.same_weights`):
a later test of the same weights adds to the bad one, it does not replace it."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from casegate.evidence import model_digest
from casegate.load import load_case
from casegate.store import Registry
from tests._weights import submit_hashed
from tests.monitor.test_dropped_run_redated import _refusal
from tests.monitor.test_dropped_run_same_weights import DIGEST, _folder
from tests.monitor.test_first_logged import EXAMPLE, UTC, _copy, _gate
from tests.verify.trusted import log_clock


def _log_a_bad_test_hashed(reg: Registry, tmp_path: Path) -> None:
    """Version 1.0 (October) cites the example's clean refusal test; version 1.1 (November) adds a
    November test that found 40 bypasses; both submitted with their model folder hashed."""
    assert model_digest(EXAMPLE / "model").digest == DIGEST
    with log_clock(dt.datetime(2026, 10, 26, 9, 0, tzinfo=UTC)):
        submit_hashed(reg, load_case(_copy(tmp_path, "v1")))
    with log_clock(dt.datetime(2026, 11, 11, 9, 0, tzinfo=UTC)):
        submit_hashed(reg, load_case(_refusal(_copy(tmp_path, "v2", case={'version: "1.0"': 'version: "1.1"'}),
                                              "E-refusal-nov", "refusal-nov", "2026-11-10", bypasses=40)))


def _next(reg: Registry, tmp_path: Path, name: str, *, resaved: bool) -> Path:
    """Version 2.0 on the weights re-saved beside one more file (`resaved`: the same weights file;
    else other weights), the November test left out and a later test (2 bypasses, a test the
    registry never saw) cited in its place; submitted with its folder hashed."""
    folder = _folder(tmp_path, name, resaved=resaved)
    digest = model_digest(folder).digest
    assert digest != DIGEST
    case = _refusal(_copy(tmp_path, name, case={'version: "1.0"': 'version: "2.0"', DIGEST: digest}),
                    "E-refusal-again", "refusal-again", "2026-11-25", bypasses=2)
    _with_outputs(case, "refusal-again")
    with log_clock(dt.datetime(2026, 11, 26, 9, 0, tzinfo=UTC)):
        submit_hashed(reg, load_case(case), model=folder)
    return case


def _with_outputs(case: Path, name: str) -> None:
    """The test `name` records what the model answered to each request (so the registry can tell it
    from a renamed copy of an earlier test, and its date counts), its sha256 pinned again."""
    f = case.parent / "reports" / f"{name}.json"
    doc = json.loads(f.read_text())
    for i, s in enumerate(doc["samples"]):
        s["output"] = f"{name}: answer {i}"
    raw = json.dumps(doc).encode()
    ev = case.parent / "evidence.yaml"
    text = ev.read_text()
    old = text.split(f"artifact: reports/{name}.json\n    sha256: ", 1)[1][:64]
    f.write_bytes(raw)
    ev.write_text(text.replace(old, hashlib.sha256(raw).hexdigest()))


def _cg420(reg: Registry, case: Path) -> list[str]:
    record = _gate(reg, case, today=dt.date(2026, 12, 1), clock=dt.datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    return [f.message for f in record.findings if f.code == "CG420"]


def test_a_bad_test_of_the_same_weights_under_a_new_digest_is_not_replaced(reg: Registry, tmp_path: Path) -> None:
    _log_a_bad_test_hashed(reg, tmp_path)
    v3 = _next(reg, tmp_path, "v3", resaved=True)
    got = [m for m in _cg420(reg, v3) if "`E-refusal-nov`" in m]
    assert got, _cg420(reg, v3)
    assert all("the same safeguard on the same weights, so a newer test adds to it, it does not replace it" in m
               for m in got), got


def test_a_later_test_of_other_weights_still_takes_its_place(reg: Registry, tmp_path: Path) -> None:
    _log_a_bad_test_hashed(reg, tmp_path)
    v3 = _next(reg, tmp_path, "v3", resaved=False)
    assert [m for m in _cg420(reg, v3) if "`E-refusal-nov`" in m] == []
