"""The trust root's files, fuzzed structure-aware beyond the single `root.json` `verify` reads
(tests/security/test_verify_inputs_fuzz.py): each version of a chain of three (`N.root.json`,
each signed by the threshold of the one before), read by `casegate trust show`, and a draft
rotation (`trust rotate --draft`) as the next holder receives it to sign (`trust sign`) and as
it is published (`trust publish`). Each file has one field given a hostile value (a wrong type,
2^63, 10^300, NaN, the infinities, deep nesting, a long or control string, a removed key) or
its bytes made hostile (a BOM, invalid UTF-8, a duplicated key, a truncation, a `NaN` literal,
100,000 brackets). Every run ends in an exit code casegate gives (0 to 5) with no traceback or
internal error, and an input error names the file; a draft that is refused is not published.

The examples are drawn deterministically (`derandomize`); a longer campaign by hand with
CASEGATE_FUZZ_EXAMPLES=N."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.security.test_verify_inputs_fuzz import (
    BYTES,
    EXAMPLES,
    FIELD,
    SETTINGS,
    _hostile_bytes,
    _paths,
    _replace,
)
from tests.trust.test_root import _init, cg

FILES = ["trust/1.root.json", "trust/2.root.json", "trust/3.root.json", "draft.json"]


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Root keys a, b, c (2 of 3), a chain of versions 1 to 3, and a draft of version 4 signed by a."""
    d = tmp_path_factory.mktemp("trust-fuzz") / "c"
    d.mkdir()
    for k in ("a", "b", "c", "d", "log"):
        assert cg(d, "keys", "generate", f"{k}.key")[0] == 0
    assert _init(d, "a", "b")[0] == 0
    for age in (3, 4):
        rc, text = cg(d, "trust", "rotate", "trust", "--unlogged", "--max-checkpoint-age", f"{age}h",
                      "--sign-with", "a.key", "--sign-with", "b.key")
        assert rc == 0, text
    rc, text = cg(d, "trust", "rotate", "trust", "--unlogged", "--max-checkpoint-age", "5h", "--sign-with", "a.key",
                  "--draft", "draft.json")
    assert rc in (0, 1) and (d / "draft.json").exists(), text
    return d


def _copy(chain: Path, into: Path) -> Path:
    if into.exists():
        shutil.rmtree(into)
    shutil.copytree(chain, into)
    return into


def _judge(rc: int, text: str, name: str) -> None:
    assert rc in (0, 1, 2, 3, 4, 5), (name, rc, [x for x in text.splitlines() if "error" in x][:3])
    assert "Traceback" not in text and "internal error" not in text, (name, text[-3000:])
    if rc == 2:
        assert Path(name).name in text or "trust" in text, (name, text[-2000:])


def _runs(where: Path, name: str) -> None:
    """Every command that reads the file `name`, each judged; a refused draft is not published."""
    if name == "draft.json":
        _judge(*cg(where, "trust", "sign", "draft.json", "--key", "b.key", "--chain", "trust"), name)
        rc, text = cg(where, "trust", "publish", "trust", "draft.json")
        _judge(rc, text, name)
        if rc != 0:
            assert not (where / "trust" / "4.root.json").exists(), text
    else:
        _judge(*cg(where, "trust", "show", "trust"), name)
        _judge(*cg(where, "trust", "show", name), name)


def test_the_chain_and_the_draft_are_read(chain: Path, tmp_path: Path) -> None:
    where = _copy(chain, tmp_path / "c")
    rc, text = cg(where, "trust", "show", "trust")
    assert rc == 0 and "version 3" in text, text
    rc, text = cg(where, "trust", "sign", "draft.json", "--key", "b.key", "--chain", "trust")
    assert rc == 0, text
    rc, text = cg(where, "trust", "publish", "trust", "draft.json")
    assert rc == 0 and (where / "trust" / "4.root.json").exists(), text


@settings(SETTINGS, max_examples=EXAMPLES * 2)
@given(name=st.sampled_from(FILES), pick=FIELD)
def test_a_root_file_with_a_hostile_field_is_refused_cleanly(chain: Path, tmp_path: Path, name: str,
                                                             pick: tuple[int, Any, bool]) -> None:
    i, value, delete = pick
    where = _copy(chain, tmp_path / "m")
    p = where / name
    doc = json.loads(p.read_text())
    paths = _paths(doc)
    p.write_text(json.dumps(_replace(doc, paths[i % len(paths)], value, delete)))
    _runs(where, name)


@pytest.mark.parametrize("how", BYTES)
@settings(SETTINGS, max_examples=max(2, EXAMPLES // 4))
@given(name=st.sampled_from(FILES), cut=st.integers(min_value=0, max_value=100_000))
def test_a_root_file_with_hostile_bytes_is_refused_cleanly(chain: Path, tmp_path: Path, how: str, name: str,
                                                           cut: int) -> None:
    where = _copy(chain, tmp_path / "m")
    p = where / name
    p.write_bytes(_hostile_bytes(p.read_bytes(), how, cut))
    _runs(where, name)
