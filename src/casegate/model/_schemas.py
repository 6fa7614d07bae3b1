"""JSON Schemas for editors, one per kind of file a case is written in.

A case is usually split over files: the main `case.yaml` names its policy and includes further
files, each holding one or more sections. The schemas follow the loader: the main file needs
`system` and `argument` only when it includes nothing (they may live in an included file), a
section that is merged across files (`argument`, `post_deployment`, `decision`) may be partial in
any one file, and an included file needs nothing but `casegate`.
"""

from __future__ import annotations

import copy
from typing import Any

from ._base import FORMAT_VERSION
from ._case import Case
from ._docs import documented_schema
from ._policy import Policy

SCHEMA_BASE = "https://casegate.dev/schemas/"
DIALECT = "https://json-schema.org/draft/2020-12/schema"

SECTIONS = ("system", "boundary", "threat_model", "evidence", "argument", "safeguards",
            "residual_risk", "post_deployment", "publication", "decision", "incident_answers", "regimes")
"""Top-level sections an included file may hold, each with its own schema `case-<section>`."""

# Sections whose parts the loader merges across files (see load/_loader.py), with the $defs
# model each refers to: in any one file their own required keys may be missing.
_MERGED = {"argument": "Argument", "post_deployment": "PostDeployment", "decision": "DecisionSection"}
_ALWAYS_IN_MAIN = ("casegate", "id", "title", "policy")


def _header(name: str, schema: dict[str, Any], title: str) -> dict[str, Any]:
    return {"$schema": DIALECT, "$id": f"{SCHEMA_BASE}{name}.schema.json", **schema, "title": title}


def _lax(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` with a `<Model>Part` def (no required keys) for each merged section, which the
    section's property refers to instead of the full model."""
    s = copy.deepcopy(schema)
    defs = s["$defs"]
    for prop, model in _MERGED.items():
        part = copy.deepcopy(defs[model])
        part.pop("required", None)
        part["description"] = (part.get("description", "") + " (Part of it may be written in an "
                               "included file; the merged whole must be complete.)").strip()
        defs[f"{model}Part"] = part
        text = _ref_text(model)
        s["properties"][prop] = _replace_ref(s["properties"][prop], text, _ref_text(f"{model}Part"))
    s["properties"]["casegate"] = {"const": FORMAT_VERSION,
                                   "description": f"Format version of this file ({FORMAT_VERSION})."}
    return s


def _ref_text(model: str) -> str:
    return f"#/$defs/{model}"


def _replace_ref(node: Any, old: str, new: str) -> Any:
    if isinstance(node, dict):
        return {k: (new if k == "$ref" and v == old else _replace_ref(v, old, new)) for k, v in node.items()}
    if isinstance(node, list):
        return [_replace_ref(v, old, new) for v in node]
    return node


def case_file_schemas() -> dict[str, dict[str, Any]]:
    """Schema name -> JSON Schema (draft 2020-12) for the main case file (`case`), any included
    file (`case-include`), an included file holding one section (`case-<section>`, e.g.
    `case-evidence` for the file `casegate evidence add` writes), and the policy (`policy`)."""
    full = documented_schema(Case)
    lax = _lax(full)
    out: dict[str, dict[str, Any]] = {}

    main = copy.deepcopy(lax)
    main["required"] = list(_ALWAYS_IN_MAIN)
    # Without includes the file is the whole case: the complete sections are required.
    main["if"] = {"not": {"required": ["include"]}}
    main["then"] = {"required": ["system", "argument"],
                    "properties": {p: full["properties"][p] for p in _MERGED}}
    main["description"] = (full.get("description", "") + " The main case file: it names the policy "
                           "and may include further files holding some of its sections.")
    out["case"] = _header("case", main, "casegate case (main file)")

    include = copy.deepcopy(lax)
    include["required"] = ["casegate"]
    include["description"] = ("A file a case includes: its sections are merged into the case "
                              "(ids must be unique across the case's files).")
    out["case-include"] = _header("case-include", include, "casegate case (included file)")

    for section in SECTIONS:
        one = copy.deepcopy(lax)
        keep = {"casegate", "kind", "include", section}
        one["properties"] = {k: v for k, v in one["properties"].items() if k in keep}
        one["required"] = ["casegate", section]
        one["description"] = (f"A file a case includes that holds its `{section}` section: "
                              f"{lax['properties'][section].get('description', '')}").strip()
        out[f"case-{section}"] = _header(f"case-{section}", _prune_defs(one),
                                         f"casegate case section: {section}")

    policy = documented_schema(Policy)
    out["policy"] = _header("policy", policy, "casegate policy")
    return out


def _prune_defs(schema: dict[str, Any]) -> dict[str, Any]:
    """Drop the $defs no property reaches (keeps each section's schema to its own types)."""
    defs = schema.get("$defs", {})
    reached: set[str] = set()
    todo: list[Any] = [{k: v for k, v in schema.items() if k != "$defs"}]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                name = ref.removeprefix("#/$defs/")
                if name not in reached and name in defs:
                    reached.add(name)
                    todo.append(defs[name])
            todo.extend(v for v in node.values() if isinstance(v, dict | list))
        elif isinstance(node, list):
            todo.extend(v for v in node if isinstance(v, dict | list))
    schema["$defs"] = {k: v for k, v in defs.items() if k in reached}
    if not schema["$defs"]:
        del schema["$defs"]
    return schema


def schema_for_section_file(sections: list[str]) -> str:
    """The schema name an included file holding `sections` should name in its modeline."""
    return f"case-{sections[0]}" if len(sections) == 1 and sections[0] in SECTIONS else "case-include"


def modeline(schema_path: str) -> str:
    """The comment line that tells YAML editors (yaml-language-server) which schema a file uses."""
    return f"# yaml-language-server: $schema={schema_path}"
