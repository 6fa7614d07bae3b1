"""Load a case (and the files it includes) and its policy into typed models, with every problem
reported at once and located at file:line:col."""

from __future__ import annotations

import bisect
import itertools
import operator
import os
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from types import MemberDescriptorType
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from .._gc import gc_paused
from .._record import FrozenRecord, Record, replace
from ..errors import InputError
from ..limits import (
    LimitError,
    Limits,
    confine,
    current_limits,
    default_root,
    outside_root,
    read_regular_file,
    resolve_path,
)
from ..model import (
    FORMAT_VERSION,
    Case,
    Finding,
    Location,
    Policy,
    Regime,
    RuleSeverity,
    build_case_validator,
    share_field_sets,
)
from ..model._base import DIGEST_PATTERNS, digest_problem
from ._yaml import YamlDoc, node_counts, parse_yaml, yaml_node_bound
from .template_marker import PLACEHOLDER

if TYPE_CHECKING:
    from ..model import AttestationSet, AuthorityCheck, EvaluationProtocol

# Sections whose values are mappings of id -> item; included files add ids to them.
_ID_SECTIONS = {"threat_model", "evidence", "safeguards", "residual_risk"}
_NESTED_ID_SECTIONS = {
    "argument": {"elements"},
    "post_deployment": {"monitors", "triggers"},
    "decision": {"objections"},
}
_LIST_SECTIONS = {"decision": {"signoffs", "authors", "waivers"}, "post_deployment": {"withdrawal"}}


class SourceFile(FrozenRecord):
    """One file read for a case or policy: where it is, its bytes, its parse."""

    _fields = ("path", "abspath", "doc")
    path: str
    """The path as shown to the user (relative to the working directory when possible)."""
    abspath: Path
    doc: YamlDoc
    """Its parse; `doc.raw` its bytes (without a byte order mark)."""

    def __init__(self, path: str, abspath: Path, doc: YamlDoc) -> None:
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "abspath", abspath)
        object.__setattr__(self, "doc", doc)

    @property
    def sha256(self) -> str:
        """sha256 of the file's bytes as read."""
        return self.doc.sha256


class Origins:
    """Which file declared each part of a merged case: a map from a path (a tuple of keys) to the
    file, as a dict keyed by paths would be, held as {path without its last key: {last key:
    file}} so that the ids of a section of thousands of items share one prefix instead of a tuple
    each (15 MiB at 230,000 elements)."""

    __slots__ = ("_by_prefix",)

    def __init__(self) -> None:
        self._by_prefix: dict[tuple[str | int, ...], dict[str | int, SourceFile]] = {}

    def add(self, prefix: tuple[str | int, ...], keys: Iterable[str | int], src: SourceFile) -> None:
        """Set `prefix + (k,)` to `src` for every k of `keys`, in one step."""
        got = self._by_prefix.get(prefix)
        if got is None:
            got = self._by_prefix[prefix] = {}
        got.update(dict.fromkeys(keys, src))

    def under(self, prefix: tuple[str | int, ...]) -> dict[str | int, SourceFile]:
        """{last key: file} for the paths `prefix + (k,)` (the ids of a section): read it, never
        change it."""
        return self._by_prefix.get(prefix) or {}

    def get(self, path: tuple[str | int, ...]) -> SourceFile | None:
        if not path:
            return None
        got = self._by_prefix.get(path[:-1])
        return got.get(path[-1]) if got is not None else None

    def __contains__(self, path: object) -> bool:
        return isinstance(path, tuple) and self.get(path) is not None

    def __getitem__(self, path: tuple[str | int, ...]) -> SourceFile:
        got = self.get(path)
        if got is None:
            raise KeyError(path)
        return got

    def __setitem__(self, path: tuple[str | int, ...], src: SourceFile) -> None:
        self.add(path[:-1], (path[-1],), src)

    def setdefault(self, path: tuple[str | int, ...], src: SourceFile) -> SourceFile:
        got = self.get(path)
        if got is None:
            self[path] = got = src
        return got

    def items(self) -> Iterator[tuple[tuple[str | int, ...], SourceFile]]:
        for prefix, got in self._by_prefix.items():
            for k, src in got.items():
                yield (*prefix, k), src


class Loaded(Record):
    """A loaded case with its policy, the files they came from, and load-time findings."""

    _fields = ("case_path", "case", "policy", "files", "policy_file", "diagnostics", "origins", "_data", "regimes",
               "regime_files", "root", "attestations", "authority", "_resolved", "_artifact_of", "_by_path",
               "_facts_memo")
    _shown = ("case_path", "case", "policy", "files", "policy_file", "diagnostics", "origins", "regimes",
              "regime_files", "root", "attestations", "authority")
    _compared = ("case_path", "case", "policy", "files", "policy_file", "diagnostics", "origins", "_data", "regimes",
                 "regime_files", "root", "attestations", "authority", "_resolved", "_by_path")
    case_path: str
    case: Case | None
    policy: Policy | None
    files: list[SourceFile]
    policy_file: SourceFile | None
    diagnostics: list[Finding]
    origins: Origins
    _data: dict[str, Any] | None
    """The merged document (see `data`); None once let go (`keep_data=False`)."""
    regimes: list[Regime]
    """Regulatory regimes the case is under (its own and its policy's), each once."""
    regime_files: list[Path]
    """The regime files (not the built-in ones) the case and its policy name: inputs of the case,
    stored with each version like its policy."""
    root: Path | None
    """The folder every file read for the case must lie inside (resolved)."""
    attestations: AttestationSet | None
    """The evidence attestations found for the case, checked against a keyring
    (`casegate.sign.with_attestations`); None when none was checked, so no evidence is
    independent."""
    authority: AuthorityCheck | None
    """The case's sign-offs and the roles that hold authority, checked against a keyring
    (`casegate.verify.signed_signoffs`, `casegate.verify.with_authority`); None when nothing was
    checked (the rules that need it then say nothing: a preview, or a case built in memory)."""
    _resolved: dict[tuple[str, str], Path]
    _artifact_of: tuple[Case | None, dict[str, Path | None]] | None
    """`artifact_path` by evidence id, for the case it was found in (asked for every item, twice,
    when artifacts are hashed and read)."""
    _by_path: dict[str, SourceFile]
    _facts_memo: Any
    """The last evidence facts derived for this case (`casegate.evidence.facts_for`), with what
    they were derived from: publishing asks for them three times."""

    def __init__(self, case_path: str, case: Case | None, policy: Policy | None, files: list[SourceFile],
                 policy_file: SourceFile | None, diagnostics: list[Finding] | None = None,
                 origins: Origins | None = None, _data: dict[str, Any] | None = None,
                 regimes: list[Regime] | None = None, root: Path | None = None,
                 attestations: AttestationSet | None = None, authority: AuthorityCheck | None = None,
                 _resolved: dict[tuple[str, str], Path] | None = None,
                 _artifact_of: tuple[Case | None, dict[str, Path | None]] | None = None,
                 _by_path: dict[str, SourceFile] | None = None, _facts_memo: Any = None,
                 regime_files: list[Path] | None = None) -> None:
        self.case_path = case_path
        self.case = case
        self.policy = policy
        self.files = files
        self.policy_file = policy_file
        self.diagnostics = [] if diagnostics is None else diagnostics
        self.origins = Origins() if origins is None else origins
        self._data = _data
        self.regimes = [] if regimes is None else regimes
        self.regime_files = [] if regime_files is None else regime_files
        self.root = root
        self.attestations = attestations
        self.authority = authority
        self._resolved = {} if _resolved is None else _resolved
        self._artifact_of = _artifact_of
        self._by_path = {} if _by_path is None else _by_path
        self._facts_memo = _facts_memo

    @property
    def main(self) -> SourceFile:
        return self.files[0]

    def texts(self) -> SourceTexts:
        """The bytes of the files the case was read from (`SourceTexts`)."""
        return SourceTexts(f.doc for f in self.files)

    @property
    def data(self) -> dict[str, Any]:
        """The case document as its files hold it, the included files' sections merged in: what
        the models were built from, and what signatures over the case cover.

        A case loaded with `keep_data=False` lets this go once its models are built (a large
        case would otherwise hold its data and its models at once); it is read again from the
        files' bytes, as they were read, the first time it is asked for."""
        if self._data is None:
            self._data = _merged(self.files)
        return self._data

    def release_data(self) -> None:
        """Let the merged document and each case file's parsed data go (they come back, read
        again from the same bytes, on first use of `data`); the case's models keep what they need.
        Kept while the case could not be built: the reasons read it."""
        if self.case is None:
            return
        self._data = None
        for f in self.files:
            f.doc.data = None

    def origin(self, path: tuple[str | int, ...]) -> SourceFile:
        """The file that declared the element at `path` (for includes)."""
        if path and path[0] == "@policy" and self.policy_file is not None:
            return self.policy_file
        origins = self.origins
        if len(path) <= 3:  # the path itself is the longest prefix there is: one lookup
            got = origins.get(path)
            if got is not None:
                return got
        for n in (3, 2, 1):
            if len(path) >= n:
                got = origins.get(path[:n])
                if got is not None:
                    return got
        return self.main

    def evidence_file(self, evidence_id: str) -> SourceFile:
        """The file that declared an evidence item: `origin(("evidence", evidence_id))`, looked up
        in the section's own map (asked for every item, twice, when artifacts are read)."""
        return self.origins.under(("evidence",)).get(evidence_id) or self.origin(("evidence", evidence_id))

    def locate(self, path: tuple[str | int, ...]) -> Location:
        """file:line:col of the element at `path` (policy paths start with '@policy')."""
        src = self.origin(path)
        p = path[1:] if path and path[0] == "@policy" else path
        line, col = src.doc.locate(p)
        return Location.model_construct(file=src.path, line=line, column=col)  # of their types: not validated again

    def base_dir(self, path: tuple[str | int, ...]) -> Path:
        """Directory relative to which paths in the element at `path` are resolved."""
        return self.origin(path).abspath.parent

    def artifact_path(self, evidence_id: str) -> Path | None:
        """Absolute path of an evidence item's artifact, or None when it names none."""
        memo = self._artifact_of
        if memo is None or memo[0] is not self.case:
            memo = self._artifact_of = (self.case, {})
        found = memo[1]
        if evidence_id in found:
            return found[evidence_id]
        got = found[evidence_id] = self._artifact_path(evidence_id)
        return got

    def artifact_paths(self) -> dict[str, Path | None]:
        """`artifact_path` of every evidence item of the case (read it, never change it), found in
        one pass: hashing and reading the artifacts ask for every item's, and three calls an item
        were a third of hashing a large case's."""
        if self.case is None:
            return {}
        memo = self._artifact_of
        if memo is None or memo[0] is not self.case:
            memo = self._artifact_of = (self.case, {})
        found = memo[1]
        evidence = self.case.evidence
        if found.keys() >= evidence.keys():
            return found
        declared, resolved = self.origins.under(("evidence",)), self._resolved
        for eid, ev in evidence.items():
            if eid in found:
                continue
            art = ev.artifact
            src = declared.get(eid) if art else None
            # (the load resolved and confined the paths its files name: `_confine_artifacts`)
            got = resolved.get((src.path, art)) if src is not None and art else None
            found[eid] = got if got is not None else self._artifact_path(eid)
        return found

    def _artifact_path(self, evidence_id: str) -> Path | None:
        if self.case is None or evidence_id not in self.case.evidence:
            return None
        art = self.case.evidence[evidence_id].artifact
        if not art:
            return None
        src = self.evidence_file(evidence_id)
        key = (src.path, art)
        got = self._resolved.get(key)
        if got is None:
            got = Path(os.path.normpath(os.path.join(src.abspath.parent, art)))
            if self.root is not None:
                confine(got, self.root, art, f"evidence {evidence_id!r}: artifact")
            self._resolved[key] = got
        return got

    def with_artifacts(self, case: Case, policy: Policy | None, replaced: dict[str, Path]) -> Loaded:
        """A copy holding `case` and `policy`, in which the artifacts of the evidence items in
        `replaced` are read from the given files instead (a rewritten copy in a workspace; the
        redteam's artifact mutations). Other paths resolve as before."""
        import copy

        out = copy.copy(self)
        out.case, out.policy = case, policy
        out._resolved = dict(self._resolved)
        out._artifact_of = None
        for eid, path in replaced.items():
            art = case.evidence[eid].artifact
            if art:
                out._resolved[(self.origin(("evidence", eid)).path, art)] = path
        return out

    def inside_root(self, path: Path) -> bool:
        """Whether a further file (e.g. an evidence item's pinned companion) may be read."""
        return self.root is None or not outside_root(path, self.root)

    def source_line(self, loc: Location) -> str:
        """The text of the source line a location points at."""
        by_path = self._by_path
        if not by_path:
            for f in self.files + ([self.policy_file] if self.policy_file else []):
                by_path[f.path] = f
        found = by_path.get(loc.file)
        return found.doc.source_line(loc.line) if found is not None else ""


class SourceTexts:
    """The bytes of the files a case was read from, in their order. Where a lean load let them go,
    each is read again when it is reached (`YamlDoc.raw_once`), one file's at a time, and whether
    they hold the template marker is known without reading them (`holds`)."""

    __slots__ = ("_docs",)

    def __init__(self, docs: Iterable[YamlDoc]) -> None:
        self._docs = tuple(docs)

    def __iter__(self) -> Iterator[bytes]:
        return map(YamlDoc.raw_once, self._docs)

    def holds(self, marker: bytes) -> bool:
        """Whether a file's bytes hold `marker` (`YamlDoc.holds`)."""
        return any(doc.holds(marker) for doc in self._docs)


_NOTED = (PLACEHOLDER.encode(),)
"""The markers a lean load notes in each file's bytes before it lets them go: the template's,
which CG909 looks for in every case it checks."""


def display_path(p: Path) -> str:
    try:
        return os.path.relpath(p)
    except ValueError:
        return str(p)


class _CaseBudget:
    """What a case's files together may hold, charged as each file is read and before it is
    parsed: its bytes against `case-bytes`, its node bound against `yaml-nodes` (a case split
    over many includes gets no more nodes than one file).

    The files' quick node bounds (`quick_node_bound`, one pass over each) are added up first;
    only when they go over the limit are the exact bounds counted, so the limit, and the count
    a message gives, are those of `yaml_node_bound`."""

    __slots__ = ("limits", "size", "quick", "raws", "exact")

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.size = 0
        self.quick = 0
        self.raws: list[bytes | YamlDoc] = []
        """The texts charged, each as its bytes or, once they were let go, the parse holding them."""
        self.exact: list[int] = []

    def charge(self, raw: bytes, shown: str, *, held: bool = True) -> int:
        """Charge one file's text; returns its `node_estimate` (counted in the same pass).
        `held`: False when the text is let go as it is parsed: the budget keeps no reference to it,
        and is handed the parse holding it (`let_go`) before the next file is charged."""
        self.size += len(raw)
        if self.size > self.limits.case_bytes:
            raise LimitError("case_bytes", f"the case's files hold {self.size:,} bytes", location=shown)
        quick, estimate = node_counts(raw)
        self.quick += quick
        if self.quick > self.limits.yaml_nodes:
            self.exact.extend(yaml_node_bound(r if isinstance(r, bytes) else r.raw_once())
                              for r in self.raws[len(self.exact):])
            self.exact.append(yaml_node_bound(raw))
        self.raws.append(raw if held else b"")
        if self.quick <= self.limits.yaml_nodes:
            return estimate
        nodes = sum(self.exact)
        if nodes > self.limits.yaml_nodes:
            raise LimitError("yaml_nodes", f"the case's files may hold up to {nodes:,} YAML nodes "
                             "(counted before they are parsed)", location=shown)
        return estimate

    def let_go(self, doc: YamlDoc) -> None:
        """The text charged last is held by `doc` from now on, which may let it go."""
        self.raws[-1] = doc


CaseBudget = _CaseBudget
"""What the files read together as one document set may hold (a case's includes; a gsn2x file's
modules), charged as each is read."""


LET_GO_FROM = 1 << 16
"""A lean load lets go the bytes of files of this many bytes or more. A smaller file's bytes are
kept: they weigh less than the parse that holds them, and letting them go would cost hashing
them now and reading and hashing them again to locate a finding in them."""


def _read(path: Path, shown: str, budget: _CaseBudget | None = None, *, lean: bool = False) -> SourceFile:
    """One file read and parsed (charged to `budget`). `lean`: the bytes of a file of `LET_GO_FROM`
    bytes or more are let go once parsed, read again from the file if a location in it is asked
    for (`YamlDoc.release_raw`)."""
    raw = read_regular_file(path, shown)
    lean = lean and len(raw) >= LET_GO_FROM
    estimate = budget.charge(raw, shown, held=not lean) if budget is not None else None
    # (handed over in a list the parse empties: nothing here holds the bytes it lets go)
    held = [raw]
    del raw
    doc = parse_yaml(shown, held, nodes_charged=budget is not None, node_estimate=estimate,
                     let_go=path if lean else None, noted=_NOTED)
    if lean and budget is not None:
        budget.let_go(doc)
    return SourceFile(path=shown, abspath=path.resolve(), doc=doc)


def _check_version(src: SourceFile, kind: str) -> dict[str, Any]:
    data = src.doc.data
    if not isinstance(data, dict):
        raise InputError(
            f"expected a mapping at the top of a {kind} file, found {type(data).__name__ if data is not None else 'nothing'}",
            location=f"{src.path}:1:1",
            help=f"start the file with `casegate: {FORMAT_VERSION}` and the {kind}'s sections",
        )
    if "casegate" not in data:
        raise InputError(
            "the file does not say which casegate format it uses",
            location=f"{src.path}:1:1",
            help=f"add `casegate: {FORMAT_VERSION}` as the first line",
        )
    v = data["casegate"]
    if v != FORMAT_VERSION:
        line, col = src.doc.locate(("casegate",))
        raise InputError(
            f"unknown casegate format version {v!r}; this casegate reads version {FORMAT_VERSION}",
            location=f"{src.path}:{line}:{col}",
            help=f"write `casegate: {FORMAT_VERSION}`, or use the casegate release that wrote this file",
        )
    return data


def _finding(code: str, name: str, message: str, loc: Location, help: str | None,
             path: tuple[str | int, ...] = ()) -> Finding:
    return Finding(code=code, name=name, severity=RuleSeverity.blocking, message=message,
                   path=path, location=loc, help=help)


_FIELD_NAMES: list[str] | None = None


def _all_field_names() -> list[str]:
    global _FIELD_NAMES
    if _FIELD_NAMES is None:
        import casegate.model as m

        names: set[str] = set()
        for obj in vars(m).values():
            if isinstance(obj, type) and issubclass(obj, BaseModel):
                names.update(obj.model_fields)
        _FIELD_NAMES = sorted(names)
    return _FIELD_NAMES


FORMAT_PROBLEMS_LISTED = 100
"""Format problems listed for one document; past them, one finding says how many more there are
(a file of thousands of malformed items gets a readable report, in time linear in its size)."""


def validation_findings(
    err: ValidationError, locate: Any, prefix: tuple[str | int, ...] = ()
) -> list[Finding]:
    """Translate pydantic errors into CG900 findings located through `locate(path)`: the first
    `FORMAT_PROBLEMS_LISTED`, then one saying how many more were not reported."""
    out: list[Finding] = []
    errors = err.errors(include_url=False)
    for e in errors[:FORMAT_PROBLEMS_LISTED]:
        loc = tuple(p for p in e["loc"] if isinstance(p, (str, int)))
        # pydantic adds union/tag names to loc; keep the part that exists in the document
        path = prefix + loc
        typ = e["type"]
        msg = e["msg"]
        help: str | None = None
        shown = ".".join(str(p) for p in loc) or "(document)"
        if typ == "missing":
            msg = f"`{shown}` is required"
            help = f"add `{loc[-1]}:` here (see `casegate schema` for what it holds)"
            path = path[:-1]
        elif typ == "extra_forbidden":
            key = str(loc[-1])
            import difflib

            close = difflib.get_close_matches(key, _all_field_names(), n=1)
            msg = f"unknown field `{key}`"
            help = f"did you mean `{close[0]}`?" if close else "remove it, or check the spelling against `casegate schema`"
        elif typ in ("literal_error", "enum"):
            msg = f"`{shown}`: {msg}"
            help = "use one of the values listed"
        elif typ == "value_error":
            msg = f"`{shown}`: {msg.removeprefix('Value error, ')}"
        elif typ == "string_pattern_mismatch" and (e.get("ctx") or {}).get("pattern") in DIGEST_PATTERNS:
            prefixed = (e.get("ctx") or {}).get("pattern") == DIGEST_PATTERNS[1]
            msg = f"`{shown}`: {digest_problem(e.get('input'), prefixed)}"
            help = ("write it `sha256:` and the 64 hex digits as `sha256sum` prints them (0-9 and a-f only)" if prefixed
                    else "write it as `sha256sum` prints it: 64 hex digits, 0-9 and a-f only, with no prefix")
        else:
            msg = f"`{shown}`: {msg}"
            help = "see `casegate schema` for the expected type"
        out.append(_finding("CG900", "invalid-format", msg, locate(path), help, path))
    more = len(errors) - FORMAT_PROBLEMS_LISTED
    if more > 0:
        path = prefix + tuple(p for p in errors[FORMAT_PROBLEMS_LISTED]["loc"] if isinstance(p, (str, int)))
        out.append(_finding("CG900", "invalid-format",
                            f"{more:,} more format problem{'s' if more != 1 else ''} in this document, from "
                            f"here on (only the first {FORMAT_PROBLEMS_LISTED} are listed)", locate(path),
                            "fix the problems reported, then check again to see the rest", path))
    return out


def _merge_include(
    merged: dict[str, Any], inc: SourceFile, origins: Origins,
    diags: list[Finding],
) -> None:
    data = inc.doc.data
    for key, val in data.items():
        if key in ("casegate", "kind", "include"):
            continue
        if key in _ID_SECTIONS or key in _NESTED_ID_SECTIONS or key in _LIST_SECTIONS:
            if not isinstance(val, dict):
                merged.setdefault(key, val)
                continue
            target = merged.setdefault(key, {})
            if not isinstance(target, dict):
                continue
            nested = _NESTED_ID_SECTIONS.get(key, set())
            lists = _LIST_SECTIONS.get(key, set())
            if key in _ID_SECTIONS and target.keys().isdisjoint(val):
                _add_ids(target, val, (key,), inc, origins)  # no id taken: all at once
                continue
            for k2, v2 in val.items():
                if key in _ID_SECTIONS:
                    _add_id(target, k2, v2, (key, k2), inc, origins, diags)
                elif k2 in nested and isinstance(v2, dict):
                    sub = target.setdefault(k2, {})
                    if sub.keys().isdisjoint(v2):
                        _add_ids(sub, v2, (key, k2), inc, origins)
                        continue
                    for k3, v3 in v2.items():
                        _add_id(sub, k3, v3, (key, k2, k3), inc, origins, diags)
                elif k2 in lists and isinstance(v2, list):
                    target.setdefault(k2, []).extend(v2)
                elif k2 in target:
                    _dup_section(inc, (key, k2), diags)
                else:
                    target[k2] = v2
                    origins[(key, k2)] = inc
        elif key in merged:
            _dup_section(inc, (key,), diags)
        else:
            merged[key] = val
            origins[(key,)] = inc


def _add_main_origins(data: dict[str, Any], main: SourceFile, origins: Origins) -> None:
    """Record the main file as the origin of its sections, their keys and the ids of its nested
    id sections."""
    origins.add((), data, main)
    for k, v in data.items():
        if isinstance(v, dict):
            origins.add((k,), v, main)
            for k2 in _NESTED_ID_SECTIONS.get(k, ()):
                if isinstance(v.get(k2), dict):
                    origins.add((k, k2), v[k2], main)


def _add_ids(target: dict[str, Any], items: dict[str, Any], at: tuple[str, ...], inc: SourceFile,
             origins: Origins) -> None:
    """`_add_id` for every item of `items`, none of whose ids `target` holds: the items and
    their origins (`at` + id) are added in bulk, without a Python step per item."""
    target.update(items)
    origins.add(at, items, inc)


def _add_id(target: dict[str, Any], k: str, v: Any, path: tuple[str | int, ...], inc: SourceFile,
            origins: Origins, diags: list[Finding]) -> None:
    if k in target:
        first = origins.get(path)
        line, col = inc.doc.locate(path[:1] + path[1:])
        where = f" (first declared in {first.path})" if first else ""
        diags.append(_finding(
            "CG902", "duplicate-id", f"`{k}` is declared twice{where}",
            Location(file=inc.path, line=line, column=col),
            "give each element a unique id across all the case's files", path))
        return
    target[k] = v
    origins[path] = inc


def _dup_section(inc: SourceFile, path: tuple[str | int, ...], diags: list[Finding]) -> None:
    line, col = inc.doc.locate(path)
    diags.append(_finding(
        "CG902", "duplicate-id", f"section `{'.'.join(map(str, path))}` is already set by another file",
        Location(file=inc.path, line=line, column=col),
        "set each single-valued section in one file only", path))


DUPLICATE_KEYS_LISTED = 100
"""Duplicate keys listed one by one per file; past them, one finding counts the rest (a file of
millions of repeated keys would otherwise cost a finding, and a location search, each)."""


def _dup_key_findings(src: SourceFile, diags: list[Finding]) -> None:
    dups = src.doc.duplicates
    for d in dups[:DUPLICATE_KEYS_LISTED]:
        line, col = src.doc.locate_duplicate(d.path, d.key)
        diags.append(_finding(
            "CG901", "duplicate-key",
            f"key `{d.key}` appears twice in the same mapping; the first value is kept",
            Location(file=src.path, line=line, column=col),
            "remove or rename one of the two keys (YAML would otherwise silently keep one)",
            d.path + (d.key,)))
    if len(dups) > DUPLICATE_KEYS_LISTED:
        d = dups[DUPLICATE_KEYS_LISTED]
        line, col = src.doc.locate_duplicate(d.path, d.key)
        diags.append(_finding(
            "CG901", "duplicate-key",
            f"{len(dups) - DUPLICATE_KEYS_LISTED:,} more duplicate keys in this file, from key `{d.key}` "
            f"on (only the first {DUPLICATE_KEYS_LISTED} are listed); the first value of each is kept",
            Location(file=src.path, line=line, column=col),
            "remove or rename the repeated keys (YAML would otherwise silently keep one of each)",
            d.path + (d.key,)))


BUILTIN_PREFIX = "builtin:"
BUILTIN_DIR = Path(__file__).parent / "builtin"
"""The built-in policies (and regimes, in `regimes/`), shipped as files inside the package: their
paths are shown in messages and read like any other file (as `importlib.resources` would give them
for an installed package, without importing it and its archive support on every run)."""


def builtin_policies() -> list[str]:
    """Names of the built-in policy templates."""
    d = BUILTIN_DIR
    return sorted(p.name[:-5] for p in d.iterdir() if p.name.endswith(".yaml"))


def _policy_path(ref: str, base: Path) -> tuple[Path, str]:
    if ref.startswith(BUILTIN_PREFIX):
        name = ref[len(BUILTIN_PREFIX):]
        p = BUILTIN_DIR / f"{name}.yaml"
        if not p.exists():
            raise InputError(
                f"no built-in policy named {name!r}",
                help="use one of: " + ", ".join(BUILTIN_PREFIX + n for n in builtin_policies()),
            )
        return p, ref
    p = (base / ref)
    return p, display_path(p)


def load_policy(path: str | Path, shown: str | None = None) -> tuple[Policy | None, SourceFile, list[Finding]]:
    """Load a policy file. Returns the policy (None when invalid), its source and findings."""
    p = Path(path)
    src = _read(p, shown or str(path))
    data = _check_version(src, "policy")
    diags: list[Finding] = []
    _dup_key_findings(src, diags)
    try:
        pol = Policy.model_validate(data)
    except ValidationError as e:
        def loc(path: tuple[str | int, ...]) -> Location:
            line, col = src.doc.locate(path)
            return Location(file=src.path, line=line, column=col)
        diags.extend(validation_findings(e, loc))
        pol = None
    return pol, src, diags


def load_protocol(path: str | Path) -> tuple[EvaluationProtocol, SourceFile]:
    """Load an evaluation protocol file; raises InputError (naming file, line and what to fix)
    when it is not one."""
    p = Path(path)
    src = _read(p, str(path))
    data = _check_version(src, "protocol")
    diags: list[Finding] = []
    _dup_key_findings(src, diags)
    try:
        from ..model import EvaluationProtocol

        proto = EvaluationProtocol.model_validate(data)
    except ValidationError as e:
        def loc(path: tuple[str | int, ...]) -> Location:
            line, col = src.doc.locate(path)
            return Location(file=src.path, line=line, column=col)
        diags.extend(validation_findings(e, loc))
        proto = None
    if diags or proto is None:
        first = diags[0]
        where = f"{first.location.file}:{first.location.line}:{first.location.column}" if first.location else str(path)
        raise InputError(f"{path} is not a valid protocol: {first.message}", location=where,
                         help=first.help or "fix the protocol file (fields: id, policy, threshold, metric, "
                                             "reduction, tasks, elicitation, model, samples)")
    return proto, src


def load_case(path: str | Path, *, policy: str | Path | None = None,
              root: str | Path | None = None, keep_data: bool = True) -> Loaded:
    """Load a case file, its includes and its policy.

    Every file the case names (includes, its policy, evidence artifacts) must lie inside `root`
    (symlinks followed): by default `CASEGATE_ROOT` when set, else the top of the work tree
    holding the case (the nearest folder with `.git`), else the case's folder. A policy given as
    `policy=` is the caller's choice and is not confined.

    Raises InputError when a file cannot be read as a casegate document at all, or leaves the
    root, or is over a limit (`casegate.limits`); every other problem (duplicate keys, invalid
    fields, ...) is returned as a finding in `diagnostics`.

    `keep_data=False`: once the case's models are built, the parsed data they were built from is
    let go (`Loaded.release_data`) instead of being held beside them for the rest of the run; a
    caller that reads `Loaded.data` later (signing, publishing) pays for parsing the files again.
    """
    # loading allocates hundreds of thousands of acyclic objects (parsed data, then models): with
    # the cyclic collector running, loading would grow faster than the case
    with gc_paused():
        loaded = _load_case(path, policy=policy, root=root, lean=not keep_data)
        if not keep_data:
            loaded.release_data()
        return loaded


def case_root(path: str | Path, root: str | Path | None = None) -> Path:
    """The folder a case's files must stay inside (see `load_case`)."""
    chosen = root if root is not None else os.environ.get("CASEGATE_ROOT") or None
    if chosen is not None:
        r = resolve_path(Path(chosen), "the root folder")
        if not r.is_dir():
            raise InputError(f"the root folder {str(chosen)!r} is not a folder",
                             help="name an existing folder with --root (or CASEGATE_ROOT)")
        return r
    return default_root(Path(path))


def _load_case(path: str | Path, *, policy: str | Path | None, root: str | Path | None,
               lean: bool = False) -> Loaded:
    p = Path(path)
    top = case_root(p, root)
    confine(p, top, str(path), "the case file")
    limits = current_limits()
    budget = _CaseBudget(limits)
    main = _read(p, str(path), budget, lean=lean)
    data = dict(_check_version(main, "case"))
    # a lean load builds each file's large sections as it reads the file (`_build_sections`);
    # built: some were; failed: an item was invalid (the whole case is validated again at the end)
    built = failed = False
    shared: _Shared = {}  # (a lean load's: the ids and values its built sections share, see `_share_values`)
    if lean:
        build_case_validator()  # before any section: the nested models' schemas are then shared
        built, failed = _built(main.doc.data, shared)
    files = [main]
    diags: list[Finding] = []
    origins = Origins()
    _dup_key_findings(main, diags)
    _add_main_origins(data, main, origins)
    # includes, depth-first, each file once
    includes = data.get("include") or []
    if not isinstance(includes, list):
        includes = []
    seen = {main.abspath}
    depth_of = {main.abspath: 0}
    queue: list[tuple[SourceFile, int, Any]] = [(main, i, inc) for i, inc in enumerate(includes)]
    while queue:
        parent, idx, inc = queue.pop(0)
        if not isinstance(inc, str):
            continue
        ip = parent.abspath.parent / inc
        try:
            if confine(ip, top, inc, "the included file") in seen:
                continue
            if len(files) > limits.includes:
                raise LimitError("includes", "the case includes too many files")
            depth = depth_of[parent.abspath] + 1
            if depth > limits.include_depth:
                raise LimitError("include_depth", "includes nest too deep")
            src = _read(ip, display_path(ip), budget, lean=lean)
        except InputError as e:
            # (located only now: a lean load let the parent's bytes and tree go)
            line, col = parent.doc.locate(("include", idx))
            e.location = f"{parent.path}:{line}:{col}"
            if not e.message.startswith("the included file"):
                e.message = f"included file {inc!r}: {e.message}"
            raise
        depth_of[src.abspath] = depth
        seen.add(src.abspath)
        files.append(src)
        # (no name here holds the file's parsed data: a lean load builds its large sections)
        its_includes = _check_version(src, "case").get("include") or []
        if lean and not failed:
            more, failed = _built(src.doc.data, shared)
            built = built or more
        _dup_key_findings(src, diags)
        _merge_include(data, src, origins, diags)
        for j, sub in enumerate(its_includes):
            queue.append((src, j, sub))
    data.pop("include", None)
    data["include"] = [f.path for f in files[1:]]

    def loc(path: tuple[str | int, ...]) -> Location:
        for n in (3, 2, 1):
            got = origins.get(path[:n]) if len(path) >= n else None
            if got is not None:
                src = got
                break
        else:
            src = main
        line, col = src.doc.locate(path)
        return Location(file=src.path, line=line, column=col)

    case: Case | None = None
    build_case_validator()  # (built already by a lean load: then nothing to do)
    if failed:
        # a section held an invalid item: the whole document, read again as it was read, gives
        # the findings an ordinary load gives
        built = False
        data = _reparsed(files)
    try:
        case = Case.model_validate(data)
    except ValidationError as e:
        if not built:
            diags.extend(validation_findings(e, loc))
    if case is None and built:
        # the case around its built sections is invalid: as above, from the files' bytes
        built = False
        data = _reparsed(files)
        try:
            case = Case.model_validate(data)
        except ValidationError as e:
            diags.extend(validation_findings(e, loc))
    if case is not None and not built:
        # evidence items name a dozen fields each (sets of 700 bytes); a lean load's large
        # sections shared theirs as they were built
        share_field_sets(case.evidence.values())

    pol: Policy | None = None
    pol_src: SourceFile | None = None
    ref = str(policy) if policy is not None else data.get("policy")
    if isinstance(ref, str):
        if policy is not None:
            pp, shown = Path(policy), str(policy)
        else:
            pp, shown = _policy_path(ref, main.abspath.parent)
        try:
            if policy is None and not ref.startswith(BUILTIN_PREFIX):
                confine(pp, top, ref, "the policy")
            pol, pol_src, pdiags = load_policy(pp, shown)
        except InputError as e:
            if policy is None and e.message.startswith("the policy"):
                line, col = main.doc.locate(("policy",))
                e.location = f"{main.path}:{line}:{col}"
                raise
            if e.location is None or e.location.startswith(str(pp)):
                line, col = main.doc.locate(("policy",))
                e.message = f"policy {shown}: {e.message}"
                e.location = e.location or f"{main.path}:{line}:{col}"
            raise
        if ref.startswith(BUILTIN_PREFIX):
            pol_src = replace(pol_src, path=ref)
        diags.extend(pdiags)
    regimes, rdiags, regime_files = _case_regimes(case, main, pol, pol_src, top)
    diags.extend(rdiags)
    # a case whose sections were built holds models where its data had items: its data is read
    # again if asked for
    loaded = Loaded(case_path=str(path), case=case, policy=pol, files=files, policy_file=pol_src,
                    diagnostics=diags, origins=origins, _data=None if built else data, root=top,
                    regimes=regimes, regime_files=regime_files)
    _confine_artifacts(loaded)
    return loaded


_PART = 1024
"""Items of a large section built at a time by a lean load (`_build_sections`): the fewer, the
sooner the memory of the parsed items let go is used again for the next part's models (4,096 at a
time left a 10k-goal case's load 4 MiB higher, its check's peak 0.6 MiB)."""

_BUILD_FROM = 2048
"""A lean load builds a file's section as it reads the file when the section holds this many
items: a 10k-goal argument's files hold some 3,000 elements each, its evidence file 6,700 items.
Below it the case is validated whole (building a section costs a validator of its own)."""

_BULK: tuple[tuple[str, ...], ...] = (("argument", "elements"), ("evidence",))
"""The sections a large case holds by the thousand (their paths in the document)."""

_NESTED: dict[tuple[str, ...], tuple[str, ...]] = {
    ("argument", "elements"): ("capability",),
    ("evidence",): ("result", "elicitation", "source"),
}
"""The fields of each of the `_BULK` sections' items that hold a model of their own (an evidence
item's result, ...): those models share their sets of given field names too."""

_ADAPTERS: dict[tuple[str, ...], Any] = {}
"""A validator of each of the `_BULK` sections' items by id, built on first use."""


def _section(data: dict[str, Any], at: tuple[str, ...]) -> dict[str, Any] | None:
    """The mapping at `at` in `data`, or None when it, or what holds it, is not a mapping."""
    got: Any = data
    for k in at:
        got = got.get(k)
        if not isinstance(got, dict):
            return None
    return got  # type: ignore[no-any-return]


def _adapter(at: tuple[str, ...]) -> Any:
    got = _ADAPTERS.get(at)
    if got is None:
        from pydantic import TypeAdapter

        from ..model import Element, Evidence
        from ..model._base import Id

        got = _ADAPTERS[at] = (TypeAdapter(dict[Id, Element]) if at == ("argument", "elements")
                               else TypeAdapter(dict[Id, Evidence]))
    return got


_ELEMENTS = ("argument", "elements")

_UNCHECKED: list[Any] = []
"""The validator `_unchecked_elements` built (None: the schema is not the shape expected)."""


def _unchecked_elements(adapter: Any) -> Any:
    """A validator of the argument's elements by id (`adapter`'s) that builds the same models
    without calling `Element._one_text` for each element: that check (exactly one text field set)
    is a Python call from pydantic-core per element, and `_one_text_each` makes it of a whole part
    at once instead. Built from `adapter`'s core schema, the one check taken out; None when the
    schema is not the shape this expects (every element is then checked as it is built)."""
    if not _UNCHECKED:
        from pydantic_core import SchemaValidator

        from ..model import Element

        schema = adapter.core_schema
        model = schema.get("values_schema") if schema.get("type") == "dict" else None
        inner = (model.get("schema") if isinstance(model, dict) and model.get("type") == "model"
                 and model.get("cls") is Element else None)
        checked = inner.get("function", {}).get("function") if isinstance(inner, dict) and inner.get("type") == "function-before" else None
        fields = inner.get("schema") if isinstance(inner, dict) and checked is not None else None
        expected = (getattr(checked, "__func__", None) is getattr(Element._one_text, "__func__", False)
                    and isinstance(fields, dict) and fields.get("type") == "model-fields"
                    and len(Element.__pydantic_decorators__.model_validators) == 1)
        _UNCHECKED.append(SchemaValidator({**schema, "values_schema": {**model, "schema": fields}})  # type: ignore[dict-item]
                          if expected else None)
    return _UNCHECKED[0]


def _one_text_each(dicts: list[dict[str, Any]], sets: Iterable[set[str]]) -> bool:
    """Whether each of the element models built by `_unchecked_elements` (given by their
    `__dict__`s, `dicts`) sets exactly one text field, as `Element._one_text` checks of each
    element's data. `sets`: the sets of given field
    names the models hold (shared by `_share_field_sets`, a few for a whole section): none names
    two text fields, and the models hold as many text values that are not None as there are
    models, counted a field at a time in C (a text field no model names is None in every one)."""
    from ..model import Element

    texts = Element.text_fields
    sets = list(sets)
    if any(len(s.intersection(texts)) > 1 for s in sets):
        return False
    named = [f for f in texts if any(f in s for s in sets)]
    return sum(len(dicts) - list(map(operator.itemgetter(f), dicts)).count(None) for f in named) == len(dicts)


def _built(data: Any, shared: _Shared | None = None) -> tuple[bool, bool]:
    """`_build_sections(data, shared)`: (whether a section was built, whether an item was invalid)."""
    try:
        return _build_sections(data, shared), False
    except ValidationError:
        return False, True


def _build_sections(data: Any, shared: _Shared | None = None) -> bool:
    """Build the large sections of one file's parsed data into their models, in place, as soon as
    a lean load (`keep_data=False`) has read the file; returns whether it built any.

    A section of `_BUILD_FROM` items or more (the argument's elements, the evidence items) is
    built `_PART` items at a time, each part's parsed items let go as soon as their models are
    built, before the next file is read: a large case never holds all of its parsed data and all
    of its models at once (the load's peak of memory), and the memory its parsed items took is
    used again for the next ones. The section keeps its ids, in their order; its values become
    models, which pydantic takes as they are when the case is built around them; models built
    from items that name the same keys share one set of given field names (`_share_field_sets`),
    and equal ids and values of the files `shared` is passed for share one object
    (`_share_values`).
    Raises
    ValidationError when an item is invalid (the section keeps its ids, its items built or not:
    the caller validates the whole document again, read from the files' bytes)."""
    if not isinstance(data, dict):
        return False
    built = False
    if shared is None:
        shared = {}
    for at in _BULK:
        items = _section(data, at)
        if items is None or len(items) < _BUILD_FROM:
            continue
        adapter = _adapter(at)
        unchecked = _unchecked_elements(adapter) if at == _ELEMENTS else None
        sets: dict[tuple[str, ...], set[str]] = {}
        nested: dict[str, dict[tuple[str, ...], set[str]]] = {name: {} for name in _NESTED[at]}
        known = shared.setdefault("ids", {})
        ids, values = list(map(known.setdefault, items, items)), list(items.values())
        items.clear()
        try:
            for start in range(0, len(ids), _PART):
                end = start + _PART
                reused = _reuse_models(values[start:end], at, shared)
                try:
                    part = (unchecked or adapter).validate_python(dict(zip(ids[start:end], values[start:end],
                                                                           strict=True)))
                finally:
                    _put_back(reused)
                # the models' `__dict__`s, read once for the steps below (reading a model's
                # `__dict__` goes through its class's `__getattr__` hook: some 500 instructions)
                dicts = list(map(_dict_of, part.values()))
                _keep_models(dicts, reused, shared)
                _share_field_sets(part.values(), values[start:end], sets)
                if unchecked is not None and not _one_text_each(dicts, sets.values()):
                    # an element sets no text field or several: built again with each checked, which
                    # raises the element's error (or builds the part, should the check be wrong)
                    part = adapter.validate_python(dict(zip(ids[start:end], values[start:end], strict=True)))
                    dicts = list(map(_dict_of, part.values()))
                    _share_field_sets(part.values(), values[start:end], sets)
                _share_nested_field_sets(dicts, values[start:end], nested)
                _share_values(dicts, at, shared)
                del dicts
                items.update(part)
                values[start:end] = itertools.repeat(None, len(values[start:end]))
        except ValidationError:
            done = len(items)
            items.update(zip(ids[done:], values[done:], strict=True))
            raise
        built = True
    return built


def _share_field_sets(models: Collection[BaseModel], items: list[Any], shared: dict[tuple[str, ...], set[str]]) -> None:
    """Let the models built from `items` (in their order) share their sets of given field names:
    pydantic gives every model a set of its own (200 bytes for an element naming two or three
    fields), the same for every item that names the same keys. Each model takes the set of the
    first model built from items with its item's keys (`shared`: keys -> that set); all in C, a
    few operations per model (a frozen copy of every set to compare them by, as
    `share_field_sets` makes, costs twenty times as much)."""
    sets = map(shared.setdefault, map(tuple, items), map(_fields_set_of, models))
    list(map(_set_fields_set, models, sets))


_fields_set_of = operator.attrgetter("__pydantic_fields_set__")


def _fields_set_setter() -> Any:
    """A function setting a model's `__pydantic_fields_set__` (model, set), past the model's frozen
    `__setattr__` as `object.__setattr__` sets it: the slot's own descriptor, which sets it without
    looking the name up on the class (half the instructions a model), where pydantic keeps the set
    in a slot of `BaseModel`, as it does; else `object.__setattr__` itself."""
    slot = vars(BaseModel).get("__pydantic_fields_set__")
    if isinstance(slot, MemberDescriptorType):
        return slot.__set__
    return lambda model, fields: object.__setattr__(model, "__pydantic_fields_set__", fields)


_set_fields_set = _fields_set_setter()


_Shared = dict[str, dict[Any, Any]]
"""What the sections a lean load builds share (`_share_values`): under "ids", each id met (an
item's own, or one it names under a link field) as the one string object that stands for it;
under a field's name, each value met in that field."""

_LINKS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("argument", "elements"): ("supported_by", "in_context_of", "evidence", "defeaters", "against", "answered_by"),
    ("evidence",): ("tests",),
}
"""The fields of each of the `_BULK` sections' items that list ids."""

_REPEATED: dict[tuple[str, ...], tuple[str, ...]] = {
    ("argument", "elements"): ("domain", "pathway"),
    ("evidence",): ("kind", "artifact", "sha256", "producer", "date", "domain", "threshold"),
}
"""The fields of each of the `_BULK` sections' items whose (immutable) values repeat from item to
item: the claims of one domain, the tasks of one log (one artifact, its sha256 and producer, one
date). Fields most items leave unset are not worth the pass (a few operations per item)."""


def _share_values(dicts: list[dict[str, Any]], at: tuple[str, ...], shared: _Shared) -> None:
    """Let the models built for the section at `at` (given by their `__dict__`s, `dicts`, which
    this changes in place) hold one object for each id and each value
    `shared` holds one for (see `_Shared`), adding those it does not. An id parsed from a file is
    a string of its own at every place the file names it (an element's id, and again in each
    list that links to it), and so is every other value: a 10k-goal case held 3 MiB of equal
    strings. The values are immutable and equal to those they replace; a few operations per
    value."""
    known = shared.setdefault("ids", {})
    # the lists given (each the model's own; an unset field's shared empty list is left out), one
    # field at a time (no tuple of every field's value per model)
    lists: list[list[str]] = []
    for name in _LINKS[at]:
        lists.extend(filter(None, map(operator.itemgetter(name), dicts)))
    # every id they name, each looked up once; most are the object `known` holds already (the JSON
    # reader gives equal short strings as one object), so only the places that hold another
    # object are written, found in C (this pass over a 10k-goal case: 155M instructions, against
    # 162M writing every place item by item)
    flat = list(itertools.chain.from_iterable(lists))
    held = list(map(known.setdefault, flat, flat))
    stray = list(itertools.compress(range(len(flat)), map(operator.is_not, flat, held)))
    if stray:
        ends = list(itertools.accumulate(map(len, lists)))
        for i in stray:
            j = bisect.bisect_right(ends, i)
            ids = lists[j]
            ids[i - ends[j] + len(ids)] = held[i]
    for name in _REPEATED[at]:
        one = shared.setdefault(name, {})
        values = list(map(operator.itemgetter(name), dicts))
        given = list(filter(None, values))  # (an unset field's None, or another false value, is left as it is)
        got = list(map(one.setdefault, given, given))
        if any(map(operator.is_not, got, given)):  # (a field whose values are all shared already is not written)
            list(map(operator.setitem, itertools.compress(dicts, values), itertools.repeat(name), got))


_dict_of = operator.attrgetter("__dict__")


_SHARED_MODELS: dict[tuple[str, ...], tuple[str, ...]] = {("evidence",): ("result",)}
"""The fields of each of the `_BULK` sections' items that hold a model of their own whose equal
values the items share (`_reuse_models`): the tasks of one log often state one result, and each
held a model of its own (560 bytes; 3.6 MiB of a 10k-goal case)."""

_SCALARS = frozenset({str, int, float, bool, type(None)})
"""The types of the values a mapping `_reuse_models` compares may hold."""

_Reused = list[tuple[str, list[Any], list[Any], list[tuple[Any, ...]]]]
"""What `_reuse_models` did to a part's items: per field, (its name, the items whose mapping it
replaced by a model, those mappings, the keys of the mappings left to build: None where none)."""


def _reuse_models(items: list[Any], at: tuple[str, ...], shared: _Shared) -> _Reused:
    """Give each item of a part about to be built, in each of the `_SHARED_MODELS` fields, the
    model built before (for any file `shared` is passed for) from an equal mapping, in place of
    its own mapping: pydantic takes a model of the field's class as it is, and the items share it.
    Equal: the same keys in the same order, and values of the same types (1 is not 1.0, nor True;
    -0.0 equals 0.0, so a zero float is never compared) that are equal; only mappings of scalars
    are compared. Such a mapping gives an equal model wherever it stands (the models' validators
    read only the mapping). `_keep_models` keeps the models built from the others; `_put_back`
    puts the mappings back."""
    out: _Reused = []
    names = _SHARED_MODELS.get(at, ())
    # (an argument's elements hold no such field: their parts are not looked at; the types of a
    # part's items are compared in C)
    if not names or not all(map(operator.is_, map(type, items), itertools.repeat(dict))):
        return out
    for name in names:
        one = shared.setdefault(f"{name} model", {})
        swapped: list[Any] = []
        mappings: list[Any] = []
        keys: list[Any] = []
        for item in items:
            raw = item.get(name)
            if type(raw) is not dict:
                keys.append(None)
                continue
            values = tuple(raw.values())
            types = tuple(map(type, values))
            if not _SCALARS.issuperset(types) or (0 in values and 0.0 in [v for v, t in zip(values, types, strict=True)
                                                                          if t is float]):
                keys.append(None)
                continue
            key = (tuple(raw), values, types)
            model = one.get(key)
            if model is None:
                keys.append(key)
                continue
            keys.append(None)
            swapped.append(item)
            mappings.append(raw)
            item[name] = model
        out.append((name, swapped, mappings, keys))
    return out


def _put_back(reused: _Reused) -> None:
    """Put back the mappings `_reuse_models` replaced (the load's other sharing reads them, and a
    part that fails is validated again from its file's bytes)."""
    for name, swapped, mappings, _ in reused:
        list(map(operator.setitem, swapped, itertools.repeat(name), mappings))


def _keep_models(dicts: list[dict[str, Any]], reused: _Reused, shared: _Shared) -> None:
    """After a part's items are built (given by their models' `__dict__`s, `dicts`): keep the
    models built from the mappings `_reuse_models` compared, for the next items with equal ones."""
    for name, _, _, keys in reused:
        one = shared[f"{name} model"]
        for key, d in itertools.compress(zip(keys, dicts, strict=True), keys):
            # (an equal mapping earlier in the part was built too: the first model built stays)
            got = one.setdefault(key, d[name])
            if got is not d[name]:
                d[name] = got


def _share_nested_field_sets(dicts: list[dict[str, Any]], items: list[Any],
                             shared: dict[str, dict[tuple[str, ...], set[str]]]) -> None:
    """`_share_field_sets` for the models the models built from `items` (given by their
    `__dict__`s, `dicts`) hold in the fields named
    by `shared` (field name -> that field's keys -> set): an evidence item's result names two or
    three fields, and held a set of its own (200 bytes; 1.5 MiB of a 10k-goal case). A field is
    shared only where every item that set it gave it as a mapping (as parsed data always does);
    all in C, as `_share_field_sets`."""
    for name, seen in shared.items():
        subs = list(map(operator.itemgetter(name), dicts))
        given = list(map(operator.is_not, subs, itertools.repeat(None)))
        if not any(given):
            continue
        subs = list(itertools.compress(subs, given))
        raw = list(map(operator.itemgetter(name), itertools.compress(items, given)))
        if set(map(type, raw)) == {dict}:
            _share_field_sets(subs, raw, seen)


def _reparsed(files: list[SourceFile]) -> dict[str, Any]:
    """The merged document read again from the files' bytes (`_merged`), each file holding its
    parsed data again, as after an ordinary load."""
    for f in files:
        f.doc.data = parse_yaml(f.path, f.doc.raw, nodes_charged=True).data
    return _merged_from(files, [f.doc for f in files])


def _merged(files: list[SourceFile]) -> dict[str, Any]:
    """The merged document of a case's files (in the order the load read them), parsed again
    from the bytes the load read: what `_load_case` built, without its findings."""
    return _merged_from(files, [parse_yaml(f.path, f.doc.raw, nodes_charged=True) for f in files])


def _merged_from(files: list[SourceFile], docs: list[YamlDoc]) -> dict[str, Any]:
    data = dict(docs[0].data) if isinstance(docs[0].data, dict) else {}
    origins = Origins()
    for f, doc in zip(files[1:], docs[1:], strict=True):
        if isinstance(doc.data, dict):
            _merge_include(data, replace(f, doc=doc), origins, [])
    data.pop("include", None)
    data["include"] = [f.path for f in files[1:]]
    return data


def _confine_artifacts(loaded: Loaded) -> None:
    """Refuse an evidence artifact outside the root, whether or not the case is otherwise valid
    (read from the models when the case was built, else from the data)."""
    if loaded.root is None:
        return
    arts: Iterable[tuple[str, Any]]
    if loaded.case is not None:
        arts = ((eid, ev.artifact) for eid, ev in loaded.case.evidence.items())
    else:
        evidence = loaded.data.get("evidence")
        if not isinstance(evidence, dict):
            return
        arts = ((eid, item.get("artifact") if isinstance(item, dict) else None) for eid, item in evidence.items())
    checked: set[str] = set()  # many items often share one artifact: resolve each path once
    declared = loaded.origins.under(("evidence",))  # (`evidence_file`, without a call per item)
    last: tuple[Any, str] | None = None
    for eid, art in arts:
        if not isinstance(art, str) or not art:
            continue
        src = declared.get(eid) or loaded.evidence_file(eid)
        if last is not None and last[0] is src and last[1] == art:
            continue  # the item before, of the same file, named the same artifact: resolved
        last = (src, art)
        key = (src.path, art)
        if key in loaded._resolved:  # the same file names the same artifact again: resolved above
            continue
        target = os.path.normpath(os.path.join(src.abspath.parent, art))
        if target not in checked:
            try:
                confine(Path(target), loaded.root, art, f"evidence {eid!r}: artifact")
            except InputError as e:
                line, col = src.doc.locate(("evidence", eid, "artifact"))
                e.location = f"{src.path}:{line}:{col}"
                raise
            checked.add(target)
        loaded._resolved[key] = Path(target)  # what artifact_path would resolve again


def _case_regimes(case: Case | None, main: SourceFile, pol: Policy | None, pol_src: SourceFile | None,
                  root: Path | None) -> tuple[list[Regime], list[Finding], list[Path]]:
    """The regimes the case names, then those its policy names (each resolved against the file
    that names it), and the regime files read for them; a regime file the case names must lie
    inside the case's root folder.

    The policy's regimes and the built-in ones win: a regime file of the case's own that reuses
    the id of one of them (a copy of SB 53 with ten-year deadlines, say) is a blocking CG1004
    finding, and the policy's or built-in regime of that id is the one the case is under."""
    from ._regimes import BUILTIN_PREFIX as REGIME_BUILTIN
    from ._regimes import builtin_regime_ids, load_builtin_regime, regime_path, resolve_regimes

    files: list[Path] = []

    def resolve(ref: str, base: Path, named_at: str) -> tuple[list[Regime], list[Finding]]:
        if not ref.startswith(REGIME_BUILTIN):
            p = Path(os.path.normpath(os.path.abspath(regime_path(ref, base)[0])))
            if p.is_file() and p not in files:
                files.append(p)
        return resolve_regimes([(ref, base, named_at)])

    diags: list[Finding] = []
    policy_regimes: dict[str, tuple[Regime, str]] = {}
    if pol is not None and pol_src is not None:
        for i, r in enumerate(pol.regimes):
            line, col = pol_src.doc.locate(("regimes", i))
            got, found = resolve(r, pol_src.abspath.parent, f"{pol_src.path}:{line}:{col}")
            diags.extend(found)
            for regime in got:
                policy_regimes.setdefault(regime.id, (regime, r))
    out: dict[str, Regime] = {}
    if case is not None:
        for i, r in enumerate(case.regimes):
            line, col = main.doc.locate(("regimes", i))
            own = not r.startswith(REGIME_BUILTIN)
            if root is not None and own:
                try:
                    confine(main.abspath.parent / r, root, r, "regime file")
                except InputError as e:
                    e.location = f"{main.path}:{line}:{col}"
                    raise
            got, found = resolve(r, main.abspath.parent, f"{main.path}:{line}:{col}")
            diags.extend(found)
            for regime in got:
                # only a regime file of the case's own can shadow a built-in one: read them only then
                builtin = builtin_regime_ids().get(regime.id) if own else None
                held = policy_regimes.get(regime.id)
                if own and (held is not None or builtin is not None):
                    whose = " and ".join(w for w in (
                        f"of the regime the policy names as {held[1]!r}" if held is not None else "",
                        f"of the built-in regime {builtin}" if builtin is not None else "") if w)
                    instead = ("or drop it: the policy already puts the case under that regime" if held is not None
                               else f"or name {builtin} instead of the copy")
                    diags.append(_finding(
                        "CG1004", "regime-id-shadowed",
                        f"regime file {r!r} has id {regime.id!r}, the id {whose}; the case is held to "
                        "that regime's deadlines and documents, not this file's",
                        Location(file=main.path, line=line, column=col),
                        f"give the case's own regime an id no built-in or policy regime has (its `id:`), {instead}",
                        ("regimes", i)))
                    if held is not None:
                        regime = held[0]
                    elif builtin is not None:
                        regime = load_builtin_regime(builtin[len(REGIME_BUILTIN):])
                out.setdefault(regime.id, regime)
    for rid, (regime, _ref) in policy_regimes.items():
        out[rid] = regime
    return list(out.values()), diags, files
