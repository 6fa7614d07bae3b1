"""`casegate protocol register`: evaluators sign what an evaluation will measure and how, and the
registry logs it before the run (pre-registration)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import app
from ._common import out, required_registry, valid_policy
from ._sign import KeyidOpt, KeyOpt, KeyringOpt, PassEnvOpt, keyring_signer

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
    from ..load import load_protocol
    from ..monitor import PROTOCOL_EVENT
    from ..sign import envelope_bytes, sign_protocol

    proto, psrc = load_protocol(protocol)
    pol, _src = valid_policy(policy, "register the protocol")
    reg = required_registry(db, "the protocol cannot be registered")
    with reg:
        ring, signer = keyring_signer(keyring, key, keyid, passphrase_env)
        env = sign_protocol(proto, psrc.sha256, pol, role, signer, ring)
        e = reg.record(PROTOCOL_EVENT, None, {"policy": pol.id, "threshold": proto.threshold,
                                              "protocol": proto.id, "envelope": env})
    dest = protocol.parent / f"{protocol.stem}-{e.index}.dsse.json"
    dest.write_bytes(envelope_bytes(env))
    out(f"registered protocol {proto.id} for {pol.id} `{proto.threshold}` as entry {e.index} at {e.recorded_at}; "
        f"wrote {dest}")
    out("evaluations it governs must start after this time and follow it")
