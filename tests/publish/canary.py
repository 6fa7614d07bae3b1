"""Canary cases: the example case with every confidential field of every redacted element filled
with a unique, recognisable value, so any public output can be searched for leaks.

The filler walks the model's field annotations generically, so a field added to the case format
later is filled (and checked) without changing this file. Only the fields the publisher declares
as structure (`casegate.publish.REVEALED_FIELDS`: links by id and enumerated role attributes)
keep their original values.

Reuse: `canary_cases()` is a hypothesis strategy of `CanaryCase`; `write_case()` puts one on disk
with the example's policy; `leaks()` lists the canary tokens found in a text.
"""

from __future__ import annotations

import datetime as dt
import random
import types
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from hypothesis import strategies as st
from pydantic import BaseModel

from casegate.load import load_case
from casegate.model import Case, Confidentiality, Element, Pathway, Safeguard
from casegate.publish import REVEALED_FIELDS, iter_redactable, pointer_of

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "atlas-api" / "case.yaml"
LEVELS = list(Confidentiality)
_TEXT_FIELDS = ("claim", "strategy", "context", "assumption", "justification", "defeater")


@dataclass
class CanaryCase:
    """A case whose confidential elements are full of canaries."""

    case: Case
    level: Confidentiality
    """The level the case will be published at: every element above it carries canaries."""
    tokens: set[str] = field(default_factory=set)
    """Every canary value, as text, that must not appear in output for `level`."""
    redacted: list[str] = field(default_factory=list)
    """Pointers of the elements that carry canaries."""


class Filler:
    """Fills model fields with unique canary values, remembering each as a token."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.tokens: set[str] = set()
        self._int = rng.randrange(100_000_000, 200_000_000)

    def text(self) -> str:
        t = f"CANARY-{self.rng.getrandbits(64):016x}"
        self.tokens.add(t)
        return t

    def hex64(self) -> str:
        t = f"{self.rng.getrandbits(256):064x}"
        self.tokens.add(t)
        return t

    def integer(self) -> int:
        # increasing, so counts stay consistent (successes before trials, bypasses before attempts)
        self._int += self.rng.randrange(1, 1_000_000)
        self.tokens.add(str(self._int))
        return self._int

    def number(self) -> float:
        # nine significant digits, the sixth not zero: both the full and the short (%g) form are
        # long enough never to occur by chance (as '0.3' would, in an SVG's coordinates)
        while True:
            x = round(self.rng.uniform(0.1, 0.9), 9)
            if len(repr(x)) == 11 and len(f"{x:g}") == 8:
                break
        self.tokens.update({repr(x), f"{x:g}"})
        return x

    def date(self) -> str:
        d = dt.date(self.rng.randrange(2700, 2999), self.rng.randrange(1, 13), self.rng.randrange(1, 29))
        self.tokens.add(d.isoformat())
        return d.isoformat()

    def value(self, tp: Any, meta: tuple[Any, ...] = ()) -> Any:
        origin = get_origin(tp)
        if origin is Annotated:
            base, *more = get_args(tp)
            return self.value(base, tuple(more) + meta)
        if origin in (Union, types.UnionType):
            args = [a for a in get_args(tp) if a is not type(None)]
            pick = next((a for a in args if a is str), args[0])
            return self.value(pick, meta)
        if origin is Literal:
            return get_args(tp)[0]
        if origin in (list, tuple, set, frozenset):
            args = get_args(tp)
            return [self.value(args[0] if args else str), self.value(args[0] if args else str)]
        if origin is dict:
            k, v = get_args(tp)
            if isinstance(v, type) and issubclass(v, BaseModel):
                return {f"X{self.rng.getrandbits(32):08x}": self.value(v)}
            return {self.value(k): self.value(v)}
        if tp is Any or tp is object:
            return self.text()
        if isinstance(tp, type):
            if issubclass(tp, BaseModel):
                return self.model(tp)
            if issubclass(tp, Enum):
                return list(tp)[0].value
            if tp is bool:
                return True
            if tp is int:
                return self.integer()
            if tp is float:
                return self.number()
            if tp is dt.date:
                return self.date()
            if tp is str:
                pattern = next((getattr(m, "pattern", None) for m in meta if getattr(m, "pattern", None)), None)
                if pattern and "sha256:" in pattern:
                    return "sha256:" + self.hex64()
                if pattern and "[0-9a-f]{64}" in pattern:
                    return self.hex64()
                return self.text()
        raise TypeError(f"the canary filler does not know how to fill {tp!r}: teach tests/publish/canary.py")

    def model(self, cls: type[BaseModel], keep: dict[str, Any] | None = None) -> dict[str, Any]:
        """Every field of `cls` filled, except those in `keep` (kept as given)."""
        out: dict[str, Any] = {}
        for name, info in cls.model_fields.items():
            if keep is not None and name in keep:
                out[name] = keep[name]
            elif name == "confidentiality":
                continue
            else:
                out[name] = self.value(info.annotation, tuple(info.metadata))
        return out


def _plain(v: Any) -> Any:
    if isinstance(v, BaseModel):
        return v.model_dump(mode="json")
    if isinstance(v, Enum):
        return v.value
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v


def canary_element(f: Filler, model: BaseModel, level: Confidentiality) -> dict[str, Any]:
    """A canary-filled replacement for `model`, keeping only the fields published as structure."""
    cls = type(model)
    keep = {n: _plain(getattr(model, n)) for n in REVEALED_FIELDS.get(cls, frozenset())}
    data = f.model(cls, keep)
    if isinstance(model, Element):
        for n in _TEXT_FIELDS:
            if n != model.type:
                data[n] = None
    if isinstance(model, Pathway):
        data["steps"] = [f.text() for _ in model.steps]
    data["confidentiality"] = level.value
    return data


def build_canary_case(base: Case, rng: random.Random, level: Confidentiality,
                      levels: dict[str, Confidentiality], extra: int) -> CanaryCase:
    """`base` with each redactable element set to its level in `levels` (by pointer), those above
    `level` filled with canaries, and `extra` new canary elements of each kind added."""
    f = Filler(rng)
    doc = base.model_dump(mode="json")
    redacted: list[str] = []
    step_renames: dict[str, str] = {}
    above = [lv for lv in LEVELS if LEVELS.index(lv) > LEVELS.index(level)] or [Confidentiality.secret]

    def at(parts: tuple[str | int, ...]) -> dict[str, Any]:
        d: Any = doc
        for p in parts[:-1]:
            d = d[p]
        return d  # type: ignore[no-any-return]

    for parts, model in list(iter_redactable(base)):
        lv = levels.get(pointer_of(parts), model.confidentiality)  # type: ignore[attr-defined]
        parent = at(parts)
        if LEVELS.index(lv) > LEVELS.index(level):
            new = canary_element(f, model, lv)
            if isinstance(model, Pathway):
                for old, nw in zip(model.steps, new["steps"], strict=True):
                    step_renames[f"{parts[-1]}.{old}"] = f"{parts[-1]}.{nw}"
            parent[parts[-1]] = new
            redacted.append(pointer_of(parts))
        else:
            parent[parts[-1]]["confidentiality"] = lv.value
    # safeguards name steps of redacted pathways by their (now canary) names
    for sg in doc["safeguards"].values():
        sg["blocks"] = [step_renames.get(b, b) for b in sg["blocks"]]

    # extra elements, each confidential, linked into the structure
    claims = [k for k, e in base.argument.elements.items() if e.type == "claim"]
    pathways = [(d, p) for d, t in base.threat_model.items() for p in t.pathways]
    for i in range(extra):
        lv = rng.choice(above)
        eid = f"E-x{i}"
        ev = f.model(base.evidence[next(iter(base.evidence))].__class__, {"kind": "eval"})
        ev["confidentiality"] = lv.value
        doc["evidence"][eid] = ev
        redacted.append(f"/evidence/{eid}")
        gid = f"G-x{i}"
        g = canary_element(f, Element(claim="x", evidence=[eid]), lv)
        doc["argument"]["elements"][gid] = g
        doc["argument"]["elements"][rng.choice(claims)]["supported_by"].append(gid)
        redacted.append(f"/argument/elements/{gid}")
        did = f"D-x{i}"
        d = canary_element(f, Element(defeater="x", kind="objection", against=[gid], status="open",
                                      answered_by=[eid]), lv)
        doc["argument"]["elements"][did] = d
        redacted.append(f"/argument/elements/{did}")
        dom, _ = rng.choice(pathways)
        pid = f"P-x{i}"
        steps = [f.text(), f.text()]
        pw = canary_element(f, Pathway(severity="severe", steps=["a", "b"]), lv)
        pw["steps"] = steps
        doc["threat_model"][dom]["pathways"][pid] = pw
        redacted.append(f"/threat_model/{dom}/pathways/{pid}")
        sid = f"SG-x{i}"
        sg = canary_element(f, Safeguard(layer="classifier", blocks=[f"{pid}.{s}" for s in steps],
                                         evidence=[eid]), lv)
        doc["safeguards"][sid] = sg
        redacted.append(f"/safeguards/{sid}")
        rr = canary_element(f, base.residual_risk[next(iter(base.residual_risk))], lv)
        doc["residual_risk"][pid] = rr
        redacted.append(f"/residual_risk/{pid}")
    case = Case.model_validate(doc)
    return CanaryCase(case=case, level=level, tokens=f.tokens, redacted=redacted)


def example_case() -> Case:
    loaded = load_case(EXAMPLE)
    assert loaded.case is not None
    return loaded.case


@st.composite
def canary_cases(draw: st.DrawFn, base: Case | None = None) -> CanaryCase:
    """Hypothesis strategy: the example case (or `base`) with random confidentiality levels,
    published at a random level below secret, with 0-2 extra canary elements of each kind."""
    base = base or example_case()
    level = draw(st.sampled_from(LEVELS[:-1]))
    pointers = [pointer_of(p) for p, _ in iter_redactable(base)]
    levels = {p: draw(st.sampled_from(LEVELS), label=p) for p in pointers}
    extra = draw(st.integers(0, 2), label="extra")
    seed = draw(st.integers(0, 2**32 - 1), label="seed")
    cc = build_canary_case(base, random.Random(seed), level, levels, extra)
    if not cc.redacted:  # always something to leak
        return build_canary_case(base, random.Random(seed), Confidentiality.public,
                                 {p: Confidentiality.secret for p in pointers}, extra)
    return cc


def write_case(case: Case, directory: Path, policy: Path | None = None, *, beside: bool = False) -> Path:
    """Write `case` as one YAML file in `directory` (its policy: the example's) and return its path.
    `beside`: the policy is copied into `directory` and named relatively, as a case folder keeps it
    (a stored version then reloads with it, charts and all)."""
    import shutil

    import yaml

    directory.mkdir(parents=True, exist_ok=True)
    data = case.model_dump(mode="json", exclude_defaults=True)
    data["include"] = []
    source = (policy or EXAMPLE.parent / "policy.yaml").resolve()
    if beside:
        shutil.copyfile(source, directory / "policy.yaml")
    data["policy"] = "policy.yaml" if beside else str(source)
    path = directory / "case.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def leaks(text: str, tokens: set[str]) -> list[str]:
    """The canary tokens that occur in `text`."""
    return sorted(t for t in tokens if t in text)
