"""`casegate evidence add`: items pinned into an included file, idempotent re-runs, reported
updates, include edits that keep the author's text, and clear refusals."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casegate.errors import InputError
from casegate.evidence import DEFAULT_FILE, add_evidence, add_include
from casegate.evidence.importers import LogReadError, ReadOptions
from casegate.load import load_case, parse_yaml

from .evidence_logs import EXAMPLE, INSPECT, LMEVAL


@pytest.fixture
def case(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "case")
    return tmp_path / "case" / "case.yaml"


@pytest.fixture
def logs(tmp_path: Path) -> Path:
    d = tmp_path / "logs"
    d.mkdir()
    for name in ("arith-clean.eval", "arith-epochs.eval", "arith-tools.eval"):
        shutil.copy(INSPECT / name, d / name)
    shutil.copytree(LMEVAL, d / "lm-eval")
    return d


def test_add_writes_included_items_that_load(case: Path, logs: Path) -> None:
    before = case.read_text()
    rep = add_evidence(case, [logs], producer="acme-evals", domain="cyber")
    into = case.parent / DEFAULT_FILE
    assert rep.into == into and rep.created and rep.include_added
    assert sorted(c.id for c in rep.changes) == ["E-arith-clean", "E-arith-epochs", "E-arith-tools",
                                                 "E-arith_gen", "E-arith_mc"]
    assert {c.action for c in rep.changes} == {"added"}
    # the case file changed only in its include line; comments and everything else kept
    after = case.read_text()
    diff = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert diff == [("include: [evidence.yaml, argument.yaml]",
                     "include: [evidence.yaml, argument.yaml, evidence-imported.yaml]")]
    head = into.read_text().splitlines()
    assert head[0].startswith("# Evidence imported") and "casegate: 1" in head and "kind: case" in head
    loaded = load_case(case)
    assert loaded.case is not None, loaded.diagnostics
    ev = loaded.case.evidence["E-arith-epochs"]
    assert ev.artifact == "../logs/arith-epochs.eval" and ev.producer == "acme-evals" and ev.domain == "cyber"
    assert ev.elicitation is not None and ev.elicitation.attempts == 4
    assert ev.result is not None and ev.result.trials == 10 and len(ev.result.samples) == 40
    assert ev.source is not None and ev.source.tool == "inspect-ai" and ev.source.epochs == 4
    lm = loaded.case.evidence["E-arith_mc"]
    assert lm.source is not None and len(lm.source.files) == 1
    # both lm-eval tasks pin the same results file
    assert lm.sha256 == loaded.case.evidence["E-arith_gen"].sha256


def test_rerun_is_idempotent_and_keeps_author_edits(case: Path, logs: Path) -> None:
    add_evidence(case, [logs], producer="acme-evals")
    into = case.parent / DEFAULT_FILE
    # the author fills in what no log records
    text = into.read_text().replace("    title: arith-tools\n", "    title: Calculator with tools\n", 1)
    text = text.replace("    elicitation:\n      attempts: 1\n", "    elicitation:\n      variant: helpful-only\n      attempts: 1\n", 1)
    into.write_text(text)
    first = into.read_bytes()
    case_text = case.read_text()
    rep = add_evidence(case, [logs])
    assert {c.action for c in rep.changes} == {"unchanged"}
    assert into.read_bytes() == first and case.read_text() == case_text
    assert not rep.include_added
    loaded = load_case(case)
    assert loaded.case is not None
    assert loaded.case.evidence["E-arith-tools"].title == "Calculator with tools"


def test_changed_bytes_update_the_item_and_are_reported(case: Path, logs: Path) -> None:
    add_evidence(case, [logs], producer="acme-evals")
    # a silent re-run: the same task's log replaced by another run's bytes
    shutil.copy(INSPECT / "arith-invalidated.eval", logs / "arith-clean.eval")
    rep = add_evidence(case, [logs])
    changed = {c.id: c for c in rep.changes if c.action != "unchanged"}
    assert list(changed) == ["E-arith-clean"]
    assert changed["E-arith-clean"].action == "updated"
    assert "log bytes changed" in changed["E-arith-clean"].detail
    loaded = load_case(case)
    assert loaded.case is not None
    src = loaded.case.evidence["E-arith-clean"].source
    assert src is not None and src.invalidated


def test_ids_are_unique_against_the_case_and_each_other(case: Path, tmp_path: Path) -> None:
    d = tmp_path / "two"
    d.mkdir()
    shutil.copy(INSPECT / "arith-clean.eval", d / "a.eval")
    shutil.copy(INSPECT / "arith-invalidated.eval", d / "b.eval")  # same task name
    rep = add_evidence(case, [d], producer="p", id_prefix="E-cyber-")
    assert [c.id for c in rep.changes] == ["E-cyber-arith-clean", "E-cyber-arith-clean-2"]
    # a prefix that collides with a hand-written item gets a suffix instead of a duplicate id
    (d / "b.eval").unlink()
    rep = add_evidence(case, [d / "a.eval"], producer="p", id_prefix="E-", into=case.parent / "more.yaml")
    assert [c.id for c in rep.changes] == ["E-arith-clean"]


def test_threshold_sets_domain_and_is_checked_against_the_policy(case: Path, logs: Path) -> None:
    rep = add_evidence(case, [logs / "arith-tools.eval"], producer="p", threshold="cyber-high",
                       variant="helpful-only")
    loaded = load_case(case)
    assert loaded.case is not None
    ev = loaded.case.evidence[rep.changes[0].id]
    assert ev.threshold == "cyber-high" and ev.domain == "cyber"
    assert ev.elicitation is not None and ev.elicitation.variant.value == "helpful-only"
    with pytest.raises(InputError, match="no such threshold"):
        add_evidence(case, [logs], producer="p", threshold="cyber-extreme")
    with pytest.raises(InputError, match="no such domain"):
        add_evidence(case, [logs], producer="p", domain="weather")


def test_new_items_need_a_producer_and_nothing_is_written(case: Path, logs: Path) -> None:
    before = case.read_bytes()
    with pytest.raises(InputError, match="needs a producer") as e:
        add_evidence(case, [logs])
    assert e.value.help and "--producer" in e.value.help
    assert not (case.parent / DEFAULT_FILE).exists() and case.read_bytes() == before


def test_a_corrupt_log_stops_the_import_before_writing(case: Path, logs: Path) -> None:
    (logs / "broken.eval").write_bytes((INSPECT / "arith-clean.eval").read_bytes()[:5000])
    with pytest.raises(LogReadError, match="cannot read this log"):
        add_evidence(case, [logs], producer="p")
    assert not (case.parent / DEFAULT_FILE).exists()


def test_declared_scale_is_used(case: Path) -> None:
    rep = add_evidence(case, [INSPECT / "arith-closeness.eval"], producer="p",
                       options=ReadOptions(scale="proportion"))
    assert any("declared scale 'proportion'" in n for n in rep.notes)


# --------------------------------------------------------------------------- include edits


@pytest.mark.parametrize("text,expected", [
    ("casegate: 1\n# the policy\npolicy: p.yaml  # ours\nid: x\n",
     "casegate: 1\n# the policy\npolicy: p.yaml  # ours\ninclude: [new.yaml]\nid: x\n"),
    ("casegate: 1\ninclude: []\nid: x\n", "casegate: 1\ninclude: [new.yaml]\nid: x\n"),
    ("casegate: 1\ninclude: [a.yaml]  # split files\nid: x\n",
     "casegate: 1\ninclude: [a.yaml, new.yaml]  # split files\nid: x\n"),
    ("casegate: 1\ninclude:\n  # the evidence\n  - a.yaml\n  - b.yaml   # argument\nid: x\n",
     "casegate: 1\ninclude:\n  # the evidence\n  - a.yaml\n  - b.yaml   # argument\n  - new.yaml\nid: x\n"),
])
def test_add_include_keeps_the_text(tmp_path: Path, text: str, expected: str) -> None:
    p = tmp_path / "case.yaml"
    p.write_text(text)
    add_include(p, "new.yaml")
    assert p.read_text() == expected
    assert parse_yaml(str(p), p.read_bytes()).data["include"][-1] == "new.yaml"


def test_add_include_refuses_layouts_it_cannot_edit(tmp_path: Path) -> None:
    p = tmp_path / "case.yaml"
    p.write_text("casegate: 1\ninclude: [a.yaml,\n  b.yaml]\nid: x\n")
    with pytest.raises(InputError, match="cannot add") as e:
        add_include(p, "new.yaml")
    assert e.value.help == "add `new.yaml` to `include:` by hand"
    assert p.read_text() == "casegate: 1\ninclude: [a.yaml,\n  b.yaml]\nid: x\n"


def test_a_folder_without_logs_is_an_error_and_writes_nothing(case: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "readme.txt").write_text("no logs here")
    before = case.read_bytes()
    with pytest.raises(InputError, match="no evaluation logs found") as e:
        add_evidence(case, [empty], producer="p")
    assert e.value.help and "skipped 1 other file" in e.value.help
    assert not (case.parent / DEFAULT_FILE).exists() and case.read_bytes() == before


def test_a_partial_run_is_a_condition_at_check(case: Path) -> None:
    import datetime as dt

    from casegate.checks import check_case
    from casegate.evidence import rehash_artifacts

    rep = add_evidence(case, [INSPECT / "arith-limit.eval"], producer="p")
    loaded = load_case(case)
    report = check_case(loaded, today=dt.date(2026, 11, 27), artifacts=rehash_artifacts(loaded))
    partial = [f for f in report.findings if f.code == "CG335"]
    assert len(partial) == 1 and partial[0].severity.value == "condition"
    assert f"`{rep.changes[0].id}` scored 3 of the 10 samples" in partial[0].message
    assert partial[0].location is not None and partial[0].location.file.endswith(DEFAULT_FILE)


def test_a_hand_written_file_is_never_rewritten(case: Path) -> None:
    hand = case.parent / "evidence.yaml"
    before = hand.read_bytes()
    with pytest.raises(InputError, match="not written by `casegate evidence add`"):
        add_evidence(case, [INSPECT / "arith-clean.eval"], producer="p", into=hand)
    assert hand.read_bytes() == before


_ITEM = st.sampled_from(["a.yaml", "ev/b.yaml", "'c d.yaml'", '"e.yaml"'])
_COMMENT = st.sampled_from(["", "  # note", " #x"])


@st.composite
def _case_text(draw: st.DrawFn) -> str:
    items = draw(st.lists(_ITEM, max_size=3))
    style = draw(st.sampled_from(["flow", "block", "none", "flow-multiline"]))
    head = "# a case\ncasegate: 1\n" + draw(st.sampled_from(["", "kind: case\n"])) + "policy: p.yaml" + draw(_COMMENT) + "\n"
    if style == "flow":
        inc = f"include: [{', '.join(items)}]{draw(_COMMENT)}\n"
    elif style == "flow-multiline" and items:
        inc = "include: [" + ",\n  ".join(items) + "]\n"
    elif style == "block" and items:
        pad = draw(st.sampled_from(["  ", "    ", ""]))
        inc = "include:" + draw(_COMMENT) + "\n" + "".join(f"{pad}- {i}{draw(_COMMENT)}\n" for i in items)
    else:
        inc = ""
    return head + inc + "id: x\ntitle: t\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_case_text())
def test_add_include_edits_correctly_or_refuses(tmp_path: Path, text: str) -> None:
    p = tmp_path / "case.yaml"
    p.write_text(text)
    before = parse_yaml(str(p), p.read_bytes()).data
    try:
        add_include(p, "new.yaml")
    except InputError:
        assert p.read_text() == text  # refused: untouched
        return
    after = parse_yaml(str(p), p.read_bytes()).data
    assert after["include"] == list(before.get("include") or []) + ["new.yaml"]
    assert {k: v for k, v in after.items() if k != "include"} == {k: v for k, v in before.items() if k != "include"}
    # every comment line of the original survives
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            assert line in p.read_text().splitlines()
