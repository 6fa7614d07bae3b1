"""A copy of the atlas-api example to edit, shared by the evidence tests."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"


@pytest.fixture
def atlas(tmp_path: Path) -> Path:
    d = tmp_path / "atlas-api"
    shutil.copytree(EXAMPLE, d, ignore=shutil.ignore_patterns("signoffs", "*.bundle.json"))
    for k in (d / "keys").glob("*.key"):
        os.chmod(k, 0o600)
    return d
