"""Evidence attestations are found and their digests read as the glob and the patterns they
replace would: the same files in the same order, the same digests accepted and refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casegate.sign._evidence import _envelope_names, is_hex_sha256

HEX64 = "0123456789abcdef" * 4


@pytest.mark.parametrize("text", [
    HEX64, HEX64.upper(), HEX64[:63], HEX64 + "0", HEX64[:63] + "g", HEX64 + "\n", "\n" + HEX64[1:],
    HEX64[:32] + " " + HEX64[33:], "", "sha256:" + HEX64, HEX64[:63] + "\u0661",
])
def test_a_digest_is_read_as_the_pattern_reads_it(text: str) -> None:
    assert is_hex_sha256(text) == bool(re.fullmatch(r"[0-9a-f]{64}", text))


@given(st.text(alphabet="0123456789abcdefABCDEFg \n\u0661", min_size=60, max_size=68))
def test_any_text_is_read_as_the_pattern_reads_it(text: str) -> None:
    assert is_hex_sha256(text) == bool(re.fullmatch(r"[0-9a-f]{64}", text))


def test_the_envelopes_of_a_folder_are_the_glob_s(tmp_path: Path) -> None:
    for name in ("b.dsse.json", "a.dsse.json", ".dsse.json", ".hidden.dsse.json", "x.DSSE.JSON",
                 "a.dsse.json.bak", "adsse.json", "z.dsse.json"):
        (tmp_path / name).write_text("{}")
    (tmp_path / "folder.dsse.json").mkdir()
    assert [tmp_path / n for n in _envelope_names(tmp_path)] == sorted(tmp_path.glob("*.dsse.json"))
    assert _envelope_names(tmp_path / "missing") == []


ATLAS = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"


def _linked_attestations(tmp_path: Path) -> Path:
    """atlas-api under tmp/case, its attestation folder a link to tmp/outside."""
    import shutil

    case = tmp_path / "case" / "atlas-api"
    shutil.copytree(ATLAS, case)
    (tmp_path / "outside").mkdir()
    shutil.move(case / "reports" / "evidence-attestations", tmp_path / "outside" / "evidence-attestations")
    (case / "reports" / "evidence-attestations").symlink_to(tmp_path / "outside" / "evidence-attestations")
    return case / "case.yaml"


def test_an_attestation_folder_linked_from_outside_the_root_is_not_read(tmp_path: Path) -> None:
    """A case cannot bring in attestations from beyond its root by linking a folder there."""
    from casegate.load import load_case
    from casegate.sign._evidence import attestation_files

    case = _linked_attestations(tmp_path)
    assert attestation_files(load_case(case, root=tmp_path / "case")) == []
    found = attestation_files(load_case(case, root=tmp_path))  # the link's target is inside this root
    outside = (tmp_path / "outside" / "evidence-attestations").resolve()
    assert found == sorted(outside.glob("*.dsse.json")) and len(found) == 5


def test_the_attestations_of_the_example_are_found_once_each() -> None:
    from casegate.load import load_case
    from casegate.sign._evidence import attestation_files

    found = attestation_files(load_case(ATLAS / "case.yaml"))
    folder = (ATLAS / "reports" / "evidence-attestations").resolve()
    assert found == sorted(folder.glob("*.dsse.json")) and len(found) == 5
