"""What the blind cases' tests share (`test_blind_*.py`): a fixture copied to a test's folder,
gated as `gate --preview` does with the examples' keyring, and edited in place."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from casegate.model import DecisionRecord

ROOT = Path(__file__).resolve().parents[2]
RING = ROOT / "examples" / "atlas-api" / "keys" / "keyring.yaml"


def copy_fixture(src: Path, tmp: Path) -> Path:
    """A copy of the fixture folder `src` in `tmp`, under its own name."""
    d = tmp / src.name
    shutil.copytree(src, d)
    return d


def preview(d: Path, day: str = "2026-11-25") -> DecisionRecord:
    """The case in `d` gated on `day` as `gate --preview` does, with the examples' keyring."""
    from casegate.gate import run_gate
    from casegate.load import load_case
    from casegate.sign import load_keyring, parse_instant
    from casegate.verify import gate_inputs

    on = parse_instant(day).date()
    inputs = gate_inputs(load_case(d / "case.yaml"), load_keyring(RING), on, preview=True)
    return run_gate(inputs.loaded, today=on, waivers=inputs.waivers, waiver_problems=inputs.waiver_problems)


def blocking(record: DecisionRecord) -> list[str]:
    return sorted(f.code for f in record.findings if f.severity == "blocking")


def messages(record: DecisionRecord, code: str) -> list[str]:
    return [f.message for f in record.findings if f.code == code]


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """`old` replaced by `new` in the file at `path`, where it stands exactly `count` times."""
    text = path.read_text()
    assert text.count(old) == count, (path, old)
    path.write_text(text.replace(old, new))


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def relog(d: Path, rel: str, change: Callable[[Any], None]) -> None:
    """The log at `rel` in `d` rewritten by `change` (given its parsed document), its pin in
    `evidence.yaml` moved with it."""
    log = d / rel
    old = sha(log)
    doc = json.loads(log.read_text())
    change(doc)
    log.write_text(json.dumps(doc))
    edit(d / "evidence.yaml", old, sha(log))


def load_gen(fixture: Path) -> ModuleType:
    """The fixture's `gen.py`, imported (its functions write the case's logs again)."""
    spec = importlib.util.spec_from_file_location(f"{fixture.name}_gen", fixture / "gen.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    return gen


def as_harness_log(d: Path, rel: str, item: str, tools: list[str]) -> None:
    """The Inspect log at `rel` in `d` written out again as a harness's `casegate-results/1` log
    (each sample epoch's score, the run's `tools`, no sample's content), cited by `item` in its place."""
    from inspect_ai.log import read_eval_log

    log = read_eval_log(str(d / rel))
    assert log.samples
    samples = [{"id": str(s.id), "epoch": s.epoch,
                "score": int(any(v.value in (1, 1.0, True, "C") for v in (s.scores or {}).values()))}
               for s in log.samples]
    doc = {"format": "casegate-results/1", "task": log.eval.task, "task_version": "1", "model": log.eval.model,
           "status": "success", "created": str(log.eval.created)[:19] + "Z", "epochs": 1, "scale": "binary",
           "metric": "bypassed", "tool": "acme-redteam-harness", "tool_version": "4.0.1", "tools": tools,
           "samples": samples}
    new = d / (rel.rsplit(".", 1)[0] + ".json")
    new.write_text(json.dumps(doc))
    edit(d / "evidence.yaml", f"    artifact: {rel}\n    sha256: {sha(d / rel)}\n",
         f"    artifact: {new.relative_to(d)}\n    sha256: {sha(new)}\n")
