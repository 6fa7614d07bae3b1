"""`casegate check`, `rules`, `schema` and `init` from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from casegate.model import Case, Policy, documented_schema

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "fixtures" / "rules" / "CG903" / "bad" / "case.yaml"


def cg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "casegate", *args], capture_output=True, text=True, cwd=ROOT)


def test_check_text_points_at_file_line_with_caret_and_help() -> None:
    r = cg("check", str(BAD))
    assert r.returncode == 1
    assert "case.yaml:" in r.stdout and "CG903 unknown-reference" in r.stdout
    assert "^" in r.stdout and "help:" in r.stdout
    assert r.stdout.strip().splitlines()[-1].endswith("blocking, 0 condition, 0 advisory") or "blocking" in r.stdout.splitlines()[-1]


def test_check_json() -> None:
    r = cg("check", str(BAD), "--format", "json")
    doc = json.loads(r.stdout)
    codes = [f["code"] for f in doc["findings"]]
    assert "CG903" in codes
    f = next(f for f in doc["findings"] if f["code"] == "CG903")
    assert f["location"]["line"] > 0 and f["severity"] == "blocking"


def test_check_sarif_is_valid_sarif_2_1_0() -> None:
    from sarif_pydantic import Sarif

    r = cg("check", str(BAD), "--format", "sarif")
    doc = json.loads(r.stdout)
    assert doc["version"] == "2.1.0"
    log = Sarif.model_validate(doc)
    results = log.runs[0].results or []
    assert any(res.rule_id == "CG903" for res in results)
    ids = [rule.id for rule in (log.runs[0].tool.driver.rules or [])]
    assert "CG903" in ids


@pytest.mark.parametrize("kind,model", [("case", Case), ("policy", Policy)])
def test_committed_schemas_are_current(kind: str, model: type) -> None:
    committed = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text())
    r = cg("schema", kind)
    assert json.loads(r.stdout) == committed, "run `make schemas` and commit the result"
    assert documented_schema(model)["properties"]["casegate"]["description"]


@pytest.mark.parametrize("value,valid", [("required", True), ("optional", True), ({"required": True}, True),
                                         ("mandatory", False), (True, False)])
def test_policy_schema_takes_what_the_loader_takes_for_preregistration(value: object, valid: bool) -> None:
    """The committed policy schema (editors validate with it) accepts the short form
    `preregistration: required` exactly as the loader does, and refuses what the loader refuses."""
    import jsonschema
    import yaml
    from pydantic import ValidationError

    schema = json.loads((ROOT / "schemas" / "policy.schema.json").read_text())
    doc = yaml.safe_load((ROOT / "examples" / "atlas-api" / "policy.yaml").read_text())
    doc["preregistration"] = value
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(doc))
    assert (not errors) is valid, [e.message for e in errors]
    try:
        Policy.model_validate(doc)
        loads = True
    except ValidationError:
        loads = False
    assert loads is valid


def test_rules_lists_and_explains() -> None:
    r = cg("rules")
    assert r.returncode == 0 and "CG903" in r.stdout
    r = cg("rules", "CG904")
    assert "argument-cycle" in r.stdout and "Fails:" in r.stdout
    r = cg("rules", "CG999")
    assert r.returncode == 2 and "no rule" in r.stderr


@pytest.mark.parametrize("template", ["skeleton", "frontier-api"])
def test_init_scaffolds_a_case_that_loads(tmp_path: Path, template: str) -> None:
    d = tmp_path / "new"
    r = cg("init", str(d), "--template", template)
    assert r.returncode == 0, r.stderr
    r = cg("check", str(d / "case.yaml"))
    assert r.returncode in (0, 1), r.stderr  # a scaffold may have findings, never an error
    assert "Traceback" not in r.stderr
    again = cg("init", str(d), "--template", template)
    assert again.returncode == 2 and "already exists" in again.stderr
