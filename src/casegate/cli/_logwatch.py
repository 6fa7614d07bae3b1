"""`casegate log monitor`: follow the public log from its tiles, check every entry not yet seen
against the registry's rules, and report the ones that break them.

Exit codes: 0 nothing new breaks a rule; 1 this run found entries that break a rule, or the log
does not verify (a bad signature, too few cosignatures, another history, altered entries);
2 bad input; 3 the tiles cannot be read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ._common import err, out
from ._registry import JsonOption, log_app

STATE_DEFAULT = Path(".casegate") / "log-monitor.json"


@log_app.command("monitor")
def log_monitor(
    url: Annotated[str, typer.Option("--url", help="Where the log's tiles are: an http(s) URL prefix, s3://bucket/prefix, or a directory.")],
    vkey: Annotated[str | None, typer.Option("--vkey", help="The log's key: its note verifier key (`casegate log vkey`) or a public key PEM file.")] = None,
    trust_root: Annotated[Path | None, typer.Option("--trust-root", help="A trust root: the log's origin and key, and the witness cosignatures it requires, come from it.", envvar="CASEGATE_TRUST_ROOT")] = None,
    state: Annotated[Path, typer.Option("--state", help="Where the monitor keeps its position and the cases' replayed states (one file per log).")] = STATE_DEFAULT,
    keyring: Annotated[Path | None, typer.Option("--keyring", help="The keyring sign-offs are verified against: with it, LM101 counts only sign-offs whose signature verifies; without it, well-formed sign-off statements, signatures unchecked.", envvar="CASEGATE_KEYRING")] = None,
    token: Annotated[str | None, typer.Option("--token", envvar="CASEGATE_BOARD_TOKEN", help="A review board token (default $CASEGATE_BOARD_TOKEN): the monitor reads every entry, and a board serves the entry bundles only to its token holders.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Check every log entry this monitor has not seen (from tiles, each proven under a signed
    checkpoint that extends what it checked before), replay each case's state, and report the
    entries that break a rule: LM101 a GO decision with no sign-off, LM102 a state change without
    its cause, LM103 a case approved again after its approval was withdrawn, reopened or restricted
    with no new version, LM104 a transition the lifecycle forbids, LM105 a state change out of order,
    LM106 a deployed case left without the state change of a case about the same weights, LM107 a
    shared-weights change that follows no standing change of a case about the same weights."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from ..errors import InputError
    from ..ledger import open_tiles
    from ..monitor import follow_log
    from ..store import load_public_key

    origin = None
    witnesses: list[tuple[str, Ed25519PublicKey]] = []
    threshold = 0
    if trust_root is not None:
        from ..trust import load_trust_root

        pins = load_trust_root(trust_root).pins.log
        origin, key = pins.origin, Ed25519PublicKey.from_public_bytes(bytes.fromhex(pins.key))
        witnesses = [(w.name, Ed25519PublicKey.from_public_bytes(bytes.fromhex(w.key))) for w in pins.witnesses]
        threshold = pins.witness_threshold
        if vkey is not None and load_public_key(vkey) != key:
            raise InputError("--vkey is not the log key the trust root pins", help="give one or the other")
    elif vkey is not None:
        key = load_public_key(vkey)
    else:
        raise InputError("the monitor needs the log's key to check its checkpoints",
                         help="pass --vkey (`casegate log vkey` prints it) or --trust-root")
    ring = None
    if keyring is not None:
        from ..sign import load_keyring

        ring = load_keyring(keyring)
    run = follow_log(open_tiles(url, token=token), key, state, origin=origin, witnesses=witnesses, witness_threshold=threshold,
                     keyring=ring)
    if as_json:
        out(json.dumps(run.to_json(), indent=2))
    else:
        for v in run.violations:
            out(v.line())
        cos = f", cosigned by {len(run.cosigned_by)} witness(es)" if witnesses else ""
        new = run.checked_to - run.checked_from
        span = f"checked entries {run.checked_from}..{run.checked_to - 1} ({new} new)" if new else "no new entries"
        out(f"log {run.origin}: checkpoint of {run.tree_size} entries{cos}; {span}; "
            f"{len(run.violations)} break a rule" + (f" ({run.earlier} found by earlier runs)" if run.earlier else ""))
        if ring is None:
            out("sign-offs counted for LM101 are well-formed sign-off statements; their signatures were not "
                "checked (pass --keyring to count only sign-offs that verify)")
    if run.violations:
        err(f"{len(run.violations)} log entr{'y breaks' if len(run.violations) == 1 else 'ies break'} the registry's rules")
        raise typer.Exit(1)
