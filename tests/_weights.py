"""The example's stand-in model (`examples/atlas-api/model/`, whose digest the case lists), hashed
by the registry as `casegate registry submit CASE --model PATH` does: past internal use the
registry approves, and `verify` deploys, only a version whose weights it hashed itself."""

from __future__ import annotations

import json
import os
import struct
from pathlib import Path
from typing import Any

from casegate.load import Loaded


def safetensors(data: bytes | int = 4096, name: str = "lm_head.weight") -> bytes:
    """A safetensors file holding one F32 tensor of `data` (its bytes, or that many random bytes,
    a multiple of 4): what casegate recognises as weights by content, whatever the file is called."""
    raw = os.urandom(data) if isinstance(data, int) else data
    header = json.dumps({name: {"dtype": "F32", "shape": [len(raw) // 4], "data_offsets": [0, len(raw)]}}).encode()
    return struct.pack("<Q", len(header)) + header + raw


def model_dir(loaded: Loaded | Path) -> Path:
    """The stand-in model folder beside a case (a copy of the example)."""
    case = loaded if isinstance(loaded, Path) else Path(loaded.case_path)
    return (case.parent if case.suffix else case) / "model"


def hash_weights(reg: Any, case_id: str, number: int, model: Path) -> Any:
    """Log the files of the model at `model` for stored version `number` of `case_id` (its digest
    must be one the version's system lists). Returns the `model-files` entry (None: logged already)."""
    from casegate.evidence import model_digest
    from casegate.monitor import record_model_files

    md = model_digest(model)
    return record_model_files(reg, case_id, number, md.digest, md.resources, weights=md.weights, tensors=md.tensors,
                              content=md.content)


def submit_hashed(reg: Any, loaded: Loaded, model: Path | None = None) -> Any:
    """`reg.submit_case(loaded)`, then the files of its model (`model`, default the `model/` folder
    beside the case) logged for that version when the case lists that model's digest, as
    `registry submit --model` does (a case edited to name other weights is only submitted).
    Returns the stored version."""
    from casegate.evidence import model_digest

    v = reg.submit_case(loaded)
    folder = model or model_dir(loaded)
    if folder.is_dir() and loaded.case is not None and model_digest(folder).digest in loaded.case.system.digests:
        hash_weights(reg, v.case_id, v.number, folder)
    return v
