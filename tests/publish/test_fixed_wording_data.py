"""casegate's fixed wording is taken from its sources when casegate is developed, not when it runs
(`casegate.publish._wording_data`): a user install has no YAML library beyond casegate's own
loader and no time to parse casegate's sources on every publication. The kept wording must be
the sources' wording as they are now, and the index that picks the templates a text is tried
against must leave out none that could match it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from casegate.publish import _fixed
from casegate.publish._fixed import variable_parts

ROOT = Path(__file__).resolve().parents[2]


def test_the_kept_wording_is_the_sources_wording() -> None:
    assert _fixed.DATA.read_text(encoding="utf-8") == _fixed.render(), (
        "casegate's wording changed: refresh it with python -m casegate.publish._fixed --write")


def test_a_message_changed_in_the_sources_makes_the_kept_wording_stale(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The freshness check above can fail: a source with one more message renders other data."""
    extra = tmp_path / "extra.py"
    extra.write_text('def f(x):\n    return f"the keyring {x} holds no such unheard-of identity"\n', encoding="utf-8")
    files = _fixed._files
    monkeypatch.setattr(_fixed, "_files", lambda: [*files(), extra])
    text = _fixed.render()
    assert text != _fixed.DATA.read_text(encoding="utf-8")
    assert "' holds no such unheard-of identity'" in text


def test_publishing_needs_no_yaml_library() -> None:
    """PyYAML is a development dependency only: with it absent, matching a composed text against
    casegate's wording (as a publication does when a text quotes redacted content) still works."""
    code = textwrap.dedent("""
        import sys
        sys.modules["yaml"] = None  # as on an install without PyYAML: importing it fails
        from pathlib import Path
        from casegate.load import load_case
        from casegate.model import Confidentiality
        from casegate.publish import Salts, TextGuard, redact
        from casegate.publish._fixed import variable_parts
        from casegate.store import MemorySaltStore
        case = load_case(Path(sys.argv[1])).case
        sg = dict(case.safeguards)
        sg["SG-egress"] = sg["SG-egress"].model_copy(update={"title": "signoff-not-signed"})
        guard = TextGuard(redact(case.model_copy(update={"safeguards": sg}), Salts(MemorySaltStore()),
                                 Confidentiality.public))
        text = ("CG510 signoff-not-signed: the sign-off of Sam Whitfield as `rso` is declared but not "
                "signed by a keyring identity (no keyring): no envelope (sign it with `casegate sign`)")
        assert not guard.safe(text)
        assert guard.safe(text, composed=True)
        assert variable_parts(text) == ["Sam Whitfield"], variable_parts(text)
        print("ok")
    """)
    r = subprocess.run([sys.executable, "-c", code, str(ROOT / "examples" / "atlas-api" / "case.yaml")],
                       capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr[-2000:]


def test_the_index_leaves_out_no_template_a_text_may_match() -> None:
    """Every template whose literal parts a text holds is tried on it: texts each template makes
    (its interpolations filled with other templates' words, or left empty) find it, and every
    other template they hold, among their candidates."""
    templates = _fixed._wording()[0]
    fills = ("", "Nightjar relay", *(t.literals[0] for t in templates[::37]))
    for n, t in enumerate(templates):
        fill = fills[n % len(fills)]
        text = "".join(p if p is not None else fill for p in t.parts)
        got = set(_fixed._candidates(text))
        held = {i for i, u in enumerate(templates) if all(x in text for x in u.literals)}
        assert n in got and held <= got, (t.parts, sorted(held - got))


def test_a_text_is_tried_against_few_templates() -> None:
    """What makes publishing fast: a message is tried against the templates whose key it holds,
    not against all of them."""
    text = ("CG510 signoff-not-signed: the sign-off of Sam Whitfield as `rso` is declared but not "
            "signed by a keyring identity (no keyring): no envelope (sign it with `casegate sign`)")
    assert variable_parts(text) == ["Sam Whitfield"]
    assert len(_fixed._candidates(text)) < len(_fixed._wording()[0]) // 10


def test_the_words_are_kept_as_one_text_a_word_a_line() -> None:
    """The sources' words load as one text (not thousands of objects, most of them interned, at
    each import); every word of the kept templates and strings is a line of it."""
    from casegate.publish import _wording_data as d

    assert isinstance(d.WORDS, str) and _fixed._source_words() is d.WORDS
    lines = d.WORDS.split("\n")
    assert lines == sorted(set(lines)) and all(_fixed._RUN.fullmatch(w) for w in lines)
    texts = [*(p for t in d.TEMPLATES for p in t if p is not None), *d.CONSTANTS]
    assert set(_fixed._RUN.findall("\n".join(texts).lower())) == set(lines)
    assert _fixed.may_be_fixed(["Keyring", "holds"]) and not _fixed.may_be_fixed(["zzqx-unheard-of"])
