"""Temporary folders casegate makes are removed when the process ends."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_the_boards_version_folder_is_removed_at_exit(tmp_path: Path) -> None:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    code = ("from casegate.web._views import _workdir\n"
            "d = _workdir()\n"
            "(d / 'case@1').mkdir()\n"
            "(d / 'case@1' / 'tokens.json').write_text('secret')\n"
            "print(d)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       env={**os.environ, "TMPDIR": str(tmp)}, timeout=60)
    assert r.returncode == 0, r.stderr
    made = Path(r.stdout.strip())
    assert made.parent == tmp and made.name.startswith("casegate-web-")
    assert not made.exists() and list(tmp.iterdir()) == []
