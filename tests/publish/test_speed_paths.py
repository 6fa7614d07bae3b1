"""What publishing keeps between runs and what it leaves out must not change what it writes:
compiled templates come from a private cache folder only, and publishing to a salt-store file
does not load the database layer."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casegate.load import load_case
from casegate.model import DecisionRecord
from casegate.publish import Salts, build_summary, redact
from casegate.publish import _render as render_mod
from casegate.store import MemorySaltStore

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "atlas-api" / "case.yaml"


@pytest.fixture(scope="module")
def summary():  # type: ignore[no-untyped-def]
    loaded = load_case(EXAMPLE)
    case = loaded.case
    assert case is not None and case.boundary is not None
    record = DecisionRecord(casegate_version="test", case_id=case.id, case_version=case.version,
                            system="Atlas-2 2.1.0", boundary=case.boundary.kind, decided_at="2026-11-23",
                            outcome="GO WITH CONDITIONS")
    return build_summary(case, record, salts=Salts(MemorySaltStore()), policy=loaded.policy)


def _render_both(summary) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    render_mod.environment.cache_clear()
    try:
        return (render_mod.render("summary.md.j2", s=summary, chart_files=[]),
                render_mod.render("summary.html.j2", s=summary, svg=None, charts=[]))
    finally:
        render_mod.environment.cache_clear()


def test_pages_from_cached_templates_are_the_pages_compiled_afresh(summary, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    unwritable = tmp_path / "not-a-folder"
    unwritable.write_text("a file where the cache folder would be")
    monkeypatch.setenv("CASEGATE_CACHE_DIR", str(unwritable))
    assert render_mod._bytecode_cache("md") is None  # no cache: compiled on every run
    fresh = _render_both(summary)

    monkeypatch.setenv("CASEGATE_CACHE_DIR", str(tmp_path / "cache"))
    first = _render_both(summary)  # compiles and keeps
    kept = sorted((tmp_path / "cache" / "templates").rglob("*.cache"))
    assert {p.parent.name for p in kept} == {"md-2", "html-2"}  # not the folders of code compiled without `page_value`
    assert all(p.stat().st_mode & 0o077 == 0 for p in kept)
    second = _render_both(summary)  # loads what the first run kept
    assert fresh == first == second

    for p in kept:  # a damaged cache is compiled again, not trusted
        p.write_bytes(b"j2\x00damaged")
    assert _render_both(summary) == fresh


def test_a_cache_folder_others_can_write_to_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not hasattr(os, "getuid"):
        pytest.skip("folder ownership and modes are POSIX")
    monkeypatch.setenv("CASEGATE_CACHE_DIR", str(tmp_path))
    folder = tmp_path / "templates" / "md"
    assert render_mod._bytecode_cache("md") is not None
    folder.chmod(0o777)
    assert render_mod._bytecode_cache("md") is None


def test_step_names_are_masked_in_plain_text_and_lists() -> None:
    """Redaction masks a redacted pathway's step names wherever they appear as plain values
    (single strings and lists of strings), which it handles without a call per value."""
    loaded = load_case(EXAMPLE)
    case = loaded.case
    assert case is not None
    rd = redact(case, Salts(MemorySaltStore()))
    assert rd.step_mask, "the example has a redacted pathway"
    hidden = set(rd.step_mask)
    seen: list[str] = []
    stack: list[object] = [rd.document]
    while stack:
        v = stack.pop()
        if isinstance(v, dict):
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
        elif isinstance(v, str):
            seen.append(v)
    assert not hidden & set(seen)
    assert set(rd.step_mask.values()) & set(seen)


def test_publishing_to_a_salt_store_file_does_not_load_the_database_layer(tmp_path: Path) -> None:
    code = ("import sys\n"
            "import casegate.publish\n"
            "from casegate.store import FileSaltStore\n"
            f"FileSaltStore({str(tmp_path / 'salts.json')!r})\n"
            "print('sqlalchemy' in sys.modules)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "False"
    # the registry still brings it in when asked for
    code2 = "import sys\nfrom casegate.store import open_registry\nprint('sqlalchemy' in sys.modules)\n"
    out2 = subprocess.run([sys.executable, "-c", code2], capture_output=True, text=True, env=env, check=True)
    assert out2.stdout.strip() == "True"


def test_a_text_quotes_a_secret_alike_whether_searched_per_secret_or_looked_up(monkeypatch: pytest.MonkeyPatch) -> None:
    from casegate.model import Confidentiality
    from casegate.publish import _guard

    case = load_case(EXAMPLE).case
    assert case is not None
    guard = _guard.TextGuard(redact(case, Salts(MemorySaltStore()), Confidentiality.public))
    secrets = sorted(guard._secrets)
    assert secrets
    texts = ["", "abc", "nothing confidential here", *secrets, *(f"see {x}." for x in secrets),
             *(x[:-1] for x in secrets), *(x[1:] for x in secrets), " and ".join(secrets[:3]) + " end"]
    looked_up = []
    for few in (0, 10**9):  # every text looked up by its characters, then every secret searched for
        monkeypatch.setattr(_guard, "_FEW_SECRETS", few)
        got = [guard._quotes_secret(t) for t in texts]
        assert got == [any(x in t for x in secrets) for t in texts]
        looked_up.append(got)
    assert any(looked_up[0]) and not all(looked_up[0])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(alphabet="ab~/01"), st.integers(min_value=0, max_value=30)), max_size=5))
def test_pointers_escape_every_part_as_rfc_6901_says(parts: list[str | int]) -> None:
    from casegate.publish import pointer_of

    expected = "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)
    assert pointer_of(tuple(parts)) == expected


@pytest.mark.parametrize("level", ["public", "internal", "restricted"])
@pytest.mark.parametrize("example", ["atlas-api", "open-weights", "narrower-boundary"])
def test_the_leaves_collected_while_redacting_are_the_redacted_documents_own(example: str, level: str) -> None:
    """The text guard takes the public document's keys and scalars from `redact`, which collects
    them as it builds the document: they must be what a walk of the finished document finds."""
    from casegate.publish import leaves_of, parse_level

    case = load_case(ROOT / "examples" / example / "case.yaml").case
    assert case is not None
    rd = redact(case, Salts(MemorySaltStore()), parse_level(level))
    keys: set[str] = set()
    assert rd.leaves is not None and rd.leaves == leaves_of(rd.document, set(), keys)
    assert rd.keys == keys  # the keys apart: the guard tells the format's field names from values
    assert rd.leaves | rd.keys == leaves_of(rd.document)
    # and the redacted elements' own leaves (the guard's secrets), collected while sealing them
    sealed_keys: set[str] = set()
    assert rd.sealed_leaves is not None
    assert rd.sealed_leaves == leaves_of([s.content for s in rd.sealed.values()], set(), sealed_keys)
    assert rd.sealed_keys == sealed_keys
    if level == "public":
        assert rd.stubs, "something is redacted, so stubs are walked too"
    # each redacted element stands in the document as its stub's own document
    for pointer, stub in rd.stubs.items():
        at: Any = rd.document
        for part in pointer.split("/")[1:]:
            at = at[int(part)] if isinstance(at, list) else at[part.replace("~1", "/").replace("~0", "~")]
        assert at == stub.document()


def test_the_named_element_types_are_looked_up_before_any_isinstance_check() -> None:
    """`type_of` looks a type's public name up before it asks whether the model is an argument
    `Element`: that order gives the same names only while no named type is an `Element`."""
    from casegate.model import Element
    from casegate.publish._redact import _TYPE_NAMES

    assert not [t for t in _TYPE_NAMES if issubclass(t, Element)]


def test_the_walk_reads_a_level_wherever_getattr_finds_one() -> None:
    """The redaction walk reads each model's level by its class's plan: from the field, or with
    `getattr` (as it read every model's level before) where the class has such an attribute or
    allows extra fields, which may hold one; other types are not models."""
    from pydantic import BaseModel, ConfigDict

    from casegate.model import Confidentiality
    from casegate.publish._redact import _LEVEL_ATTRIBUTE, _LEVEL_FIELD, _LEVEL_NONE, _plan

    class Open(BaseModel):
        model_config = ConfigDict(extra="allow")
        name: str = ""

    class Plain(BaseModel):
        name: str = ""

    class Levelled(BaseModel):
        confidentiality: Confidentiality = Confidentiality.public

    assert _plan(Open)[1] == _LEVEL_ATTRIBUTE  # type: ignore[index]
    assert _plan(Plain)[1] == _LEVEL_NONE  # type: ignore[index]
    assert _plan(Levelled)[1] == _LEVEL_FIELD  # type: ignore[index]
    assert _plan(dict) is None and _plan(str) is None


def test_a_block_found_unchanged_is_not_searched_again_inside_the_page_that_holds_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A long block a page interpolates again (a table inside its macro's output) is searched once:
    the text around it is searched, and a character `page_text` changes there is still escaped."""
    from markupsafe import Markup

    from casegate.terminal import page_text

    searched: list[int] = []
    real = render_mod.page_text_may_change
    monkeypatch.setattr(render_mod, "page_text_may_change", lambda t: searched.append(len(t)) or real(t))
    rows = Markup("<tr><td>E1 · sha256:ab</td></tr>\n" * 4000)
    assert len(rows) >= render_mod._KNOWN_MIN
    token = render_mod._known.set([])
    try:
        assert render_mod.page_value(rows) is rows
        outer = Markup("<table>\n") + rows + Markup("</table>\n")
        assert render_mod.page_value(outer) is outer
        assert sum(searched) == len(rows) + len("<table>\n") + len("</table>\n")  # not the rows again
        for bad in ("\u202e", "\u200b", "a\u0301\u0301\u0301", "\x1b[2J"):
            page = Markup(f"<p>{bad}</p>") + outer + Markup(f"<p>{bad}</p>")
            shown = render_mod.page_value(page)
            assert str(shown) == page_text(str(page)) != str(page)
    finally:
        render_mod._known.reset(token)
    searched.clear()
    assert render_mod.page_value(outer) is outer  # outside `render` nothing is remembered
    assert searched == [len(outer)]


def test_a_remembered_block_is_placed_where_str_find_places_it() -> None:
    block = "<tr><td>E1</td></tr>\n" * 10 + "the end"
    head = block[:64]
    for value in (block, "<table>" + block + "</table>", head + "x" + block, head + block[:-1] + "<p>" + block,
                  block[:-1], head * 3, "", "<p>" + head + "</p>"):
        assert render_mod._place(value, block) == value.find(block)
