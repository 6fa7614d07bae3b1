"""Turn a diagram's class-based style sheet into SVG presentation attributes.

Browsers apply an SVG's `<style>` block; many other renderers (ImageMagick, librsvg in some
modes, PDF converters, image viewers) ignore it and draw every shape with the default black fill.
`apply_styles` writes each rule's declarations onto the elements it matches, as presentation
attributes (`fill="#fff"`, `stroke-dasharray="4 3"`, ...), so the SVG needs no style sheet.

Only what the diagram's own style sheet uses is supported: selectors made of tag and class
compounds joined by descendant combinators (`.n.defeater.open .s`, `.badge text`), comma lists,
and declarations that are SVG presentation properties. A declaration the sheet sets overrides
an attribute of the same name on the element, as CSS does.
"""

from __future__ import annotations

from dataclasses import dataclass

from .._patterns import kept

_RULE = kept(r"([^{}]+)\{([^{}]*)\}")
_TAG = kept(r"<(/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+=\"[^\"]*\")*)\s*(/?)>")
_ATTR = kept(r"([\w:-]+)=\"([^\"]*)\"")
_NOT_PRESENTATION = {"cursor"}
"""Declarations with no presentation-attribute form (interaction only), dropped."""


@dataclass(frozen=True)
class _Compound:
    tag: str | None
    classes: frozenset[str]

    def matches(self, tag: str, classes: frozenset[str]) -> bool:
        return (self.tag is None or self.tag == tag) and self.classes <= classes


@dataclass(frozen=True)
class _Rule:
    compounds: tuple[_Compound, ...]
    declarations: tuple[tuple[str, str], ...]
    specificity: tuple[int, int]
    order: int


def _compound(text: str) -> _Compound:
    parts = text.split(".")
    return _Compound(parts[0] or None, frozenset(p for p in parts[1:] if p))


def parse_rules(css: str) -> list[_Rule]:
    """The style sheet's rules, one per selector of each comma list, in source order."""
    rules: list[_Rule] = []
    for m in _RULE.finditer(css):
        decls = tuple((k.strip(), v.strip()) for k, _, v in
                      (d.partition(":") for d in m.group(2).split(";") if ":" in d)
                      if k.strip() not in _NOT_PRESENTATION)
        for sel in m.group(1).split(","):
            compounds = tuple(_compound(c) for c in sel.split())
            if not compounds:
                continue
            spec = (sum(len(c.classes) for c in compounds), sum(c.tag is not None for c in compounds))
            rules.append(_Rule(compounds, decls, spec, len(rules)))
    return rules


def _matches(rule: _Rule, stack: list[tuple[str, frozenset[str]]]) -> bool:
    *ancestors, (tag, classes) = stack
    if not rule.compounds[-1].matches(tag, classes):
        return False
    i = len(ancestors) - 1
    for c in reversed(rule.compounds[:-1]):
        while i >= 0 and not c.matches(*ancestors[i]):
            i -= 1
        if i < 0:
            return False
        i -= 1
    return True


def apply_styles(svg: str, css: str) -> str:
    """`svg` with the rules of `css` written onto the elements they match as presentation
    attributes (and no style sheet needed)."""
    rules = parse_rules(css)
    stack: list[tuple[str, frozenset[str]]] = []
    out: list[str] = []
    pos = 0
    for m in _TAG.finditer(svg):
        out.append(svg[pos:m.start()])
        pos = m.end()
        closing, tag, attrs, selfclosing = m.group(1), m.group(2), m.group(3), m.group(4)
        if closing:
            if stack:
                stack.pop()
            out.append(m.group(0))
            continue
        values = dict(_ATTR.findall(attrs))
        classes = frozenset(values.get("class", "").split())
        stack.append((tag, classes))
        decided: dict[str, str] = {}
        for r in sorted((r for r in rules if _matches(r, stack)), key=lambda r: (r.specificity, r.order)):
            decided.update(r.declarations)
        if selfclosing:
            stack.pop()
        if not decided:
            out.append(m.group(0))
            continue
        merged = dict(values)
        merged.update(decided)
        text = "".join(f' {k}="{v.replace(chr(34), "&quot;")}"' for k, v in merged.items())
        out.append(f"<{tag}{text}{'/' if selfclosing else ''}>")
    out.append(svg[pos:])
    return "".join(out)
