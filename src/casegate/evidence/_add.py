"""`casegate evidence add`: import evaluation logs as evidence items of a case.

Each log's task becomes one evidence item, pinned by the sha256 of the log's bytes, written into
an evidence file the case includes (default `evidence-imported.yaml` beside the case; created
with `casegate: 1` and `kind: case`, and added to the case's `include:` list by inserting text,
so the user's comments and layout stay). Re-running is idempotent: the same bytes give the same
item; changed bytes update the item and the change is reported.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..limits import confine, resolve_path
from ..load import load_case, parse_yaml
from ..model import FORMAT_VERSION, Evidence
from ._yamlout import dump
from .importers import Discovered, ImportedRun, LogReadError, ReadOptions, discover
from .stats import Reduction

DEFAULT_FILE = "evidence-imported.yaml"

USER_FIELDS = ("title", "producer", "independent", "expires", "confidentiality", "domain",
               "threshold", "summary")
"""Fields of an imported item that the author may edit by hand; re-imports keep them."""
USER_ELICITATION = ("variant", "prompting")
"""Elicitation fields no log records; re-imports keep the author's values."""
_ELIC_ORDER = ["variant", "attempts", "scaffold", "tools", "budget_tokens", "time_limit", "max_tokens", "message_limit",
               "turn_limit", "working_limit", "prompting", "solver",
               "generate_config"]

_HEADER = """\
# Evidence imported from evaluation logs by `casegate evidence add`; each item pins the sha256
# of its log's bytes. Re-run the command to refresh the items. Hand edits are kept to:
# {user};
# elicitation {elic}. Everything else is rewritten from the logs.
"""

@dataclass
class Change:
    """What happened to one evidence item in this import."""

    id: str
    action: str
    """'added', 'updated' or 'unchanged'."""
    artifact: str
    detail: str = ""


@dataclass
class AddReport:
    """The outcome of one import."""

    into: Path
    changes: list[Change] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    include_added: bool = False
    created: bool = False
    schema_written: Path | None = None
    """The editor schema written beside the case for a new evidence file's modeline, if any."""

    def count(self, action: str) -> int:
        return sum(1 for c in self.changes if c.action == action)


def _slug(task: str) -> str:
    s = re.sub(r"[^A-Za-z0-9_.\-]+", "-", task.rsplit("/", 1)[-1]).strip("-.")
    return s or "task"


def _rel(path: Path, base: Path) -> str:
    return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()


def _item(run: ImportedRun, artifact: str, old: dict[str, Any] | None, *, producer: str | None,
          domain: str | None, threshold: str | None, variant: str | None) -> dict[str, Any]:
    """The evidence item's data for a run, keeping the author's edits of `old`."""
    item: dict[str, Any] = {"kind": "eval", "title": run.title, "artifact": artifact,
                            "sha256": run.sha256}
    old = old or {}
    for k in USER_FIELDS:
        if k in old:
            item[k] = old[k]
    if producer is not None:
        item["producer"] = producer
    if domain is not None:
        item["domain"] = domain
    if threshold is not None:
        item["threshold"] = threshold
    item["date"] = run.date
    item["eval_set"] = list(run.eval_set)
    elic = run.elicitation.model_dump(mode="json", exclude_defaults=True)
    if run.variant is not None:
        elic["variant"] = run.variant
    if run.time_limit is not None:
        elic["time_limit"] = run.time_limit
    old_elic: dict[str, Any] = old["elicitation"] if isinstance(old.get("elicitation"), dict) else {}
    for k in USER_ELICITATION:
        if k in old_elic:
            elic[k] = old_elic[k]
    if variant is not None:
        elic["variant"] = variant
    item["elicitation"] = dict(sorted(elic.items(), key=lambda kv: _ELIC_ORDER.index(kv[0])))
    item["result"] = run.result.model_dump(mode="json", exclude_defaults=True)
    item["source"] = run.source.model_dump(mode="json", exclude_defaults=True)
    order = ["kind", "title", "artifact", "sha256", "producer", "independent", "date", "expires",
             "confidentiality", "domain", "threshold", "eval_set", "elicitation", "result", "source",
             "summary"]
    return {k: item[k] for k in order if k in item}


def _describe(old: dict[str, Any], new: dict[str, Any]) -> str:
    parts = []
    if old.get("sha256") != new.get("sha256"):
        parts.append(f"log bytes changed (sha256 {str(old.get('sha256'))[:12]}... -> {new['sha256'][:12]}...)")
    ro, rn = old.get("result") or {}, new.get("result") or {}
    if (ro.get("successes"), ro.get("trials")) != (rn.get("successes"), rn.get("trials")):
        parts.append(f"result {ro.get('successes')}/{ro.get('trials')} -> {rn.get('successes')}/{rn.get('trials')}")
    so, sn = old.get("source") or {}, new.get("source") or {}
    if so.get("status") != sn.get("status"):
        parts.append(f"status {so.get('status')} -> {sn.get('status')}")
    if not parts:
        changed = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
        parts.append("changed: " + ", ".join(changed))
    return "; ".join(parts)


def _read_into(into: Path) -> tuple[dict[str, dict[str, Any]], bool]:
    """Existing items of the evidence file (id -> data), and whether the file exists."""
    if not into.exists():
        return {}, False
    raw = into.read_bytes()
    if not raw.startswith(_HEADER.split("`")[0].encode()):
        raise InputError("this file was not written by `casegate evidence add`; importing would rewrite it",
                         location=str(into), help="choose a new file with --into (hand-written evidence stays yours)")
    doc = parse_yaml(str(into), raw)
    data = doc.data
    if not isinstance(data, dict) or data.get("casegate") != FORMAT_VERSION or data.get("kind", "case") != "case":
        raise InputError("not a casegate evidence file (it needs `casegate: 1` and `kind: case`)",
                         location=str(into), help="choose another file with --into")
    extra = sorted(k for k in data if k not in ("casegate", "kind", "evidence", "include"))
    if extra:
        raise InputError(f"the evidence file also holds {', '.join(extra)}; casegate rewrites it on import",
                         location=str(into), help="keep hand-written sections in another file, or choose --into")
    ev = data.get("evidence") or {}
    if not isinstance(ev, dict):
        raise InputError("`evidence` is not a mapping of id -> item", location=str(into))
    return {str(k): v for k, v in ev.items() if isinstance(v, dict)}, True


_MODELINE = "# yaml-language-server: $schema="


def _modeline_of(into: Path) -> str | None:
    """The editor schema line the evidence file already carries (kept as the user set it)."""
    if not into.is_file():
        return None
    lines = into.read_text(encoding="utf-8", errors="replace").splitlines()
    return next((ln for ln in lines if ln.startswith(_MODELINE)), None)


def _editor_schema(case_dir: Path, into: Path) -> tuple[str, Path | None]:
    """The modeline naming the evidence file's JSON Schema, and the schema file written for it
    (None when one already exists in `schemas/` beside the case or a folder above it)."""
    name = "case-evidence.schema.json"
    found = next((d / "schemas" / name for d in [case_dir, *list(case_dir.parents)[:3]]
                  if (d / "schemas" / name).is_file()), None)
    written = None
    if found is None:
        from ..load.templates import write_editor_schemas

        written, = write_editor_schemas(case_dir / "schemas", ["case-evidence"])
        found = written
    rel = os.path.relpath(found, into.parent).replace(os.sep, "/")
    return f"{_MODELINE}{rel}", written


def render_evidence_file(items: dict[str, dict[str, Any]], schema_line: str | None = None) -> str:
    """The evidence file's text for `items` (stable: the same items give the same bytes), with
    `schema_line` (the editor's schema modeline) after the header when given."""
    lines = [_HEADER.format(user=", ".join(USER_FIELDS), elic=", ".join(USER_ELICITATION)).rstrip("\n"),
             *([schema_line] if schema_line else []),
             f"casegate: {FORMAT_VERSION}", "kind: case", "evidence:"]
    if not items:
        lines[-1] = "evidence: {}"  # the last line so far is `evidence:`
    for eid, item in items.items():
        lines.append(f"  {eid}:")
        lines.extend(dump(item, 4))
    return "\n".join(lines) + "\n"


def add_include(case_path: Path, entry: str) -> None:
    """Add `entry` to the case file's top-level `include:` list by inserting text, so the user's
    comments and layout stay. Raises InputError when the list's layout is not one casegate edits
    (the user is told what line to add)."""
    raw = case_path.read_bytes()
    doc = parse_yaml(str(case_path), raw)
    data = doc.data if isinstance(doc.data, dict) else {}
    lines = raw.decode("utf-8").split("\n")
    manual = InputError(f"cannot add `{entry}` to the `include:` list of this case automatically",
                        location=str(case_path), help=f"add `{entry}` to `include:` by hand")
    inc = data.get("include")
    if inc is None and "include" not in data:
        # after the `policy:` line when it is one line, else after `casegate:`
        after = None
        for key in ("policy", "kind", "casegate"):
            if key in data and not isinstance(data[key], (dict, list)):
                after = doc.locate((key,))[0]
                break
        if after is None:
            raise manual
        lines.insert(after, f"include: [{entry}]")
    elif isinstance(inc, list):
        kline = doc.locate(("include",))[0]
        text = lines[kline - 1]
        m = re.match(r"^include:\s*\[(.*)\]\s*(#.*)?$", text)
        if m:
            body = m.group(1).strip()
            new = f"include: [{body + ', ' if body else ''}{entry}]"
            lines[kline - 1] = new + (f"  {m.group(2)}" if m.group(2) else "")
        elif inc and re.match(r"^include:\s*(#.*)?$", text):
            last = doc.locate(("include", len(inc) - 1))[0]
            item_line = lines[last - 1]
            im = re.match(r"^(\s*-\s*)", item_line)
            if not im:
                raise manual
            lines.insert(last, f"{im.group(1)}{entry}")
        else:
            raise manual
    else:
        raise manual
    new_raw = "\n".join(lines).encode("utf-8")
    check = parse_yaml(str(case_path), new_raw).data
    want = list(inc or []) + [entry]
    if not isinstance(check, dict) or check.get("include") != want or \
            {k: v for k, v in check.items() if k != "include"} != {k: v for k, v in data.items() if k != "include"}:
        raise manual
    case_path.write_bytes(new_raw)


def add_evidence(
    case_path: Path,
    paths: Sequence[Path],
    *,
    id_prefix: str = "E-",
    producer: str | None = None,
    domain: str | None = None,
    threshold: str | None = None,
    variant: str | None = None,
    into: Path | None = None,
    options: ReadOptions = ReadOptions(),
    on_found: Callable[[int], None] | None = None,
    on_log: Callable[[Path], None] | None = None,
    root: Path | None = None,
) -> AddReport:
    """Import the logs under `paths` into the case at `case_path`.

    Writes the evidence file and (when needed) adds it to the case's includes; the case file is
    otherwise untouched. A log or an evidence file outside the case's root folder (`root`, as
    `load_case` takes it) is refused. Raises InputError / LogReadError / MissingExtraError
    (nothing is written then).
    """
    loaded = load_case(case_path, root=root)
    pol = loaded.policy
    if pol is not None and threshold is not None and threshold not in pol.thresholds:
        raise InputError(f"--threshold {threshold}: the policy `{pol.id}` has no such threshold",
                         help="use one of: " + (", ".join(pol.thresholds) or "(none defined)"))
    if pol is not None and domain is not None and domain not in pol.domains:
        raise InputError(f"--domain {domain}: the policy `{pol.id}` has no such domain",
                         help="use one of: " + ", ".join(pol.domains))
    if threshold is not None and domain is None and pol is not None:
        domain = pol.thresholds[threshold].domain
    case_dir = case_path.resolve().parent
    into = (into if into is not None else case_dir / DEFAULT_FILE)
    if not into.is_absolute():
        into = Path.cwd() / into
    resolve_path(into, "the evidence file to write (--into)")  # a symlink loop is refused here, not later
    if loaded.root is not None and into.resolve() not in {f.abspath for f in loaded.files}:
        confine(into, loaded.root, _rel(into, case_dir), "the included file")  # as `check` would refuse it
    existing, exists = _read_into(into)
    report = AddReport(into=into, created=not exists)

    own = {p.resolve() for p in [into]}
    taken = {str(k) for k in (loaded.data.get("evidence") or {})} - set(existing)
    # ids declared in other files stay taken even if this file also declares them
    for key, src in loaded.origins.items():
        if len(key) == 2 and key[0] == "evidence" and src.abspath not in own:
            taken.add(str(key[1]))

    found: Discovered = discover(paths)
    report.skipped = found.skipped
    if not found.logs:
        shown = ", ".join(str(p) for p in paths)
        raise InputError(f"no evaluation logs found in {shown}",
                         help="casegate reads Inspect AI logs (.eval, .json), lm-eval results_*.json and "
                              "casegate-results/1 JSON/CSV" + (
                                  f"; skipped {len(found.skipped)} other file(s)" if found.skipped else ""))
    if loaded.root is not None:
        # refused here, before any is read, for the reason `check` would give on every later run
        for path, _ in found.logs:
            try:
                confine(path, loaded.root, _rel(path, into.parent), "evidence artifact")
            except InputError as e:
                e.location = str(path)
                raise
    if on_found:
        on_found(len(found.logs))
    runs: list[ImportedRun] = []
    for path, imp in found.logs:
        runs.extend(imp.read(path, options))
        if on_log:
            on_log(path)

    by_key = {(str(v.get("artifact")), str((v.get("source") or {}).get("task"))): k for k, v in existing.items()}
    items = dict(existing)
    base = into.parent
    used = set(items) | taken
    for run in runs:
        artifact = _rel(run.artifact, base)
        eid = by_key.get((artifact, run.task))
        old = existing.get(eid) if eid else None
        if old is None and producer is None:
            raise InputError(f"a new evidence item for `{run.task}` needs a producer",
                             location=str(run.artifact),
                             help="pass --producer TEAM (who ran the evaluation)")
        new = _item(run, artifact, old, producer=producer, domain=domain, threshold=threshold,
                    variant=variant)
        if eid is None:
            stem = f"{id_prefix}{_slug(run.task)}"
            eid, n = stem, 2
            while eid in used:
                eid, n = f"{stem}-{n}", n + 1
            used.add(eid)
            by_key[(artifact, run.task)] = eid
            report.changes.append(Change(eid, "added", artifact))
        elif old == new or _same(old, new):
            report.changes.append(Change(eid, "unchanged", artifact))
        else:
            report.changes.append(Change(eid, "updated", artifact, _describe(old or {}, new)))
        try:
            Evidence.model_validate(new)
        except Exception as e:  # a log value the case format cannot hold: say which
            raise LogReadError(f"the imported item `{eid}` is not valid: {e}", location=str(run.artifact)) from None
        items[eid] = new
        report.notes.extend(f"{eid}: {n}" for n in run.notes)
        if run.attempts_note is not None:
            report.notes.append(f"{eid}: {run.elicitation.attempts} attempt(s) counted, not the "
                                f"{run.source.epochs} the log states: {run.attempts_note}")

    # a file whose items all came out unchanged is left as the author last saw it
    touched = not exists or any(c.action != "unchanged" for c in report.changes)
    schema_line = _modeline_of(into) if exists else None
    if touched and schema_line is None and not exists:
        schema_line, report.schema_written = _editor_schema(case_dir, into)
    text = render_evidence_file(items, schema_line)
    if touched and (not exists or into.read_text(encoding="utf-8") != text):
        into.parent.mkdir(parents=True, exist_ok=True)
        into.write_text(text, encoding="utf-8")
    included = {f.abspath for f in loaded.files}
    if into.resolve() not in included:
        add_include(case_path, _rel(into, case_dir))
        report.include_added = True
    return report


def _same(old: dict[str, Any] | None, new: dict[str, Any]) -> bool:
    """Whether the item read back from the file equals the freshly built one."""
    if old is None:
        return False
    try:
        return Evidence.model_validate(old) == Evidence.model_validate(new)
    except Exception:
        return False


__all__ = ["DEFAULT_FILE", "AddReport", "Change", "Reduction", "add_evidence", "add_include",
           "render_evidence_file"]
