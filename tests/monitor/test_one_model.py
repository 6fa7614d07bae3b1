"""One decision approves one model. Where the policy counts the developer's own evaluations (no
outside attestation signs the digests), a first version could list a fine-tune nobody evaluated
beside the evaluated weights, submit both folders, and have one approval deploy both. Past
internal use the registry now approves the digests only when what it hashed shows them to be the
same weights: the same tensors (a further digest names the same weights stored another way)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from casegate.evidence import model_digest
from casegate.gate import run_gate
from casegate.load import load_case
from casegate.model import DecisionRecord
from casegate.monitor import IllegalTransitionError
from casegate.monitor._lifecycle import check_weights_hashed
from casegate.store import open_registry

from .._weights import hash_weights, safetensors

ATLAS = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"


def _case_with(tmp_path: Path, other: Path) -> tuple[Path, str]:
    """atlas-api listing, beside its model, the model at `other` (a folder next to it)."""
    d = tmp_path / "atlas-api"
    shutil.copytree(ATLAS, d)
    case = d / "case.yaml"
    own = model_digest(d / "model").digest
    second = model_digest(other).digest
    text = case.read_text()
    assert f"  digests: [{own}]\n" in text
    case.write_text(text.replace(f"  digests: [{own}]\n", f"  digests: [{own}, {second}]\n"))
    return case, second


def _approving(case: Path, models: list[Path], url: str) -> tuple[object, DecisionRecord, int]:
    loaded = load_case(case)
    reg = open_registry(url)
    v = reg.submit_case(loaded)
    for m in models:
        hash_weights(reg, v.case_id, v.number, m)
    # the gate's outcome under a policy that takes the developer's own evaluations: nothing in the
    # evidence signs a digest, so nothing there tells the two models apart
    rec = run_gate(loaded, today=dt.date(2026, 11, 27), try_narrower=False)
    return reg, rec.model_copy(update={"outcome": "GO WITH CONDITIONS"}), v.number


def test_a_second_model_beside_the_evaluated_one_is_not_approved(tmp_path: Path, database_url: str) -> None:
    ft = tmp_path / "model-ft"
    ft.mkdir()
    shutil.copy(ATLAS / "model" / "config.json", ft / "config.json")
    (ft / "model.safetensors").write_bytes(safetensors(4096))  # other tensors: a fine-tune
    case, second = _case_with(tmp_path, ft)
    reg, rec, n = _approving(case, [case.parent / "model", ft], database_url)
    assert second in rec.digests.model and len(rec.digests.model) == 2
    with pytest.raises(IllegalTransitionError, match="are not the same weights by what the registry hashed"):
        check_weights_hashed(reg, rec, n)  # type: ignore[arg-type]


def test_the_same_weights_under_a_further_digest_are_approved(tmp_path: Path, database_url: str) -> None:
    again = tmp_path / "model-again"
    shutil.copytree(ATLAS / "model", again)
    (again / "README.md").write_text("The same weights, with a card.\n")  # another digest, the same tensors
    case, second = _case_with(tmp_path, again)
    assert second != model_digest(case.parent / "model").digest
    reg, rec, n = _approving(case, [case.parent / "model", again], database_url)
    check_weights_hashed(reg, rec, n)  # type: ignore[arg-type]
