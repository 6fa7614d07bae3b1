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
