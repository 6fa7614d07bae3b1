"""Interchange with gsn2x's YAML format (version 4): export a casegate argument, and import a
gsn2x file as the argument and evidence sections of a casegate case.

Mapping (both ways): goal <-> claim, strategy, context, assumption and justification keep their
kind; a solution (Sn) <-> an evidence item cited in `evidence`; a counter-goal (CG) <-> a
defeater; a counter-solution (CSn) <-> a defeater of kind `counter-evidence`; `challenges` <->
the defeater's `against`, or, when a normal element challenges a counter-goal, the defeater's
`answered_by`; `defeated: true` on a counter element <-> status `answered`, on its target <->
status `accepted`. Layout keys and display layers have no casegate meaning: import reports
them as ignored.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..load import parse_yaml
from ..model import Argument, Case, Confidentiality, Element, Evidence

GSN2X_TYPES = ("Goal", "Strategy", "Solution", "Context", "Assumption", "Justification",
               "CounterGoal", "CounterSolution")
_PREFIXES = (("CSn", "CounterSolution"), ("CG", "CounterGoal"), ("Sn", "Solution"), ("G", "Goal"),
             ("S", "Strategy"), ("C", "Context"), ("A", "Assumption"), ("J", "Justification"))
_LAYOUT_KEYS = {"classes", "rankIncrement", "horizontalIndex", "charWrap", "acp", "level",
                "defeatedRelation"}
_ALIAS_KEYS = ("casegate-answer", "casegate-copy-of", "casegate-evidence")
"""Layer keys casegate writes on the copies gsn2x's one-target `challenges` and its typing rules
need (see `export_gsn2x`); gsn2x shows them only as layers."""
_KNOWN_KEYS = {"text", "nodeType", "supportedBy", "inContextOf", "undeveloped", "challenges",
               "defeated", "url", *_ALIAS_KEYS} | _LAYOUT_KEYS
_ELEMENT_KIND = {"Goal": "claim", "Strategy": "strategy", "Context": "context",
                 "Assumption": "assumption", "Justification": "justification"}
counter_types = ("CounterGoal", "CounterSolution")
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*\Z")
"""A casegate id (`\\Z`, not `$`, which also matches before a final line break: `G1\\n` is no id)."""


def type_from_id(element_id: str) -> str | None:
    """The gsn2x type implied by an id's prefix (None when no prefix applies)."""
    for prefix, t in _PREFIXES:
        if element_id.startswith(prefix):
            return t
    return None


# --------------------------------------------------------------------------- YAML writing

_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.,;'()/+%=-]*\Z")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


def yaml_scalar(s: str) -> str:
    """A YAML scalar for `s`: plain when unambiguous, otherwise double-quoted (JSON escapes), with
    every character that is not printable escaped too (line and paragraph separators, NEL, the
    bidirectional controls, a BOM, DEL and C1 controls, which YAML readers take as line breaks,
    refuse, or show as something else), so the scalar reads back as exactly `s` on one line."""
    if _PLAIN.match(s) and s.lower() not in _RESERVED and not s.endswith(" ") and not _looks_numeric(s):
        return s
    return "".join(c if c.isprintable() or c == " " else _escape(c)
                   for c in json.dumps(s, ensure_ascii=False))


def _escape(c: str) -> str:
    n = ord(c)
    return f"\\u{n:04x}" if n <= 0xFFFF else f"\\U{n:08x}"


def comment_text(s: str) -> str:
    """`s` for a `# ...` comment line: one line whatever it holds (a name or file name with a line
    break would otherwise end the comment and write YAML of its choosing into the file)."""
    return "".join(c if c.isprintable() else _escape(c) for c in s)


def _block_safe(text: str) -> bool:
    """Whether `text` reads back the same from a literal block scalar (`|`) as casegate writes it:
    every line printable (no tab, CR, NEL or separator), none ending in a space (the writer strips
    it), the first not starting with one (YAML would take it as the indentation)."""
    lines = text.split("\n")
    first = next((ln for ln in lines if ln), "")
    return not first.startswith(" ") and all(ln.isprintable() and not ln.endswith(" ") for ln in lines) \
        and bool(text.strip())


def _looks_numeric(s: str) -> bool:
    try:
        float(s)
        return True
    except ValueError:
        return bool(re.match(r"^\d{4}-\d\d-\d\d", s))


def _flow(items: list[str]) -> str:
    return "[" + ", ".join(yaml_scalar(i) for i in items) + "]"


# --------------------------------------------------------------------------- export


def export_gsn2x(
    case: Case,
    *,
    redactions: dict[str, str] | None = None,
    public: bool = False,
) -> str:
    """The case's argument as a gsn2x YAML document (one module named after the case).

    Evidence cited by the argument becomes solutions. With `redactions` (id -> commitment) or
    `public=True`, redacted elements keep their id, type and links and their text becomes
    '[redacted: <commitment>]'.
    """
    out = [f"# gsn2x (v4) export of casegate case {case.id} version {case.version}", "",
           "module:", f"  name: {yaml_scalar(case.id)}", f"  brief: {yaml_scalar(case.title)}", ""]
    for _, _, lines in _export_nodes(case, redactions=redactions, public=public):
        out.extend(lines)
    return "\n".join(out).rstrip("\n") + "\n"


def export_gsn2x_modules(
    case: Case,
    module_of: dict[str, str],
    *,
    redactions: dict[str, str] | None = None,
    public: bool = False,
) -> dict[str, str]:
    """The argument as gsn2x modules: module name -> document. `module_of` names the module of
    each argument element (those it does not name belong to the case's own module, the index,
    named after the case). A solution goes with the first element citing it, a copy with the
    element it copies. The index names every other module under `module: uses:`
    (`<name>.gsn.yaml`)."""
    chunks = _export_nodes(case, redactions=redactions, public=public)
    order: list[str] = [case.id]
    by_module: dict[str, list[str]] = {case.id: []}
    for key, owner, lines in chunks:
        m = module_of.get(key) or module_of.get(owner, case.id)
        if m not in by_module:
            order.append(m)
            by_module[m] = []
        by_module[m].extend(lines)
    docs: dict[str, str] = {}
    for m in order:
        head = [f"# gsn2x (v4) module of casegate case {case.id} version {case.version}", "",
                "module:", f"  name: {yaml_scalar(m)}"]
        if m == case.id:
            head.append(f"  brief: {yaml_scalar(case.title)}")
            if len(order) > 1:
                head.append(f"  uses: {_flow([f'{x}.gsn.yaml' for x in order[1:]])}")
        docs[m] = "\n".join([*head, "", *by_module[m]]).rstrip("\n") + "\n"
    return docs


def _export_nodes(
    case: Case,
    *,
    redactions: dict[str, str] | None = None,
    public: bool = False,
) -> list[tuple[str, str, list[str]]]:
    """Every gsn2x node as (its id, the argument element it belongs with, its YAML lines)."""
    arg = case.argument
    red = dict(redactions or {})

    def text_of(key: str, text: str, conf: Confidentiality) -> str:
        if key in red:
            c = red[key]
            return f"[redacted: {c if c.startswith('sha256:') else 'sha256:' + c}]"
        if public and conf is not Confidentiality.public:
            return "[redacted]"
        return text

    accepted_targets: set[str] = set()
    against: dict[str, list[str]] = {}
    for eid, el in arg.elements.items():
        if el.type == "defeater":
            against.setdefault(eid, [])
            for t in el.against:
                if t not in against[eid]:
                    against[eid].append(t)
    for eid, el in arg.elements.items():
        for d in el.defeaters:
            lst = against.setdefault(d, [])
            if eid not in lst:
                lst.append(eid)
    for d, targets in against.items():
        de = arg.elements.get(d)
        if de is not None and de.status == "accepted":
            accepted_targets.update(targets)
    # answers: who answers which defeater, in order
    answers: dict[str, list[str]] = {}
    for eid, el in arg.elements.items():
        if el.type == "defeater":
            for x in el.answered_by:
                if eid not in answers.setdefault(x, []):
                    answers[x].append(eid)
    referenced = {r for el in arg.elements.values() for r in (*el.supported_by, *el.in_context_of)}
    # an answering claim becomes a CounterGoal itself when nothing else depends on it as a goal
    counter_claims = {x for x in answers if x in arg.elements and arg.elements[x].type == "claim"
                      and x not in referenced and not arg.elements[x].supported_by}

    chunks: list[tuple[str, str, list[str]]] = []
    first_citer: dict[str, str] = {}
    for eid, el in arg.elements.items():
        for x in [*el.evidence, *(el.answered_by if el.type == "defeater" else [])]:
            first_citer.setdefault(x, eid)

    def node(key: str, gtype: str, text: str, *, supported: list[str], context: list[str],
             undeveloped: bool = False, challenges: str | None = None, defeated: bool = False,
             layer: tuple[str, str] | None = None, owner: str | None = None) -> None:
        out: list[str] = []
        chunks.append((key, owner or (key if key in arg.elements else first_citer.get(key, key)), out))
        out.append(f"{yaml_scalar(key)}:")
        if type_from_id(key) != gtype:
            out.append(f"  nodeType: {gtype}")
        if "\n" in text:
            out.append("  text: |")
            out.extend(("    " + ln).rstrip() for ln in text.split("\n"))
        else:
            out.append(f"  text: {yaml_scalar(text)}")
        if supported:
            out.append(f"  supportedBy: {_flow(supported)}")
        if context:
            out.append(f"  inContextOf: {_flow(context)}")
        if undeveloped:
            out.append("  undeveloped: true")
        if challenges:
            out.append(f"  challenges: {yaml_scalar(challenges)}")
        if defeated:
            out.append("  defeated: true")
        if layer:
            out.append(f"  {layer[0]}: {yaml_scalar(layer[1])}")
        out.append("")

    counter_side = {eid for eid, el in arg.elements.items() if el.type == "defeater"} | counter_claims
    cited: list[str] = []
    for el in arg.elements.values():
        for x in [*el.evidence, *(el.answered_by if el.type == "defeater" else [])]:
            if x in case.evidence and x not in arg.elements and x not in cited:
                cited.append(x)
    by_counter = {x for eid in counter_side for x in arg.elements[eid].evidence}
    by_other = {x for eid, el in arg.elements.items() if eid not in counter_side for x in el.evidence}
    # evidence a counter element rests on must be a CounterSolution; when a normal goal cites it
    # too, the counter side gets a copy that names it (`casegate-evidence`)
    shared = by_counter & by_other

    def counter_support(el: Element) -> list[str]:
        return [*el.supported_by, *(f"CSn.{x}" if x in shared else x for x in el.evidence)]

    def evidence_text(x: str) -> str:
        ev = case.evidence[x]
        return text_of(x, ev.title or ev.kind, ev.confidentiality)

    aliases: list[tuple[str, str, str, str, tuple[str, str]]] = []  # id, type, text, challenges, layer
    own_answer: dict[str, str] = {}  # answering element emitted under its own id -> defeater
    for x, ds in answers.items():
        if x in counter_claims or (x in case.evidence and x not in arg.elements
                                   and x not in by_counter and x not in by_other):
            own_answer[x] = ds[0]
            rest = ds[1:]
        else:
            rest = ds
        for d in rest:
            if x in arg.elements:
                xe = arg.elements[x]
                aliases.append((f"CG.{x}.answers.{d}", "CounterGoal", text_of(x, xe.text, xe.confidentiality),
                                d, ("casegate-answer", x)))
            elif x in case.evidence:
                aliases.append((f"CSn.{x}.answers.{d}", "CounterSolution", evidence_text(x), d,
                                ("casegate-answer", x)))

    for eid, el in arg.elements.items():
        if el.type == "defeater":
            counter_solution = el.kind == "counter-evidence" and not el.supported_by and not el.evidence
            gtype = "CounterSolution" if counter_solution else "CounterGoal"
            targets = against.get(eid, [])
            text = text_of(eid, el.text, el.confidentiality)
            node(eid, gtype, text, supported=counter_support(el), context=list(el.in_context_of),
                 undeveloped=el.undeveloped, challenges=targets[0] if targets else None,
                 defeated=el.status == "answered")
            # gsn2x's `challenges` names one element: each further target gets a copy
            for t in targets[1:]:
                aliases.append((f"{eid}.also.{t}", gtype, text, t, ("casegate-copy-of", eid)))
        elif eid in counter_claims:
            node(eid, "CounterGoal", text_of(eid, el.text, el.confidentiality),
                 supported=counter_support(el), context=list(el.in_context_of),
                 undeveloped=el.undeveloped, challenges=own_answer.get(eid),
                 defeated=eid in accepted_targets)
        else:
            gtype = {"claim": "Goal", "strategy": "Strategy", "context": "Context",
                     "assumption": "Assumption", "justification": "Justification"}[el.type]
            node(eid, gtype, text_of(eid, el.text, el.confidentiality),
                 supported=[*el.supported_by, *el.evidence], context=list(el.in_context_of),
                 undeveloped=el.undeveloped, defeated=eid in accepted_targets)
    for x in cited:
        if x in by_counter and x not in by_other:
            gtype = "CounterSolution"
        elif x in own_answer:
            gtype = "CounterSolution"
        else:
            gtype = "Solution"
        if x in by_counter or x in by_other or x in own_answer:
            node(x, gtype, evidence_text(x), supported=[], context=[], challenges=own_answer.get(x),
                 defeated=x in accepted_targets)
    for x in sorted(shared):
        node(f"CSn.{x}", "CounterSolution", evidence_text(x), supported=[], context=[],
             layer=("casegate-evidence", x),
             owner=next(e for e in arg.elements if e in counter_side and x in arg.elements[e].evidence))
    for key, gtype, text, target, layer in aliases:
        owner = layer[1] if layer[0] == "casegate-copy-of" else target
        node(key, gtype, text, supported=[], context=[], challenges=target, layer=layer, owner=owner)
    return chunks


# --------------------------------------------------------------------------- import


@dataclass
class Gsn2xImport:
    """What a gsn2x file became: the argument, the evidence items, the module header, and every
    key that had no casegate meaning (reported, not silently dropped)."""

    argument: Argument
    evidence: dict[str, Evidence]
    name: str | None = None
    brief: str | None = None
    ignored: list[str] = field(default_factory=list)
    modules: list[Gsn2xModule] = field(default_factory=list)
    """The files read, the named one first; one entry for a file that uses no modules."""


def _as_list(v: Any, where: str, key: str) -> list[str]:
    if v is None:
        return []
    if isinstance(v, str):
        return [v]
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return list(v)
    raise InputError(f"`{key}` must be an element id or a list of ids", location=where,
                     help="write e.g. `supportedBy: [S1, G2]`")


@dataclass
class Gsn2xModule:
    """One gsn2x file of a (possibly modular) argument."""

    name: str
    """The module's name (`module: name:`, else the file name without `.gsn.yaml`)."""
    path: Path
    """The file."""
    brief: str | None = None
    uses: list[str] = field(default_factory=list)
    """The files it names under `module: uses:` (or `requires:`), as written."""
    elements: list[str] = field(default_factory=list)
    """Ids of the elements it defines, in file order."""
    declared_name: str | None = None
    """The name its header gives, if any."""


def _module_name(p: Path) -> str:
    n = p.name
    for suffix in (".gsn.yaml", ".gsn.yml", ".yaml", ".yml"):
        if n.endswith(suffix):
            return n[: -len(suffix)]
    return n


def _read_module(p: Path, display: str, nodes: dict[str, dict[str, Any]], types: dict[str, str],
                 locs: dict[str, Any], ignored_keys: dict[str, list[str]], budget: Any) -> Gsn2xModule:
    from ..limits import read_regular_file

    if not p.exists():
        raise InputError(f"cannot read {display}: no such file", help="check the path")
    raw = read_regular_file(p, display)
    estimate = budget.charge(raw, display)
    doc = parse_yaml(display, raw, nodes_charged=True, node_estimate=estimate)
    data = doc.data
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError("a gsn2x file is a mapping of element ids to elements", location=f"{display}:1:1")
    if doc.duplicates:
        d = doc.duplicates[0]
        line, col = doc.locate_duplicate(d.path, d.key)
        raise InputError(f"duplicate key {d.key!r}", location=f"{display}:{line}:{col}",
                         help="each element id may be defined once")

    def loc_of(*keys: str) -> str:
        line, col = doc.locate(tuple(keys))
        return f"{display}:{line}:{col}"

    mod = Gsn2xModule(name=_module_name(p), path=p)
    for key, val in data.items():
        key = str(key)
        if key in ("module", "meta"):
            if not isinstance(val, dict):
                raise InputError(f"`{key}` must be a mapping (name, brief, uses, ...)", location=loc_of(key))
            nm = val.get("name", val.get("moduleName"))
            if nm is not None:
                mod.name = mod.declared_name = str(nm)
            mod.brief = str(val["brief"]) if val.get("brief") is not None else None
            for k in ("uses", "requires"):
                if k in val:
                    used = _as_list(val[k], loc_of(key, k), f"module.{k}")
                    if any(not u.strip() for u in used):
                        raise InputError(f"`{key}.{k}` lists an empty name", location=loc_of(key, k),
                                         help="name each module's file, e.g. `uses: [teams/evaluation.gsn.yaml]`")
                    mod.uses += used
            for k in val:
                if k not in ("name", "moduleName", "brief", "uses", "requires"):
                    ignored_keys.setdefault(f"{key}.{k}", []).append(mod.name)
            continue
        if val is None:
            val = {}
        if not isinstance(val, dict):
            raise InputError(f"element {key} must be a mapping (text, supportedBy, ...)", location=loc_of(key))
        if not _ID_RE.match(key):
            raise InputError(f"element id {key!r} is not a valid casegate id", location=loc_of(key),
                             help="ids use letters, digits, '_', '.', '-' and start with a letter or digit")
        if key in nodes:
            raise InputError(f"element {key} is defined in two modules: here and at {locs[key](key)}",
                             location=loc_of(key), help="element ids must be unique across all modules")
        nt = val.get("nodeType")
        if nt is not None:
            if nt not in GSN2X_TYPES:
                raise InputError(f"element {key}: unknown nodeType {nt!r}", location=loc_of(key, "nodeType"),
                                 help="use one of " + ", ".join(GSN2X_TYPES))
            t = str(nt)
        else:
            t2 = type_from_id(key)
            if t2 is None:
                raise InputError(f"element {key}: its type cannot be told from its id",
                                 location=loc_of(key),
                                 help="start the id with G, S, Sn, C, A, J, CG or CSn, or add `nodeType:`")
            t = t2
        types[key] = t
        nodes[key] = val
        locs[key] = loc_of
        mod.elements.append(key)
        for k in val:
            if k not in _KNOWN_KEYS:
                ignored_keys.setdefault(f"{k} (display layer)" if isinstance(val[k], str) else k, []).append(key)
            elif k in _LAYOUT_KEYS:
                ignored_keys.setdefault(k, []).append(key)
    return mod


def import_gsn2x(path: str | Path, *, today: dt.date | None = None, root: str | Path | None = None) -> Gsn2xImport:
    """Read a gsn2x YAML file, and every module it names under `module: uses:` (or `requires:`,
    paths relative to the file naming them, followed transitively), into a casegate argument and
    evidence items. Elements may refer to elements other modules define (gsn2x's away goals); a
    module need not hold a goal. Every module must lie inside `root` (default: as for a case, the
    enclosing git work tree, else the named file's folder; or CASEGATE_ROOT).

    Raises InputError (with file:line:col) when a file is not a gsn2x document: an element
    whose type cannot be told, a reference to an id no module defines, an id two modules define,
    a module file that cannot be read, a bad field.
    """
    from ..limits import LimitError, confine, current_limits, resolve_path
    from ..load import CaseBudget, case_root

    p = Path(path)
    today = today or dt.date.today()
    types: dict[str, str] = {}
    nodes: dict[str, dict[str, Any]] = {}
    locs: dict[str, Any] = {}
    ignored_keys: dict[str, list[str]] = {}
    modules: list[Gsn2xModule] = []
    seen: set[Path] = set()
    # the modules are read as a case's includes are: each inside the root (the work tree holding
    # the named file, else its folder), as many as `includes` lets a case name, their bytes and
    # nodes charged together
    limits = current_limits()
    root_dir = case_root(resolve_path(p, "the gsn2x file"), root)
    budget = CaseBudget(limits)
    queue: list[tuple[Path, str]] = [(p, str(path))]
    while queue:
        fp, display = queue.pop(0)
        key_path = confine(fp, root_dir, display, "the gsn2x module") if modules else resolve_path(fp, "the gsn2x file")
        if key_path in seen:
            continue
        seen.add(key_path)
        if len(seen) > limits.includes:
            raise LimitError("includes", "the gsn2x file uses too many modules", location=display)
        mod = _read_module(fp, display, nodes, types, locs, ignored_keys, budget)
        if any(m.name == mod.name for m in modules):
            raise InputError(f"two modules are named {mod.name!r}", location=f"{display}:1:1",
                             help="module names must be unique")
        # every module but the named file's own is written to a file named after it
        clash = next((m for m in modules[1:] if module_file_name(m.name) == module_file_name(mod.name)), None)
        if clash is not None:
            raise InputError(f"the modules {clash.name!r} and {mod.name!r} would be written to one file, "
                             f"{module_file_name(mod.name)}", location=f"{display}:1:1",
                             help="give the modules names that differ in their letters, digits, '_', '.' or '-'")
        modules.append(mod)
        for u in mod.uses:
            queue.append((fp.parent / u, str(Path(display).parent / u)))
    name, brief = modules[0].declared_name, modules[0].brief

    def loc(key: str, *keys: str) -> str:
        return str(locs[key](key, *keys))

    # links
    sup: dict[str, list[str]] = {}
    ctx: dict[str, list[str]] = {}
    chal: dict[str, str] = {}
    notes: list[str] = []
    for key, val in nodes.items():
        sup[key] = _as_list(val.get("supportedBy"), loc(key, "supportedBy"), "supportedBy")
        ctx[key] = _as_list(val.get("inContextOf"), loc(key, "inContextOf"), "inContextOf")
        for fld, refs in (("supportedBy", sup[key]), ("inContextOf", ctx[key])):
            for r in refs:
                if r not in nodes:
                    raise InputError(f"element {key}: {fld} refers to {r!r}, which "
                                     + ("no module defines" if len(modules) > 1 else "the file does not define"),
                                     location=loc(key, fld), help="define the element or fix the id")
        c = val.get("challenges")
        if c is not None:
            if not isinstance(c, str):
                raise InputError(f"element {key}: `challenges` must be one element id or a relation 'A -> B'",
                                 location=loc(key, "challenges"))
            target = c
            if "->" in c:
                src, _, dst = (s.strip() for s in c.partition("->"))
                notes.append(f"{key} challenges the relation {src} -> {dst}; imported as challenging {src}")
                target = src
            if target not in nodes:
                raise InputError(f"element {key}: challenges {target!r}, which the file does not define",
                                 location=loc(key, "challenges"))
            chal[key] = target
        for b in ("undeveloped", "defeated"):
            if b in val and not isinstance(val[b], bool):
                raise InputError(f"element {key}: `{b}` must be true or false", location=loc(key, b))

    # copies casegate wrote (see export_gsn2x) fold back into the element they stand for
    alias: dict[str, tuple[str, str]] = {}
    for key, val in nodes.items():
        for a in _ALIAS_KEYS:
            if a in val:
                target = str(val[a])
                if target not in nodes and a != "casegate-answer":
                    raise InputError(f"element {key}: {a} names {target!r}, which the file does not define",
                                     location=loc(key, a))
                alias[key] = (a, target)
    for key in nodes:
        sup[key] = [alias[r][1] if r in alias and alias[r][0] == "casegate-evidence" else r for r in sup[key]]

    # a counter-solution that challenges nothing is evidence for its counter-goal; one that
    # challenges an element is itself a defeater (counter-evidence); a counter element that
    # challenges a counter element answers it
    counter = {k for k, t in types.items() if k not in alias
               and (t == "CounterGoal" or (t == "CounterSolution" and k in chal))}
    answers = {k for k in counter if chal.get(k) in counter}
    counter -= answers
    solutions = {k for k, t in types.items() if k not in alias
                 and (t == "Solution" or (t == "CounterSolution" and (k not in chal or k in answers)))}
    answered_by: dict[str, list[str]] = {}
    against: dict[str, list[str]] = {k: [] for k in counter}
    for k, target in chal.items():
        if k in alias:
            kind, of = alias[k]
            if kind == "casegate-copy-of" and of in against:
                against[of].append(target)
            elif kind == "casegate-answer":
                answered_by.setdefault(target, []).append(of)
            continue
        if k in counter:
            against[k].append(target)
        elif target in counter:
            answered_by.setdefault(target, []).append(k)
        else:
            notes.append(f"{k} challenges {target}, but neither is a counter-goal or counter-solution; "
                         "the challenge was not imported")
    defeated = {k for k, v in nodes.items() if v.get("defeated") is True}
    for k in defeated:
        if k not in counter and not any(k in ts for ts in against.values()):
            notes.append(f"{k} is marked defeated but nothing challenges it; the mark was not imported")

    elements: dict[str, Element] = {}
    evidence: dict[str, Evidence] = {}
    for key, val in nodes.items():
        t = types[key]
        text = str(val.get("text", "") or "").rstrip("\n")
        if key in alias:
            continue
        if key in solutions:
            url = val.get("url")
            what = "counter-solution" if t == "CounterSolution" else "solution"
            note = f"Imported from gsn2x {what} {key}" + (f"; url: {url}" if url else "") + (
                f" on {today.isoformat()}; set producer, date, artifact and sha256.")
            evidence[key] = Evidence(kind="other", title=text or key, producer="unknown (imported)",
                                     date=today, summary=note)
            continue
        s_ids = [r for r in sup[key] if r not in solutions]
        e_ids = [r for r in sup[key] if r in solutions]
        common: dict[str, Any] = dict(supported_by=s_ids, evidence=e_ids, in_context_of=ctx[key],
                                      undeveloped=bool(val.get("undeveloped", False)))
        if t in counter_types and key in counter:
            status = "open"
            if key in defeated:
                status = "answered"
            elif any(x in defeated for x in against[key]):
                status = "accepted"
            elements[key] = Element(
                defeater=text, kind="counter-evidence" if t == "CounterSolution" else "objection",
                against=against[key], status=status, answered_by=answered_by.get(key, []), **common)
        else:
            kind = "claim" if t in counter_types else _ELEMENT_KIND[t]  # an answering CounterGoal
            elements[key] = Element(**{kind: text}, **common)

    referenced = {r for k in nodes for r in (*sup[k], *ctx[k])}
    referenced |= set(answers)
    roots = [k for k, t in types.items() if t == "Goal" and k not in referenced]
    top = roots[0] if roots else next((k for k, t in types.items() if t == "Goal"), None)
    if top is None:
        raise InputError("the gsn2x file has no goal", location=f"{path}:1:1",
                         help="a casegate argument needs a top claim")
    ignored = [f"{k}: ignored on {len(v)} element{'s' if len(v) > 1 else ''} ({', '.join(v[:5])}"
               f"{', ...' if len(v) > 5 else ''})" for k, v in ignored_keys.items()]
    return Gsn2xImport(argument=Argument(top=top, elements=elements), evidence=evidence,
                       name=name, brief=brief, ignored=ignored + notes, modules=modules)


# --------------------------------------------------------------------------- case skeleton


def _element_yaml(eid: str, el: Element) -> list[str]:
    lines = [f"    {yaml_scalar(eid)}:"]
    t = el.type
    text = el.text
    if "\n" in text and _block_safe(text):
        lines.append(f"      {t}: |")
        lines.extend(("        " + ln).rstrip() for ln in text.split("\n"))
    else:
        lines.append(f"      {t}: {yaml_scalar(text)}")
    for fld in ("supported_by", "evidence", "in_context_of"):
        v = getattr(el, fld)
        if v:
            lines.append(f"      {fld}: {_flow(v)}")
    if el.undeveloped:
        lines.append("      undeveloped: true")
    if t == "defeater":
        lines.append(f"      kind: {el.kind}")
        lines.append(f"      against: {_flow(el.against)}")
        lines.append(f"      status: {el.status}")
        if el.answered_by:
            lines.append(f"      answered_by: {_flow(el.answered_by)}")
    return lines


MODULE_FILE_PREFIX = "module-"
"""An included file named `module-<name>.yaml` holds the gsn2x module <name> of the argument."""


def module_file_name(name: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9_.\-]", "-", name).strip("-.") or "module"
    return f"{MODULE_FILE_PREFIX}{slug}.yaml"


def modules_of(loaded: Any) -> dict[str, str]:
    """Argument element or evidence id -> gsn2x module name, for what a loaded case declares in
    `module-<name>.yaml` files (see `write_case_skeleton`); the rest belong to the case's own
    module (a solution there goes with the first element citing it)."""
    out: dict[str, str] = {}
    case = loaded.case
    if case is None:
        return out
    paths: list[tuple[str, ...]] = [("argument", "elements", eid) for eid in case.argument.elements]
    paths += [("evidence", x) for x in case.evidence]
    for path in paths:
        name = Path(loaded.origin(path).path).name
        if name.startswith(MODULE_FILE_PREFIX) and name.endswith((".yaml", ".yml")):
            out[str(path[-1])] = name[len(MODULE_FILE_PREFIX):].rsplit(".", 1)[0]
    return out


def _evidence_yaml(imp: Gsn2xImport, keys: list[str]) -> list[str]:
    ev: list[str] = []
    for k in keys:
        e = imp.evidence[k]
        ev.append(f"  {yaml_scalar(k)}:")
        ev.append(f"    kind: {e.kind}")
        ev.append(f"    title: {yaml_scalar(e.title or k)}")
        ev.append(f"    producer: {yaml_scalar(e.producer)}")
        ev.append(f"    date: {e.date.isoformat()}")
        ev.append(f"    summary: {yaml_scalar(e.summary or '')}")
    return ev


def write_case_skeleton(imp: Gsn2xImport, out: Path, *, source: str, policy: str | None = None,
                        case_id: str | None = None) -> list[Path]:
    """Write case.yaml (a skeleton to complete), argument.yaml and evidence.yaml into `out`.
    Refuses to overwrite existing files."""
    out.mkdir(parents=True, exist_ok=True)
    files = {n: out / n for n in ("case.yaml", "argument.yaml", "evidence.yaml")}
    others = imp.modules[1:]
    for m in others:
        files[module_file_name(m.name)] = out / module_file_name(m.name)
    main_ids = set(imp.modules[0].elements) if others else set(imp.argument.elements) | set(imp.evidence)
    existing = [str(p) for p in files.values() if p.exists()]
    if existing:
        raise InputError(f"{', '.join(existing)} already exist{'s' if len(existing) == 1 else ''}",
                         help="import into an empty directory")
    head = ["casegate: 1", "kind: case"]
    source = comment_text(source)
    arg = [f"# The argument imported from the gsn2x file {source}.", *head, "argument:",
           f"  top: {yaml_scalar(imp.argument.top)}", "  elements:"]
    for eid, el in imp.argument.elements.items():
        if eid in main_ids:
            arg.extend(_element_yaml(eid, el))
    if arg[-1] == "  elements:":
        arg[-1] = "  elements: {}"
    ev = [f"# Solutions imported from the gsn2x file {source}: complete each item (producer, date,",
          "# artifact, sha256) before the case can pass its checks.", *head, "evidence:"]
    main_ev = [k for k in imp.evidence if k in main_ids]
    if not main_ev:
        ev[-1] = "evidence: {}"
    ev += _evidence_yaml(imp, main_ev)
    module_texts: dict[str, str] = {}
    for m in others:
        lines = [f"# gsn2x module {comment_text(m.name)} (from {comment_text(m.path.name)}), imported with {source}.",
                 *head]
        els = [k for k in m.elements if k in imp.argument.elements]
        evs = [k for k in m.elements if k in imp.evidence]
        if els:
            lines += ["argument:", "  elements:"]
            for eid in els:
                lines.extend(_element_yaml(eid, imp.argument.elements[eid]))
        if evs:
            lines += ["evidence:", *_evidence_yaml(imp, evs)]
        module_texts[module_file_name(m.name)] = "\n".join(lines) + "\n"
    cid = case_id or re.sub(r"[^A-Za-z0-9_.\-]", "-", imp.name or Path(source).stem).strip("-.") or "imported"
    if not cid[0].isalnum():
        cid = "c" + cid
    case = [
        f"# Case skeleton imported from the gsn2x file {source}. Complete the system, boundary and",
        "# threat model, then run `casegate check case.yaml`.", *head,
        f"id: {yaml_scalar(cid)}",
        f"title: {yaml_scalar(imp.brief or imp.name or cid)}",
        f"policy: {yaml_scalar(policy or 'policy.yaml')}" + ("" if policy else "  # write or point to the policy"),
        f"include: {_flow(['evidence.yaml', 'argument.yaml', *module_texts])}",
        "system:",
        "  name: TODO-model-name",
        '  version: "0"',
        '  digests: ["sha256:' + "0" * 64 + '"]  # `casegate digest MODEL_DIR` (docs/signing.md)',
    ]
    files["argument.yaml"].write_text("\n".join(arg) + "\n", encoding="utf-8")
    files["evidence.yaml"].write_text("\n".join(ev) + "\n", encoding="utf-8")
    files["case.yaml"].write_text("\n".join(case) + "\n", encoding="utf-8")
    for n, text in module_texts.items():
        files[n].write_text(text, encoding="utf-8")
    return list(files.values())
