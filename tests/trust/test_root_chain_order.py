"""A trust root chain directory read by python-tuf's rules: `N.root.json` holds version N, each
signed by the threshold of the one before, and no version lies past a missing one. Whoever can
change the files of a pipeline's trust directory (without any root key) could otherwise end the
chain at a replaced version, which still pins what its successors replaced: a copy of an older
version as the next file, versions swapped, or the version before the newest deleted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casegate.trust import TrustRootError, load_trust_root
from tests.trust.test_root import _init, cg, keys  # noqa: F401 - the fixture

__all__ = ["keys"]


def _chain(d: Path, n: int) -> Path:  # a chain of versions 1..n, each with its own checkpoint age
    assert _init(d, "a", "b")[0] == 0
    for age in range(3, n + 2):
        rc, text = cg(d, "trust", "rotate", "trust", "--unlogged", "--max-checkpoint-age", f"{age}h",
                      "--sign-with", "a.key", "--sign-with", "b.key")
        assert rc == 0, text
    assert load_trust_root(d / "trust").version == n
    return d / "trust"


def test_an_older_version_copied_as_the_next_file_is_refused(keys: Path) -> None:  # noqa: F811
    chain = _chain(keys, 3)
    shutil.copy(chain / "1.root.json", chain / "3.root.json")  # signed by the same root keys as version 2
    with pytest.raises(TrustRootError, match="3.root.json holds version 1, not 3"):
        load_trust_root(chain)


def test_versions_swapped_are_refused(keys: Path) -> None:  # noqa: F811
    chain = _chain(keys, 3)
    two, three = (chain / "2.root.json").read_bytes(), (chain / "3.root.json").read_bytes()
    (chain / "2.root.json").write_bytes(three)
    (chain / "3.root.json").write_bytes(two)
    with pytest.raises(TrustRootError, match="2.root.json holds version 3, not 2"):
        load_trust_root(chain)


def test_a_version_past_a_missing_one_is_refused(keys: Path) -> None:  # noqa: F811
    chain = _chain(keys, 4)
    (chain / "3.root.json").unlink()
    with pytest.raises(TrustRootError, match=r"holds 4.root.json but no 3.root.json: the chain stops at version 2"):
        load_trust_root(chain)
    # at the command line: not verified (exit 1), the reason named, no traceback
    rc, text = cg(keys, "trust", "show", "trust")
    assert rc == 1 and "holds 4.root.json but no 3.root.json" in text and "Traceback" not in text, text


def test_the_whole_chain_loads(keys: Path) -> None:  # noqa: F811
    chain = _chain(keys, 3)
    root = load_trust_root(chain)
    assert root.version == 3 and root.chain == 3 and root.pins.max_checkpoint_age_seconds == 4 * 3600
