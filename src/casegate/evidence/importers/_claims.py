"""Which importer reads a file, decided from its name and first bytes without importing any
importer: a check asks this of every artifact the case cites, and importing the importers
(their schemas, the statistics they score with) only to answer it cost a tenth of a short run."""

from __future__ import annotations

import re
from pathlib import Path

from ..._patterns import kept

GENERIC_FORMAT_MARK = b"casegate-results/"
"""What a casegate-results JSON file holds in its first bytes."""

CSV_COLUMNS = ("task", "model", "status", "created", "scale", "sample", "epoch", "score")
"""The columns a casegate-results CSV file must have."""

INSPECT_JSON_VERSION = rb'"version"\s*:\s*(\d+)'

LM_EVAL_STAMP = kept(r"^results_(?P<stamp>.+)\.json$")


def head(path: Path, n: int = 4096) -> bytes:
    """The first `n` bytes of a regular file (b'' when unreadable, or a device, FIFO or socket:
    nothing claims it, and reading the file says why)."""
    import os
    import stat

    try:
        # O_NONBLOCK: a FIFO opens without waiting for a writer (and is then refused)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return b""
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return b""
        return os.read(fd, n)
    except OSError:
        return b""
    finally:
        os.close(fd)


def generic_claims(path: Path) -> bool:
    """casegate-results/1 JSON and CSV files."""
    if path.suffix == ".json":
        return GENERIC_FORMAT_MARK in head(path, 512)
    if path.suffix == ".csv":
        first = head(path, 2048).split(b"\n", 1)[0].decode("utf-8", "replace")
        cols = {c.strip() for c in first.split(",")}
        return all(c in cols for c in CSV_COLUMNS)
    return False


def lm_eval_claims(path: Path) -> bool:
    """lm-evaluation-harness `results_*.json` files."""
    if not LM_EVAL_STAMP.match(path.name):
        return False
    h = head(path, 4096)
    return h.lstrip().startswith(b"{") and b'"results"' in h


def inspect_claims(path: Path) -> bool:
    """Inspect AI `.eval` and `.json` logs."""
    if path.suffix == ".eval":
        return True
    if path.suffix != ".json":
        return False
    h = head(path, 2048)
    return h.lstrip().startswith(b"{") and b'"eval"' in h and re.search(INSPECT_JSON_VERSION, h) is not None \
        and b'"status"' in h


CLAIMS = (("generic", "GenericImporter", generic_claims), ("lm_eval", "LmEvalImporter", lm_eval_claims),
          ("inspect_log", "InspectImporter", inspect_claims))
"""(module, importer class, its test), in the order they are tried: the first that claims a file reads it."""


def claimant(path: Path) -> tuple[str, str] | None:
    """(module, importer class) of the importer that reads `path`, or None."""
    for module, cls, claims in CLAIMS:
        if claims(path):
            return module, cls
    return None
