"""The board's OpenAPI description: a valid OpenAPI document (openapi-spec-validator), a bearer
security scheme on every endpoint that needs a token, none on the public ones, and documented
error responses with a typed body on every endpoint."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openapi_spec_validator import validate

PUBLIC_PREFIXES = ("/api/v1/public/", "/api/v1/log/")


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from casegate.web import Settings, create_app

    d: Path = tmp_path_factory.mktemp("openapi")
    app = create_app(Settings(database_url=f"sqlite:///{d / 'registry.db'}", secret=b"s" * 32))
    r = TestClient(app).get("/openapi.json")
    assert r.status_code == 200
    return r.json()  # type: ignore[no-any-return]


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(path, method, op) for path, item in spec["paths"].items() for method, op in item.items()
            if method in ("get", "post", "put", "patch", "delete")]


def test_the_description_is_valid_openapi(spec: dict[str, Any]) -> None:
    validate(spec)


def test_a_bearer_scheme_guards_every_endpoint_that_needs_a_token(spec: dict[str, Any]) -> None:
    schemes = spec["components"]["securitySchemes"]
    assert schemes["bearerAuth"] == {**schemes["bearerAuth"], "type": "http", "scheme": "bearer"}
    ops = [(p, m, op) for p, m, op in _operations(spec) if p.startswith("/api/v1/")]
    assert len(ops) > 10
    for path, method, op in ops:
        secured = {"bearerAuth": []} in op.get("security", [])
        assert secured != path.startswith(PUBLIC_PREFIXES), (method, path, op.get("security"))


def test_every_api_endpoint_documents_its_errors_with_a_typed_body(spec: dict[str, Any]) -> None:
    error_schema = spec["components"]["schemas"]["ApiError"]
    assert set(error_schema["properties"]) >= {"detail", "help"}
    for path, method, op in _operations(spec):
        if not path.startswith("/api/v1/"):
            continue
        for code in ("401", "404", "422", "429", "503"):
            body = op["responses"][code]["content"]["application/json"]["schema"]
            assert body == {"$ref": "#/components/schemas/ApiError"}, (method, path, code)
        ok = next(v for k, v in op["responses"].items() if k.startswith("2"))
        assert ok["content"]["application/json"]["schema"], (method, path)


def _schema_of(op: dict[str, Any]) -> dict[str, Any]:
    ok = next(v for k, v in op["responses"].items() if k.startswith("2"))
    return ok["content"]["application/json"]["schema"]  # type: ignore[no-any-return]


def test_every_api_endpoint_names_a_typed_response(spec: dict[str, Any]) -> None:
    """Each success body is a named model (or a list of one) whose fields have types: no bare
    JSON object a client has to guess."""
    schemas = spec["components"]["schemas"]
    untyped = []
    for path, method, op in _operations(spec):
        if not path.startswith("/api/v1/"):
            continue
        body = _schema_of(op)
        ref = body.get("$ref") or (body.get("items") or {}).get("$ref") if body.get("type") in (None, "array") else None
        if not ref:
            untyped.append(f"{method} {path}: {body}")
            continue
        model = schemas[ref.rsplit("/", 1)[-1]]
        if not model.get("properties") or not all(("type" in p or "$ref" in p or "anyOf" in p)
                                                  for p in model["properties"].values()):
            untyped.append(f"{method} {path}: {ref} has untyped fields")
    assert not untyped, "\n".join(untyped)


def test_every_read_answers_with_the_body_it_documents(tmp_path: Path, database_url: str) -> None:
    """Against a board holding a case, a decision, a publication and a signed checkpoint, each documented read
    and a gate run answer 200 with a body that validates against the schema the description
    gives for it (JSON Schema 2020-12, which OpenAPI 3.1 uses)."""
    from jsonschema import Draft202012Validator

    from casegate.store import generate_key, open_registry
    from tests.web.conftest import build_board
    from tests.web.test_state_first import _publish

    board = build_board(tmp_path, database_url)
    _publish(board)
    generate_key(tmp_path / "log.pem")
    with open_registry(database_url) as reg:
        reg.checkpoint(tmp_path / "log.pem", "test.casegate.example/log")
    c = board.client
    doc = c.get("/openapi.json").json()
    auth = board.auth("rso")
    checked = []
    for path, method, op in _operations(doc):
        if not path.startswith("/api/v1/") or method != "get":
            continue
        url = path.format(case_id=board.case_id, index=0)
        r = c.get(url, params={"old": 1} if "consistency" in path else None, headers=auth)
        assert r.status_code == 200, (url, r.status_code, r.text[:300])
        Draft202012Validator({**_schema_of(op), "components": doc["components"]}).validate(r.json())
        checked.append(url)
    gate = doc["paths"]["/api/v1/cases/{case_id}/gate"]["post"]
    r = c.post(f"/api/v1/cases/{board.case_id}/gate", headers=auth)
    assert r.status_code == 200, r.text[:300]
    Draft202012Validator({**_schema_of(gate), "components": doc["components"]}).validate(r.json())
    assert len(checked) >= 12, checked
