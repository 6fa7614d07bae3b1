"""Attack: after atlas-2-api is reopened by an incident, the lab re-exports its tensors as new
file bytes (a string of the safetensors metadata changed, the tensor renamed, or the tensors split
over two files), so no file of the new model has the bytes of a file the registry hashed, and
files the model under a new case id and system version. The registry knows the weights by their
tensors: the new case is compared with the reopened one and must answer its incident (CG708), a
decision compared with nothing is not applied, and the folder does not deploy while the reopened
case stands. Two unrelated models that share only zero biases, layer norms of ones and small
tensors are not linked."""

from __future__ import annotations

import json
import os
import struct
from collections.abc import Callable
from pathlib import Path

import pytest

from casegate.evidence import model_digest, rehash_artifacts
from casegate.gate import run_gate
from casegate.load import load_case
from casegate.monitor import (
    IllegalTransitionError,
    comparison_for,
    decide,
    deployed_weights_problems,
    record_model_files,
    report_incident,
    run_triggers,
    submit_for_review,
)
from casegate.monitor._compare import cases_of_model
from casegate.sign import parse_instant, with_attestations
from casegate.store import open_registry
from tests._evaluators import attest_again
from tests.monitor.test_registry_flow import CASE, KEYRING, _approved, _copy, _incident, _record

NEW = "atlas-2-api-r"
EXAMPLE_DIGEST = "sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903"


def _read(path: Path) -> tuple[dict[str, dict[str, object]], bytes]:
    raw = path.read_bytes()
    (n,) = struct.unpack("<Q", raw[:8])
    return json.loads(raw[8:8 + n]), raw[8 + n:]


def _write(path: Path, header: dict[str, object], data: bytes) -> None:
    hb = json.dumps(header, separators=(",", ":")).encode()
    hb += b" " * (-len(hb) % 8)
    path.write_bytes(struct.pack("<Q", len(hb)) + hb + data)


def _metadata_changed(model: Path) -> None:
    header, data = _read(model / "model.safetensors")
    header["__metadata__"]["note"] += " (re-exported)"  # type: ignore[operator]
    _write(model / "model.safetensors", header, data)


def _renamed(model: Path) -> None:
    header, data = _read(model / "model.safetensors")
    header["output.weight"] = header.pop("lm_head.weight")
    _write(model / "model.safetensors", header, data)


def _resharded(model: Path) -> None:
    """The tensor moved into the second of two shards, after a new tensor in each."""
    header, data = _read(model / "model.safetensors")
    (model / "model.safetensors").unlink()
    extra, more = os.urandom(2048), os.urandom(1024)
    _write(model / "model-00001-of-00002.safetensors",
           {"embed.weight": {"dtype": "F32", "shape": [512], "data_offsets": [0, 2048]}}, extra)
    _write(model / "model-00002-of-00002.safetensors",
           {"norm.weight": {"dtype": "F32", "shape": [256], "data_offsets": [0, 1024]},
            "lm_head.weight": {**header["lm_head.weight"], "data_offsets": [1024, 1024 + len(data)]}}, more + data)


def _reexported(tmp_path: Path, change: Callable[[Path], None]) -> Path:
    case = _copy(tmp_path, "r", {"id: atlas-2-api\n": f"id: {NEW}\n", "  version: 2.1.0\n": "  version: 2.1.1\n"})
    change(case.parent / "model")
    case.write_text(case.read_text().replace(EXAMPLE_DIGEST, model_digest(case.parent / "model").digest))
    attest_again(load_case(case), KEYRING)
    return case


def _submit(reg, case: Path, *, tensors: bool = True):  # type: ignore[no-untyped-def]
    v = reg.submit_case(load_case(case))
    md = model_digest(case.parent / "model")
    record_model_files(reg, v.case_id, v.number, md.digest, md.resources, weights=md.weights,
                       tensors=md.tensors if tensors else ())
    return md


@pytest.mark.parametrize("change", [_metadata_changed, _renamed, _resharded])
def test_reexported_tensors_under_a_new_case_id_carry_the_reopened_cases_history(
        database_url: str, tmp_path: Path, change: Callable[[Path], None]) -> None:
    reg, _ = _approved(database_url, tmp_path)
    report_incident(reg, _incident())
    run_triggers(reg)
    assert reg.case_state(CASE) == "reopened"
    case = _reexported(tmp_path, change)
    md = _submit(reg, case)
    # no file of the new model has the bytes of the approved one's
    old = model_digest(tmp_path / "v1" / "model")
    assert not {dict(md.resources)[p] for p in md.weights} & set(dict(old.resources).values())
    system = reg.events(NEW, "case-version")[0].payload["system"]
    assert cases_of_model(reg, NEW, 1, system) == [CASE]
    loaded = with_attestations(load_case(case), KEYRING, parse_instant("2026-11-27", end_of_day=True))
    comparison = comparison_for(reg, loaded, keyring=KEYRING)
    assert [(v.baseline.case, v.baseline.number) for v in comparison.versions] == [(CASE, 1)]
    record = run_gate(loaded, artifacts=rehash_artifacts(loaded), comparison=comparison)
    assert record.outcome == "NO-GO" and any(f.code == "CG708" for f in record.findings if f.blocking)
    submit_for_review(reg, NEW, by="acme-safety-team")
    blind = _record(case)
    assert blind.outcome != "NO-GO"
    with pytest.raises(IllegalTransitionError, match=r"not compared with what this registry remembers: case atlas-2-api "):
        decide(reg, blind)
    reasons, _ = deployed_weights_problems(reg, NEW, md.resources, md.weights, md.tensors)
    (reason,) = reasons
    assert reason.startswith("the weights deployed include a tensor the registry hashed for version 1 of case "
                             "atlas-2-api, which is reopened"), reason
    assert "(tensor " in reason
    reg.close()


def test_without_tensor_fingerprints_the_reexport_is_not_linked(database_url: str, tmp_path: Path) -> None:
    """What the registry knew before it fingerprinted tensors: whole files only, so the re-export
    is another model (the attack above succeeds without the fingerprints)."""
    reg = open_registry(database_url)
    main = _copy(tmp_path, "v1")
    _submit(reg, main, tensors=False)
    case = _reexported(tmp_path, _metadata_changed)
    md = _submit(reg, case, tensors=False)
    system = reg.events(NEW, "case-version")[0].payload["system"]
    assert cases_of_model(reg, NEW, 1, system) == []
    assert deployed_weights_problems(reg, NEW, md.resources, md.weights, md.tensors)[0] == []
    reg.close()


def test_an_entry_without_fingerprints_is_logged_again_with_them(database_url: str, tmp_path: Path) -> None:
    from casegate.store import MODEL_FILES_EVENT

    reg = open_registry(database_url)
    main = _copy(tmp_path, "v1")
    md = _submit(reg, main, tensors=False)
    assert record_model_files(reg, CASE, 1, md.digest, md.resources, weights=md.weights) is None
    entry = record_model_files(reg, CASE, 1, md.digest, md.resources, weights=md.weights, tensors=md.tensors)
    assert entry is not None and entry.payload["tensors"] == [list(t) for t in md.tensors]
    assert record_model_files(reg, CASE, 1, md.digest, md.resources, weights=md.weights, tensors=md.tensors) is None
    assert len(reg.events(CASE, MODEL_FILES_EVENT)) == 2
    reg.close()


def test_unrelated_models_sharing_only_trivial_tensors_are_not_linked(database_url: str, tmp_path: Path) -> None:
    """Two models of the same shape, each its own learned weights, with the same zero biases,
    layer norms of ones, causal mask and a small table: not the same weights."""
    common = {
        "bias": ("F32", [1024], struct.pack("<f", 0.0) * 1024),
        "ln.weight": ("F32", [1024], struct.pack("<f", 1.0) * 1024),
        "mask": ("BOOL", [64, 64], bytes(int(j <= i) for i in range(64) for j in range(64))),
        "inv_freq": ("F32", [64], b"".join(struct.pack("<f", 10000 ** (-i / 64)) for i in range(64))),
    }

    def model(folder: Path) -> None:
        tensors = {**common, "lm_head.weight": ("F32", [16, 16], os.urandom(1024))}
        header, data = {}, b""
        for name, (dtype, shape, raw) in tensors.items():
            header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [len(data), len(data) + len(raw)]}
            data += raw
        _write(folder / "model.safetensors", header, data)

    reg = open_registry(database_url)
    main = _copy(tmp_path, "v1")
    model(main.parent / "model")
    main.write_text(main.read_text().replace(EXAMPLE_DIGEST, model_digest(main.parent / "model").digest))
    _submit(reg, main)
    other = _copy(tmp_path, "vega", {"id: atlas-2-api\n": "id: vega-api\n", "name: Atlas-2\n": "name: Vega\n"})
    model(other.parent / "model")
    other.write_text(other.read_text().replace(EXAMPLE_DIGEST, model_digest(other.parent / "model").digest))
    md = _submit(reg, other)
    assert len(md.tensors) == 1  # only the learned tensor
    system = reg.events("vega-api", "case-version")[0].payload["system"]
    assert cases_of_model(reg, "vega-api", 1, system) == []
    reg.close()


def test_a_gate_run_before_the_decided_version_is_stored_links_by_the_digests_tensors(
        database_url: str, tmp_path: Path) -> None:
    """The lab submits the re-export with its model, then signs the case (new case bytes, not
    stored yet) and runs the gate against the registry: the version decided on is about the
    model its digests name, whose tensors the registry fingerprinted."""
    reg, _ = _approved(database_url, tmp_path)
    report_incident(reg, _incident())
    run_triggers(reg)
    case = _reexported(tmp_path, _metadata_changed)
    _submit(reg, case)
    case.write_text(case.read_text() + "# signed off\n")
    loaded = with_attestations(load_case(case), KEYRING, parse_instant("2026-11-27", end_of_day=True))
    comparison = comparison_for(reg, loaded, keyring=KEYRING)
    assert (CASE, 1) in [(v.baseline.case, v.baseline.number) for v in comparison.versions]
    record = run_gate(loaded, artifacts=rehash_artifacts(loaded), comparison=comparison)
    assert record.outcome == "NO-GO" and any(f.code == "CG708" for f in record.findings if f.blocking)
    reg.close()
