"""Whether two stored versions are about the same model, as the registry's log shows it: the
models' keys by the lab's word (`model_keys`: digests, name and version) and the weights the
registry hashed itself (`LoggedModel.shared_weights`: a weights file of the same bytes, or a tensor
of the same data, whatever either is called). One implementation, read by the registry's
comparisons and follow-ups (`casegate.monitor`) and by `verify`, which may not import each other."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..model._names import word_key
from ._proof import MODEL_FILES_EVENT

EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
"""The sha256 of the empty file, which an entry logged before weights were judged by content could
list as a weights file (an empty `.bin`): no one's weights."""

_FINGERPRINT = re.compile(r"sha256:[0-9a-f]{64}")


def model_keys(system: object) -> set[str]:
    """What identifies the model a stored version (its logged `system`) is about, by the lab's
    word: each of its digests, and its name and version (`casegate.model._names.word_key`: case,
    width, spacing, punctuation and look-alike letters aside).
    Two versions sharing any key are about the same model; so are two whose logged model files
    share weights (`LoggedModel.shared_weights`), whatever their keys."""
    keys: set[str] = set()
    if isinstance(system, dict):
        named = system.get("digests")
        keys.update(f"digest:{d}" for d in (named if isinstance(named, list) else []))
        # compared by letters and digits alone, look-alike letters mapped to the Latin ones they
        # imitate: `Atlas2` and `Аtlas-2` (a Cyrillic `А`) are `Atlas-2`
        name, version = word_key(str(system.get("name") or "")), word_key(str(system.get("version") or ""))
        if name:
            keys.add(f"name:{name}@{version}")
    return keys


def tensor_pairs(raw: object) -> dict[str, str]:
    """Fingerprint -> path of a `model-files` entry's `tensors` ([path, fingerprint] pairs)."""
    if not isinstance(raw, list):
        return {}
    return {str(t[1]): str(t[0]) for t in raw if isinstance(t, list) and len(t) == 2 and isinstance(t[0], str)
            and isinstance(t[1], str) and _FINGERPRINT.fullmatch(t[1])}


def file_pairs(raw: object) -> dict[str, str]:
    """Path -> sha256 of a `model-files` entry's `files` or `weights` ([path, sha256] pairs)."""
    return {str(f[0]): str(f[1]) for f in raw if isinstance(f, list) and len(f) == 2} \
        if isinstance(raw, list) else {}


@dataclass(frozen=True)
class LoggedModel:
    """The files of a model as the registry hashed them: path -> sha256 of its weights files and
    of every file (the weights among them); and the fingerprints of the tensors of its weights
    files that identify a model (fingerprint -> path of a file holding it;
    `casegate.evidence.tensor_fingerprints`)."""

    weights: dict[str, str]
    files: dict[str, str]
    tensors: dict[str, str] = field(default_factory=dict)

    def shared_weights(self, other: LoggedModel) -> list[tuple[str, str]]:
        """The weights the two models share, as (path here, path there): a file of one holding the
        bytes of a weights file of the other, whatever either is called (a weights file renamed
        out of the known endings, or beside a decoy that took its place as "the weights", is the
        same weights); or a tensor both hold (its dtype, shape and data), whatever it is called,
        whatever else its file holds (metadata) and however the tensors are split over files. The
        empty file is no one's weights."""
        here = {h: p for p, h in self.files.items()}
        there = {h: p for p, h in other.files.items()}
        weights = (set(self.weights.values()) | set(other.weights.values())) - {EMPTY_SHA256}
        out = sorted((here[h], there[h]) for h in weights & here.keys() & there.keys())
        out += sorted((f"{self.tensors[t]} (tensor {t[7:19]})", f"{other.tensors[t]} (tensor {t[7:19]})")
                      for t in self.tensors.keys() & other.tensors.keys())
        return out


def logged_model(log: Iterable[Any], case_id: str, version: object, digests: Iterable[str] = ()) -> LoggedModel:
    """The files and tensors the registry hashed (the `model-files` entries in `log`) for stored
    `version` of `case_id`, or, under any case, for any of the model `digests`: every entry's
    weights, files and tensors together (empty when it hashed none)."""
    wanted = set(digests)
    weights: dict[str, str] = {}
    files: dict[str, str] = {}
    tensors: dict[str, str] = {}
    for e in log:
        p = e.payload if isinstance(e.payload, dict) else {}
        if e.kind != MODEL_FILES_EVENT or not ((e.case_id == case_id and p.get("version") == version)
                                               or p.get("digest") in wanted):
            continue
        held = file_pairs(p.get("weights"))
        weights.update(held)
        files.update({**file_pairs(p.get("files")), **held})
        tensors.update(tensor_pairs(p.get("tensors")))
    return LoggedModel(weights, files, tensors)


__all__ = ["EMPTY_SHA256", "LoggedModel", "file_pairs", "logged_model", "model_keys", "tensor_pairs"]
