"""The model digest a decision is bound to, computed from the model itself: for a directory (or a
single weights file), the root digest of the OpenSSF model-signing manifest (file
serialization, SHA-256); for an OCI image, the digest of its image manifest.

The manifest is computed here rather than through the `model-signing` package because that
package takes seconds to import (it loads its signing and Sigstore stacks), which every
`casegate verify` in a deploy pipeline would pay; the tests compare both on the same trees."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from ..errors import InputError
from ._artifacts import sha256_file

MODEL_SIGNING_IGNORED = (".git", ".gitattributes", ".github", ".gitignore")
"""Paths (relative to the model directory) model-signing leaves out by default."""
OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json"
OCI_INDEX = "application/vnd.oci.image.index.v1+json"


class ModelDigest(NamedTuple):
    """A model's digest and how it was computed."""

    digest: str
    """`sha256:<hex>`."""
    method: str
    """'model-signing-files' (manifest root digest) or 'oci-manifest'."""
    resources: tuple[tuple[str, str], ...] = ()
    """For a manifest: each file's path (POSIX, relative) and sha256 hex, in manifest order."""
    weights: tuple[str, ...] = ()
    """For a manifest: the paths (among `resources`) of the files that hold weights, by name or
    by content (`casegate.evidence._weights.holds_weights`)."""
    tensors: tuple[tuple[str, str], ...] = ()
    """For a manifest: (path, tensor fingerprint) of each tensor of its weights files that
    identifies the model, whatever the file's other bytes (`casegate.evidence._tensors`)."""
    content: str | None = None
    """For a manifest: what the model computes with, whatever the files' names, metadata or
    sharding (`model_content`); two digests with the same content are the same model."""


DOC_NAMES = ("readme", "license", "licence", "notice", "changelog", "citation")
DOC_SUFFIXES = (".md", ".rst")
"""Files left out of a model's content (`model_content`): documentation no loader reads. A name
in `DOC_NAMES` counts bare or with `.txt`, `.md`, `.rst` or `.cff` (`LICENSE`, `NOTICE.txt`), not
as the start of another name (`license_check.py` is code)."""


def _documentation(rel: str) -> bool:
    name = PurePosixPath(rel).name.lower()
    stem, dot, ext = name.partition(".")
    return name.endswith(DOC_SUFFIXES) or (stem in DOC_NAMES and (not dot or ext in ("txt", "md", "rst", "cff")))


def model_content(files: list[tuple[str, str, list[str] | None]]) -> str:
    """One digest of what a model computes with, from each file's (relative path, sha256 hex,
    the hashes of every tensor it holds when it is a safetensors or GGUF file that reads whole,
    else None): every tensor of those files (its dtype, shape and data; not its name, the file's
    metadata or which file holds it), small and uniform ones included, and the bytes of every
    other file but documentation (`DOC_NAMES`, `DOC_SUFFIXES`): weights in a format casegate does
    not read (ONNX and its external data, `.nemo`, GGUF types outside its table), configuration,
    tokenizer, chat template and code. Two folders with the same content hold the same model
    stored another way; anything else that differs (a tensor of a few bytes, a sidecar adapter,
    a changed configuration) gives another content."""
    items: list[str] = []
    for rel, sha, tensors in files:
        if tensors is not None:
            items += [f"t:{h}" for h in tensors]
        elif not _documentation(rel):
            items.append(f"f:sha256:{sha}")
    return "sha256:" + hashlib.sha256("\n".join(sorted(items)).encode()).hexdigest()


def _refuse(path: Path, what: str, help: str | None = None) -> InputError:
    return InputError(f"cannot compute the model digest: {what}", location=str(path), help=help)


def _unlisted(e: OSError) -> None:
    raise e


def _tree(root: Path) -> list[Path]:
    """`root` and everything under it. A directory that cannot be listed is an error (pathlib's
    glob, which model-signing walks with, passes over it in silence: a folder made unreadable to
    the user running `verify` would hide whatever it holds from the digest, and a loader running
    as another user would read it)."""
    if not root.is_dir() or root.is_symlink():
        return [root]
    found = [root]
    for top, dirs, files in os.walk(root, onerror=_unlisted):
        found += [Path(top, n) for n in (*dirs, *files)]
    return found


def _manifest_files(root: Path) -> list[tuple[PurePosixPath, Path]]:
    """Every regular file under `root` that model-signing hashes, keyed by its relative path.
    Symbolic links and special files are refused, as model-signing refuses them by default, and so
    is a directory that cannot be listed (model-signing skips it)."""
    ignored = [root / p for p in MODEL_SIGNING_IGNORED]
    out: list[tuple[PurePosixPath, Path]] = []
    for p in _tree(root):
        if p.is_symlink():
            raise _refuse(p, "it is a symbolic link",
                          help="model-signing refuses symbolic links by default; copy the file in")
        if not (p.is_file() or p.is_dir()):
            raise _refuse(p, "it is neither a file nor a directory (or cannot be read)")
        if p.is_file() and not any(p.is_relative_to(i) for i in ignored):
            rel = p.relative_to(root).as_posix()
            try:
                rel.encode("utf-8")
            except UnicodeEncodeError:
                # the file list the registry logs and a state proof carries is UTF-8 JSON
                raise _refuse(p, "its name is not UTF-8, so the file list the registry logs cannot name it",
                              help="rename the file (model-signing's manifest names each file as text)") from None
            out.append((PurePosixPath(rel), p))
    return out


def manifest_digest(path: Path) -> ModelDigest:
    """The model-signing manifest root digest of a model directory or a single model file.

    Each regular file (the `.git`, `.gitattributes`, `.github` and `.gitignore` entries at the
    top of the directory left out) is hashed with SHA-256; the files are ordered by their
    relative path compared component by component (the manifest's own order); the root digest
    is SHA-256 over the concatenated 32-byte file digests. A single file is a one-item manifest.
    The files that hold weights (by name or content) are named apart (`ModelDigest.weights`).
    """
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        raise _refuse(path, "no such file or directory")
    try:
        files = _manifest_files(path)
    except OSError as e:
        where = Path(e.filename) if isinstance(e.filename, str) else path
        raise _refuse(where, f"cannot list or read it ({e.strerror or e})",
                      help="every file of the model must be readable by the user running casegate: a directory "
                           "it cannot list would be left out of the digest") from None
    if not files:
        raise _refuse(path, "the directory holds no files to hash",
                      help="point at the directory the model's weights and configuration are in")
    from ._tensors import file_and_tensor_hashes
    from ._weights import holds_weights

    files.sort(key=lambda item: item[0].parts)
    resources = []
    weights = []
    tensors: list[tuple[str, str]] = []
    parts: list[tuple[str, str, list[str] | None]] = []
    for rel, p in files:
        held = None
        try:
            # a weights file is read once: its sha256 and its tensors' hashes from the same bytes
            is_weights = holds_weights(p)
            sha, found = file_and_tensor_hashes(p) if is_weights else (sha256_file(p), None)
        except OSError as e:
            raise _refuse(p, e.strerror or str(e)) from None
        resources.append((str(rel), sha))
        if is_weights:
            weights.append(str(rel))
            held = [h for h, _ in found] if found is not None else None
            tensors += [(str(rel), fp) for fp in sorted({h for h, identifies in found or [] if identifies})]
        parts.append((str(rel), sha, held))
    return ModelDigest(manifest_root(resources), "model-signing-files", tuple(resources), tuple(weights),
                       tuple(tensors), model_content(parts))


def manifest_root(resources: list[tuple[str, str]] | tuple[tuple[str, str], ...]) -> str:
    """The model-signing root digest of a manifest's files (relative POSIX path, sha256 hex):
    SHA-256 over the 32-byte file digests ordered by path, component by component. The names only
    order the digests; they are not hashed, so files moved or renamed in a way that keeps that
    order keep the root digest (`verify --model` compares the names on their own)."""
    root = hashlib.sha256()
    for _rel, hexd in sorted(resources, key=lambda item: PurePosixPath(item[0]).parts):
        root.update(bytes.fromhex(hexd))
    return "sha256:" + root.hexdigest()


def _json(path: Path) -> object:
    """An OCI layout's or manifest's JSON: a regular file within the limits (a FIFO or a device in
    its place is refused before it is opened, never waited on), a key given twice refused (the
    bytes the digest covers must not read one way here and another way in the deploy tool)."""
    from ..limits import read_json_bytes, strict_json

    try:
        return strict_json(read_json_bytes(path, str(path)), str(path))
    except InputError as e:
        raise _refuse(path, f"cannot read it as JSON ({e.message})", help=e.help) from None


def _oci_layout(path: Path) -> ModelDigest:
    index = _json(path / "index.json")
    manifests = index.get("manifests") if isinstance(index, dict) else None
    if not isinstance(manifests, list):
        raise _refuse(path / "index.json", "an OCI layout's index.json lists no manifests")
    images = [m for m in manifests if isinstance(m, dict) and m.get("mediaType") == OCI_MANIFEST]
    if len(images) != 1:
        raise _refuse(path, f"the OCI layout names {len(images)} image manifests, not one",
                      help="pass the manifest blob itself: PATH/blobs/sha256/<hex>")
    if len(manifests) != 1:
        # a Docker manifest, an image index or an entry of no media type beside the image manifest
        # is another image a deploy tool may pick (by its tag), which the digest does not cover
        kinds = ", ".join(sorted({str(m.get("mediaType")) if isinstance(m, dict) else type(m).__name__
                                  for m in manifests if m is not images[0]}))
        raise _refuse(path / "index.json", f"the OCI layout's index.json names {len(manifests)} entries, the image "
                      f"manifest and {len(manifests) - 1} more ({kinds[:200]}): a deploy tool may take any of them "
                      "(by its tag), and the model digest covers only the one",
                      help="copy the image being deployed into a layout of its own (`skopeo copy` or `oras copy` "
                           "to a new directory), or pass its manifest blob: PATH/blobs/sha256/<hex>")
    digest = str(images[0].get("digest", ""))
    algo, _, hexd = digest.partition(":")
    if algo != "sha256" or len(hexd) != 64:
        raise _refuse(path / "index.json", f"the manifest digest {digest!r} is not sha256:<hex>")
    blob = path / "blobs" / "sha256" / hexd
    if not blob.is_file():
        raise _refuse(blob, "the manifest the index names is missing from the layout")
    found = oci_manifest_digest(blob, expect=digest)
    _layout_holds_its_image(path, _json(blob), hexd)
    return found


def _layout_holds_its_image(path: Path, manifest: object, manifest_hex: str) -> None:
    """InputError unless the layout at `path` holds the config and every layer its image manifest
    names, each hashing to its digest, nothing beside `oci-layout`, `index.json` and `blobs/`, and
    no blob the manifest does not name (`_layout_blobs_named`). The manifest's digest covers its blobs only by their digests: a layout holding the approved
    manifest with other layers, or none, beside a model folder, would otherwise give the approved
    digest for whatever it deploys."""
    assert isinstance(manifest, dict)
    extra = sorted(p.name for p in path.iterdir() if p.name not in ("oci-layout", "index.json", "blobs"))
    if extra:
        raise _refuse(path / extra[0], "a file beside the OCI layout (an OCI image layout holds only `oci-layout`, "
                      "`index.json` and `blobs/`): whether the image or these files are deployed cannot be told",
                      help="pass the OCI layout on its own, or the model folder without `oci-layout`")
    config = manifest.get("config")
    layers = manifest.get("layers")
    named = [config, *(layers if isinstance(layers, list) else [None])]
    _layout_blobs_named(path, {manifest_hex, *(str(d.get("digest", "")).partition(":")[2]
                                               for d in named if isinstance(d, dict))})
    for d in named:
        digest = str(d.get("digest", "")) if isinstance(d, dict) else ""
        algo, _, hexd = digest.partition(":")
        if algo != "sha256" or len(hexd) != 64 or not all(c in "0123456789abcdef" for c in hexd):
            raise _refuse(path, f"the image manifest names a blob by {digest[:80]!r}, not sha256:<hex>")
        blob = path / "blobs" / "sha256" / hexd
        if not blob.is_file() or blob.is_symlink():
            raise _refuse(blob, f"the blob {digest} the image manifest names is missing from the layout",
                          help="the manifest's digest covers its blobs only by their digests: a layout is checked "
                               "whole, config and layers")
        if "sha256:" + sha256_file(blob) != digest:
            raise _refuse(blob, f"the blob's bytes do not hash to {digest}, the digest the image manifest names")


def _layout_blobs_named(path: Path, wanted: set[str]) -> None:
    """InputError when `blobs/` holds anything but `sha256/<hex>` of the image manifest, its config
    and its layers (`wanted`, hex digests): another image's manifest or layers kept there are not
    covered by the digest, and a deploy tool given a blob's digest would take them."""
    blobs = path / "blobs"
    extra = sorted(str(p.relative_to(path).as_posix()) for p in blobs.glob("**/*")
                   if not (p.parent == blobs and p.name == "sha256" and p.is_dir() and not p.is_symlink())
                   and not (p.parent == blobs / "sha256" and p.name in wanted))
    if extra:
        raise _refuse(path / extra[0], f"the OCI layout holds {len(extra)} blob{'s' if len(extra) != 1 else ''} its "
                      "image manifest does not name (another image's manifest, config or layers): whether this "
                      "image or those are deployed cannot be told from the digest",
                      help="copy the image being deployed into a layout of its own (`skopeo copy` or `oras copy` "
                           "to a new directory)")


def oci_manifest_digest(path: Path, *, expect: str | None = None) -> ModelDigest:
    """The digest of an OCI image manifest: sha256 over the manifest file's exact bytes (how OCI
    content addresses it). With `expect`, the bytes must hash to it (fail closed)."""
    doc = _json(path)
    if not isinstance(doc, dict) or doc.get("mediaType") == OCI_INDEX:
        raise _refuse(path, "an OCI image index, not an image manifest",
                      help="pass the image manifest of the platform being deployed")
    if doc.get("mediaType") not in (OCI_MANIFEST, None) or doc.get("schemaVersion") != 2 \
            or "config" not in doc or "layers" not in doc:
        raise _refuse(path, "not an OCI image manifest (schemaVersion 2 with config and layers)")
    digest = "sha256:" + sha256_file(path)
    if expect is not None and digest != expect:
        raise _refuse(path, f"the manifest's bytes hash to {digest}, but the index says {expect}")
    return ModelDigest(digest, "oci-manifest")


def model_digest(path: Path) -> ModelDigest:
    """The digest of a model at `path`: an OCI image layout (a directory with `oci-layout`) or
    image manifest file gives its manifest digest; any other directory or file gives its
    model-signing manifest root digest."""
    path = Path(path)
    if path.is_dir() and not path.is_symlink() and (path / "oci-layout").is_file():
        return _oci_layout(path)
    if path.is_file() and not path.is_symlink() and path.suffix == ".json":
        from ..limits import current_limits, json_too_deep, read_regular_file

        try:
            raw = read_regular_file(path, str(path), limit="json_bytes")
            head = None if json_too_deep(raw, current_limits().depth) else json.loads(raw)
        except (InputError, ValueError):
            head = None
        if isinstance(head, dict) and head.get("mediaType") in (OCI_MANIFEST, OCI_INDEX):
            return oci_manifest_digest(path)
    return manifest_digest(path)
