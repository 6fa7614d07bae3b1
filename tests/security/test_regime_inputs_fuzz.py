"""The files `casegate regime verify` reads, fuzzed structure-aware: the document's signed
manifest (its DSSE envelope's fields: the payload, its type, the signatures, their base64; and the
statement inside, changed field by field and signed again with a genuine key and recorded in the
registry's log, as a lab with write access to its registry could), the manifest's bytes (a BOM,
invalid UTF-8, a duplicated key, a truncation, 100,000 brackets), and the filed documents
themselves. Every run ends in an exit code casegate gives (0 to 5) with no traceback and no
internal error, and an input error names the file.

The examples are drawn deterministically (`derandomize`), so a run in CI is reproducible; a longer
campaign by hand with CASEGATE_FUZZ_EXAMPLES=N."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.security._approved import DOCS, MANIFEST, World
from tests.security.test_verify_inputs_fuzz import (
    BYTES,
    EXAMPLES,
    FIELD,
    HOSTILE,
    SETTINGS,
    _hostile_bytes,
    _paths,
    _replace,
)

BASE64_GARBAGE: list[Any] = ["!!!not base64!!!", "YQ", "====", "a" * 4097, base64.b64encode(b"\xff\xfe").decode(),
                             base64.b64encode(b"[" * 10_000).decode(), base64.urlsafe_b64encode(b"\xfb\xff" * 40).decode(),
                             " " + base64.b64encode(b"{}").decode(), "\u0661\u0662\u0663\u0664"]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return World(tmp_path_factory.mktemp("regime-fuzz"))


def _judge(rc: int, text: str, shown: str) -> None:
    assert rc in (0, 1, 2, 3, 4, 5), (rc, [x for x in text.splitlines() if "error" in x][:3])
    assert "Traceback" not in text and "internal error" not in text, text[-3000:]
    if rc == 2:
        assert shown in text, text[-2000:]


def test_the_filed_document_verifies(world: World, tmp_path: Path) -> None:
    rc, text = world.verify(world.copy(tmp_path / "c"))
    assert rc == 5, text  # everything verified; the keyring holds the published example keys


def _resign(world: World, where: Path, stmt: Any, *, log: bool) -> dict[str, Any]:
    """`stmt` signed by the RSO's genuine key and, with `log`, recorded in the registry's log as
    the document's entry (a lab with write access to its registry)."""
    from securesystemslib import dsse

    from casegate.regime._manifest import DOCUMENT_EVENT
    from casegate.sign import PAYLOAD_TYPE, load_signer
    from casegate.store import open_registry

    # the lab's own serialisation: canonical JSON cannot hold every hostile value (NaN, 2^63)
    payload = json.dumps(stmt, sort_keys=True, separators=(",", ":")).encode()
    envelope = dsse.Envelope(payload, PAYLOAD_TYPE, {})
    envelope.sign(load_signer(str(world.w / "keys" / "rso.pem")))
    env: dict[str, Any] = envelope.to_dict()
    if log:
        with open_registry(f"sqlite:///{where / 'reg.db'}") as reg:
            reg.record(DOCUMENT_EVENT, "atlas-2-api",
                       {"version": 1, "regime": "ca-sb53", "document": "transparency-report", "files": {},
                        "payload_sha256": hashlib.sha256(payload).hexdigest(), "envelope": env})
    return env


ENVELOPE_VALUES = st.sampled_from(HOSTILE + BASE64_GARBAGE)


@settings(SETTINGS)
@given(i=st.integers(min_value=0, max_value=10_000), value=ENVELOPE_VALUES, delete=st.booleans())
def test_a_manifest_envelope_with_a_hostile_field_is_refused_cleanly(world: World, tmp_path: Path, i: int,
                                                                     value: Any, delete: bool) -> None:
    where = world.copy(tmp_path / "m")
    p = where / MANIFEST
    env = json.loads(p.read_text())
    paths = [q for q in _paths(env) if q[0] != "payload" or len(q) == 1]
    p.write_text(json.dumps(_replace(env, paths[i % len(paths)], value, delete)))
    _judge(*world.verify(where), "manifest")


@settings(SETTINGS)
@given(pick=FIELD, log=st.booleans())
def test_a_manifest_statement_with_a_hostile_field_signed_and_logged_is_refused_cleanly(
        world: World, tmp_path: Path, pick: tuple[int, Any, bool], log: bool) -> None:
    """The statement inside changed, then signed again with a genuine key (and recorded in the
    log): the checks past the signature see it."""
    from casegate.sign import decode_payload

    i, value, delete = pick
    where = world.copy(tmp_path / "m")
    p = where / MANIFEST
    stmt = decode_payload(json.loads(p.read_text()))
    paths = _paths(stmt)
    p.write_text(json.dumps(_resign(world, where, _replace(stmt, paths[i % len(paths)], value, delete), log=log)))
    _judge(*world.verify(where), "manifest")


CUT = st.integers(min_value=0, max_value=100_000)
"""Where a truncation or an invalid byte goes: each kind of hostile bytes is tried (BYTES), a
few cuts each."""


@pytest.mark.parametrize("how", BYTES)
@settings(SETTINGS, max_examples=max(2, EXAMPLES // 4))
@given(cut=CUT)
def test_a_manifest_with_hostile_bytes_is_refused_cleanly(world: World, tmp_path: Path, how: str, cut: int) -> None:
    where = world.copy(tmp_path / "m")
    p = where / MANIFEST
    p.write_bytes(_hostile_bytes(p.read_bytes(), how, cut))
    _judge(*world.verify(where), "manifest")


def test_a_manifest_nested_past_the_depth_limit_is_refused_naming_it(world: World, tmp_path: Path) -> None:
    """Found by the fuzzing above: a manifest of 100,000 nested brackets ended in "internal error:
    RecursionError" (exit 70): it was parsed before its depth was bounded."""
    where = world.copy(tmp_path / "m")
    (where / MANIFEST).write_bytes(b"[" * 100_000 + b"]" * 100_000)
    rc, text = world.verify(where)
    assert rc == 2, text
    assert f"{MANIFEST}: the manifest {MANIFEST} is not JSON (the JSON nests too deep: over the depth" in text, text


def test_a_manifest_saying_a_key_twice_is_refused_naming_it(world: World, tmp_path: Path) -> None:
    """Found by the fuzzing above: a manifest envelope giving its `payload` twice was read as its
    last copy (another reader may take the first); it is refused, as any signed document is."""
    where = world.copy(tmp_path / "m")
    p = where / MANIFEST
    p.write_bytes(_hostile_bytes(p.read_bytes(), "duplicate-key", 0))
    rc, text = world.verify(where)
    assert rc == 2, text
    assert "the key 'payload' appears twice in one object" in text and MANIFEST in text, text


@pytest.mark.parametrize("how", BYTES)
@settings(SETTINGS, max_examples=max(2, EXAMPLES // 4))
@given(cut=CUT, which=st.sampled_from(DOCS))
def test_a_filed_document_with_hostile_bytes_is_not_verified(world: World, tmp_path: Path, how: str, cut: int,
                                                             which: str) -> None:
    where = world.copy(tmp_path / "m")
    p = where / which
    before = p.read_bytes()
    p.write_bytes(_hostile_bytes(before, how, cut))
    rc, text = world.verify(where)
    _judge(rc, text, Path(which).name)
    if p.read_bytes() != before:
        assert rc == 1 and "NOT VERIFIED" in text, text[-2000:]
