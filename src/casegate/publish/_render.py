"""Rendering the public summary and the decision report with Jinja2 (autoescaping on)."""

from __future__ import annotations

import os
import tempfile
from contextvars import ContextVar
from functools import cache
from typing import Any

import jinja2
import markupsafe

from .._cachekey import cache_key, opened, private_folder, sealed
from .._patterns import kept
from .._userdirs import cache_root
from ..terminal import page_text, page_text_may_change

_TAG = kept(r"<([A-Za-z/!?][^<>\n]*)(>?)")
_ENTITY = kept(r"&(?=#?[A-Za-z0-9]+;)")
_BREAK = kept(r"[ \t]*(?:\r\n?|\n)[ \t\r\n]*")
_BLOCK = kept(r"^([ \t]*)(?=#{1,6}(?:[ \t]|$)|>|[-+*](?:[ \t]|$)|(?:[*_-][ \t]*){3,}$|[-=]+[ \t]*$|`{3}|~{3})"
              r"|^([ \t]*\d{1,9})(?=[.)](?:[ \t]|$))")
MD_STARTS = frozenset(" \t#>+-*_=`~0123456789")
"""First characters of a value that `md_text` may change (see `md_plain`)."""


def md_plain(value: str) -> bool:
    """Whether `md_text` leaves `value` as it is for certain: it holds none of `&<\\r\\n|]` and
    starts with none of `MD_STARTS` (each character looked for on its own: a scan in C)."""
    return not ("&" in value or "<" in value or "\n" in value or "\r" in value or "|" in value
                or "]" in value or value[:1] in MD_STARTS)


def md_text(value: str) -> str:
    """Text from a case or the gate as it is put into a Markdown page: it reads as the same words
    and can never become markup there (Markdown is often shown as HTML), nor leave the place the
    page gives it. Line breaks become spaces (a soft break reads as one), so no value starts a
    heading, list, quote or table row of its own (a title ending in a line `## Decision` and
    `**GO**` above the real decision); `|` is escaped, so no value adds a cell to a table row; a
    link or image (`![GO](badge.svg)`) or a value opening with a link definition (`[GO]: url`)
    has its brackets escaped (a reference to a definition finds none: no value starts a line), and a block marker at a value's
    start (`#`, `>`, `-`, `1.`, a fence) is escaped too. A tag, a comment, an autolink or an
    entity is neutralised; a plain `>`, `<` or `&` in prose ("rate > 0.005", "R&D") stays as
    written."""
    if "&" in value:
        value = _ENTITY.sub("&amp;", value)
    if "<" in value:
        value = _TAG.sub(lambda m: "&lt;" + m.group(1) + ("&gt;" if m.group(2) else ""), value)
    if "\n" in value or "\r" in value:
        value = _BREAK.sub(" ", value)
    if "|" in value:
        value = value.replace("|", "\\|")
    if "](" in value or ("]:" in value and value.lstrip()[:1] == "["):
        value = value.replace("[", "\\[").replace("]", "\\]")
    if value[:1] in MD_STARTS:
        value = _BLOCK.sub(lambda m: (m.group(1) or m.group(2) or "") + "\\", value, count=1)
    return value


def _md_escape(value: Any) -> Any:
    """`md_text` of every interpolated string (Markup, the pages' own, is left as it is)."""
    if isinstance(value, str) and not isinstance(value, markupsafe.Markup):
        value = page_text(value)
        # most values hold none of these characters: no pattern is run over them
        if md_plain(value):
            return value
        return md_text(value)
    return page_value(value)


def page_value(value: Any) -> Any:
    """An interpolated value as an HTML page shows it: its text through `page_text` (a
    bidirectional override or an invisible character in a case's text is shown as an escape and
    cannot reorder or hide the words the page puts after it), Markup (the page's own, already
    escaped) kept Markup. Every `{{ }}` of the publish and board templates passes through it."""
    if isinstance(value, markupsafe.Markup):
        # the page's own blocks (a table of thousands of rows) run to megabytes and seldom hold
        # anything `page_text` changes: such a block is kept as it is, not copied twice
        if not _block_may_change(value):
            return value
        return markupsafe.Markup(page_text(str(value)))
    if isinstance(value, str):
        return page_text(value)
    return value


_KNOWN_MIN = 1 << 16
"""A block at least this long that `page_value` found unchanged is remembered while its page is
rendered (`render`)."""
_KNOWN_MAX = 4
_known: ContextVar[list[str] | None] = ContextVar("_known", default=None)
"""The long blocks of the page being rendered found to hold nothing `page_text` changes, most
recent last (None outside `render`)."""


def _block_may_change(value: str) -> bool:
    """`page_text_may_change(value)`, without searching again a long block found unchanged before
    in the same page. A block a template wrote (a table of thousands of rows) is interpolated
    again in each template or macro that holds it, as part of that one's output: the part found
    before is skipped, the text around it searched. Whether `page_text` changes a text is whether
    one of its characters is one it changes, so a text holds one exactly when a part does."""
    known = _known.get()
    if known is None or len(value) < _KNOWN_MIN:
        return page_text_may_change(value)
    for block in reversed(known):
        if len(block) <= len(value) and (i := _place(value, block)) >= 0:
            changes = page_text_may_change(value[:i]) or page_text_may_change(value[i + len(block):])
            break
    else:
        changes = page_text_may_change(value)
    if not changes:
        if len(known) >= _KNOWN_MAX:
            del known[0]
        known.append(value)
    return changes


def _place(value: str, block: str) -> int:
    """Where `block` stands in `value` (-1: nowhere): its first characters are looked for, and the
    whole compared where they stand (`str.find` of a needle of a megabyte compares it character by
    character, as slow as the search it would spare; `startswith` compares memory)."""
    head = block[:64]
    i = str.find(value, head)
    while 0 <= i <= len(value) - len(block):
        if str.startswith(value, block, i):
            return i
        i = str.find(value, head, i + 1)
    return -1


_TICKS = kept(r"`([^`\n]+)`")


def inline_html(value: Any) -> markupsafe.Markup:
    """Escape text for HTML and show `backticked` spans (as the gate writes names) as code."""
    escaped = str(markupsafe.escape("" if value is None else value))
    return markupsafe.Markup(_TICKS.sub(r"<code>\1</code>", escaped))


class _TemplateCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between runs. Each is tagged with this user's cache key and its
    template's cache name (see `casegate._cachekey`), and Jinja checks it against its template's
    source: compiled code someone else put in the folder, or left from an edited template, is
    compiled again, never run. A cache that cannot be read or written is skipped: the template
    is compiled as if there were none."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            with open(self._get_cache_filename(bucket), "rb") as f:
                data = opened(_PURPOSE, bucket.key, f.read())
            if data is not None:
                bucket.bytecode_from_string(data)
        except (OSError, ValueError, EOFError, TypeError):
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = sealed(_PURPOSE, bucket.key, bucket.bytecode_to_string())
        if data is None:
            return
        try:
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=".cache")
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, self._get_cache_filename(bucket))
        except OSError:
            pass


_PURPOSE = "compiled template"


def _bytecode_cache(kind: str) -> jinja2.BytecodeCache | None:
    """The compiled-template cache for one environment (`CASEGATE_CACHE_DIR`, else
    `$XDG_CACHE_HOME/casegate`, else `~/.cache/casegate`, under `templates/<kind>`); None when
    the folder cannot be made, is not the user's own, or others may write to it, or when the
    user's cache key cannot be kept (templates are then compiled on every run)."""
    folder = cache_root() / "templates" / kind
    if not private_folder(folder) or cache_key() is None:
        return None
    return _TemplateCache(str(folder))


@cache
def environment(markdown: bool = False) -> jinja2.Environment:
    """The template environment. HTML templates autoescape; Markdown templates escape every
    interpolated value's `&`, `<` and `>` (quotes stay readable in the Markdown source)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("casegate.publish", "templates"),
        autoescape=not markdown,
        finalize=_md_escape if markdown else page_value,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        # the folder names the environment's settings that compile into the code (`finalize`):
        # code compiled under other settings is never loaded for these
        bytecode_cache=_bytecode_cache("md-2" if markdown else "html-2"),
    )
    env.filters["inline"] = (lambda v: v) if markdown else inline_html
    from . import _rows
    from ._glossary import titled
    from ._lead import plain_lead, withheld_findings

    env.globals["plain_lead"] = plain_lead
    env.globals["withheld_findings"] = withheld_findings
    # the parts with one row per element, written in one call each (see `_rows`)
    if markdown:
        env.globals.update(argument_rows=_rows.argument_rows_md, evidence_rows=_rows.evidence_rows_md,
                           redaction_rows=_rows.redaction_rows_md)
    else:
        env.globals.update(argument_rows=_rows.argument_rows_html, evidence_rows=_rows.evidence_rows_html,
                           redaction_rows=_rows.redaction_rows_html)
    env.globals["titled"] = titled
    return env


def render(template: str, **context: Any) -> str:
    """Render one of the package's templates (`.md.j2` as Markdown, the others as HTML)."""
    token = _known.set([])
    try:
        return environment(template.endswith(".md.j2")).get_template(template).render(**context)
    finally:
        _known.reset(token)
