"""How casegate compares names: one person or organisation however it is typed, and no more."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

import casegate
from casegate.evidence._outside import not_outside
from casegate.model._names import (
    _unaccented,
    name_key,
    normalise_name,
    organisation_among,
    organisation_key,
)

SRC = Path(casegate.__file__).resolve().parent.parent

ONE = ["Acme Labs", "acme-labs", "ACME LABS", "Acme  Labs", "Acme Labs.", "Acme\u200bLabs", "\u0410cme Labs",
       "\uff21\uff43\uff4d\uff45 Labs", "Acme Labs, Inc.", "Acme Labs Pty Ltd", "Acme Labs L.L.C.", "Acm\u00e9 Labs",
       "A\u0307cme Labs", "Acme Labs\u00ad", "Acme-Labs GmbH", "\u0410cm\u0435 L\u0430b\u0455"]


@pytest.mark.parametrize("name", ONE)
def test_spellings_of_one_organisation_have_one_key(name: str) -> None:
    assert organisation_key(name) == "acmelabs"
    assert not_outside("x", name, ["acme-labs"]) is not None


@pytest.mark.parametrize("name", ["Acme Security", "Acmewatch Labs", "Northbridge Security", "Labs Acme", "Inc"])
def test_other_organisations_stay_outside(name: str) -> None:
    assert organisation_among(name, ["acme-labs"]) is None
    assert not_outside("x", name, ["Acme Labs"]) is None


def test_a_name_beginning_with_the_developer_s_or_its_first_words_is_the_developer_s() -> None:
    assert organisation_among("Acme Labs (UK) Ltd", ["Northbridge", "Acme Labs Inc."]) == "Acme Labs Inc."
    assert organisation_among("Acme, Inc.", ["acme-labs"]) == "acme-labs"
    assert organisation_among("Acme Labs", ["acme-labs-uk"]) == "acme-labs-uk"  # the parent of a developer
    why = not_outside("Omar Reyes", "Acme Labs Europe", ["acme-labs"])
    assert why == ("Omar Reyes is from Acme Labs Europe, by its name the developer's organisation acme-labs (one "
                   "name is the other's first words)")


def test_a_legal_form_alone_is_a_name() -> None:
    assert organisation_key("Inc.") == "inc"  # the first word is kept


@pytest.mark.parametrize("name", ["", "...", "\u200b"])
def test_an_organisation_with_nothing_to_compare_is_none_on_record(name: str) -> None:
    assert not_outside("x", name, ["acme-labs"]) == "the keyring records no organisation for x"


def test_developer_organisations_with_nothing_to_compare_are_unknown() -> None:
    assert "unknown" in (not_outside("x", "Northbridge Security", ["..."]) or "")


def test_people_keep_their_comparison() -> None:
    assert name_key("Dana\u200b Ortiz") == name_key("dana ortiz") == name_key("D\u0430na Ortiz")
    assert name_key("Jos\u00e9") != name_key("Jose")  # people's accents are kept; organisations' are not


def test_a_name_in_another_script_is_compared_by_its_letters() -> None:
    assert organisation_key("\u30cf\u30eb\u30c7\u30f3\u682a\u5f0f\u4f1a\u793e") != ""
    assert not_outside("x", "\u30cf\u30eb\u30c7\u30f3", ["acme-labs"]) is None  # an outside organisation in kana
    assert not_outside("x", "\u30a2\u30af\u30e1", ["\u30a2\u30af\u30e1 Labs"]) is not None


def _unicode_normalised(name: str) -> str:
    s = unicodedata.normalize("NFKC", name)
    s = "".join(ch for ch in s if unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp") or ch in " \t")
    return " ".join(s.split()).casefold()


ASCII = [chr(i) for i in range(128)]


@pytest.mark.parametrize("name", [*ASCII, "".join(ASCII), "Acme\x1fLabs", "Acme\x0bLabs\r\n", " Acme\tLabs \x7f",
                                  "Acme\x1c\x1d\x1e Labs", "A.C.M.E. L\x00abs, Inc."])
def test_an_ascii_name_is_normalised_as_the_unicode_tables_normalise_it(name: str) -> None:
    # an ASCII name is normalised without the Unicode tables: the same result as with them
    assert normalise_name(name) == _unicode_normalised(name)
    assert _unaccented(name) == "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def test_comparing_ascii_names_loads_no_unicode_tables() -> None:
    # most names are ASCII: comparing them must not load `unicodedata` (a keyed gate's start-up)
    code = ("import sys\nfrom casegate.model._names import name_key, organisation_key, word_key\n"
            "name_key('Ada Lovelace'); organisation_key('Acme Labs, Inc.'); word_key('Atlas-2 (v1.0)')\n"
            "assert 'unicodedata' not in sys.modules, 'unicodedata loaded'\n"
            "name_key('\\u0410da'); assert 'unicodedata' in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONPATH": str(SRC)})


@pytest.mark.parametrize("name", ["\u039dORTHGRID", "\u039dorthgrid \u0399nc", "\u041d\u0415\u0420 Northgrid",
                                  "NORT\u041dGRID"])
def test_a_capital_that_looks_latin_is_read_before_it_is_folded(name: str) -> None:
    """A Greek or Cyrillic capital (`Ν`, `Η`, `Κ`, `Τ`, `Н`, `Т`...) is looked up as it is shown:
    folded first, the capital Nu was a small nu (read `v`) and the capital Eta a small eta (kept),
    so `Νorthgrid` was not `Northgrid`. A capital the table reads as a small `l` (Greek `Ι`,
    Cyrillic `І`) is the capital of what its small letter imitates (`Ιnc` is `Inc`)."""
    from casegate.model._names import word_key

    assert word_key("\u039dorthgrid") == word_key("Northgrid") == "northgrid"
    assert organisation_key(name.replace("\u041d\u0415\u0420 ", "")) == organisation_key("Northgrid")
    assert [word_key(c) for c in "\u0397\u039a\u039c\u03a4\u03a7\u0399\u0406"] == list("hkmtxii")
