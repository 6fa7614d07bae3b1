"""A case is compared with the versions of another case about the same model, and one way the
registry knows the same model is its name and version. A lab filing its next version under a new
case id, with a new digest (a file added beside the weights, submitted without `--model`) and the
model's name written `Atlas2` or with a Cyrillic `А` (it reads `Atlas-2` to a reviewer), was
compared with nothing: the pathway it rated lower than the recorded version (CG329) went unseen.
Names are now compared by their letters and digits alone, look-alike letters mapped."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from casegate.gate import run_gate
from casegate.load import load_case
from casegate.monitor._compare import comparison_for, model_keys
from casegate.store import open_registry

ATLAS = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"
DIGEST = "sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903"
SEVERE = "        severity: severe\n        steps: [obtain-access, find-vulnerability"


@pytest.mark.parametrize("name", ["Atlas-2", "Atlas2", "ATLAS 2", "\u0410tlas-2", "\uff21tlas-2", "Atlas\u200b-2"],
                         ids=["same", "run-together", "spaced", "cyrillic", "full-width", "zero-width"])
def test_the_model_renamed_in_its_spelling_keeps_its_history(tmp_path: Path, database_url: str, name: str) -> None:
    reg = open_registry(database_url)
    first = tmp_path / "v1"
    shutil.copytree(ATLAS, first)
    reg.submit_case(load_case(first / "case.yaml"))
    nxt = tmp_path / "next"
    shutil.copytree(ATLAS, nxt)
    text = (nxt / "case.yaml").read_text()
    for old, new in [("id: atlas-2-api\n", "id: atlas-2-api-next\n"), ("  name: Atlas-2\n", f"  name: {name}\n"),
                     (DIGEST, "sha256:" + "ab" * 32), (SEVERE, SEVERE.replace("severe", "high"))]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    (nxt / "case.yaml").write_text(text)
    loaded = load_case(nxt / "case.yaml")
    comparison = comparison_for(reg, loaded)
    assert comparison.why_none is None
    assert any("case 'atlas-2-api' is about the same model" in n for n in comparison.notes)
    record = run_gate(loaded, today=dt.date(2026, 11, 27), comparison=comparison)
    cg329 = [f.message for f in record.findings if f.code == "CG329"]
    assert cg329 and "pathway `cyber-ransomware` is rated lower than in" in cg329[0]


def test_another_model_s_name_is_another_key() -> None:
    def keys(name: str, version: str) -> set[str]:
        return model_keys({"name": name, "version": version, "digests": []})

    assert keys("Atlas-2", "2.1.0") == keys("\u0410TLAS 2", "2.1.0")
    assert not keys("Atlas-2", "2.1.0") & keys("Atlas-3", "2.1.0")
    assert not keys("Atlas-2", "2.1.0") & keys("Atlas-2", "2.1.1")
    assert not keys("Atlas-2", "2.1.0") & keys("Atlas-2b", "2.1.0")
