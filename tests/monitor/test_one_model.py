"""One decision approves one model. Where the policy counts the developer's own evaluations (no
outside attestation signs the digests), a first version could list a fine-tune nobody evaluated
beside the evaluated weights, submit both folders, and have one approval deploy both. Past
internal use the registry now approves the digests only when what it hashed shows them to be the
same weights: the same tensors (a further digest names the same weights stored another way)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from casegate.evidence import model_digest
from casegate.gate import run_gate
from casegate.load import load_case
from casegate.model import DecisionRecord
from casegate.monitor import IllegalTransitionError
from casegate.monitor._lifecycle import check_weights_hashed
from casegate.store import open_registry

from .._weights import hash_weights, safetensors

ATLAS = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"


def _case_with(tmp_path: Path, other: Path) -> tuple[Path, str]:
    """atlas-api listing, beside its model, the model at `other` (a folder next to it)."""
    d = tmp_path / "atlas-api"
    shutil.copytree(ATLAS, d)
    case = d / "case.yaml"
    own = model_digest(d / "model").digest
    second = model_digest(other).digest
    text = case.read_text()
    assert f"  digests: [{own}]\n" in text
    case.write_text(text.replace(f"  digests: [{own}]\n", f"  digests: [{own}, {second}]\n"))
    return case, second


def _approving(case: Path, models: list[Path], url: str) -> tuple[object, DecisionRecord, int]:
    loaded = load_case(case)
    reg = open_registry(url)
    v = reg.submit_case(loaded)
    for m in models:
        hash_weights(reg, v.case_id, v.number, m)
    # the gate's outcome under a policy that takes the developer's own evaluations: nothing in the
    # evidence signs a digest, so nothing there tells the two models apart
    rec = run_gate(loaded, today=dt.date(2026, 11, 27), try_narrower=False)
    return reg, rec.model_copy(update={"outcome": "GO WITH CONDITIONS"}), v.number


def test_a_second_model_beside_the_evaluated_one_is_not_approved(tmp_path: Path, database_url: str) -> None:
    ft = tmp_path / "model-ft"
    ft.mkdir()
    shutil.copy(ATLAS / "model" / "config.json", ft / "config.json")
    (ft / "model.safetensors").write_bytes(safetensors(4096))  # other tensors: a fine-tune
    case, second = _case_with(tmp_path, ft)
    reg, rec, n = _approving(case, [case.parent / "model", ft], database_url)
    assert second in rec.digests.model and len(rec.digests.model) == 2
    with pytest.raises(IllegalTransitionError, match="are not the same model by what the registry hashed"):
        check_weights_hashed(reg, rec, n)  # type: ignore[arg-type]


def test_the_same_weights_under_a_further_digest_are_approved(tmp_path: Path, database_url: str) -> None:
    again = tmp_path / "model-again"
    shutil.copytree(ATLAS / "model", again)
    (again / "README.md").write_text("The same weights, with a card.\n")  # another digest, the same tensors
    case, second = _case_with(tmp_path, again)
    assert second != model_digest(case.parent / "model").digest
    reg, rec, n = _approving(case, [case.parent / "model", again], database_url)
    check_weights_hashed(reg, rec, n)  # type: ignore[arg-type]


def _two_tensors(small: bytes) -> bytes:
    """A safetensors file with the example's large tensor and a small one (`small`, 64 floats: a
    layer norm, too small to identify a model, large enough to change what it computes)."""
    import json as _json
    import struct as _struct

    big = (ATLAS / "model" / "model.safetensors").read_bytes()
    (n,) = _struct.unpack("<Q", big[:8])
    head = _json.loads(big[8:8 + n])
    data = big[8 + n:]
    (name, t), = ((k, v) for k, v in head.items() if k != "__metadata__")
    a, b = t["data_offsets"]
    raw = data[a:b]
    header = _json.dumps({name: {"dtype": t["dtype"], "shape": t["shape"], "data_offsets": [0, len(raw)]},
                          "norm.weight": {"dtype": "F32", "shape": [len(small) // 4],
                                          "data_offsets": [len(raw), len(raw) + len(small)]}}).encode()
    return _struct.pack("<Q", len(header)) + header + raw + small


@pytest.mark.parametrize("move", ["sidecar-adapter", "onnx-external-data", "small-tensor", "gguf-unread-type"])
def test_a_second_model_that_shares_what_the_registry_compared_is_not_approved(
        tmp_path: Path, database_url: str, move: str) -> None:
    """Attack: the second model holds what the registry compared of the evaluated one (its
    identifying tensors, or its weights files by name) and differs where it did not look: an
    adapter beside the weights in a format it does not read, ONNX external data under a name that
    is not a weights name, a small tensor (a layer norm) changed, or a GGUF shard of a tensor type
    outside the table."""
    import struct as _struct

    ev = tmp_path / "model-evaluated"
    ft = tmp_path / "model-ft"
    for d in (ev, ft):
        d.mkdir()
        shutil.copy(ATLAS / "model" / "config.json", d / "config.json")
    if move == "sidecar-adapter":
        shutil.copy(ATLAS / "model" / "model.safetensors", ev / "model.safetensors")
        shutil.copy(ATLAS / "model" / "model.safetensors", ft / "model.safetensors")
        (ft / "adapter_model.bin").write_bytes(b"\x80\x04" + bytes(range(256)) * 8)  # a pickled LoRA
    elif move == "onnx-external-data":
        graph = b"\x08\x07\x12\x07pytorch" + b"model.onnx.data" * 80  # the graph: the same bytes in both
        for d, seed in ((ev, 1), (ft, 2)):
            (d / "model.onnx").write_bytes(graph)
            (d / "model.onnx.data").write_bytes(bytes((i * seed) % 251 for i in range(8192)))
    elif move == "small-tensor":
        (ev / "model.safetensors").write_bytes(_two_tensors(_struct.pack("<64f", *([1.0] * 64))))
        (ft / "model.safetensors").write_bytes(_two_tensors(_struct.pack("<64f", *([1.0] * 63 + [40.0]))))
    else:
        shutil.copy(ATLAS / "model" / "model.safetensors", ev / "model-00001-of-00002.safetensors")
        shutil.copy(ATLAS / "model" / "model.safetensors", ft / "model-00001-of-00002.safetensors")
        for d, fill in ((ev, 1), (ft, 2)):  # a GGUF v3 file with one tensor of type 99
            name = b"blk.0.attn"
            head = (b"GGUF" + _struct.pack("<IQQ", 3, 1, 0) + _struct.pack("<Q", len(name)) + name
                    + _struct.pack("<I", 1) + _struct.pack("<Q", 2048) + _struct.pack("<IQ", 99, 0))
            pad = (-len(head)) % 32
            (d / "model-00002-of-00002.gguf").write_bytes(head + b"\0" * pad + bytes([fill]) * 2048)
    from casegate.evidence import model_digest as _md

    assert _md(ev).digest != _md(ft).digest
    d = tmp_path / "atlas-api"
    shutil.copytree(ATLAS, d)
    case = d / "case.yaml"
    own = model_digest(d / "model").digest
    text = case.read_text()
    case.write_text(text.replace(f"  digests: [{own}]\n", f"  digests: [{_md(ev).digest}, {_md(ft).digest}]\n"))
    reg, rec, n = _approving(case, [ev, ft], database_url)
    with pytest.raises(IllegalTransitionError, match="are not the same model by what the registry hashed"):
        check_weights_hashed(reg, rec, n)  # type: ignore[arg-type]


def test_the_same_tensors_re_sharded_with_a_card_are_approved(tmp_path: Path, database_url: str) -> None:
    """The same tensors under other names and metadata, with a README beside them, are the same
    model stored another way."""
    import json as _json
    import struct as _struct

    again = tmp_path / "model-again"
    again.mkdir()
    shutil.copy(ATLAS / "model" / "config.json", again / "config.json")
    big = (ATLAS / "model" / "model.safetensors").read_bytes()
    (k,) = _struct.unpack("<Q", big[:8])
    head = _json.loads(big[8:8 + k])
    head = {("renamed." + name if name != "__metadata__" else name): v for name, v in head.items()}
    head["__metadata__"] = {"format": "pt", "exported-by": "another tool"}
    raw = _json.dumps(head).encode()
    (again / "weights.safetensors").write_bytes(_struct.pack("<Q", len(raw)) + raw + big[8 + k:])
    (again / "README.md").write_text("The same weights, exported again.\n")
    case, _ = _case_with(tmp_path, again)
    reg, rec, n = _approving(case, [case.parent / "model", again], database_url)
    check_weights_hashed(reg, rec, n)  # type: ignore[arg-type]


def test_digests_logged_without_their_content_are_not_approved_together(tmp_path: Path, database_url: str) -> None:
    """Files logged by an older registry carry no content: that the two digests are one model
    cannot be shown, so the decision is refused until they are submitted again."""
    from casegate.evidence import model_digest as _md
    from casegate.monitor import record_model_files

    again = tmp_path / "model-again"
    shutil.copytree(ATLAS / "model", again)
    (again / "README.md").write_text("The same weights, with a card.\n")
    case, _ = _case_with(tmp_path, again)
    loaded = load_case(case)
    reg = open_registry(database_url)
    v = reg.submit_case(loaded)
    for m in (case.parent / "model", again):
        md = _md(m)
        record_model_files(reg, v.case_id, v.number, md.digest, md.resources, weights=md.weights, tensors=md.tensors)
    rec = run_gate(loaded, today=dt.date(2026, 11, 27), try_narrower=False).model_copy(
        update={"outcome": "GO WITH CONDITIONS"})
    with pytest.raises(IllegalTransitionError, match="the registry logged no content for"):
        check_weights_hashed(reg, rec, v.number)
    for m in (case.parent / "model", again):  # submitted again: the content is logged
        md = _md(m)
        assert record_model_files(reg, v.case_id, v.number, md.digest, md.resources, weights=md.weights,
                                  tensors=md.tensors, content=md.content) is not None
    check_weights_hashed(reg, rec, v.number)


def test_only_documentation_is_left_out_of_a_models_content(tmp_path: Path) -> None:
    """A model card or licence beside the weights is not the model; code named like one is."""
    from casegate.evidence import model_digest as _md

    base = tmp_path / "base"
    shutil.copytree(ATLAS / "model", base)
    content = _md(base).content
    for name, same in (("README.md", True), ("LICENSE", True), ("NOTICE.txt", True), ("docs/card.rst", True),
                       ("license_check.py", False), ("readme.py", False), ("tokenizer_config.json", False)):
        d = tmp_path / name.replace("/", "-")
        shutil.copytree(ATLAS / "model", d)
        (d / name).parent.mkdir(parents=True, exist_ok=True)
        (d / name).write_text("import os  # runs when the model is loaded with trust_remote_code\n")
        assert (_md(d).content == content) is same, name
