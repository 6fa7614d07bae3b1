"""The lab publishes its new version with the decision the gate made on an earlier one (a GO on
version 1.0, say, beside the files of 1.1), or on the same version's files before an edit: the
summary would show that decision as the decision on the case it describes."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from casegate.errors import InputError
from casegate.load import load_case
from casegate.publish import Salts, decide, publish
from casegate.store import MemorySaltStore

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "atlas-api"
DAY = dt.date(2026, 11, 23)


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "case"
    shutil.copytree(EXAMPLE, folder)
    path = folder / "case.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def earlier():  # type: ignore[no-untyped-def]
    loaded = load_case(EXAMPLE / "case.yaml")
    return loaded, decide(loaded, DAY)


def test_the_record_of_the_same_files_publishes(earlier, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    loaded, record = earlier
    got = publish(loaded, tmp_path / "out", salts=Salts(MemorySaltStore()), formats=["json"], record=record)
    assert got.summary.decision.outcome == record.outcome


@pytest.mark.parametrize(("old", "new", "said"), [
    ('version: "1.0"', 'version: "1.1"', "it decides atlas-2-api version 1.0, not atlas-2-api version 1.1"),
    ("title: Ransomware against a mid-size organisation", "title: Ransomware against a small organisation",
     "the files it was made of differ from these: case.yaml"),
])
def test_the_record_of_other_files_is_refused(earlier, tmp_path: Path, old: str, new: str, said: str) -> None:  # type: ignore[no-untyped-def]
    _, record = earlier
    loaded = load_case(_edited(tmp_path, old, new))
    out = tmp_path / "out"
    with pytest.raises(InputError) as e:
        publish(loaded, out, salts=Salts(MemorySaltStore()), record=record)
    assert "the decision record given is not the gate's decision on this case" in str(e.value)
    assert said in str(e.value)
    assert not out.exists()  # nothing written
