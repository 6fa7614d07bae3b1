"""`casegate policy change`: an owner of the policy signs a change of how a threshold is measured,
with its rationale, and the registry logs it (before the evaluations that use it run)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import app
from ._common import out, required_registry, valid_policy
from ._sign import KeyidOpt, KeyOpt, KeyringOpt, PassEnvOpt, keyring_signer

policy_app = typer.Typer(help="Signed changes to a policy.", no_args_is_help=True)
app.add_typer(policy_app, name="policy")


@policy_app.command("change")
def change(
    policy: Annotated[Path, typer.Argument(help="The policy file as changed.")],
    threshold: Annotated[str, typer.Option("--threshold", help="The threshold whose measurement changed.")],
    field: Annotated[list[str], typer.Option("--field", help="What changed: metric, reduction or tasks (repeatable).")],
    rationale: Annotated[str, typer.Option("--rationale", help="Why the measurement changed.")],
    key: KeyOpt,
    role: Annotated[str, typer.Option("--role", help="Your role: one of the policy's `owners`.")],
    keyring: KeyringOpt = None,
    keyid: KeyidOpt = None,
    passphrase_env: PassEnvOpt = None,
    db: Annotated[str | None, typer.Option(
        "--db", help="Registry that logs the change (default: $CASEGATE_DATABASE_URL or ./.casegate/registry.db).")] = None,
) -> None:
    """Sign a change of a threshold's metric, reduction or task set and log it in the registry.

    An evaluation may use the changed measurement only when it ran after the change was logged.
    """
    from ..monitor import POLICY_CHANGE_EVENT
    from ..sign import envelope_bytes, sign_policy_change

    pol, src = valid_policy(policy, "run `casegate check` on a case using it")
    reg = required_registry(db, "the change cannot be logged")
    with reg:
        ring, signer = keyring_signer(keyring, key, keyid, passphrase_env)
        env = sign_policy_change(pol, src.sha256, threshold, field, rationale, role, signer, ring)
        e = reg.record(POLICY_CHANGE_EVENT, None, {"policy": pol.id, "threshold": threshold,
                                                    "fields": sorted(set(field)), "envelope": env})
    dest = policy.parent / "policy-changes" / f"{threshold}-{e.index}.dsse.json"
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(envelope_bytes(env))
    out(f"logged policy change of {pol.id} `{threshold}` ({', '.join(sorted(set(field)))}) as entry {e.index} "
        f"at {e.recorded_at}; wrote {dest}")
    out("evaluations that use the changed measurement must run after this time")
