"""A value with a line break after it is not the value: every pattern that decides whether a digest,
a path, a reference or a plain scalar is well formed matches the whole text, so a digest given as
`sha256:<64 hex>\\n`, a tile path with a newline after it, or a large entry's reference with one line
more is refused (Python's `$` also matches before a final newline)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from casegate.errors import VerificationError
from casegate.evidence._yamlout import scalar
from casegate.ledger._layout import (
    LARGE_ENTRY_PREFIX,
    large_entry_ref,
    parse_large_path,
    parse_large_ref,
    parse_path,
)
from casegate.sign._condition import _SHA256
from casegate.store._salts import _COMMITMENT, _HEX64

DIGEST = "ab" * 32


def test_verify_refuses_a_model_digest_with_a_newline_after_it(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "casegate", "verify", "--bundle", str(tmp_path / "none.json"),
                        "--model-digest", f"sha256:{DIGEST}\n", "--boundary", "api"],
                       capture_output=True, text=True)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "is not sha256:<64 lowercase hex>" in r.stderr and "Traceback" not in r.stderr, r.stderr


def test_tile_and_entry_paths_with_a_newline_after_them_name_nothing() -> None:
    tile, bundle = parse_path("tile/0/000"), parse_path("tile/entries/000")
    assert tile is not None and bundle is not None
    assert parse_path("tile/0/000\n") is None and parse_path("tile/entries/000\n") is None
    assert parse_large_path("tile/entries/large/000") == 0 and parse_large_path("tile/entries/large/000\n") is None


def test_a_large_entry_reference_with_a_line_more_is_not_one() -> None:
    ref = large_entry_ref(b"x" * 10)
    assert parse_large_ref(ref) is not None
    assert ref.startswith(LARGE_ENTRY_PREFIX)
    with pytest.raises(VerificationError, match="malformed"):
        parse_large_ref(ref + b"\n")


def test_digests_salts_and_commitments_with_a_newline_after_them_are_refused() -> None:
    for rx, good in ((_SHA256, DIGEST), (_HEX64, DIGEST), (_COMMITMENT, f"sha256:{DIGEST}")):
        assert rx.match(good) is not None and rx.match(good + "\n") is None


def test_a_scalar_with_a_newline_after_it_is_quoted_not_written_plain() -> None:
    assert scalar("E-cyber-ctf") == "E-cyber-ctf" and scalar("2026-10-02") == "2026-10-02"
    assert scalar("E-cyber-ctf\n") == '"E-cyber-ctf\\n"' and scalar("2026-10-02\n") == '"2026-10-02\\n"'
