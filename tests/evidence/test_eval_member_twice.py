"""An Inspect `.eval` archive holding two members of one name is refused: Python's zip reader
takes the last copy, a viewer may show the first, so the log would say two things."""

from __future__ import annotations

import zipfile
from pathlib import Path

import inspect_ai._util.zipfile  # noqa: F401  (the zstd codec Inspect writes .eval entries with)
import pytest

from casegate.evidence.importers import LogReadError, ReadOptions
from casegate.evidence.importers.inspect_log import InspectImporter

LOG = Path(__file__).resolve().parents[1] / "fixtures" / "evidence" / "logs" / "inspect" / "arith-clean.eval"


def _with_member_again(dst: Path, member: str) -> None:
    with zipfile.ZipFile(LOG) as src, zipfile.ZipFile(dst, "w") as out:
        for info in src.infolist():
            out.writestr(info, src.read(info))
        info = src.getinfo(member)
        with pytest.warns(UserWarning, match="Duplicate name"):
            out.writestr(info, src.read(info))


def test_the_log_as_written_is_read(tmp_path: Path) -> None:
    assert InspectImporter().read(LOG, ReadOptions())


@pytest.mark.parametrize("member", ["header.json", "_journal/start.json"])
def test_a_member_added_again_is_refused(tmp_path: Path, member: str) -> None:
    twice = tmp_path / "twice.eval"
    _with_member_again(twice, member)
    with pytest.raises(LogReadError, match=f"two members named '{member}'"):
        InspectImporter().read(twice, ReadOptions())
