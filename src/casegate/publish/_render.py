"""Rendering the public summary and the decision report with Jinja2 (autoescaping on)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import jinja2
import markupsafe

_TAG = re.compile(r"<([A-Za-z/!?][^<>\n]*)(>?)")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")


def _md_escape(value: Any) -> Any:
    """Markdown is often shown as HTML: text from a case must never become markup there. Only
    what CommonMark would read as markup is neutralised (a tag, a comment, an autolink, an
    entity); a plain `>`, `<` or `&` in prose ("rate > 0.005", "R&D") stays as written."""
    if isinstance(value, str) and not isinstance(value, markupsafe.Markup):
        value = _ENTITY.sub("&amp;", value)
        return _TAG.sub(lambda m: "&lt;" + m.group(1) + ("&gt;" if m.group(2) else ""), value)
    return value


_TICKS = re.compile(r"`([^`\n]+)`")


def inline_html(value: Any) -> markupsafe.Markup:
    """Escape text for HTML and show `backticked` spans (as the gate writes names) as code."""
    escaped = str(markupsafe.escape("" if value is None else value))
    return markupsafe.Markup(_TICKS.sub(r"<code>\1</code>", escaped))


@cache
def environment(markdown: bool = False) -> jinja2.Environment:
    """The template environment. HTML templates autoescape; Markdown templates escape every
    interpolated value's `&`, `<` and `>` (quotes stay readable in the Markdown source)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("casegate.publish", "templates"),
        autoescape=not markdown,
        finalize=_md_escape if markdown else None,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["inline"] = (lambda v: v) if markdown else inline_html
    from ._glossary import glossary, with_titles
    from ._lead import plain_lead

    env.globals["plain_lead"] = plain_lead
    env.globals["titled"] = lambda text, s: with_titles(text, glossary(s))
    return env


def render(template: str, **context: Any) -> str:
    """Render one of the package's templates (`.md.j2` as Markdown, the others as HTML)."""
    return environment(template.endswith(".md.j2")).get_template(template).render(**context)
