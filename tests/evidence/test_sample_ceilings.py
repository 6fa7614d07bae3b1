"""The budget a run's samples had. Inspect records the token and time limits in the run's header
(`eval.config`) and, per sample, the ceiling each ran under, which `inspect ctl config` can retune
while the run goes on. A run started with the budget the policy asks for and cut down mid-run kept
the header's figure: the elicitation minimum was met on paper. The budget is now the lowest any
sample ran under. The log is the one inspect-ai wrote for the agent fixture (4,000,000 tokens and an
hour per sample), its samples' ceilings rewritten as a retune would record them."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.inspect_log import InspectImporter

from .evidence_logs import INSPECT
from .test_derive import RND_DATE, findings, make_case

pytest.importorskip("inspect_ai")


def _retuned(tmp: Path, tokens: int, seconds: int) -> Path:
    from inspect_ai.log import read_eval_log, write_eval_log

    log = read_eval_log(str(INSPECT / "rnd-agent.eval"))
    assert (log.eval.config.token_limit, log.eval.config.time_limit) == (4_000_000, 3600)
    for s in log.samples or []:
        s.token_limit, s.time_limit = tokens, seconds
    out = tmp / "rnd-agent.eval"
    write_eval_log(log, str(out))
    return out


def test_the_header_and_the_samples_agree_in_a_run_inspect_wrote() -> None:
    [run] = InspectImporter().read(INSPECT / "rnd-agent.eval", ReadOptions())
    assert run.elicitation.budget_tokens == 4_000_000 and run.time_limit == 3600


def test_a_budget_cut_mid_run_is_the_budget_the_samples_had(tmp_path: Path) -> None:
    """Attack: the run's header states 4,000,000 tokens and an hour; its samples ran under 20,000
    tokens and a minute. Before, the policy's minimum of 1,000,000 tokens and 30 minutes was met."""
    log = _retuned(tmp_path, 20_000, 60)
    [run] = InspectImporter().read(log, ReadOptions())
    assert run.elicitation.budget_tokens == 20_000 and run.time_limit == 60
    (tmp_path / "c").mkdir()
    case = make_case(tmp_path / "c", log, date=RND_DATE,
                     policy_extra="\n    elicitation: {budget_tokens: 1000000, time_limit: 1800}")
    below = " ".join(f.message for f in findings(case, "CG301"))
    assert "a budget of 20,000 tokens" in below and "a limit of 60 s" in below
