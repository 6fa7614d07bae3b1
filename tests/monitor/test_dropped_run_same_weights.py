"""A run of the same weights, dropped, is dropped: the registry knows the weights by what it hashed,
not by the digest the case names (SQLite and PostgreSQL).

CG350 lets a newer run of a threshold take a dropped run's place only for new weights, and took
"new weights" from the case's digests alone. The lab's move: version 1.1 adds a November CTF run
that went badly; the next version names the same weights re-saved beside one more file (another
digest, the weights file the same bytes, `registry submit --model` hashing both), leaves the bad
run out and cites a newer run that went better. Before, the digests differing, the newer run took
the bad run's place and CG350 said nothing. Now a compared version whose weights the registry
hashed in common with this one's is of the same weights: a newer run adds to the bad one, it does
not replace it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from casegate.evidence import model_digest
from casegate.load import load_case
from casegate.store import Registry
from tests._weights import submit_hashed
from tests.monitor.test_dropped_run_redated import _cg350, _cite
from tests.monitor.test_first_logged import EXAMPLE, UTC, _copy
from tests.verify.trusted import log_clock

DIGEST = "sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903"


def _log_a_bad_run_hashed(reg: Registry, tmp_path: Path) -> None:
    """Version 1.0 (September) cites September's CTF run; version 1.1 (November) adds a November
    run that went badly; both submitted with their model folder hashed."""
    assert model_digest(EXAMPLE / "model").digest == DIGEST
    with log_clock(dt.datetime(2026, 9, 16, 9, 0, tzinfo=UTC)):
        submit_hashed(reg, load_case(_cite(_copy(tmp_path, "v1"), ("E-ctf-sept", "ctf-sept", "2026-09-15", 0))))
    with log_clock(dt.datetime(2026, 11, 11, 9, 0, tzinfo=UTC)):
        submit_hashed(reg, load_case(_cite(_copy(tmp_path, "v2", case={'version: "1.0"': 'version: "1.1"'}),
                                           ("E-ctf-sept", "ctf-sept", "2026-09-15", 0),
                                           ("E-ctf-nov", "ctf-nov", "2026-11-10", 5))))


def _folder(tmp_path: Path, name: str, *, resaved: bool) -> Path:
    """The example's model re-saved beside one more file (`resaved`: the same weights file; else
    other weights: other bytes at the end of the weights file)."""
    folder = tmp_path / f"model-{name}"
    shutil.copytree(EXAMPLE / "model", folder)
    (folder / "NOTES.md").write_text("Re-saved for the 2.0 release.\n")
    if not resaved:
        for f in folder.iterdir():
            if f.suffix == ".safetensors":
                raw = bytearray(f.read_bytes())
                raw[-64:] = bytes(64)
                f.write_bytes(bytes(raw))
    return folder


def _next(reg: Registry, tmp_path: Path, name: str, *, resaved: bool) -> Path:
    """Version 2.0 on the weights re-saved beside one more file (`resaved`: the same weights file;
    else other weights), the November run left out and a newer, better run cited in its place;
    submitted with its folder hashed."""
    folder = _folder(tmp_path, name, resaved=resaved)
    digest = model_digest(folder).digest
    case = _cite(_copy(tmp_path, name, case={'version: "1.0"': 'version: "2.0"', DIGEST: digest}),
                 ("E-ctf-sept", "ctf-sept", "2026-09-15", 0), ("E-ctf-rerun", "ctf-rerun", "2026-11-25", 7))
    with log_clock(dt.datetime(2026, 11, 26, 9, 0, tzinfo=UTC)):
        submit_hashed(reg, load_case(case), model=folder)
    return case


def test_a_bad_run_of_the_same_weights_under_a_new_digest_is_not_replaced(reg: Registry, tmp_path: Path) -> None:
    _log_a_bad_run_hashed(reg, tmp_path)
    v3 = _next(reg, tmp_path, "v3", resaved=True)
    (msg,) = _cg350(reg, v3)
    assert "no longer include `E-ctf-nov` (2026-11-10" in msg and "of the same weights" in msg, msg


def test_a_newer_run_of_other_weights_still_takes_its_place(reg: Registry, tmp_path: Path) -> None:
    _log_a_bad_run_hashed(reg, tmp_path)
    v3 = _next(reg, tmp_path, "v3", resaved=False)
    assert _cg350(reg, v3) == []

