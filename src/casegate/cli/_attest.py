"""`casegate attest` and `casegate digest`: a decision bundle's envelopes as an in-toto
attestation bundle and as Sigstore bundles, for the tools deploy pipelines already run; the model
digest a decision binds, computed from the model itself."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import app
from ._common import out


@app.command()
def attest(
    bundle: Annotated[Path, typer.Argument(help="The decision bundle (from `casegate decide`).")],
    out_dir: Annotated[Path | None, typer.Option("--out", help="Directory to write to (default: "
                                                              "attestations/ next to the bundle).")] = None,
    allow_no_go: Annotated[bool, typer.Option(
        "--allow-no-go", help="Export a decision whose outcome is NO-GO too (for an archive): it is signed "
                              "as a GO is, so keep it away from admission checks.")] = False,
) -> None:
    """Write the decision and every sign-off, objection and waiver as an in-toto attestation
    bundle (decision.intoto.jsonl, one DSSE envelope per line) and as Sigstore bundles v0.3
    (<name>.sigstore.json, with the signer's key id as the public-key hint).

    The envelopes are re-packaged, not re-signed: verify them with the signers' public keys.
    A NO-GO decision is refused unless --allow-no-go: its attestation is signed by the same key,
    under the same predicate type and for the same model as a GO's, so an admission check that
    reads only the signature would admit the model. A decision attestation says nothing of the
    case's later state either: a tool that admits a model on one must read its outcome and
    boundary, and only `casegate verify` with a state proof says whether the model may be
    deployed now.
    """
    from ..sign import write_attestations
    from ..verify import read_bundle

    data = read_bundle(bundle)
    dest = out_dir if out_dir is not None else bundle.parent / "attestations"
    for p in write_attestations(data, dest, allow_no_go=allow_no_go):
        out(f"wrote {p}")


@app.command()
def digest(
    path: Annotated[Path, typer.Argument(help="A model directory or weights file, an OCI image layout "
                                              "directory, or an OCI image manifest file.")],
    files: Annotated[bool, typer.Option("--files", help="Also list each file's sha256 (manifest order).")] = False,
) -> None:
    """Print the model's digest, sha256:<hex>, as `casegate verify --model` computes it.

    A directory or file: the root digest of its OpenSSF model-signing manifest (SHA-256 of each
    file, in manifest order, hashed together). An OCI image layout or image manifest: the
    manifest's digest. See docs/signing.md.
    """
    from ..evidence import model_digest

    d = model_digest(path)
    out(d.digest)
    if files:
        for name, hexd in d.resources:
            out(f"  {hexd}  {name}")
