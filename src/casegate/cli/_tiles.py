"""`casegate log tiles` (publish the log as C2SP tlog-tiles) and `casegate log client` (read a
tiled log from anywhere, trusting nothing but a key you hold and the last checkpoint you saw)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ._common import err, out
from ._registry import DbOption, JsonOption, log_app

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from ..store import Checkpoint
    from ..trust import TrustRoot

EndpointOption = Annotated[str | None, typer.Option(
    "--endpoint-url", help="S3-compatible endpoint for s3:// targets (default $CASEGATE_S3_ENDPOINT_URL, else AWS).")]


TokenOption = Annotated[str | None, typer.Option(
    "--token", envvar="CASEGATE_BOARD_TOKEN",
    help="A review board token (default $CASEGATE_BOARD_TOKEN), sent with every http(s) request: a board serves "
         "the entry bundles only to its token holders.")]


def _report_json(report: Any) -> dict[str, Any]:
    return {"tree_size": report.tree_size, "old_size": report.old_size, "written": report.written,
            "removed": report.removed, "kept": report.kept, "bytes_written": report.bytes_written,
            "seconds": round(report.seconds, 3)}


@log_app.command("tiles")
def tiles(
    dest: Annotated[str, typer.Option("--out", help="Directory, or s3://BUCKET/PREFIX, to publish the public tiles to: the checkpoint and the hash tiles, never the entries.")],
    entries_out: Annotated[str | None, typer.Option("--entries-out", help="Also write a full copy, with the entry bundles (every entry's full text, redacted content included), to this private directory or s3://BUCKET/PREFIX, apart from --out.")] = None,
    endpoint_url: EndpointOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Publish the log's latest signed checkpoint and its tree as static C2SP tlog-tiles:
    `checkpoint` and the hash tiles `tile/<L>/<N>[.p/<W>]` to --out, all a witness, monitor or
    auditor needs for inclusion and consistency proofs. The entry bundles
    (`tile/entries/<N>[.p/<W>]`) hold each entry's full text and go only to --entries-out, a full
    copy to keep private (a board serves them to its token holders). Incremental: only new tiles
    are written; full tiles are never rewritten."""
    from ..errors import InputError
    from ..ledger import open_store, write_tiles
    from ..store import open_registry

    if entries_out is not None and entries_out.rstrip("/") == dest.rstrip("/"):
        raise InputError("--entries-out is where the private full copy goes: it must not be --out, the public tiles",
                         help="give each its own directory or prefix")
    with open_registry(db, readonly=True) as reg:
        note = reg.latest_checkpoint()
        if note is None:
            raise InputError("the log has no signed checkpoint to publish",
                             help="sign one first: `casegate log checkpoint`")
        report = write_tiles(reg, open_store(dest, endpoint_url=endpoint_url), note)
        full = None if entries_out is None else write_tiles(reg, open_store(entries_out, endpoint_url=endpoint_url),
                                                            note, entries=True)
    if as_json:
        doc = _report_json(report)
        if full is not None:
            doc["entries_out"] = _report_json(full)
        out(json.dumps(doc, indent=2))
    else:
        out(f"{dest}: {report.summary()} (public: no entry bundles)")
        if full is not None:
            out(f"{entries_out}: {full.summary()} (private: with the entry bundles)")


def _trust(trust_root: Path | None) -> TrustRoot | None:
    from ..trust import load_trust_root

    path = trust_root or (Path(os.environ["CASEGATE_TRUST_ROOT"]) if os.environ.get("CASEGATE_TRUST_ROOT") else None)
    return None if path is None else load_trust_root(path)


def log_key(vkey: str | None, root: TrustRoot | None) -> tuple[Ed25519PublicKey, str | None, str]:
    """The key checkpoints must be signed with, the origin they must name (None: any), and
    where the key came from."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from ..errors import InputError
    from ..store import load_public_key

    if vkey is not None:
        name = vkey.split("+", 1)[0] if vkey.count("+") == 2 and not Path(vkey).exists() else None
        return load_public_key(vkey), name, f"--vkey {vkey[:40]}"
    if root is not None:
        pin = root.pins.log
        return (Ed25519PublicKey.from_public_bytes(bytes.fromhex(pin.key)), pin.origin,
                f"the trust root (version {root.version})")
    raise InputError("no log key to check the checkpoint with",
                     help="pass --vkey (the log's note verifier key or public key file) or --trust-root "
                          "(or set $CASEGATE_TRUST_ROOT): a checkpoint checked against nothing proves nothing")


def check_witnesses(cp: Checkpoint, root: TrustRoot | None) -> list[str]:
    """The witnesses that cosigned `cp` among those the root pins; VerificationError when fewer
    than its threshold did."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from ..errors import VerificationError
    from ..store import verify_cosignature

    if root is None:
        return []
    ok = []
    keys: set[str] = set()  # a witness is its key: one key pinned twice cosigns once
    for w in root.pins.log.witnesses:
        if w.key in keys:
            continue
        try:
            verify_cosignature(cp, Ed25519PublicKey.from_public_bytes(bytes.fromhex(w.key)), w.name)
            ok.append(w.name)
            keys.add(w.key)
        except VerificationError:
            pass
    need = root.pins.log.witness_threshold
    if len(ok) < need:
        raise VerificationError(f"the checkpoint carries {len(ok)} valid witness cosignature(s); the trust root "
                                f"requires {need}")
    return ok


@log_app.command("client")
def client(
    url: Annotated[str, typer.Option("--url", help="Where the tiles are: an http(s) prefix (a board's /public/log, a CDN), s3://BUCKET/PREFIX, or a directory.")],
    vkey: Annotated[str | None, typer.Option("--vkey", help="The log's key: a note verifier key (name+id+key) or a PEM public key file.")] = None,
    trust_root: Annotated[Path | None, typer.Option("--trust-root", help="Take the log's origin, key and witnesses from this trust root (default $CASEGATE_TRUST_ROOT).")] = None,
    state: Annotated[Path | None, typer.Option("--state", help="Where the last checkpoint seen is kept (default $CASEGATE_LOG_STATE, else log-client-state.json in the user's casegate state folder).")] = None,
    entry: Annotated[list[int] | None, typer.Option("--entry", help="Fetch this entry, rebuilt from its bundle and proven included (repeatable; entry bundles are not public: read them from a board with --token, or from the copy `log tiles --entries-out` wrote).")] = None,
    endpoint_url: EndpointOption = None,
    token: TokenOption = None,
    as_json: JsonOption = False,
) -> None:
    """Check a tiled log without trusting its operator: the checkpoint's signature against a key
    you hold, its consistency with the last checkpoint you saw (a split view or a rollback is
    refused, exit 1), and any entry you ask for against the checkpoint. Only the tiles needed
    are fetched."""
    from ..ledger import ClientState, open_tiles

    root = None if vkey is not None and trust_root is None else _trust(trust_root)
    key, origin, source = log_key(vkey, root)
    log = open_tiles(url, endpoint_url=endpoint_url, token=token)
    cp = log.checkpoint(key, origin)
    witnesses = check_witnesses(cp, root)
    with ClientState.locked(state) as st:  # another client sharing the file waits for this one's record
        adv = st.advance(log, cp)
        got = [log.entry(i, cp) for i in entry or []]
        st.save()
    doc: dict[str, Any] = {
        "origin": cp.origin, "tree_size": cp.tree_size, "root": cp.root.hex(), "key": source,
        "witnesses": witnesses,
        "previous": None if adv.previous is None else {"tree_size": adv.previous.size, "root": adv.previous.root.hex()},
        "consistency_path": None if adv.proof is None else [h.hex() for h in adv.proof.path],
        "entries": [{**v.entry.entry(), "leaf_hash": v.entry.leaf_hash.hex(),
                     "path": [h.hex() for h in v.proof.path]} for v in got],
        "fetches": log.fetches, "bytes_fetched": log.bytes_fetched, "state": str(st.path),
    }
    if as_json:
        out(json.dumps(doc, indent=2, ensure_ascii=False))
        return
    out(f"checkpoint: {cp.origin}, {cp.tree_size} entries, root {cp.root.hex()[:16]}...; signature checked "
        f"with {source}" + (f"; cosigned by {', '.join(witnesses)}" if witnesses else ""))
    if adv.previous is None:
        out(f"first checkpoint seen from this log: kept in {st.path} (later ones must extend it)")
    elif adv.previous.size == cp.tree_size:
        out(f"the same tree as last seen ({cp.tree_size} entries)")
    else:
        out(f"consistent with the last checkpoint seen ({adv.previous.size} entries): proof of "
            f"{len(adv.proof.path) if adv.proof else 0} hashes checked")
    for v in got:
        e = v.entry
        out(f"entry {e.index}: {e.kind} {e.case_id or '-'} {e.recorded_at}: included "
            f"({len(v.proof.path)} hashes)")
        text = json.dumps(e.payload, ensure_ascii=False, sort_keys=True)
        out("  " + (text if len(text) <= 300 else text[:300] + f"... ({len(text)} characters; --json prints it whole)"))
    err(f"{log.fetches} objects fetched ({log.bytes_fetched} bytes) from {log.location}")
