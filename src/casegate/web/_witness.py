"""A witness's HTTP service (C2SP tlog-witness): `POST /add-checkpoint`, and `GET /` describing
the witness (its name, verifier key, the logs it follows and the size it last cosigned for each).
Thin: the checks and the state are `casegate.witness.Witness`'s."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import PlainTextResponse
from starlette.concurrency import run_in_threadpool

from .. import __version__
from ..errors import CasegateError
from ..witness import MAX_REQUEST_BYTES, SIZE_CONTENT_TYPE, Witness, WitnessRefusal
from ._guards import BodyLimit


def create_witness_app(witness: Witness) -> Any:
    """The ASGI application serving `witness`."""
    api = FastAPI(title="casegate witness", version=__version__, docs_url=None, redoc_url=None, openapi_url=None)

    @api.post("/add-checkpoint")
    async def add_checkpoint(request: Request) -> PlainTextResponse:
        body = await request.body()
        try:
            lines = await run_in_threadpool(witness.add_checkpoint, body)
        except WitnessRefusal as e:
            if e.status == 409 and e.size is not None:
                return PlainTextResponse(f"{e.size}\n", status_code=409, media_type=SIZE_CONTENT_TYPE)
            return PlainTextResponse(e.message + "\n", status_code=e.status)
        except CasegateError as e:  # the state file cannot be read or written: no cosignature
            return PlainTextResponse(f"the witness cannot check its state: {e.message}\n", status_code=503)
        return PlainTextResponse(lines)

    @api.get("/")
    def describe() -> dict[str, Any]:
        doc = witness.state.read()
        return {"witness": witness.name, "vkey": witness.vkey,
                "logs": {origin: {"size": (doc["logs"].get(origin) or {}).get("size", 0),
                                  "refused": len(doc["conflicts"].get(origin, []))}
                         for origin in sorted(witness.logs)}}

    return BodyLimit(api, MAX_REQUEST_BYTES)
