"""Fingerprints of the tensors a weights file holds, whatever the file's bytes around them.

The same weights can be written as many different files: a string changed in a safetensors
`__metadata__`, a tensor renamed, the tensors split over other files (re-sharded) or reordered.
Each gives new file bytes and a new sha256, yet the model is the same. A tensor's fingerprint
covers only what makes it that tensor: `sha256("casegate-tensor-v1", dtype, shape, data bytes)`,
not its name, the file's metadata, its position in the file, or which file holds it. Two models
holding a fingerprinted tensor in common hold the same weights (`casegate.monitor.cases_of_model`).

Only tensors that identify a model are fingerprinted, so unrelated models do not link through
tensors every model of a shape has:
- at least `MIN_TENSOR_BYTES` of data (a few hundred bytes can be a table every model computes);
- not one value repeated (zero biases, layer norms of ones, an all-ones mask);
- at least `MIN_DISTINCT` distinct values among the first `SAMPLE_ELEMENTS` elements (a causal
  mask of 0 and 1, or a lookup table with a handful of values, is not learned weights).

Safetensors files are read: the header (at most `SAFETENSORS_HEADER_MAX` bytes), then each
tensor's data range, in chunks of `CHUNK` bytes, so memory stays bounded whatever the file's size.
A header that cannot be read (not JSON, offsets outside the file, overlapping tensors, a size
that does not match the dtype and shape) is not recognised: the file has no fingerprints and
counts by its whole-file sha256 alone. GGUF files (versions 2 and 3) are read the same way: the
header (key-value pairs skipped, each count bounded by `GGUF_MAX_ITEMS`), then each tensor's
data, whose size follows from its type (`GGUF_TYPES`) and dimensions; a tensor of another type
makes the file not recognised. Other formats are not read (whole-file sha256)."""

from __future__ import annotations

import hashlib
import json
import math
import struct
from pathlib import Path
from typing import Any, BinaryIO

MIN_TENSOR_BYTES = 1024
"""The smallest tensor fingerprinted, in bytes of data."""
MIN_DISTINCT = 16
"""The fewest distinct values among the first `SAMPLE_ELEMENTS` elements of a fingerprinted tensor."""
SAMPLE_ELEMENTS = 4096
CHUNK = 1 << 20
"""Bytes read at a time (a multiple of every element size)."""
SAFETENSORS_HEADER_MAX = 100_000_000
ELEMENT_BYTES = {"F64": 8, "I64": 8, "U64": 8, "F32": 4, "I32": 4, "U32": 4, "F16": 2, "BF16": 2, "I16": 2,
                 "U16": 2, "I8": 1, "U8": 1, "BOOL": 1, "F8_E4M3": 1, "F8_E5M2": 1, "F8_E8M0": 1}
"""Bytes per element of the safetensors dtypes whose size is checked against the shape; another
dtype is hashed byte by byte (one-byte elements) and its size is not checked."""
_TAG = b"casegate-tensor-v1\0"


def _layout(path: Path) -> tuple[int, list[tuple[str, list[int], int, int]]] | None:
    """(where the data starts, [(dtype, shape, start, end) by start]) of a safetensors file; None
    when it is not one, or its header does not add up."""
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(8)
            if len(head) < 8:
                return None
            (n,) = struct.unpack("<Q", head)
            if n < 2 or n > min(size - 8, SAFETENSORS_HEADER_MAX):
                return None
            header = json.loads(f.read(n))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(header, dict):
        return None
    base, out = 8 + n, []
    for name, t in header.items():
        if name == "__metadata__":
            continue
        if not isinstance(t, dict):
            return None
        dtype, shape, offs = t.get("dtype"), t.get("shape"), t.get("data_offsets")
        if not (isinstance(dtype, str) and isinstance(shape, list) and all(type(d) is int and d >= 0 for d in shape)
                and isinstance(offs, list) and len(offs) == 2 and all(type(o) is int for o in offs)
                and 0 <= offs[0] <= offs[1] and base + offs[1] <= size):
            return None
        width = ELEMENT_BYTES.get(dtype)
        if width is not None and math.prod(shape) * width != offs[1] - offs[0]:
            return None
        out.append((dtype, shape, offs[0], offs[1]))
    out.sort(key=lambda x: x[2])
    if any(a[3] > b[2] for a, b in zip(out, out[1:], strict=False)):
        return None
    return base, out


def _fingerprint(f: BinaryIO, base: int, dtype: str, shape: list[int], start: int, end: int,
                 width: int | None = None, whole: Any = None) -> tuple[str, bool] | None:
    """(the hash of one tensor's dtype, shape and data, read from the open file `f`; whether it is
    one that identifies a model, see the module's docstring), or None when the file ended early.
    `width`: bytes per element (default that of the safetensors dtype, else 1). `whole`: a hash of
    the whole file that is fed the same bytes (`file_and_tensor_hashes`)."""
    width = width or ELEMENT_BYTES.get(dtype, 1)
    identifies = end - start >= MIN_TENSOR_BYTES
    h = hashlib.sha256(_TAG + dtype.encode() + b"\0" + json.dumps(shape).encode() + b"\0")
    f.seek(base + start)
    left, first, varied, sampled = end - start, b"", False, False
    while left > 0:
        chunk = f.read(min(CHUNK, left))
        if not chunk:
            return None  # the file ended early: changed while read
        left -= len(chunk)
        h.update(chunk)
        if whole is not None:
            whole.update(chunk)
        if not sampled:
            sampled = True
            first = chunk[:width]
            sample = {chunk[i:i + width] for i in range(0, min(len(chunk), SAMPLE_ELEMENTS * width), width)}
            if len(sample) < MIN_DISTINCT:
                identifies = False
        if not varied and len(chunk) % width == 0:
            varied = chunk != first * (len(chunk) // width)
    return "sha256:" + h.hexdigest(), identifies and varied


GGUF_TYPES = {0: (4, 1), 1: (2, 1), 2: (18, 32), 3: (20, 32), 6: (22, 32), 7: (24, 32), 8: (34, 32), 9: (36, 32),
              10: (84, 256), 11: (110, 256), 12: (144, 256), 13: (176, 256), 14: (210, 256), 15: (292, 256),
              24: (1, 1), 25: (2, 1), 26: (4, 1), 27: (8, 1), 28: (8, 1), 30: (2, 1)}
"""GGUF tensor types read: type -> (bytes per block, elements per block); a file with a tensor of
another type is not recognised."""
_GGUF_SCALARS = {0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8}
GGUF_MAX_ITEMS = 10_000_000
"""The most key-value pairs, tensors, array items or string bytes a GGUF header is read with."""


class _Gguf:
    """A bounded reader of a GGUF header: every read past the file's end or a limit raises ValueError."""

    def __init__(self, f: BinaryIO, size: int) -> None:
        self.f, self.size = f, size

    def take(self, n: int) -> bytes:
        if n < 0 or n > GGUF_MAX_ITEMS or self.f.tell() + n > self.size:
            raise ValueError("past the end")
        return self.f.read(n)

    def num(self, fmt: str) -> int:
        return int(struct.unpack("<" + fmt, self.take(struct.calcsize(fmt)))[0])

    def string(self) -> str:
        return self.take(self.num("Q")).decode("utf-8")

    def value(self, kind: int, depth: int = 0) -> object:
        if kind in _GGUF_SCALARS:
            raw = self.take(_GGUF_SCALARS[kind])
            return int.from_bytes(raw, "little") if kind in (4, 5, 10, 11) else raw
        if kind == 8:
            return self.string()
        if kind == 9 and depth < 4:
            inner, count = self.num("I"), self.num("Q")
            if count > GGUF_MAX_ITEMS:
                raise ValueError("array too long")
            for _ in range(count):
                self.value(inner, depth + 1)
            return None
        raise ValueError(f"value type {kind}")


def _gguf_layout(f: BinaryIO, size: int) -> tuple[int, list[tuple[str, list[int], int, int, int]]] | None:
    """(where the data starts, [(type, dims, start, end, element width) by start]) of a GGUF file
    (version 2 or 3); None when it is not one, or its header does not add up."""
    r = _Gguf(f, size)
    try:
        if r.take(4) != b"GGUF" or r.num("I") not in (2, 3):
            return None
        count, kvs = r.num("Q"), r.num("Q")
        if count > GGUF_MAX_ITEMS or kvs > GGUF_MAX_ITEMS:
            return None
        align = 32
        for _ in range(kvs):
            key, kind = r.string(), r.num("I")
            got = r.value(kind)
            if key == "general.alignment" and isinstance(got, int):
                align = got
        if align <= 0 or align & (align - 1):
            return None
        infos = []
        for _ in range(count):
            r.string()
            ndims = r.num("I")
            if ndims > 8:
                return None
            dims = [r.num("Q") for _ in range(ndims)]
            kind, offset = r.num("I"), r.num("Q")
            if kind not in GGUF_TYPES:
                return None
            block, per = GGUF_TYPES[kind]
            n = math.prod(dims)
            if n % per:
                return None
            infos.append((f"gguf:{kind}", dims, offset, offset + n // per * block, block if per == 1 else 1))
    except (ValueError, struct.error, UnicodeDecodeError, OSError):
        return None
    base = -(-f.tell() // align) * align
    infos.sort(key=lambda x: x[2])
    if any(base + t[3] > size for t in infos) or any(a[3] > b[2] for a, b in zip(infos, infos[1:], strict=False)):
        return None
    return base, infos


def _gguf_hashes(path: Path) -> list[tuple[str, bool]] | None:
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            found = _gguf_layout(f, size)
            if found is None:
                return None
            base, tensors = found
            out = [_fingerprint(f, base, dtype, dims, start, end, width) for dtype, dims, start, end, width in tensors]
    except OSError:
        return None
    return None if any(h is None for h in out) else [h for h in out if h is not None]


def tensor_hashes(path: Path) -> list[tuple[str, bool]] | None:
    """The hash of every tensor of the safetensors or GGUF file at `path`, each with whether it
    identifies a model (see the module's docstring), in the file's order; None when the file is
    neither format, its header does not add up, or it cannot be read whole."""
    found = _layout(path)
    if found is None:
        return _gguf_hashes(path)
    base, tensors = found
    try:
        with path.open("rb") as f:
            out = [_fingerprint(f, base, dtype, shape, start, end) for dtype, shape, start, end in tensors]
    except OSError:
        return None
    return None if any(h is None for h in out) else [h for h in out if h is not None]


def file_and_tensor_hashes(path: Path) -> tuple[str, list[tuple[str, bool]] | None]:
    """(the sha256 hex of the file's bytes, `tensor_hashes(path)`) from one read of the file: a
    model's weights are read once, not once for the manifest and again for their tensors. Raises
    OSError when the file cannot be read (as `sha256_file` does)."""
    found: tuple[int, list[tuple[str, list[int], int, int, int | None]]] | None = None
    got = _layout(path)
    if got is not None:
        found = got[0], [(dtype, shape, start, end, None) for dtype, shape, start, end in got[1]]
    else:
        try:
            size = path.stat().st_size
            with path.open("rb") as f:
                gguf = _gguf_layout(f, size)
        except OSError:
            gguf = None
        if gguf is not None:
            found = gguf[0], [(t[0], t[1], t[2], t[3], t[4]) for t in gguf[1]]
    whole = hashlib.sha256()
    with path.open("rb") as f:
        out: list[tuple[str, bool] | None] | None = [] if found is not None else None
        if found is not None and out is not None:
            base, tensors = found
            pos = 0
            for dtype, shape, start, end, width in tensors:
                at = base + start
                if at < pos:  # not in order after all: read it as two passes would
                    out = None
                    break
                _hash_span(f, whole, at - pos)
                fp = _fingerprint(f, base, dtype, shape, start, end, width, whole)
                out.append(fp)
                pos = base + end
                if fp is None:  # the file ended early: changed while read
                    break
            f.seek(pos)
        while chunk := f.read(CHUNK):
            whole.update(chunk)
    if out is None and found is not None:
        return whole.hexdigest(), tensor_hashes(path)
    hashes = None if out is None or any(h is None for h in out) else [h for h in out if h is not None]
    return whole.hexdigest(), hashes


def _hash_span(f: BinaryIO, whole: Any, n: int) -> None:
    """Feed the next `n` bytes of `f` (fewer at its end) to `whole`."""
    while n > 0:
        chunk = f.read(min(CHUNK, n))
        if not chunk:
            return
        whole.update(chunk)
        n -= len(chunk)


def tensor_fingerprints(path: Path) -> tuple[str, ...]:
    """The fingerprints of the tensors of the safetensors or GGUF file at `path` that identify a
    model, sorted, each once (empty: neither format, a header that does not add up, or no such
    tensor; see the module's docstring). A file that cannot be read has none."""
    return tuple(sorted({h for h, identifies in tensor_hashes(path) or [] if identifies}))
