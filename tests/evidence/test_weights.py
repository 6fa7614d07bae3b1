"""Which files of a model hold its weights, by content as well as by name: the registry ties cases
together by the weights it hashed, and a name is the lab's to choose. A weights file renamed out of
the weights endings is still weights; a decoy named like weights (a few bytes, a header listing no
tensor, or not the format its name says) is not."""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
import zipfile
from pathlib import Path

import pytest

from casegate.evidence import MIN_WEIGHTS_BYTES, holds_weights, model_digest
from tests._weights import safetensors

ROOT = Path(__file__).resolve().parents[2]


def _header_only(tensors: dict[str, object], pad: int = MIN_WEIGHTS_BYTES) -> bytes:
    """A safetensors file whose header is padded past the size floor (metadata) and lists `tensors`."""
    header = json.dumps({"__metadata__": {"pad": "x" * pad}, **tensors}).encode()
    return struct.pack("<Q", len(header)) + header


def _gguf(tensors: int, version: int = 3) -> bytes:
    return b"GGUF" + struct.pack("<IQQ", version, tensors, 0) + os.urandom(2048)


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


CASES = {
    # (file name, bytes): holds weights
    "safetensors under its name": ("model.safetensors", safetensors(4096), True),
    "safetensors renamed out of the weights endings": ("model.safetensors.part0", safetensors(4096), True),
    "safetensors with no name hint": ("blob", safetensors(4096), True),
    "the example's stand-in weights": ("model.safetensors",
                                       (ROOT / "examples" / "atlas-api" / "model" / "model.safetensors").read_bytes(), True),
    "a 64-byte decoy named safetensors": ("adapter.safetensors", os.urandom(64), False),
    "a safetensors header listing no tensor": ("adapter.safetensors", _header_only({}), False),
    "a safetensors header listing only empty tensors": (
        "adapter.safetensors", _header_only({"w": {"dtype": "F32", "shape": [0], "data_offsets": [0, 0]}}), False),
    "a small valid safetensors under the size floor": ("adapter.safetensors", safetensors(64), False),
    "random bytes named safetensors": ("model.safetensors", os.urandom(4096), False),
    "GGUF holding tensors, renamed": ("model.q4", _gguf(3), True),
    "GGUF version 1 holding tensors": ("model.gguf", b"GGUF" + struct.pack("<II", 1, 2) + os.urandom(2048), True),
    "GGUF holding no tensor": ("model.gguf", _gguf(0), False),
    "a NumPy array, renamed": ("embeddings.dat", b"\x93NUMPY\x01\x00" + os.urandom(2048), True),
    "HDF5 (Keras), renamed": ("weights.dat", b"\x89HDF\r\n\x1a\n" + os.urandom(2048), True),
    "a legacy PyTorch pickle, renamed": ("ckpt.dat", b"\x80\x02" + os.urandom(2048), True),
    "a PyTorch zip checkpoint, renamed": ("ckpt.dat", _zip({"archive/data.pkl": os.urandom(1024),
                                                            "archive/data/0": os.urandom(4096)}), True),
    "a zip of other things": ("bundle.dat", _zip({"README.md": os.urandom(4096)}), False),
    "TFLite, renamed": ("model.dat", os.urandom(4) + b"TFL3" + os.urandom(2048), True),
    "an unknown format named as weights": ("pytorch_model.bin", os.urandom(4096), True),
    "an unknown format named as weights, a few bytes": ("adapter.bin", os.urandom(64), False),
    "an unknown format under an unknown name": ("weights.part0", b"\x00" + os.urandom(4096), False),
    "a configuration file": ("config.json", json.dumps({"pad": "x" * 4096}).encode(), False),
}


@pytest.mark.parametrize("name, data, expected", CASES.values(), ids=list(CASES))
def test_what_holds_weights(tmp_path: Path, name: str, data: bytes, expected: bool) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert holds_weights(path) is expected


def test_the_model_digest_names_the_weights_whatever_they_are_called(tmp_path: Path) -> None:
    """Attack: the lab renames `model.safetensors` to `model.safetensors.part0` (the same bytes) and
    adds a 64-byte `adapter.safetensors`, so that the only file named as weights is the decoy.
    The digest names the renamed file as the weights and not the decoy."""
    model = tmp_path / "model"
    shutil.copytree(ROOT / "examples" / "atlas-api" / "model", model)
    assert model_digest(model).weights == ("model.safetensors",)
    (model / "model.safetensors").rename(model / "model.safetensors.part0")
    (model / "adapter.safetensors").write_bytes(os.urandom(64))
    assert model_digest(model).weights == ("model.safetensors.part0",)
    # a single weights file given directly is the one item `.`
    single = model_digest(model / "model.safetensors.part0")
    assert single.weights == (".",) and single.resources[0][0] == "."
    # a folder whose only weights-like files are decoys holds no weights
    (model / "model.safetensors.part0").write_bytes(b"\x00" + os.urandom(8192))
    assert model_digest(model).weights == ()
