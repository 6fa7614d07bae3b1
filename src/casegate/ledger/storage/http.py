"""Reading tiles from a web server (a review board, a CDN, a bucket's web endpoint)."""

from __future__ import annotations

import urllib.error
import urllib.request

from .interface import TileStoreError

TIMEOUT_SECONDS = 30


class HttpTiles:
    """Tiles under a URL prefix, read with plain GETs (read-only)."""

    def __init__(self, prefix: str, *, timeout: float = TIMEOUT_SECONDS):
        self.prefix = prefix.rstrip("/")
        self.location = self.prefix
        self.timeout = timeout

    def read(self, path: str) -> bytes | None:
        url = f"{self.prefix}/{path}"
        req = urllib.request.Request(url, headers={"Accept-Encoding": "identity",
                                                   "User-Agent": "casegate-log-client"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # noqa: S310 (http(s) only)
                return bytes(resp.read())
        except urllib.error.HTTPError as e:
            if e.code in (404, 410):
                return None
            raise TileStoreError(f"{url} answered {e.code}", location=self.location) from None
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise TileStoreError(f"cannot fetch {url}: {reason}", location=self.location,
                                 help="check the URL and that the server is reachable") from None
