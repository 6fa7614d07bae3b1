"""`casegate witness ...` (run a witness: C2SP tlog-witness) and `casegate log witness` (ask
witnesses to cosign the log's latest checkpoint)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from . import app
from ._common import err, out
from ._registry import DbOption, JsonOption, log_app

witness_app = typer.Typer(help="A witness: cosigns a log's checkpoints only while they extend the history it "
                               "cosigned before (C2SP tlog-witness).", no_args_is_help=True)
app.add_typer(witness_app, name="witness")

NameOpt = Annotated[str, typer.Option("--name", help="The witness's name (a schema-less URL, e.g. witness.example.org/w1).")]
KeyOpt = Annotated[Path, typer.Option("--key", help="The witness's Ed25519 private key (PEM).")]
StateOpt = Annotated[Path, typer.Option("--state", help="The witness's state file (what it last cosigned per log).")]


@witness_app.command("init")
def witness_init(name: NameOpt, key: KeyOpt, state: StateOpt) -> None:
    """Create a witness: a new key (KEY, and KEY.pub) and an empty state file; print its verifier key."""
    from ..store import COSIGNATURE_V1, generate_key, verifier_key
    from ..witness import WitnessState

    if state.exists():
        WitnessState(state).init()  # refuses, saying why
    k = generate_key(key)
    WitnessState(state).init()
    out(f"wrote {key}, {key}.pub and {state}")
    out(verifier_key(name, k.public_key(), COSIGNATURE_V1))


@witness_app.command("vkey")
def witness_vkey(name: NameOpt, key: Annotated[Path, typer.Option("--key", help="The witness's key (private or .pub PEM).")]) -> None:
    """Print the witness's cosigner verifier key (`name+keyid+base64`, type 0x04): what a log, and a
    trust root that requires its cosignature, are configured with."""
    from ..store import COSIGNATURE_V1, load_public_key, verifier_key

    out(verifier_key(name, load_public_key(key), COSIGNATURE_V1))


def _witness(name: str, key: Path, state: Path, logs: list[str]):  # type: ignore[no-untyped-def]
    from ..errors import InputError
    from ..store import load_private_key
    from ..witness import Witness, WitnessState, trusted_log

    if not logs:
        raise InputError("a witness must follow at least one log",
                         help="pass --log with the log's verifier key (`casegate log vkey`); repeat for more")
    st = WitnessState(state)
    st.read()  # fail now, not on the first submission
    return Witness(name, load_private_key(key), [trusted_log(v) for v in logs], st)


@witness_app.command("serve")
def witness_serve(
    name: NameOpt, key: KeyOpt, state: StateOpt,
    log: Annotated[list[str], typer.Option("--log", help="A log's verifier key (`casegate log vkey`): the witness "
                                           "follows the log whose origin is the key's name. Repeat.")],
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8760,
) -> None:
    """Serve the witness (POST /add-checkpoint; GET / describes it)."""
    import uvicorn

    from ..web import create_witness_app

    w = _witness(name, key, state, log)
    out(f"casegate witness {w.name} on http://{host}:{port}/  ({len(w.logs)} log(s); verifier key {w.vkey})")
    sys.stdout.flush()
    uvicorn.run(create_witness_app(w), host=host, port=port, log_level="warning")


@witness_app.command("state")
def witness_state(state: StateOpt, as_json: JsonOption = False) -> None:
    """What the witness last cosigned for each log, and the submissions it refused."""
    from ..witness import WitnessState

    doc = WitnessState(state).read()
    if as_json:
        out(json.dumps({"logs": {o: {k: v for k, v in e.items() if k != "checkpoint"} for o, e in doc["logs"].items()},
                        "refused": {o: [{k: v for k, v in c.items() if k != "request"} for c in cs]
                                    for o, cs in doc["conflicts"].items()}}, indent=2))
        return
    if not doc["logs"]:
        out("this witness has cosigned nothing yet")
    for origin, e in sorted(doc["logs"].items()):
        out(f"{origin}: cosigned size {e['size']} (root {e['root']}) at {e['cosigned_at']}")
    for origin, cs in sorted(doc["conflicts"].items()):
        for c in cs:
            out(f"{origin}: REFUSED at {c['at']}: {c['reason']}")


@log_app.command("witness")
def log_witness(
    witness: Annotated[list[str], typer.Option("--witness", help="VKEY=URL: a witness's verifier key "
                                               "(`casegate witness vkey`) and its URL. Repeat.")],
    need: Annotated[int | None, typer.Option("--need", help="Cosignatures needed for success (default: every witness).")] = None,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds to wait for each witness.")] = 10.0,
    tiles: Annotated[str | None, typer.Option("--tiles", help="Also write the cosigned checkpoint (and any new hash tiles, never the entry bundles) to "
                                              "these tiles: a directory or s3://bucket/prefix.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Ask witnesses to cosign the log's latest checkpoint (with a consistency proof from the size each
    last cosigned), store the cosignatures with it (the board serves the cosigned checkpoint), and
    print it. Exit 1 when fewer than --need witnesses cosigned, with each refusal's reason."""
    from ..errors import InputError
    from ..witness import WitnessEndpoint, collect_cosignatures

    endpoints = [WitnessEndpoint.parse(w) for w in witness]
    k = len(endpoints) if need is None else need
    if not 0 <= k <= len(endpoints):
        raise InputError(f"--need {k} is not between 0 and the {len(endpoints)} witness(es) given")
    with _open_registry(db) as reg:
        note = reg.latest_checkpoint()
        if note is None:
            raise InputError("the log has no signed checkpoint to cosign", help="run `casegate log checkpoint` first")
        cp, results = collect_cosignatures(note, endpoints, lambda m, n: reg.prove_consistency(m, n).path,
                                           timeout=timeout)
        got = [r for r in results if r.ok]
        if got:
            text = reg.add_cosignatures(cp.text())
        else:
            text = note
        if tiles is not None:
            from ..ledger import open_store, write_tiles

            write_tiles(reg, open_store(tiles), text)
    if as_json:
        out(json.dumps({"checkpoint": text, "cosigned": len(got), "needed": k,
                        "witnesses": [r.to_json() for r in results]}, indent=2))
    else:
        for r in results:
            (out if r.ok else err)(f"{'cosigned' if r.ok else 'REFUSED '} {r.witness}: "
                                   f"{'from size ' + str(r.old_size) if r.ok else r.error}")
        out(text.rstrip("\n"))
    if len(got) < k:
        err(f"{len(got)} of {len(endpoints)} witness(es) cosigned; {k} needed")
        raise typer.Exit(1)


def _open_registry(db: str | None):  # type: ignore[no-untyped-def]
    from ..store import open_registry

    return open_registry(db)
