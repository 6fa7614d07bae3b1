"""Tensor fingerprints: the same tensors written as other file bytes (metadata changed, renamed,
re-sharded, reordered) keep their fingerprints; tensors every model of a shape has (small ones,
one value repeated, a handful of values) have none; a malformed header is not recognised."""

from __future__ import annotations

import json
import os
import struct
import tracemalloc
from pathlib import Path

import pytest

from casegate.evidence import _tensors as T
from casegate.evidence import model_digest, tensor_fingerprints


def _file(path: Path, tensors: dict[str, tuple[str, list[int], bytes]], metadata: dict[str, str] | None = None) -> Path:
    header: dict[str, object] = {"__metadata__": metadata} if metadata is not None else {}
    at, data = 0, b""
    for name, (dtype, shape, raw) in tensors.items():
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [at, at + len(raw)]}
        at += len(raw)
        data += raw
    hb = json.dumps(header).encode()
    path.write_bytes(struct.pack("<Q", len(hb)) + hb + data)
    return path


W1, W2 = os.urandom(4096), os.urandom(8192)


def test_the_same_tensors_in_other_file_bytes_keep_their_fingerprints(tmp_path: Path) -> None:
    first = tensor_fingerprints(_file(tmp_path / "a.safetensors", {"w1": ("F32", [32, 32], W1), "w2": ("F16", [4096], W2)},
                                      {"note": "export"}))
    assert len(first) == 2
    # one string of the metadata changed: new bytes, new sha256, same tensors
    moved = tensor_fingerprints(_file(tmp_path / "b.safetensors", {"w1": ("F32", [32, 32], W1), "w2": ("F16", [4096], W2)},
                                      {"note": "export (re-exported)"}))
    assert moved == first
    # renamed and reordered
    assert tensor_fingerprints(_file(tmp_path / "c.safetensors", {"z": ("F16", [4096], W2), "q": ("F32", [32, 32], W1)})) == first
    # split over two files
    one = tensor_fingerprints(_file(tmp_path / "d1.safetensors", {"w1": ("F32", [32, 32], W1)}))
    two = tensor_fingerprints(_file(tmp_path / "d2.safetensors", {"w2": ("F16", [4096], W2)}))
    assert tuple(sorted(one + two)) == first
    # the dtype or shape is part of what a tensor is
    assert tensor_fingerprints(_file(tmp_path / "e.safetensors", {"w1": ("I32", [32, 32], W1)}))[0] not in first
    assert tensor_fingerprints(_file(tmp_path / "f.safetensors", {"w1": ("F32", [1024], W1)}))[0] not in first


def test_a_model_folder_lists_its_tensors_by_file(tmp_path: Path) -> None:
    model = tmp_path / "m"
    model.mkdir()
    _file(model / "model-00001-of-00002.safetensors", {"w1": ("F32", [32, 32], W1)})
    _file(model / "model-00002-of-00002.safetensors", {"w2": ("F16", [4096], W2)})
    (model / "config.json").write_text("{}")
    md = model_digest(model)
    assert sorted(p for p, _ in md.tensors) == ["model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"]


def test_tensors_every_model_of_a_shape_has_are_not_fingerprinted(tmp_path: Path) -> None:
    zeros = struct.pack("<f", 0.0) * 1024
    ones = struct.pack("<e", 1.0) * 4096
    mask = bytes([1, 0] * 2048)
    small = os.urandom(T.MIN_TENSOR_BYTES - 4)
    table = b"".join(struct.pack("<f", float(i % 8)) for i in range(1024))
    path = _file(tmp_path / "a.safetensors", {"bias": ("F32", [1024], zeros), "ln": ("F16", [4096], ones),
                                               "mask": ("BOOL", [4096], mask), "small": ("F32", [len(small) // 4], small),
                                               "table": ("F32", [1024], table)})
    assert tensor_fingerprints(path) == ()


def test_a_tensor_constant_past_its_first_chunk_is_fingerprinted_only_when_it_varies(tmp_path: Path,
                                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(T, "CHUNK", 4096)
    varied = os.urandom(4096) + b"\0" * 4096
    assert len(tensor_fingerprints(_file(tmp_path / "a.safetensors", {"w": ("F32", [2048], varied)}))) == 1


@pytest.mark.parametrize("raw", [
    b"",
    b"\x05\x00\x00\x00\x00\x00\x00\x00{}",
    struct.pack("<Q", 10) + b"{not json}" + b"\0" * 2000,
    struct.pack("<Q", 2**40) + b"{}" + b"\0" * 2000,
    struct.pack("<Q", 2) + b"[]" + b"\0" * 2000,
])
def test_a_file_that_is_not_safetensors_has_no_fingerprints(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "x.safetensors"
    path.write_bytes(raw)
    assert tensor_fingerprints(path) == ()


@pytest.mark.parametrize("bad", [
    {"w": {"dtype": "F32", "shape": [1024], "data_offsets": [0, 999999]}},      # past the file's end
    {"w": {"dtype": "F32", "shape": [1000], "data_offsets": [0, 4096]}},        # size not dtype x shape
    {"w": {"dtype": "F32", "shape": [1024], "data_offsets": [4096, 0]}},        # backwards
    {"w": {"dtype": "F32", "shape": "1024", "data_offsets": [0, 4096]}},        # shape not a list
    {"w": {"dtype": "F32", "shape": [512], "data_offsets": [0, 2048]},
     "v": {"dtype": "F32", "shape": [512], "data_offsets": [1024, 3072]}},      # overlapping
    {"w": [0, 4096]},
])
def test_a_header_that_does_not_add_up_is_not_recognised(tmp_path: Path, bad: dict[str, object]) -> None:
    hb = json.dumps(bad).encode()
    path = tmp_path / "x.safetensors"
    path.write_bytes(struct.pack("<Q", len(hb)) + hb + os.urandom(4096))
    assert tensor_fingerprints(path) == ()


def test_a_large_file_is_read_in_chunks(tmp_path: Path) -> None:
    raw = os.urandom(64 << 20)
    path = _file(tmp_path / "big.safetensors", {"w": ("U8", [len(raw)], raw)})
    del raw
    tracemalloc.start()
    try:
        (fp,) = tensor_fingerprints(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert fp.startswith("sha256:")
    assert peak < 4 * T.CHUNK, peak


def _gguf(path: Path, tensors: dict[str, tuple[int, list[int], bytes]], meta: dict[str, str], align: int = 32) -> Path:
    def string(t: str) -> bytes:
        return struct.pack("<Q", len(t.encode())) + t.encode()

    kv = b"".join(string(k) + struct.pack("<I", 8) + string(v) for k, v in meta.items())
    kv += string("general.alignment") + struct.pack("<I", 4) + struct.pack("<I", align)
    kv += string("tokenizer.ggml.scores") + struct.pack("<IIQ", 9, 6, 3) + struct.pack("<fff", 1, 2, 3)
    infos, data = b"", b""
    for name, (kind, dims, raw) in tensors.items():
        data += b"\0" * (-len(data) % align)
        infos += string(name) + struct.pack("<I", len(dims)) + b"".join(struct.pack("<Q", d) for d in dims)
        infos += struct.pack("<IQ", kind, len(data))
        data += raw
    head = b"GGUF" + struct.pack("<IQQ", 3, len(tensors), len(meta) + 2) + kv + infos
    path.write_bytes(head + b"\0" * (-len(head) % align) + data)
    return path


def test_gguf_tensors_keep_their_fingerprints_through_a_re_export(tmp_path: Path) -> None:
    q = os.urandom(18 * 64)  # 64 Q4_0 blocks of 32 elements
    first = tensor_fingerprints(_gguf(tmp_path / "a.gguf", {"w": (0, [32, 32], W1), "q": (2, [2048], q)},
                                      {"general.name": "atlas"}))
    assert len(first) == 2
    moved = tensor_fingerprints(_gguf(tmp_path / "b.gguf", {"blk.0.q": (2, [2048], q), "out": (0, [32, 32], W1)},
                                      {"general.name": "atlas (re-exported)", "general.note": "x"}, align=64))
    assert moved == first
    assert tensor_fingerprints(_gguf(tmp_path / "c.gguf", {"w": (0, [32, 32], struct.pack("<f", 1.0) * 1024)}, {})) == ()


@pytest.mark.parametrize("cut", [10, 30, 60, 120])
def test_a_cut_gguf_header_is_not_recognised(tmp_path: Path, cut: int) -> None:
    whole = _gguf(tmp_path / "a.gguf", {"w": (0, [32, 32], W1)}, {"general.name": "atlas"}).read_bytes()
    path = tmp_path / "cut.gguf"
    path.write_bytes(whole[:cut])
    assert tensor_fingerprints(path) == ()
    # an unknown tensor type, or a count past any file
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(whole[:4] + struct.pack("<IQQ", 3, 2**62, 1) + whole[24:])
    assert tensor_fingerprints(bad) == ()


def test_one_read_gives_the_file_hash_and_the_tensor_hashes_two_reads_give(tmp_path: Path) -> None:
    """`model_digest` reads a weights file once (`file_and_tensor_hashes`): the same sha256 and
    tensor hashes as hashing the file and then reading its tensors, for every shape of file: padding
    and gaps between tensors, a tensor of no bytes, tensors spanning several read chunks, trailing
    bytes, GGUF, a header that does not add up, a file that is not weights at all."""
    from casegate.evidence import sha256_file

    big = os.urandom(T.CHUNK * 2 + 12)
    files = [
        _file(tmp_path / "plain.safetensors", {"w1": ("F32", [32, 32], W1), "w2": ("F16", [4096], W2)}, {"a": "b"}),
        _file(tmp_path / "big.safetensors", {"e": ("F32", [0], b""), "b": ("F32", [len(big) // 4], big),
                                             "z": ("U8", [5000], b"\0" * 5000)}),
        _gguf(tmp_path / "m.gguf", {"w": (0, [32, 32], W1), "q": (2, [2048], os.urandom(18 * 64))}, {"general.name": "x"}),
    ]
    gap = tmp_path / "gap.safetensors"  # a gap between the tensors and bytes after the last one
    hb = json.dumps({"a": {"dtype": "F32", "shape": [1024], "data_offsets": [0, 4096]},
                     "b": {"dtype": "F32", "shape": [1024], "data_offsets": [5000, 9096]}}).encode()
    gap.write_bytes(struct.pack("<Q", len(hb)) + hb + W1 + os.urandom(904) + os.urandom(4096) + b"tail")
    bad = tmp_path / "bad.safetensors"
    bad.write_bytes(struct.pack("<Q", 10) + b"not json!!" + W1)
    other = tmp_path / "notes.bin"
    other.write_bytes(os.urandom(70000))
    for path in [*files, gap, bad, other]:
        assert T.file_and_tensor_hashes(path) == (sha256_file(path), T.tensor_hashes(path)), path.name
    assert T.file_and_tensor_hashes(gap)[1] is not None and T.file_and_tensor_hashes(bad)[1] is None


def test_a_large_weights_file_is_hashed_in_bounded_memory(tmp_path: Path) -> None:
    """The one read of a weights file streams it: memory stays a few chunks whatever its size."""
    path = tmp_path / "large.safetensors"
    hb = json.dumps({"w": {"dtype": "F32", "shape": [16 * T.CHUNK // 4], "data_offsets": [0, 16 * T.CHUNK]}}).encode()
    with path.open("wb") as f:
        f.write(struct.pack("<Q", len(hb)) + hb)
        for _ in range(16):
            f.write(os.urandom(T.CHUNK))
    tracemalloc.start()
    try:
        sha, found = T.file_and_tensor_hashes(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert found is not None and len(found) == 1 and len(sha) == 64
    assert peak < 4 * T.CHUNK, peak
