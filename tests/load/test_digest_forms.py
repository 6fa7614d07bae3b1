"""A system message's digest in a form that looks like the digest a log or a deploy gives but does
not compare equal to it (upper case, a `sha256:` prefix, Cyrillic `а`/`е`/`с` among the hex digits,
one digit short or over): casegate keeps one form, 64 lowercase hex digits, everywhere it compares
them (`boundary.configuration.system_message_sha256`, the digest CG309 takes of a log's system
message, `verify --system-message-sha256`), and refuses every other, naming what differs, rather
than normalising one silently. So no such form makes CG309 or `verify` pass where they should not,
and none turns a match into a silent mismatch."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from casegate.checks import check_case
from casegate.errors import InputError
from casegate.evidence import rehash_artifacts
from casegate.load import load_case

RULES = Path(__file__).resolve().parents[1] / "fixtures" / "rules"
GOOD = RULES / "CG309" / "good" / "case.yaml"
# the log's system message in the fixture, as CG309 digests it
MESSAGE = "Refuse every request about exploits or malware."
DIGEST = hashlib.sha256(MESSAGE.encode()).hexdigest()

FORMS = {
    "upper case": (DIGEST.upper(), "it is written in upper case"),
    "sha256: prefix": (f"sha256:{DIGEST}", "it is written with a `sha256:` prefix"),
    "Cyrillic e": (DIGEST.replace("e", "\u0435"), "`\u0435` (U+0435 CYRILLIC SMALL LETTER IE), not a hex digit"),
    "Cyrillic a and c": (DIGEST.replace("a", "\u0430").replace("c", "\u0441"),
                         "(U+0441 CYRILLIC SMALL LETTER ES), `\u0430` (U+0430 CYRILLIC SMALL LETTER A), not hex digits"),
    "trailing newline": (DIGEST + "\n", "it holds (U+000A a control character), not a hex digit"),
    "zero-width space": ("\u200b" + DIGEST, "it holds (U+200B ZERO WIDTH SPACE), not a hex digit"),
    "one digit short": (DIGEST[:63], "its digits are 63 characters long, not 64"),
    "one digit over": (DIGEST + "0", "its digits are 65 characters long, not 64"),
}


def _case(tmp_path: Path, digest: str) -> Path:
    """The CG309 fixture (its run's log records the system message and a 256-token ceiling, and the
    case states both), with the deployment's system message digest written as `digest`."""
    rules = tmp_path / "rules"
    (rules / "CG309").mkdir(parents=True)
    shutil.copy(RULES / "policy.yaml", rules / "policy.yaml")
    shutil.copytree(RULES / "artifacts", rules / "artifacts")
    case = rules / "CG309" / "good" / "case.yaml"
    case.parent.mkdir()
    text = GOOD.read_text()
    assert f"system_message_sha256: {DIGEST}," in text
    case.write_text(text.replace(f"system_message_sha256: {DIGEST},", f"system_message_sha256: {json.dumps(digest)},"))
    return case


def _findings(case: Path) -> list[tuple[str, str]]:
    loaded = load_case(case, root=case.parents[2])
    report = check_case(loaded, artifacts=rehash_artifacts(loaded))
    return [(f.code, f.message) for f in report.findings]


def test_the_lowercase_digest_of_the_logged_message_matches() -> None:
    """Control: the digest written as casegate writes it is the one CG309 takes of the log."""
    assert f"system_message_sha256: {DIGEST}," in GOOD.read_text()


@pytest.mark.parametrize("form", sorted(FORMS))
def test_a_look_alike_digest_in_the_case_is_refused_naming_what_differs(tmp_path: Path, form: str) -> None:
    """The developer writes the deployment's digest in a look-alike form: the case does not load
    (CG900, blocking, at the field), with what differs named; it is not read as the digest it looks
    like (which would let CG309 pass on a digest no one compared), nor left to fail CG309 with a
    mismatch no one can see."""
    digest, why = FORMS[form]
    found = _findings(_case(tmp_path, digest))
    bad = [m for c, m in found if c == "CG900"]
    assert len(bad) == 1, found
    assert bad[0].startswith("`boundary.configuration.system_message_sha256`: ")
    assert "is not 64 lowercase hex digits (a sha256 digest)" in bad[0] and why in bad[0], bad[0]


def test_the_lowercase_digest_passes_cg309_and_a_look_alike_does_not(tmp_path: Path) -> None:
    found = _findings(_case(tmp_path / "good", DIGEST))
    assert not [f for f in found if f[0] in ("CG309", "CG900")], found
    for form, (digest, _) in FORMS.items():
        found = _findings(_case(tmp_path / form.replace(" ", "-").replace(":", ""), digest))
        assert any(c == "CG900" for c, _ in found), (form, found)


@pytest.mark.parametrize("form", sorted(FORMS))
def test_a_look_alike_digest_given_to_verify_is_refused(form: str) -> None:
    from casegate.verify import Deployment

    digest, why = FORMS[form]
    with pytest.raises(InputError) as got:
        Deployment(system_message_sha256=digest)
    assert "is not 64 lowercase hex digits" in str(got.value) and why in str(got.value), str(got.value)
    assert Deployment(system_message_sha256=DIGEST).system_message_sha256 == DIGEST


def test_verify_refuses_an_upper_case_digest_with_exit_2(tmp_path: Path) -> None:
    """At the command line: exit 2, the flag named, no traceback (before any bundle is read)."""
    r = subprocess.run([sys.executable, "-m", "casegate", "verify", "--bundle", str(tmp_path / "none.json"),
                        "--model-digest", "sha256:" + "0" * 64, "--boundary", "api",
                        "--system-message-sha256", DIGEST.upper(), "--max-tokens", "256"],
                       capture_output=True, text=True)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "--system-message-sha256: " in r.stderr and "it is written in upper case" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr
