"""The review board: HTTP API and server-rendered pages for reviewers, release engineers and the
public, over the registry."""

from ._app import Settings, create_app
from ._server import HEADER_TIMEOUT, MAX_HEADER_BYTES, run_server, server_config
from ._tokens import (
           AUTHOR_ROLE,
           DEFAULT_CEILINGS,
           VIEWER_ROLE,
           Principal,
           TokenStore,
           default_ceiling,
)
from ._witness import create_witness_app

__all__ = ["HEADER_TIMEOUT", "MAX_HEADER_BYTES", "run_server", "server_config", "AUTHOR_ROLE", "DEFAULT_CEILINGS",
           "VIEWER_ROLE", "default_ceiling", "Principal", "Settings", "TokenStore", "create_app", "create_witness_app"]
