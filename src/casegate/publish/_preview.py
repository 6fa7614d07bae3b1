"""Marking the files of a local preview (`casegate publish --no-record`), so that none of them,
shown or passed on alone, reads as the version's public summary."""

from __future__ import annotations

from .._patterns import kept

_ROOT = kept(r"<svg\b[^>]*>")
_SIZE = kept(r'\s(width|height)="([0-9]+(?:\.[0-9]+)?)"')
_BAND = 26.0
LABEL = "UNRECORDED PREVIEW: not a publication"
"""What the band above a preview's picture says (its title holds the whole note)."""


def escape(text: str) -> str:
    """`html.escape(text)`, written out: the `html` module builds its table of some 2,200 named
    entities at import, which publishing never reads."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("'", "&#x27;"))


def mark_svg(svg: str, note: str) -> str:
    """`svg` under a band that says it is an unrecorded preview (drawn above the picture, not over
    it), with `note` as its title. A picture whose size is not given in plain numbers gets the
    band's words as its first drawn element."""
    root = _ROOT.search(svg)
    if root is None:
        raise ValueError("not an SVG document")
    size = dict(_SIZE.findall(root.group(0)))
    text = (f'<text x="8" y="18" font-family="Helvetica, Arial, sans-serif" font-size="13" '
            f'font-weight="bold" fill="#b71c1c">{LABEL}</text>')
    if "width" not in size or "height" not in size:
        return svg[:root.end()] + f'<title>{escape(note)}</title>' + text + svg[root.end():]
    w, h = float(size["width"]), float(size["height"]) + _BAND
    body = svg[root.start():].rstrip("\n")  # an inner `<svg>` keeps its own viewport and definitions
    return (f'{svg[:root.start()]}<svg xmlns="http://www.w3.org/2000/svg" width="{w:g}" height="{h:g}" '
            f'viewBox="0 0 {w:g} {h:g}"><title>{escape(note)}</title>'
            f'<rect width="{w:g}" height="{_BAND:g}" fill="#fff3e0"/>{text}'
            f'<g transform="translate(0 {_BAND:g})">{body}</g></svg>\n')
