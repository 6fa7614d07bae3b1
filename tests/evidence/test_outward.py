"""`outward_references` on folders as the loaders read them: what it refuses and what it lets
through, beside the end-to-end moves in tests/verify/test_outward.py."""

from __future__ import annotations

import json
from pathlib import Path

from casegate.evidence import model_digest, outward_references


def _refs(root: Path, files: dict[str, str | dict[str, object]]) -> tuple[list[str], list[str]]:
    for rel, body in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(body if isinstance(body, str) else json.dumps(body))
    return outward_references(root, (rel for rel, _ in model_digest(root).resources))


def test_a_folder_of_its_own_has_nothing_outside(tmp_path: Path) -> None:
    assert _refs(tmp_path, {"config.json": {"model_type": "llama"}, "model.safetensors": "x",
                            "tokenizer_config.json": {"chat_template": "{{ messages }}"}}) == ([], [])
    # a single weights file names nothing
    assert outward_references(tmp_path / "model.safetensors", ["model.safetensors"]) == ([], [])


def test_a_module_named_with_a_leading_dot_is_the_folders_own(tmp_path: Path) -> None:
    """transformers' form `.configuration_x.Class` (a module beside the config) is held, and a
    module in a subdirectory of the config's own directory is looked for there."""
    reasons, _ = _refs(tmp_path, {"config.json": {"auto_map": {"AutoConfig": ".configuration_x.XConfig"}},
                                  "configuration_x.py": "",
                                  "text/config.json": {"auto_map": {"AutoModel": "sub.modeling_x.X"}},
                                  "text/sub/modeling_x.py": ""})
    assert reasons == []
    (tmp_path / "text" / "sub" / "modeling_x.py").unlink()
    reasons, _ = outward_references(tmp_path, (rel for rel, _ in model_digest(tmp_path).resources))
    assert len(reasons) == 1 and "text/config.json: `auto_map.AutoModel` names the module 'sub.modeling_x'" in reasons[0]


def test_a_config_that_does_not_read_as_json_fails_closed(tmp_path: Path) -> None:
    """A key given twice reads one way here and may read another way in the loader: refused, as is
    a config that is not JSON."""
    reasons, _ = _refs(tmp_path, {"config.json": '{"auto_map": {}, "auto_map": {"AutoModel": "o/r--m.X"}}',
                                  "adapter_config.json": "base_model_name_or_path: org/base\n"})
    assert len(reasons) == 2, reasons
    assert all("cannot be read as JSON" in r for r in reasons)
    assert any(r.startswith("config.json ") and "appears twice" in r for r in reasons)


def test_an_adapter_whose_base_is_the_folders_top(tmp_path: Path) -> None:
    reasons, notes = _refs(tmp_path, {"config.json": {"model_type": "llama"}, "model.safetensors": "x",
                                      "lora/adapter_config.json": {"base_model_name_or_path": ".."},
                                      "adapter_config.json": {"base_model_name_or_path": "."}})
    assert reasons == []
    assert [n.split(" names")[0] for n in notes] == ["adapter_config.json", "lora/adapter_config.json"]
    assert "runs in the top of the deployed folder" in notes[0] and "runs in lora of the deployed folder" in notes[1]
    # `../..` from lora/ leaves the folder; a URL is no path of it
    for base in ("../..", "https://example.com/base", "C:/models/base"):
        (tmp_path / "lora" / "adapter_config.json").write_text(json.dumps({"base_model_name_or_path": base}))
        reasons, _ = outward_references(tmp_path, (rel for rel, _ in model_digest(tmp_path).resources))
        assert len(reasons) == 1 and "a path outside the model folder" in reasons[0], (base, reasons)


def test_references_are_judged_on_the_bytes_hashed(tmp_path: Path) -> None:
    """A file given with the sha256 it was hashed to is judged only on those bytes: a Modelfile or
    config rewritten after the digest was taken (to name nothing outside while it is checked) is a
    reason, naming it; one that still reads as hashed is judged as before."""
    (tmp_path / "Modelfile").write_text("FROM llama3.1:8b\n")
    (tmp_path / "model.safetensors").write_text("x")
    files = model_digest(tmp_path).resources
    reasons, _ = outward_references(tmp_path, files)
    assert len(reasons) == 1 and "`FROM` names 'llama3.1:8b'" in reasons[0]
    (tmp_path / "Modelfile").write_text("FROM ./model.safetensors\n")
    reasons, _ = outward_references(tmp_path, files)
    assert len(reasons) == 1 and reasons[0].startswith("Modelfile changed while the model folder was checked")
    # paths alone (no digest to hold them to) read the file as it stands
    assert outward_references(tmp_path, (rel for rel, _ in files)) == ([], [])
