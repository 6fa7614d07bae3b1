"""The model being deployed, held to the approved one file by file, names included.

model-signing's root digest (the model digest a decision is bound to) hashes the files' digests
in path order but not their names: a folder whose safety configuration was moved out of the
loader's way (`safety_filter.yaml` to `unused/safety_filter.yaml.off`) can keep the approved
digest. `registry submit --model` logs every file of the model (path and sha256) beside the
version (a `model-files` entry of the case, carried by its state proof); `verify --model` requires
the deployed files to be those, path for path, and refuses when the log holds none for the
decided version and model (the digest alone does not show which file is which)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Protocol

from ..store import MODEL_FILES_EVENT, LogEntry

Files = tuple[tuple[str, str], ...]
"""A model manifest's files: (relative POSIX path, sha256 hex), as `ModelDigest.resources`."""
APPROVED = ("approved", "approved-with-conditions")
SHOWN = 5
"""Differing paths named in a reason; the rest are counted."""


class EntryView(Protocol):
    def events(self, case_id: str | None = None, kind: str | None = None) -> list[LogEntry]: ...


def _approval_of(view: EntryView, case_id: str, record: Any) -> LogEntry | None:
    """The log's newest approval of `case_id` on the decision whose signed record is `record` (the
    registry logs the record's digest with it), None when there is none."""
    from ..store import json_sha256

    if not isinstance(record, dict):
        return None
    sha = json_sha256(record)
    found = None
    for e in view.events(case_id, "state-change"):
        cause = e.payload.get("cause")
        if not isinstance(cause, dict) or cause.get("type") != "decision":
            continue
        if e.payload.get("to") in APPROVED and cause.get("record_sha256") == sha and isinstance(cause.get("version"), int):
            found = e
    return found


def _version_of(view: EntryView, case_id: str, record: Any) -> int | None:
    """The number of the version of `case_id` the log approved on the decision whose signed record
    is `record` (the newest such approval)."""
    e = _approval_of(view, case_id, record)
    return e.payload["cause"]["version"] if e is not None else None


def never_hashed(case_id: str, number: int, model_digest: str) -> str:
    """The reason given when the log holds no file list of `model_digest` for version `number`."""
    return (f"the registry never logged the files of model {model_digest} for version {number} of {case_id}: "
            "it did not hash the weights itself, so neither which other cases are about the same weights nor "
            "which file is which can be established (submit the version with `casegate registry submit CASE "
            "--model PATH` before it is approved: a version approved without them is replaced by a new version, "
            "submitted so, decided against the registry and approved; then sign a checkpoint and take a fresh "
            "state proof)")


def weights_anchor_problems(view: EntryView, case_id: str, record: Any, model_digest: str) -> list[str]:
    """Why the decision on `case_id` whose signed record is `record` does not deploy `model_digest`
    past internal use, judged by the log `view`: the registry must have hashed that model's files
    itself (a `model-files` entry listing every file, `registry submit --model`) for the approved
    version, before it approved it. The weights it hashed are what ties a case to every other case
    about the same weights (`casegate.monitor.cases_of_model`), whatever its id, name, version or
    declared digests; an approval judged before they were logged was compared without that tie."""
    approval = _approval_of(view, case_id, record)
    if approval is None:
        return [f"the log holds no approval of case {case_id} on this decision, so whether the registry hashed "
                "the approved version's weights before approving it cannot be established"]
    number = approval.payload["cause"]["version"]
    listed = [e for e in sorted(view.events(case_id, MODEL_FILES_EVENT), key=lambda x: x.index)
              if e.payload.get("version") == number and e.payload.get("digest") == model_digest
              and _files_of(e) is not None]
    if not listed:
        return [never_hashed(case_id, number, model_digest)]
    if all(e.index > approval.index for e in listed):
        return [f"the registry logged the files of model {model_digest} for version {number} of {case_id} at log "
                f"entry {listed[0].index}, after it approved the decision (log entry {approval.index}): the approval "
                "was judged without knowing which other cases are about the same weights (submit a new version with "
                "`casegate registry submit CASE --model PATH`, decide on it against the registry and apply that "
                "decision)"]
    return []


def _files_of(e: LogEntry) -> dict[str, str] | None:
    """The files a `model-files` entry lists, path -> sha256 (None: it lists none, or not readably,
    or no weights file among them: `casegate.store.model_files_listed`)."""
    from ..store import model_files_listed

    return model_files_listed(e.payload)


def logged_model_files(view: EntryView, case_id: str, number: int, model_digest: str) -> tuple[LogEntry, dict[str, str]] | None:
    """The first `model-files` entry of version `number` of `case_id` for `model_digest` that lists
    every file (entries logged before the registry logged every file list only the weights), with
    its files."""
    for e in sorted(view.events(case_id, MODEL_FILES_EVENT), key=lambda x: x.index):
        if e.payload.get("version") != number or e.payload.get("digest") != model_digest:
            continue
        files = _files_of(e)
        if files is not None:
            return e, files
    return None


def _differences(want: dict[str, str], have: dict[str, str]) -> list[str]:
    """Each path whose file differs, as `path (deployed sha, logged sha)`; a file the log has at
    one path and the folder at another is named as moved."""
    added = {h: p for p, h in have.items() if p not in want}
    moved = {p: added[h] for p, h in want.items() if p not in have and h in added}
    out: list[str] = []
    for p in sorted(set(want) | set(have)):
        if want.get(p) == have.get(p) or p in moved.values():
            continue
        if p in moved:
            out.append(f"{p} moved to {moved[p]}")
        else:
            out.append(f"{p} ({(have.get(p) or 'absent')[:12]}, logged {(want.get(p) or 'absent')[:12]})")
    return out


def model_files_problems(view: EntryView, case_id: str, record: Any, model_digest: str,
                         files: Files) -> tuple[list[str], list[str]]:
    """(reasons, notes) about the model files deployed (`files`, hashed from the folder whose root
    digest is `model_digest`) under the decision on `case_id` whose signed record is `record`,
    judged by the proven log `view`. A reason: the log holds no approval on that decision, no file list of that model for it, a file list that does not hash to the model's
    digest, or files other than the deployed ones (a path added, missing, moved or changed)."""
    number = _version_of(view, case_id, record)
    if number is None:
        return [f"the log proves no approval of case {case_id} on this decision, so the deployed model's files "
                "cannot be compared with those of the approved version"], []
    found = logged_model_files(view, case_id, number, model_digest)
    if found is None:
        return [never_hashed(case_id, number, model_digest)], []
    entry, want = found
    from ..evidence import manifest_root

    if manifest_root(tuple(want.items())) != model_digest:
        return [f"the files logged at entry {entry.index} for version {number} of {case_id} do not hash to the model "
                f"digest {model_digest} they are logged for"], []
    have = dict(files)
    diff = _differences(want, have)
    if diff:
        return [f"the model files deployed are not those the registry logged for version {number} of {case_id} "
                f"(log entry {entry.index}), though the digest is the same (it does not cover file names): "
                + ", ".join(diff[:SHOWN]) + ("" if len(diff) <= SHOWN else f" and {len(diff) - SHOWN} more")], []
    return [], [f"the model's {len(have)} files are those the registry logged for version {number} of {case_id} "
                f"(log entry {entry.index}), path for path"]


def left_out_problems(root: Path) -> list[str]:
    """Why a model folder cannot be held to its digest: it holds weights where the digest does not
    look. model-signing leaves `.git`, `.gitattributes`, `.github` and `.gitignore` at the top of
    the folder out of the manifest, so weights placed there (a Hugging Face clone keeps its LFS
    weights in `.git/lfs/objects`) are compared with nothing and would deploy beside the approved
    ones. Every file under `.git/lfs` counts, and every other left-out file that holds weights by
    name or content; git's own metadata does not. Empty: nothing there could be weights."""
    from ..evidence import holds_weights
    from ..evidence._modeldigest import MODEL_SIGNING_IGNORED

    if not root.is_dir():
        return []
    found: list[str] = []
    for name in MODEL_SIGNING_IGNORED:
        top = root / name
        if top.is_symlink() or not top.exists():
            if top.is_symlink():
                found.append(name)
            continue
        for p in [top, *sorted(top.glob("**/*"))] if top.is_dir() else [top]:
            if p.is_dir() and not p.is_symlink():
                continue
            rel = p.relative_to(root).as_posix()
            try:
                lfs = p.relative_to(root / ".git").parts[:1] == ("lfs",)
            except ValueError:
                lfs = False
            try:
                if p.is_symlink() or lfs or holds_weights(p):
                    found.append(rel)
            except OSError:
                found.append(rel)  # unreadable: it cannot be shown not to be weights
    if not found:
        return []
    named = ", ".join(found[:SHOWN]) + (f" and {len(found) - SHOWN} more" if len(found) > SHOWN else "")
    return [f"the model folder holds {named}, which the model digest leaves out (model-signing skips "
            f"{', '.join(MODEL_SIGNING_IGNORED)} at the top of the folder): weights there are compared with nothing "
            "and would deploy beside the approved ones; deploy the model's files without them (a copy of the "
            "working tree without .git, after `git lfs checkout`)"]


def hard_link_notes(root: Path, files: Files) -> list[str]:
    """Notes naming the files of the model at `root` (`files`, its manifest: a folder's files, or
    `.` for a single file given directly) that have other names, hard links that may lie outside
    the folder: the bytes hashed are those they held when `verify` read them, and a write through
    another name changes what deploys after the check. Empty when every file has one name."""
    linked: list[str] = []
    for rel, _ in files:
        try:
            if (root if rel == "." else root / rel).stat(follow_symlinks=False).st_nlink > 1:
                linked.append(root.name if rel == "." else rel)
        except OSError:
            linked.append(root.name if rel == "." else rel)  # gone or unreadable since it was hashed: it cannot be shown to be alone
    if not linked:
        return []
    named = ", ".join(linked[:SHOWN]) + (f" and {len(linked) - SHOWN} more" if len(linked) > SHOWN else "")
    return [f"{named} {'has' if len(linked) == 1 else 'have'} other names (hard links, perhaps outside the model "
            "folder): the digest is of the bytes as this check read them, and a write through another name changes "
            "what deploys after it; deploy a copy of the folder that nobody else can write"]


def git_notes(root: Path) -> list[str]:
    """A note when the model folder at `root` is a git repository (`.git` at its top, which the
    digest leaves out): `verify` checked the files of its work tree, while a deploy that pushes,
    clones or archives the repository carries its commits, which may hold other files (another
    commit's weights, or LFS pointers to weights on a server), and casegate does not read them."""
    if not root.is_dir() or not os.path.lexists(root / ".git"):
        return []
    return ["the model folder is a git repository (.git): the files checked are those of its work tree; a deploy "
            "that pushes, clones or archives the repository carries its commits instead, which casegate does not "
            "read; deploy the files checked (a copy without .git), not the repository"]
