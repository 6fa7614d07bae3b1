"""`casegate policy change`: an owner of the policy signs a change of how a threshold is measured,
with its rationale, and the registry logs it (before the evaluations that use it run).
`casegate policy gaps`: what the policy leaves to the developer alone."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import app
from ._common import out, required_registry, valid_policy
from ._sign import KeyidOpt, KeyOpt, KeyringOpt, PassEnvOpt, keyring_signer

policy_app = typer.Typer(help="Signed changes to a policy, and what it leaves to the developer.",
                         no_args_is_help=True)
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


class GapsFormat(str, Enum):
    text = "text"
    json = "json"


@policy_app.command("gaps")
def gaps(
    policy: Annotated[Path, typer.Argument(help="The policy file.")],
    format: Annotated[GapsFormat, typer.Option("--format", "-f", help="Output format.")] = GapsFormat.text,
    case: Annotated[list[Path] | None, typer.Option(
        "--case", help="A case under the policy (repeatable): each signal its monitors watch that the policy's "
                       "`post_deployment.signals` gives no range or breach level is named.")] = None,
) -> None:
    """List what the policy leaves to the developer alone: values a case types that the policy sets
    no floor or task for (least severity per domain, the tasks of each threshold, attempts per year
    per boundary kind), and evidence it takes on the case's word.

    A case relying on such a value blocks, with the rule named. For a policy that asks for
    monitors, an unset `post_deployment.max_silence` and each monitored signal (of the cases given
    with `--case`) that `post_deployment.signals` gives no range or breach level are listed as
    advisory: a monitor relying on them is taken on the lab's word, and no rule blocks it. Then what every case under the
    policy must state of its own (its deployment's configuration, where its runs record a ceiling
    on a generation or a system message) or block: the policy cannot close those, so they do not
    change the exit code. Exit 0 when nothing blocks, 1 when a case could meet one of the rules
    the policy leaves open, 2 when the policy cannot be read.
    """
    from ..checks._gaps import case_must_state, policy_gaps

    pol, _ = valid_policy(policy, "run `casegate policy gaps` again")
    found = policy_gaps(pol, _monitored_signals(case or [], policy))
    stated = case_must_state(pol)
    if format is GapsFormat.json:
        out(json.dumps({"policy": pol.id, "version": pol.version,
                        "gaps": [{"path": g.path, "says": g.says, "rule": g.rule} for g in found],
                        "case_must_state": [{"path": g.path, "says": g.says, "rule": g.rule} for g in stated]},
                       indent=2))
    else:
        blocking = [g for g in found if g.rule]
        if not found:
            out(f"policy {pol.id} {pol.version} ({policy}): leaves nothing to the developer alone")
        else:
            out(f"policy {pol.id} {pol.version} ({policy}): {len(found)} value(s) left to the developer, "
                f"{len(blocking)} of them blocking a case that relies on one")
        for g in found:
            out(f"  {g.path}: {g.says}" + (f" ({g.rule})" if g.rule else " (advisory)"))
        if stated:
            out("every case under it must state of its own, or block:")
        for g in stated:
            out(f"  {g.path}: {g.says} ({g.rule})")
    raise typer.Exit(1 if any(g.rule for g in found) else 0)


def _monitored_signals(cases: list[Path], policy: Path) -> list[str]:
    """The signals the monitors of `cases` watch, in their order; InputError naming a case that
    does not load."""
    from ..errors import InputError
    from ..load import load_case

    out: list[str] = []
    for path in cases:
        loaded = load_case(path, policy=policy, keep_data=False)
        if loaded.case is None:
            first = next((d for d in loaded.diagnostics), None)
            raise InputError(f"{path} is not a valid case" + (f": {first.message}" if first else ""),
                             location=str(path), help="fix the case (`casegate check` it), then run "
                                                      "`casegate policy gaps` again")
        pd = loaded.case.post_deployment
        out += [m.signal for m in (pd.monitors.values() if pd is not None else ())]
    return out
