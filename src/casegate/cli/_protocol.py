"""`casegate protocol register`: evaluators sign what an evaluation will measure and how, and the
registry logs it before the run (pre-registration)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import InputError
from . import app
from ._common import configured_registry, out
from ._sign import KeyidOpt, KeyOpt, KeyringOpt, PassEnvOpt, _keyring_path, _signer

protocol_app = typer.Typer(help="Evaluation protocols registered before their runs.", no_args_is_help=True)
app.add_typer(protocol_app, name="protocol")


@protocol_app.command("register")
def register(
    protocol: Annotated[Path, typer.Argument(help="The protocol file (`kind: protocol`).")],
    policy: Annotated[Path, typer.Option("--policy", help="The policy whose threshold the protocol tests.")],
    key: KeyOpt,
    role: Annotated[str, typer.Option("--role", help="Your role (one your key holds in the keyring).")],
    keyring: KeyringOpt = None,
    keyid: KeyidOpt = None,
    passphrase_env: PassEnvOpt = None,
    db: Annotated[str | None, typer.Option(
        "--db", help="Registry that logs the protocol (default: $CASEGATE_DATABASE_URL or ./.casegate/registry.db).")] = None,
) -> None:
    """Sign an evaluation protocol and log it in the registry.

    Where the policy says `preregistration: required`, each evaluation of a threshold must
    match the protocol in force when it started: registered before the run, and not departed from.
    """
    from ..load import load_policy, load_protocol
    from ..monitor import PROTOCOL_EVENT
    from ..sign import envelope_bytes, load_keyring, sign_protocol

    proto, psrc = load_protocol(protocol)
    pol, _src, diags = load_policy(policy)
    if pol is None:
        first = diags[0] if diags else None
        raise InputError(f"{policy} is not a valid policy" + (f": {first.message}" if first else ""),
                         location=str(policy), help="fix the policy, then register the protocol")
    ring = load_keyring(_keyring_path(keyring))
    reg = configured_registry(db)
    if reg is None:
        raise InputError("no registry is configured, so the protocol cannot be registered",
                         help="pass --db, set $CASEGATE_DATABASE_URL, or create ./.casegate/registry.db "
                              "(`casegate registry submit`)")
    env = sign_protocol(proto, psrc.sha256, pol, role, _signer(key, keyid, ring, passphrase_env), ring)
    with reg:
        e = reg.record(PROTOCOL_EVENT, None, {"policy": pol.id, "threshold": proto.threshold,
                                              "protocol": proto.id, "envelope": env})
    dest = protocol.parent / f"{protocol.stem}-{e.index}.dsse.json"
    dest.write_bytes(envelope_bytes(env))
    out(f"registered protocol {proto.id} for {pol.id} `{proto.threshold}` as entry {e.index} at {e.recorded_at}; "
        f"wrote {dest}")
    out("evaluations it governs must start after this time and follow it")
