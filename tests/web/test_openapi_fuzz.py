"""schemathesis against the board's own OpenAPI description: no request makes it fail with a
server error, whatever the input, with and without a token."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from .conftest import build_board

_tmp = Path(tempfile.mkdtemp(prefix="casegate-fuzz-"))
atexit.register(shutil.rmtree, _tmp, True)  # the registry and token file it holds go with the run
_board = build_board(_tmp, f"sqlite:///{_tmp / 'registry.db'}")
schema = schemathesis.openapi.from_asgi("/openapi.json", _board.client.app)


@pytest.mark.filterwarnings("ignore")
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_error_with_a_token(case: schemathesis.Case) -> None:
    case.headers = {**(case.headers or {}), "Authorization": f"Bearer {_board.tokens['external']}"}
    response = case.call()
    assert response.status_code < 500, (case.method, case.formatted_path, response.status_code, response.text[:300])


@pytest.mark.filterwarnings("ignore")
@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_error_without_a_token(case: schemathesis.Case) -> None:
    response = case.call()
    assert response.status_code < 500, (case.method, case.formatted_path, response.status_code, response.text[:300])
