"""What `casegate object`, `answer` and `waive` take, fuzzed: each value (the reason or answer
text, the objection id, the rule code, `--until`, `--path`, `--role`, `--answer-sha`) given a
hostile value (empty, 100,000 characters, control and bidirectional characters, a newline, an
undecodable byte as the shell passes it, a path, dates out of range, another case's id). Every
run ends in an exit code casegate gives (0 to 5) with no traceback or internal error, and a run
that refuses leaves the case's folder byte for byte as it was: no envelope written without the
case recording it.

Two moves closed at their root (`sign/_signoff.py`):
- a command whose edit of the case's YAML is refused ("cannot record the envelope
  automatically") left the signed envelope it had written in `objections/`, `waivers/` or
  `signoffs/` (replacing an earlier sign-off's): an objection there counts, though the command
  said it was not recorded, and running it again made a second one;
- an objection statement whose id is a path (`../../../x`), signed by a reviewer and answered
  with `casegate answer`, had the answer written outside the case's folder.

The examples are drawn deterministically (`derandomize`); a longer campaign by hand with
CASEGATE_FUZZ_EXAMPLES=N."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casegate.errors import InputError
from casegate.sign import answer, object_to_case, parse_instant, sign_case, waive_finding
from tests.monitor.test_cli import _cg
from tests.security.test_verify_inputs_fuzz import SETTINGS
from tests.sign.helpers import World, make_world

AT = parse_instant("2026-11-25")

HOSTILE: list[str] = [
    "", " ", "\t\n", "x" * 100_000, "a\nb", "a\rb", "\u2028", "\x85", "\ufeff", "\u202e\u2066evil\x1b[2J",
    "a\udcffb", "\udcff", "O-1\n", "O-1/../../x", "../../../tmp/x", "/etc/passwd", "O-999999999999999999999",
    "O-1 ", "o-1", "other-case", "CG000", "CG9999", "cg702", "CG702\n", "2026-13-45", "2026-02-30",
    "0001-01-01", "9999-12-31", "99999-01-01", "-2026-01-01", "2026-12-02T00:00:00Z", "NaN", "1e400",
    "decision/0", "a/" * 200, "0/" * 50, "#", "{}", "[x]", "*x", "&a", "!!python/object", "null", "~",
]


def _tree(d: Path) -> dict[str, str]:
    return {p.relative_to(d).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(d.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    w = make_world(tmp_path_factory.mktemp("review-cli-fuzz"))
    object_to_case(w.load(), "external-evaluator", w.signers["priya"], w.ring,
                   "Web exploitation is under-sampled", at=AT)
    return w


def _run(w: World, *args: str) -> tuple[int, str]:
    ran = _cg(w.dir.parent, f"sqlite:///{w.dir.parent / 'reg.db'}", *args, code=None)
    return ran.returncode, ran.stdout + ran.stderr


def _judged(w: World, args: list[str]) -> None:
    before = _tree(w.dir)
    case_before = w.case.read_bytes()
    rc, text = _run(w, *args)
    assert rc in (0, 1, 2, 3, 4, 5), (rc, args[:4], text[-2000:])
    assert "Traceback" not in text and "internal error" not in text, text[-3000:]
    if rc != 0:
        assert _tree(w.dir) == before, (args[:4], text[-500:])
    else:  # recorded: the case still loads, and the next example starts from the case as it was
        assert w.load().case is not None
        for p in set(_tree(w.dir)) - set(before):
            (w.dir / p).unlink()
        w.case.write_bytes(case_before)


OBJECT = {"--role": "external-evaluator", "--reason": "The red team missed prompt injection"}
ANSWER = {"--role": "safety-lead", "--text": "Prompt injection was added to the red team's brief"}
WAIVE = {"--role": "rso", "--reason": "Being fixed", "--until": "2026-12-20", "--path": ""}


def _args(fields: dict[str, str], key: str) -> list[str]:
    out: list[str] = []
    for flag, value in fields.items():
        if flag == "--path" and value == "":
            continue
        out += [flag, value]
    return out + ["--key", key]


@SETTINGS
@given(st.sampled_from(sorted(OBJECT)), st.sampled_from(HOSTILE))
def test_object_takes_hostile_values(world: World, flag: str, value: str) -> None:
    _judged(world, ["object", str(world.case), *_args(OBJECT | {flag: value}, str(world.key_paths["priya"]))])


@SETTINGS
@given(st.sampled_from([*sorted(ANSWER), "OBJECTION", "--answer-sha"]), st.sampled_from(HOSTILE))
def test_answer_takes_hostile_values(world: World, flag: str, value: str) -> None:
    oid = value if flag == "OBJECTION" else "O-2"
    fields = ANSWER | ({flag: value} if flag in ANSWER else {})
    extra = ["--accept", "--answer-sha", value] if flag == "--answer-sha" else []
    key = world.key_paths["priya" if extra else "dana"]
    if extra:
        fields = {"--role": "external-evaluator"}
    _judged(world, ["answer", str(world.case), oid, *_args(fields, str(key)), *extra])


@SETTINGS
@given(st.sampled_from([*sorted(WAIVE), "FINDING"]), st.sampled_from(HOSTILE))
def test_waive_takes_hostile_values(world: World, flag: str, value: str) -> None:
    code = value if flag == "FINDING" else "CG702"
    fields = WAIVE | ({flag: value} if flag in WAIVE else {})
    _judged(world, ["waive", str(world.case), code, *_args(fields, str(world.key_paths["sam"]))])


def _flow_decision(w: World) -> None:
    """The case's `decision:` written as one flow mapping: casegate cannot add a line to it, so
    every command recording an envelope there is refused."""
    text = w.case.read_text()
    head, _, _ = text.partition("\ndecision:\n")
    w.case.write_text(head + "\ndecision: {authors: [Mira Chen, Tom Okafor]}\n")
    assert w.load().case is not None


def test_a_refused_objection_leaves_no_envelope(tmp_path: Path) -> None:
    """The objector's command is refused (the case's YAML cannot be edited in place); before, its
    signed envelope stayed in `objections/`, where it counts, and running the command again (as
    the refusal's help asks, after adding the reference by hand) made a second objection."""
    w = make_world(tmp_path, authors_list=False)
    _flow_decision(w)
    before = _tree(w.dir)
    with pytest.raises(InputError, match="cannot record the envelope automatically"):
        object_to_case(w.load(), "external-evaluator", w.signers["priya"], w.ring, "Web tasks are missing", at=AT)
    assert _tree(w.dir) == before
    assert not (w.dir / "objections").exists()


def test_a_refused_waiver_and_signoff_leave_the_folder_as_it_was(tmp_path: Path) -> None:
    w = make_world(tmp_path, authors_list=False)
    sign_case(w.load(), "safety-lead", w.signers["dana"], w.ring, at=AT)
    _flow_decision(w)
    before = _tree(w.dir)
    with pytest.raises(InputError, match="cannot record the envelope automatically"):
        waive_finding(w.load(), "CG702", "rso", w.signers["sam"], w.ring, "Being fixed",
                      parse_instant("2026-12-10").date(), at=AT)
    with pytest.raises(InputError, match="cannot record the envelope automatically"):
        # signing again replaces the earlier envelope: refused, the earlier one is kept as it was
        sign_case(w.load(), "safety-lead", w.signers["dana"], w.ring, at=parse_instant("2026-11-26"))
    assert _tree(w.dir) == before
    assert not (w.dir / "waivers").exists()


def test_an_answer_to_an_objection_named_as_a_path_stays_in_the_case_folder(tmp_path: Path) -> None:
    """A reviewer signs an objection whose id is `../../../escaped` and puts it in the case's
    `objections/` folder; the lab answers it by that id. Before, the answer was written to
    `answers/../../../escaped-answer-dana-ortiz.dsse.json`, outside the case's folder."""
    from casegate.sign import OBJECTION, envelope_bytes, sign_statement, statement, subjects
    from casegate.sign._signoff import _base_predicate, signer_entry

    w = make_world(tmp_path / "a" / "b", authors_list=False)
    loaded = w.load()
    key = signer_entry(w.signers["priya"], w.ring, "external-evaluator", AT)
    pred = _base_predicate(loaded, key, "external-evaluator", AT)
    pred.update({"objection": "../../../escaped", "reason": "Web tasks are missing"})
    env = sign_statement(statement(subjects(loaded, pred["case"]["digest"]), OBJECTION, pred), w.signers["priya"])
    (w.dir / "objections").mkdir()
    (w.dir / "objections" / "O-7.dsse.json").write_bytes(envelope_bytes(env))
    outside = _tree(tmp_path)
    written = answer(w.load(), "../../../escaped", "safety-lead", w.signers["dana"], w.ring,
                     text="Forty web tasks were added", at=AT)
    assert written.path.resolve().parent == (w.dir / "answers").resolve(), written.path
    assert written.path.name == "escaped-answer-dana-ortiz.dsse.json"
    new = set(_tree(tmp_path)) - set(outside)
    assert all(p.startswith("a/b/atlas-api/") for p in new), new


def test_an_answer_ending_in_a_line_break_is_shown_in_the_case(tmp_path: Path) -> None:
    """The answer `Fixed.\\n` (bare but for its final line break) was written bare into the
    objection's line, breaking it in two: the edit was undone, and the case showed the objection
    answered with no answer and no one answering it."""
    w = make_world(tmp_path)
    oid, _ = object_to_case(w.load(), "external-evaluator", w.signers["priya"], w.ring, "Web tasks are missing",
                            at=AT)
    answer(w.load(), oid, "safety-lead", w.signers["dana"], w.ring, text="Fixed.\n", at=AT)
    answer(w.load(), oid, "external-evaluator", w.signers["priya"], w.ring, kind="accept", at=AT)
    o = w.load().case.decision.objections[oid]  # type: ignore[union-attr]
    assert (o.status, o.answer, o.answered_by) == ("answered", "Fixed.\n", "safety-lead")


def test_an_objection_entry_is_brought_up_to_date_whole_or_not_at_all(tmp_path: Path) -> None:
    """The case's own entry for the objection holds an answer casegate cannot replace in place
    (a plain scalar with a comma): before, its status was changed to `answered` and the rest left,
    the old answer shown as the one accepted. Now the entry is left as it was (the envelopes are
    what counts)."""
    w = make_world(tmp_path)
    oid, _ = object_to_case(w.load(), "external-evaluator", w.signers["priya"], w.ring, "Web tasks are missing",
                            at=AT)
    text = w.case.read_text()
    line = next(ln for ln in text.splitlines() if ln.lstrip().startswith(f"{oid}:"))
    indent = line[: len(line) - len(line.lstrip())]
    entry = (f"{indent}{oid}:\n{indent}  role: external-evaluator\n{indent}  person: Priya Natarajan\n"
             f"{indent}  date: 2026-11-25\n{indent}  reason: Web tasks are missing\n{indent}  status: open\n"
             f"{indent}  answer: an earlier note, not the answer\n{indent}  envelope: objections/{oid}.dsse.json")
    w.case.write_text(text.replace(line, entry))
    assert w.load().case.decision.objections[oid].status == "open"  # type: ignore[union-attr]
    answer(w.load(), oid, "safety-lead", w.signers["dana"], w.ring, text="Forty web tasks were added", at=AT)
    before = w.case.read_bytes()
    answer(w.load(), oid, "external-evaluator", w.signers["priya"], w.ring, kind="accept", at=AT)
    assert w.case.read_bytes() == before
