"""Which files of a model folder hold its weights, by name or by content.

The registry ties cases together by the weights it hashed (`registry submit --model`): a file of
one model holding the bytes of a weights file of another makes them the same model. A name is
the lab's to choose (`model.safetensors` renamed `model.safetensors.part0` is the same weights),
so a file is a weights file when its name says so OR its first bytes show a weights format; and a
file that holds no weights is not one, whatever its name (a 64-byte `adapter.safetensors` beside
the real weights is a decoy, not "the weights").

A file holds weights when it is at least `MIN_WEIGHTS_BYTES` long and:
- its content is a safetensors file (an 8-byte little-endian header length, then a JSON object
  of that length) whose header lists a tensor with data (end offset past its start); or a GGUF
  file (magic `GGUF`) whose header counts at least one tensor;
- or its content starts with another weights container: a NumPy array (`\\x93NUMPY`), HDF5
  (`\\x89HDF\\r\\n\\x1a\\n`, Keras), TFLite (`TFL3` at byte 4), a pickle of protocol 2 to 5 (a
  PyTorch checkpoint of the legacy format), or a zip archive holding a PyTorch checkpoint
  (`data.pkl`), NumPy arrays (`.npy`, an `.npz`) or Keras weights (`.weights.h5`);
- or, when the content shows none of these, its name ends with one of `WEIGHT_SUFFIXES`. A file
  named `.safetensors` or `.gguf` must be one (and hold a tensor) to count.

The check is a sniff, not a loader: ONNX (protobuf, no magic) and `.nemo` (tar) count by name only,
and a weights format casegate does not know under a name it does not know is not recognised. So
linking two cases does not rest on this alone: every file of a model is compared with the weights
files the registry hashed for other cases, and every weights file of it with their files
(`casegate.monitor.cases_of_model`)."""

from __future__ import annotations

import json
import struct
import zipfile
from pathlib import Path

WEIGHT_SUFFIXES = (".safetensors", ".bin", ".pt", ".pth", ".ckpt", ".gguf", ".ggml", ".h5", ".keras",
                   ".msgpack", ".onnx", ".npz", ".npy", ".tflite", ".pkl", ".pickle", ".nemo")
"""File name endings of weights files."""
STRICT_SUFFIXES = (".safetensors", ".gguf")
"""Name endings whose format is checked: a file so named counts only when it is one, holding a tensor."""
MIN_WEIGHTS_BYTES = 1024
"""The smallest file that counts as weights: a model's weights file runs to megabytes; a few bytes
named like weights (or a header listing tensors that are not there) is a decoy."""
SAFETENSORS_HEADER_MAX = 100_000_000
"""The largest safetensors header read (the format's own limit)."""
_HEAD = 64
_ZIP_MEMBERS = ("data.pkl", ".npy", ".weights.h5")


def _safetensors_tensors(path: Path, head: bytes, size: int) -> bool | None:
    """Whether the safetensors file at `path` lists a tensor with data; None: not a safetensors file."""
    if len(head) < 9 or head[8:9] != b"{":
        return None
    (n,) = struct.unpack("<Q", head[:8])
    if n < 2 or n > min(size - 8, SAFETENSORS_HEADER_MAX):
        return None
    try:
        with path.open("rb") as f:
            f.seek(8)
            header = json.loads(f.read(n))
    except (OSError, ValueError):
        return None
    if not isinstance(header, dict):
        return None
    for name, tensor in header.items():
        if name == "__metadata__":
            continue
        offsets = tensor.get("data_offsets") if isinstance(tensor, dict) else None
        if (isinstance(offsets, list) and len(offsets) == 2 and all(type(o) is int for o in offsets)
                and offsets[1] > offsets[0] >= 0):
            return True
    return False


def _gguf_tensors(head: bytes) -> bool | None:
    """Whether a GGUF header counts a tensor; None: not GGUF."""
    if head[:4] != b"GGUF" or len(head) < 16:
        return None
    (version,) = struct.unpack("<I", head[4:8])
    count = struct.unpack("<I", head[8:12])[0] if version == 1 else struct.unpack("<Q", head[8:16])[0]
    return bool(count > 0)


def _container(path: Path, head: bytes) -> bool:
    """Whether the first bytes show another weights container (see the module's docstring)."""
    if head.startswith((b"\x93NUMPY", b"\x89HDF\r\n\x1a\n")) or head[4:8] == b"TFL3":
        return True
    if len(head) >= 2 and head[0] == 0x80 and 2 <= head[1] <= 5:
        return True
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as z:
                return any(m.endswith(_ZIP_MEMBERS) for m in z.namelist())
        except (OSError, zipfile.BadZipFile, ValueError):
            return False
    return False


def holds_weights(path: Path, name: str | None = None) -> bool:
    """Whether the file at `path` (named `name` in the model, default its own name) is a weights
    file: by content, or by name where the content shows no format (see the module's docstring).
    A file that cannot be read is not one."""
    name = (name or path.name).lower()
    try:
        size = path.stat().st_size
        if size < MIN_WEIGHTS_BYTES:
            return False
        with path.open("rb") as f:
            head = f.read(_HEAD)
    except OSError:
        return False
    for known in (_safetensors_tensors(path, head, size), _gguf_tensors(head)):
        if known is not None:
            return known
    if name.endswith(STRICT_SUFFIXES):
        return False
    return _container(path, head) or name.endswith(WEIGHT_SUFFIXES)
