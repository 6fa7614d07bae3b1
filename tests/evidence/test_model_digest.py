"""The model digest equals what the OpenSSF model-signing package puts in its signature's subject,
on trees chosen for the places an implementation could differ (ordering of `a-b` against `a/b`,
hidden files, the ignored git paths, a single file, empty files); OCI digests are sha256 over the
manifest's bytes; `verify --model` computes the digest itself."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from casegate.errors import InputError
from casegate.evidence import model_digest

ROOT = Path(__file__).resolve().parents[2]


def model_signing_subject(path: Path) -> str:
    """The digest model-signing's signing payload names as its subject (its own code end to end)."""
    pytest.importorskip("OpenSSL", reason="model-signing imports pyOpenSSL")
    import model_signing.hashing
    from model_signing._signing.signing import Payload

    stmt = Payload(model_signing.hashing.hash(path)).statement.pb
    return "sha256:" + stmt.subject[0].digest["sha256"]


def write_tree(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
    return root


TREES = {
    "flat": {"model.safetensors": b"\x00" * 1000, "config.json": b'{"a": 1}'},
    "ordering": {"a-b": b"1", "a/b": b"2", "a/c/d": b"3", "a.b": b"4", "A": b"5", "a b": b"6", "\u00e9": b"7"},
    "hidden-and-git": {".hidden": b"h", "sub/.gitignore": b"kept: only top-level git paths are left out",
                       ".git/HEAD": b"ref", ".gitignore": b"x", ".gitattributes": b"y", ".github/w.yml": b"z",
                       "w/weights.bin": os.urandom(70_000)},
    "empty-files": {"e1": b"", "d/e2": b"", "d/f": b"f"},
}


@pytest.mark.parametrize("name", sorted(TREES))
def test_directory_digest_equals_model_signing(tmp_path: Path, name: str) -> None:
    root = write_tree(tmp_path / name, TREES[name])
    assert model_digest(root).digest == model_signing_subject(root)


def test_single_file_and_ignored_paths(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "m", TREES["hidden-and-git"])
    f = root / "w" / "weights.bin"
    assert model_digest(f).digest == model_signing_subject(f)
    names = [n for n, _ in model_digest(root).resources]
    assert ".git/HEAD" not in names and ".gitignore" not in names and "sub/.gitignore" in names


def test_root_digest_definition(tmp_path: Path) -> None:
    """The definition in docs/signing.md, computed by hand: sha256 over the file digests in order."""
    root = write_tree(tmp_path / "m", {"b": b"2", "a/z": b"1"})
    by_hand = hashlib.sha256(hashlib.sha256(b"1").digest() + hashlib.sha256(b"2").digest()).hexdigest()
    assert model_digest(root).digest == f"sha256:{by_hand}"


def test_any_change_changes_the_digest(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "m", TREES["flat"])
    before = model_digest(root).digest
    (root / "config.json").write_bytes(b'{"a": 2}')
    assert model_digest(root).digest != before
    (root / "config.json").write_bytes(b'{"a": 1}')
    assert model_digest(root).digest == before
    (root / "config.json").rename(root / "config2.json")
    assert model_digest(root).digest == before  # names are not hashed by model-signing's root digest
    (root / "extra").write_bytes(b"")
    assert model_digest(root).digest != before


def test_symlinks_and_empty_directories_are_refused(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "m", TREES["flat"])
    (root / "link").symlink_to(root / "config.json")
    with pytest.raises(InputError, match="symbolic link"):
        model_digest(root)
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no files to hash"):
        model_digest(tmp_path / "empty")


def _oci_layout(root: Path, n_manifests: int = 1) -> tuple[Path, str]:
    blobs = root / "blobs" / "sha256"
    blobs.mkdir(parents=True)
    (root / "oci-layout").write_text('{"imageLayoutVersion": "1.0.0"}')
    entries = []
    digest = ""
    for i in range(n_manifests):
        config = json.dumps({"architecture": "amd64", "os": "linux", "i": i}).encode()
        chex = hashlib.sha256(config).hexdigest()
        (blobs / chex).write_bytes(config)
        manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                               "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
                                          "digest": f"sha256:{chex}", "size": len(config)},
                               "layers": []}, indent=1).encode()
        mhex = hashlib.sha256(manifest).hexdigest()
        (blobs / mhex).write_bytes(manifest)
        digest = f"sha256:{mhex}"
        entries.append({"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": digest,
                        "size": len(manifest)})
    (root / "index.json").write_text(json.dumps({"schemaVersion": 2, "manifests": entries}))
    return root, digest


def test_oci_layout_and_manifest(tmp_path: Path) -> None:
    root, digest = _oci_layout(tmp_path / "img")
    d = model_digest(root)
    assert d.digest == digest and d.method == "oci-manifest"
    blob = root / "blobs" / "sha256" / digest.removeprefix("sha256:")
    copy = tmp_path / "manifest.json"
    shutil.copy(blob, copy)
    assert model_digest(copy).digest == digest
    blob.write_bytes(blob.read_bytes() + b" ")  # the index no longer matches the blob
    with pytest.raises(InputError, match="but the index says"):
        model_digest(root)
    two, _ = _oci_layout(tmp_path / "two", 2)
    with pytest.raises(InputError, match="names 2 image manifests"):
        model_digest(two)


def test_cli_digest_and_verify_model(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "model", TREES["flat"])
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    r = subprocess.run([sys.executable, "-m", "casegate", "digest", str(root), "--files"],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0] == model_digest(root).digest
    assert "  " + hashlib.sha256(b'{"a": 1}').hexdigest() + "  config.json" in r.stdout
    r = subprocess.run([sys.executable, "-m", "casegate", "digest", str(tmp_path / "nope")],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 2 and "no such file or directory" in r.stderr


def test_an_oci_layout_is_its_approved_digest_only_with_its_own_blobs(tmp_path: Path) -> None:
    """The deployer's move: an internal-use decision bound to an OCI image's digest, and a model
    folder of other weights deployed with the approved image's `oci-layout`, `index.json` and
    manifest blob copied beside them. `verify --model FOLDER` computed the approved digest from the
    manifest's bytes alone (its layers were never read), and compared no file. Now a layout must
    hold the config and every layer its manifest names, each hashing to its digest, and nothing
    else."""
    root, digest = _oci_layout(tmp_path / "img")
    layer = b"approved weights layer"
    lhex = hashlib.sha256(layer).hexdigest()
    blobs = root / "blobs" / "sha256"
    (blobs / lhex).write_bytes(layer)
    old = blobs / digest.removeprefix("sha256:")
    manifest = json.loads(old.read_bytes())
    manifest["layers"] = [{"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": f"sha256:{lhex}",
                           "size": len(layer)}]
    raw = json.dumps(manifest).encode()
    mhex = hashlib.sha256(raw).hexdigest()
    old.unlink()
    (blobs / mhex).write_bytes(raw)
    index = json.loads((root / "index.json").read_text())
    index["manifests"][0]["digest"] = f"sha256:{mhex}"
    (root / "index.json").write_text(json.dumps(index))
    assert model_digest(root).digest == f"sha256:{mhex}"  # the real layout
    # other weights beside the approved layout's small files (its manifest and config, no layer)
    disguised = tmp_path / "disguised"
    (disguised / "blobs" / "sha256").mkdir(parents=True)
    shutil.copy(root / "oci-layout", disguised / "oci-layout")
    shutil.copy(root / "index.json", disguised / "index.json")
    for h in (p.name for p in blobs.iterdir() if p.name != lhex):
        shutil.copy(blobs / h, disguised / "blobs" / "sha256" / h)
    with pytest.raises(InputError, match="the blob sha256:.* is missing from the layout"):
        model_digest(disguised)
    # with the approved layer too, weights beside it are refused
    shutil.copy(blobs / lhex, disguised / "blobs" / "sha256" / lhex)
    assert model_digest(disguised).digest == f"sha256:{mhex}"
    (disguised / "model.safetensors").write_bytes(b"unevaluated weights" * 100)
    with pytest.raises(InputError, match="a file beside the OCI layout"):
        model_digest(disguised)
    # the layer itself swapped for other bytes
    (blobs / lhex).write_bytes(b"other weights layer")
    with pytest.raises(InputError, match="do not hash to"):
        model_digest(root)


def _docker_image(blobs: Path, weights: bytes) -> dict[str, object]:
    """Another image (Docker media types, a layer of `weights`) written into `blobs`; its index entry."""
    layer_hex = hashlib.sha256(weights).hexdigest()
    (blobs / layer_hex).write_bytes(weights)
    config = b'{"architecture": "amd64", "os": "linux"}'
    (blobs / hashlib.sha256(config).hexdigest()).write_bytes(config)
    manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                           "config": {"mediaType": "application/vnd.docker.container.image.v1+json",
                                      "digest": "sha256:" + hashlib.sha256(config).hexdigest(), "size": len(config)},
                           "layers": [{"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
                                       "digest": f"sha256:{layer_hex}", "size": len(weights)}]}).encode()
    (blobs / hashlib.sha256(manifest).hexdigest()).write_bytes(manifest)
    return {"mediaType": "application/vnd.docker.distribution.manifest.v2+json",
            "digest": "sha256:" + hashlib.sha256(manifest).hexdigest(), "size": len(manifest),
            "annotations": {"org.opencontainers.image.ref.name": "latest"}}


def test_an_oci_layout_holding_another_image_beside_the_approved_one_is_refused(tmp_path: Path) -> None:
    """The deployer's move: an internal-use decision bound to an OCI image's digest, and a layout
    whose index.json names the approved image manifest and, beside it, another image in Docker's
    media types (or an image index) tagged `latest`, which a deploy tool given the tag takes.
    The digest was taken from the one OCI image manifest and the other entries were passed over, so
    `casegate digest` (and `verify --model`) gave the approved digest. Now an index naming anything
    beside the image manifest is refused, and so is a blob the manifest does not name."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    approved, digest = _oci_layout(tmp_path / "approved")
    for name, entry in (("docker", lambda b: _docker_image(b, b"unevaluated weights" * 200)),
                        ("nested-index", lambda b: {"mediaType": "application/vnd.oci.image.index.v1+json",
                                                    **{k: v for k, v in _docker_image(b, b"w" * 4000).items()
                                                       if k != "mediaType"}})):
        root = tmp_path / name
        shutil.copytree(approved, root)
        index = json.loads((root / "index.json").read_text())
        index["manifests"].append(entry(root / "blobs" / "sha256"))
        (root / "index.json").write_text(json.dumps(index))
        with pytest.raises(InputError, match=r"index.json names 2 entries, the image manifest and 1 more"):
            model_digest(root)
        r = subprocess.run([sys.executable, "-m", "casegate", "digest", str(root)], capture_output=True, text=True,
                           env=env)
        assert r.returncode == 2 and "a deploy tool may take any of them" in r.stderr, r.stderr
        assert digest not in r.stdout
    # the other image's blobs kept in the layout, the index naming the approved image alone
    stray = tmp_path / "stray"
    shutil.copytree(approved, stray)
    _docker_image(stray / "blobs" / "sha256", b"unevaluated weights" * 200)
    with pytest.raises(InputError, match="holds 3 blobs its image manifest does not name"):
        model_digest(stray)
    assert model_digest(approved).digest == digest  # the approved layout alone still gives its digest


def test_a_directory_that_cannot_be_listed_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The lab's move: the approved folder with an `extra/` directory the user running `verify`
    cannot list (mode 0 for that user; a loader running as another user or root reads it). pathlib's
    glob, which model-signing walks with, passes over such a directory in silence, so the digest,
    and the file list, were the approved ones. Now the directory is refused, naming it."""
    root = write_tree(tmp_path / "m", TREES["flat"])
    hidden = root / "extra"
    write_tree(hidden, {"adapter.safetensors": os.urandom(4096)})
    if os.geteuid() != 0:  # the real permission: this user cannot list it
        hidden.chmod(0)
    else:  # root lists every directory: the same refusal, as the operating system gives it
        real = os.scandir

        def scandir(path: object = ".") -> object:
            if os.fspath(path) == str(hidden):  # type: ignore[arg-type]
                raise PermissionError(13, "Permission denied", str(hidden))
            return real(path)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "scandir", scandir)
    try:
        with pytest.raises(InputError, match="cannot list or read it") as e:
            model_digest(root)
        assert e.value.location == str(hidden)
    finally:
        hidden.chmod(0o755)


def test_an_oci_manifest_read_two_ways_or_an_index_that_never_ends_is_refused(tmp_path: Path) -> None:
    """The lab's moves on the JSON the image digest rests on: a manifest giving `layers` twice (the
    reader that takes the first key finds the evaluated layer, the one that takes the last another)
    gave a digest all the same, its layers read one way; and a layout whose `index.json` is a named
    pipe left `casegate digest` (and a deploy step's `verify --model`) waiting for ever. Both are
    now refused, the pipe before it is opened."""
    root, digest = _oci_layout(tmp_path / "img")
    blob = root / "blobs" / "sha256" / digest.removeprefix("sha256:")
    text = blob.read_text()
    assert text.count('"layers": []') == 1
    doubled = tmp_path / "manifest.json"
    doubled.write_text(text.replace('"layers": []', '"layers": [], "layers": []'))
    with pytest.raises(InputError, match="the key 'layers' appears twice"):
        model_digest(doubled)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    (root / "index.json").unlink()
    os.mkfifo(root / "index.json")
    r = subprocess.run([sys.executable, "-m", "casegate", "digest", str(root)], capture_output=True, text=True,
                       env=env, timeout=60)
    assert r.returncode == 2 and "not a regular file" in r.stderr, r.stderr


def test_a_file_name_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    """A model file whose name is not UTF-8 (bytes a Linux directory allows) was hashed under a
    name the registry's UTF-8 log cannot hold: `registry submit --model` stopped only when it wrote
    the log entry ("input contains non-UTF-8 codepoints", naming no file). It is refused, naming
    the file, when the digest is computed."""
    root = write_tree(tmp_path / "m", TREES["flat"])
    (root / "shards").mkdir()
    with open(os.path.join(os.fsencode(root / "shards"), b"\xff-adapter.bin"), "wb") as f:
        f.write(os.urandom(2048))
    with pytest.raises(InputError, match="its name is not UTF-8") as e:
        model_digest(root)
    assert "shards" in str(e.value.location)
