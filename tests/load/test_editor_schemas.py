"""The JSON Schemas editors use: one per kind of file, named by a `yaml-language-server` modeline
in every example, template and generated file, and accepted by a standard validator
(check-jsonschema) on the project's own multi-file cases."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from casegate.evidence import add_evidence

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"
MODELINE = "# yaml-language-server: $schema="
TEMPLATES = ("frontier-api", "skeleton")


def cg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "casegate", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def _validate(schema: Path, files: list[Path]) -> subprocess.CompletedProcess[str]:
    """Run the real check-jsonschema on `files` against `schema`."""
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema),
                           *map(str, files)], capture_output=True, text=True, timeout=120)


def _schema_of(f: Path) -> Path:
    """The schema file a YAML file's modeline names, resolved as an editor resolves it."""
    lines = [ln for ln in f.read_text().splitlines() if ln.startswith(MODELINE)]
    assert len(lines) == 1, f"{f}: expected one `{MODELINE}...` line, found {len(lines)}"
    return (f.parent / lines[0][len(MODELINE):]).resolve()


def _validate_by_modeline(files: list[Path]) -> dict[str, list[Path]]:
    groups: dict[Path, list[Path]] = defaultdict(list)
    for f in files:
        s = _schema_of(f)
        assert s.is_file(), f"{f}: its modeline names {s}, which does not exist"
        groups[s].append(f)
    for schema, members in groups.items():
        r = _validate(schema, members)
        assert r.returncode == 0, f"{schema.name}:\n{r.stdout}\n{r.stderr}"
    return {s.name: m for s, m in groups.items()}


def _example_yaml() -> list[Path]:
    return sorted((ROOT / "examples").rglob("*.yaml"))


def test_committed_schemas_are_the_generated_ones(tmp_path: Path) -> None:
    r = cg("schema", "--write", str(tmp_path))
    assert r.returncode == 0, r.stderr
    made = {p.name: p.read_text() for p in tmp_path.glob("*.schema.json")}
    committed = {p.name: p.read_text() for p in SCHEMAS.glob("*.schema.json")}
    assert {"case.schema.json", "case-include.schema.json", "case-evidence.schema.json",
            "case-argument.schema.json", "policy.schema.json", "keyring.schema.json"} <= set(made)
    assert made == committed, "run `make schemas` after changing the model"


def test_schemas_are_valid_json_schema() -> None:
    r = subprocess.run([sys.executable, "-m", "check_jsonschema", "--check-metaschema",
                        *map(str, sorted(SCHEMAS.glob("*.schema.json")))],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr


def test_every_example_file_names_its_schema_and_validates() -> None:
    files = _example_yaml()
    assert len(files) >= 20
    used = _validate_by_modeline(files)
    # main files, included sections, policies and the keyring are all covered
    assert {"case.schema.json", "case-evidence.schema.json", "case-argument.schema.json",
            "policy.schema.json", "keyring.schema.json"} <= set(used)
    assert all(f.name == "case.yaml" for f in used["case.schema.json"])


@pytest.mark.parametrize("template", TEMPLATES)
def test_init_writes_the_schemas_its_files_name(tmp_path: Path, template: str) -> None:
    d = tmp_path / "new"
    r = cg("init", "--template", template, str(d))
    assert r.returncode == 0, r.stderr
    assert (d / "schemas" / "case.schema.json").is_file()
    files = sorted(d.rglob("*.yaml"))
    used = _validate_by_modeline(files)
    assert all(s.parent == d / "schemas" for s in (_schema_of(f) for f in files))
    assert "case.schema.json" in used and "policy.schema.json" in used


def test_evidence_add_writes_a_file_that_names_and_passes_its_schema(tmp_path: Path) -> None:
    from tests.evidence.evidence_logs import EXAMPLE, INSPECT

    shutil.copytree(EXAMPLE, tmp_path / "case")
    case = tmp_path / "case" / "case.yaml"
    logs = tmp_path / "logs"
    logs.mkdir()
    shutil.copy(INSPECT / "arith-clean.eval", logs / "arith-clean.eval")
    rep = add_evidence(case, [logs], producer="acme-evals", domain="cyber")
    assert rep.schema_written == tmp_path / "case" / "schemas" / "case-evidence.schema.json"
    used = _validate_by_modeline([rep.into])
    assert list(used) == ["case-evidence.schema.json"]
    # a second import keeps the line and writes no second schema
    rep2 = add_evidence(case, [logs], producer="acme-evals", domain="cyber")
    assert rep2.schema_written is None
    assert rep.into.read_text().count(MODELINE) == 1


def _case_data(name: str) -> dict[str, object]:
    data = yaml.safe_load((ROOT / "examples" / "atlas-api" / name).read_text())
    assert isinstance(data, dict)
    return data


def _invalid(tmp_path: Path, schema: str, data: object) -> str:
    f = tmp_path / "bad.yaml"
    f.write_text(yaml.safe_dump(data, sort_keys=False))
    r = _validate(SCHEMAS / schema, [f])
    assert r.returncode == 1, r.stdout + r.stderr
    return r.stdout


def test_schemas_reject_what_the_loader_rejects(tmp_path: Path) -> None:
    main = _case_data("case.yaml")
    # a main file that includes nothing must hold the argument itself
    alone = {k: v for k, v in main.items() if k != "include"}
    assert "'argument' is a required property" in _invalid(tmp_path, "case.schema.json", alone)
    # ... and, holding it, a complete one (the top claim)
    alone["argument"] = {"elements": {}}
    assert "'top' is a required property" in _invalid(tmp_path, "case.schema.json", alone)
    # an evidence item with a misspelt field
    ev = _case_data("evidence.yaml")
    item = next(iter(ev["evidence"].values()))  # type: ignore[attr-defined]
    item["artefact"] = item.pop("artifact")
    assert "artefact" in _invalid(tmp_path, "case-evidence.schema.json", ev)
    # a section file holding a section it is not for
    assert "system" in _invalid(tmp_path, "case-evidence.schema.json",
                                {"casegate": 1, "kind": "case", "system": main["system"]})
    # a wrong format version
    assert _invalid(tmp_path, "case-include.schema.json", {"casegate": 2, "kind": "case"})
    # a keyring key without roles
    ring = yaml.safe_load((ROOT / "examples/atlas-api/keys/keyring.yaml").read_text())
    ring["identities"][0]["keys"][0]["roles"] = []
    assert "roles" in _invalid(tmp_path, "keyring.schema.json", ring)


def test_schema_command_prints_one_and_refuses_unknown_names() -> None:
    r = cg("schema", "case-evidence")
    assert r.returncode == 0, r.stderr
    s = json.loads(r.stdout)
    assert s["required"] == ["casegate", "evidence"] and s["$id"].endswith("/case-evidence.schema.json")
    r = cg("schema", "evidence")
    assert r.returncode == 2 and "case-evidence" in r.stderr and "Traceback" not in r.stderr
    r = cg("schema", "--list")
    assert "keyring" in r.stdout and "case-include" in r.stdout


def test_keyring_rewrite_keeps_its_modeline(tmp_path: Path) -> None:
    from casegate.sign import load_keyring, save_keyring

    src = ROOT / "examples/atlas-api/keys/keyring.yaml"
    dst = tmp_path / "keyring.yaml"
    shutil.copy(src, dst)
    save_keyring(load_keyring(dst), dst)
    assert dst.read_text().splitlines()[:2] == src.read_text().splitlines()[:2]
    assert os.path.basename(_schema_of(src)) == "keyring.schema.json"
