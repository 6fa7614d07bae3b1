"""Reading tiles from a web server (a review board, a CDN, a bucket's web endpoint)."""

from __future__ import annotations

import urllib.error
import urllib.request

from .interface import ENTRIES_PREFIX, TOKEN_ENV, TileStoreError

TIMEOUT_SECONDS = 30


class HttpTiles:
    """Tiles under a URL prefix, read with plain GETs (read-only). With `token` (a review
    board's token), every request carries it as `Authorization: Bearer`: a board serves the
    entry bundles (`tile/entries/...`) only to its token holders."""

    def __init__(self, prefix: str, *, timeout: float = TIMEOUT_SECONDS, token: str | None = None):
        self.prefix = prefix.rstrip("/")
        self.location = self.prefix
        self.timeout = timeout
        self.token = token or None

    def read(self, path: str) -> bytes | None:
        url = f"{self.prefix}/{path}"
        headers = {"Accept-Encoding": "identity", "User-Agent": "casegate-log-client"}
        if self.token is not None:
            headers["Authorization"] = f"Bearer {self.token}"
        req = urllib.request.Request(url, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # noqa: S310 (http(s) only)
                return bytes(resp.read())
        except urllib.error.HTTPError as e:
            if e.code in (404, 410):
                return None
            if e.code in (401, 403) and path.startswith(ENTRIES_PREFIX):
                raise TileStoreError(
                    f"{url} answered {e.code}: the entry bundles (every entry's full text) are not public",
                    location=self.location,
                    help="a review board serves them to tokens that read everything: pass --token (or set "
                         f"${TOKEN_ENV}) with a board token whose ceiling is secret" if self.token is None else
                         "the board refused the token given: check it is a current board token whose ceiling "
                         "is secret (`casegate token create ... --ceiling secret`)") from None
            raise TileStoreError(f"{url} answered {e.code}", location=self.location) from None
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise TileStoreError(f"cannot fetch {url}: {reason}", location=self.location,
                                 help="check the URL and that the server is reachable") from None
