"""Text measurement by estimated character width, and greedy word wrapping.

Diagrams are laid out without a font engine: every character counts as `CHAR_W` pixels at the
body size, which is close to the average advance of common sans-serif fonts. Lines are wrapped
to a character budget, so a box is never narrower than its text."""

from __future__ import annotations

FONT_SIZE = 12.0
CHAR_W = 6.6
"""Estimated average advance of one character at FONT_SIZE (px)."""
LINE_H = 15.0
MAX_LINES = 12
"""Longer texts are cut with an ellipsis on the diagram (the tooltip keeps the full text)."""


def wrap(text: str, width: int, max_lines: int = MAX_LINES) -> list[str]:
    """Greedy word wrap to at most `width` characters per line (longer words are split), at most
    `max_lines` lines (the last ends with an ellipsis when text was cut). Newlines are kept."""
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.split()
        if not words:
            if lines:
                lines.append("")
            continue
        cur = ""
        for w in words:
            while len(w) > width:
                if cur:
                    lines.append(cur)
                    cur = ""
                cut = w.rfind("-", 1, width) + 1 or width  # break after a hyphen when there is one
                lines.append(w[:cut])
                w = w[cut:]
            if not cur:
                cur = w
            elif len(cur) + 1 + len(w) <= width:
                cur = cur + " " + w
            else:
                lines.append(cur)
                cur = w
        if cur:
            lines.append(cur)
    while lines and not lines[-1]:
        lines.pop()
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        lines[-1] = (last[: width - 1] if len(last) >= width else last) + "…"
    return lines


def text_width(line: str, scale: float = 1.0) -> float:
    """Estimated width in pixels of one line at FONT_SIZE * scale."""
    return len(line) * CHAR_W * scale
