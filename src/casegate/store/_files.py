"""The files of a case version: collected from a loaded case, and their digest."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import rfc8785

from ..errors import InputError
from ._records import EvidenceRecord

if TYPE_CHECKING:
    from ..load import Loaded


ATTESTATION_FOLDER = "evidence-attestations"
"""Where evidence attestation envelopes lie beside an artifact or the case (as `casegate.sign` writes them)."""

FileRow = tuple[str, str, str, bytes]
"""(path relative to the version root, role, sha256, bytes)."""


def collect_files(loaded: Loaded) -> tuple[list[FileRow], list[EvidenceRecord]]:
    """Every file of the case (main file first) and its evidence items, with paths relative to
    the folder that holds them all."""
    case = loaded.case
    assert case is not None
    found, arts, is_file, root = _listing(loaded)
    files: list[FileRow] = []
    rel_of: dict[Path, str] = {}
    for where, role, rel in _distinct(found, root, rel_of):
        data = _bytes_of(where)
        files.append((rel, role, hashlib.sha256(data).hexdigest(), data))
    digests = {p: h for p, _r, h, _b in files}
    _check_unchanged(loaded, digests, root)
    evidence = []
    for eid, ev in case.evidence.items():
        ap = arts.get(eid)
        rel_art: str | None = None
        sha: str | None = None
        if ap is not None:
            present = is_file[ap]
            rel_art = (rel_of.get(ap) or ap.relative_to(root).as_posix()) if present else ev.artifact
            sha = digests.get(rel_art) if present and rel_art is not None else None
        evidence.append(EvidenceRecord(
            eid, str(getattr(ev.kind, "value", ev.kind)), ev.producer, ev.date.isoformat(),
            ev.expires.isoformat() if ev.expires else None,
            str(getattr(ev.confidentiality, "value", ev.confidentiality)), rel_art, ev.sha256, sha))
    return files, evidence


def version_digest(loaded: Loaded, known: Mapping[Path, str] | None = None) -> str:
    """The digest `submit_case` stores for the loaded case's files (`case_digest` over the files
    `collect_files` lists), each file's sha256 taken from `known` (absolute path -> sha256 of the
    bytes this run read from it: the case's files as loaded, its artifacts as the gate hashed
    them) where it is there, and read and hashed otherwise: a file is hashed once per run."""
    assert loaded.case is not None
    found, _arts, _is_file, root = _listing(loaded)
    known = known or {}
    digests: dict[str, str] = {}
    main = None
    for where, _role, rel in _distinct(found, root, {}):
        sha = None if isinstance(where, str) else known.get(where)
        if sha is None:
            sha = hashlib.sha256(_bytes_of(where)).hexdigest()
        digests[rel] = sha
        main = rel if main is None else main
    _check_unchanged(loaded, digests, root)
    assert main is not None
    return case_digest(main, digests)


def _bytes_of(where: Path | str) -> bytes:
    """A listed file's bytes: a built-in regime's (named by text), or the file's."""
    if isinstance(where, str):
        return _builtin_bytes(where)
    try:
        return where.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read {where}: {e.strerror}") from None


def _check_unchanged(loaded: Loaded, digests: Mapping[str, str], root: Path) -> None:
    for f in loaded.files:
        if digests.get(f.abspath.relative_to(root).as_posix()) != f.sha256:
            raise InputError("the file changed on disk after it was loaded", location=f.path,
                             help="submit again")


def _distinct(found: list[tuple[Path | str, str]], root: Path,
              rel_of: dict[Path, str]) -> Iterator[tuple[Path | str, str, str]]:
    """The listed files once each (a path found again is the same file; two paths with one
    relative path are one stored file), with their path relative to `root` (noted in `rel_of`)."""
    seen: set[str] = set()
    done: set[Path | str] = set()
    for where, role in found:
        if where in done:
            continue
        done.add(where)
        if isinstance(where, str):
            rel = where
        else:
            rel = rel_of[where] = where.relative_to(root).as_posix()
        if rel in seen:
            continue
        seen.add(rel)
        yield where, role, rel


def _listing(loaded: Loaded) -> tuple[list[tuple[Path | str, str]], dict[str, Path], dict[Path, bool], Path]:
    """The files of a case version in order (path or built-in policy reference, role), the
    artifact of each evidence item, whether each artifact is a file, and the folder holding them
    all."""
    case = loaded.case
    assert case is not None
    found: list[tuple[Path | str, str]] = []
    for i, f in enumerate(loaded.files):
        found.append((f.abspath, "case" if i == 0 else "include"))
    if loaded.policy_file is not None:
        pf = loaded.policy_file
        found.append((pf.path if pf.path.startswith("builtin:") else pf.abspath, "policy"))
    # the regime files the case and its policy name are inputs like the policy: a stored version
    # without them could not be loaded again (and its deadlines could not be judged)
    found += [(p, "regime") for p in loaded.regime_files]
    arts: dict[str, Path] = {}
    # many items may share an artifact (a suite's log): each path is asked about once
    is_file: dict[Path, bool] = {}
    for eid, ev in case.evidence.items():
        p = loaded.artifact_path(eid)
        if p is not None:
            arts[eid] = p
            present = is_file.get(p)
            if present is None:  # listed once: many items may share an artifact
                present = is_file[p] = p.is_file()
                if present:
                    found.append((p, "artifact"))
            # the further files pinned with the artifact (lm-eval's per-sample logs): deriving the
            # item's numbers from a stored version needs them as much as the artifact
            for name in (ev.source.files if ev.source else {}):
                cp = (p.parent / name).resolve()
                if loaded.inside_root(cp) and cp.is_file():
                    found.append((cp, "companion"))
    # evidence attestations (signed statements over artifact digests) travel with the version, so
    # a version read back is judged on the same signatures
    folders = {loaded.main.abspath.parent / ATTESTATION_FOLDER: None}
    folders.update({p.parent / ATTESTATION_FOLDER: None for p in is_file})  # each artifact once
    for d in folders:
        if d.is_dir() and loaded.inside_root(d):
            found += [(q, "attestation") for q in sorted(d.glob("*.dsse.json")) if q.is_file()]
    found += [(q, "envelope") for q in _envelopes(loaded)]
    real = [p for p, _ in found if isinstance(p, Path)]
    root = Path(os.path.commonpath([str(p.parent) for p in real]))
    _check_artifacts_stay_inside(loaded, arts, root)
    return found, arts, is_file, root


def _check_artifacts_stay_inside(loaded: Loaded, arts: dict[str, Path], root: Path) -> None:
    """Refuse a version that could not be read back from its own stored files: an evidence item
    whose artifact path leads outside the folder holding every stored file (a file that was not
    there to store, reached by `..` or an absolute path) would make the stored version fail to
    load wherever it is written out, and with it every page and review of the case."""
    inside: set[Path] = set()  # artifacts several items share are checked once
    for eid, p in arts.items():
        if p in inside:
            continue
        if Path(os.path.normpath(p)).is_relative_to(root):
            inside.add(p)
            continue
        ev = loaded.case.evidence[eid] if loaded.case is not None else None
        art = ev.artifact if ev is not None else str(p)
        where = loaded.evidence_file(eid).path
        raise InputError(
            f"evidence {eid!r}: artifact {art!r} leads outside the files submitted with the "
            "case" + ("" if p.is_file() else " (no such file)") + ", so the stored version could not be read back",
            location=where,
            help="put the artifact inside the case's folder (or one the case's other files share) and "
                 "point `artifact:` at it, or remove the item; then submit again")


DISSENT_FOLDERS = ("objections", "answers", "authors")
"""Where signed objections, answers and authors lists lie beside the main file (as `casegate
object`, `answer` and `authors sign` write them; `casegate.sign.gather` reads every one)."""


def _envelopes(loaded: Loaded) -> list[Path]:
    """The signed statements a gate on the version reads: each sign-off, waiver and objection
    envelope the case references, and every envelope in its objections, answers and authors
    folders. Only files inside the case's root; a reference to a missing file is left for the
    gate to report (as it reports it for the working copy)."""
    assert loaded.case is not None
    d = loaded.case.decision
    refs = [loaded.base_dir(("decision", "signoffs", i)) / s.envelope
            for i, s in enumerate(d.signoffs) if s.envelope]
    refs += [loaded.base_dir(("decision", "waivers")) / w for w in d.waivers]
    refs += [loaded.base_dir(("decision", "objections", oid)) / o.envelope
             for oid, o in d.objections.items() if o.envelope]
    for folder in DISSENT_FOLDERS:
        f = loaded.main.abspath.parent / folder
        if f.is_dir():
            refs += sorted(f.glob("*.dsse.json"))
    out: list[Path] = []
    for r in refs:
        p = Path(os.path.normpath(r))
        if loaded.inside_root(p) and p.is_file() and p not in out:
            out.append(p)
    return out


def _builtin_bytes(ref: str) -> bytes:
    from importlib import resources

    name = ref.split(":", 1)[1]
    return (resources.files("casegate.load") / "builtin" / f"{name}.yaml").read_bytes()


def case_digest(main: str, files: Mapping[str, str]) -> str:
    """sha256 of the RFC 8785 JSON of {main, files: {path: sha256}}."""
    return hashlib.sha256(rfc8785.dumps({"main": main, "files": dict(files)})).hexdigest()


def evidence_meta(e: Any) -> dict[str, Any]:
    """The evidence item's stored fields besides its artifact digest, as logged with the version."""
    return {"kind": e.kind, "producer": e.producer, "date": e.date, "expires": e.expires,
            "confidentiality": e.confidentiality, "declared_sha256": e.declared_sha256}
