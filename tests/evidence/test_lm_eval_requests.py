"""The generation arguments an lm-eval run's requests record, against its results file's configuration.

lm-eval builds each request of a `generate_until` task with a copy of the task's
`generation_kwargs` (`--gen_kwargs` merged in) and writes it beside the prompt in the samples file
(`arguments.gen_args_0.arg_1`). The hashes lm-eval writes cover the document, the prompt and the
target, not these arguments; the results file's `config.gen_kwargs` and `configs.<task>` are what
casegate read. A lab ran `arith_gen` with `--gen_kwargs max_gen_toks=1` (every answer cut to one
token) and edited the results file to look default (no `gen_kwargs`, `max_gen_toks: 16`): a policy
naming the task by name counted the run, and a policy pinning the standard prompt digest did too.

The run is the fixture lm-evaluation-harness wrote, its `arith_gen` made a run of 30 documents as
lm-eval writes one (each line's document, prompt, target, hashes, arguments and responses, the
aggregate, the task hash) of a model that answers 20 of them right, and cut to one token where it
asked for one."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from casegate.evidence.importers.lm_eval import _hash

from .evidence_logs import restate_task_hashes
from .test_derive import findings, make_case
from .test_inspect_prompt_pinned import _status
from .test_lm_eval_run_code import _copy, _edit, _run

GEN = "arith_gen"
N = 30


def _written(tmp: Path, cut: int | None = None) -> Path:
    """The run of `arith_gen` over 30 documents as lm-eval writes it, made with `--gen_kwargs
    max_gen_toks=<cut>` where `cut` is given."""
    res = _copy(tmp)
    gen = {"until": ["\n"], "max_gen_toks": cut or 16, "do_sample": False}
    samples = next(res.parent.glob(f"samples_{GEN}_*.jsonl"))
    lines, right = [], 0
    for i in range(N):
        a, b = i % 17 + 1, i % 11 + 2
        q = f"What is {a} + {b}? Answer with the number only."
        doc = {"question": q, "target": str(a + b)}
        prompt = f"Question: {q}\nAnswer:"
        said = str(a + b if (a + b) % 3 else a + b + 1)
        said = said[:cut] if cut else said
        score = float(said == str(a + b))
        right += int(score)
        lines.append({"doc_id": i, "doc": doc, "target": str(a + b),
                      "arguments": {"gen_args_0": {"arg_0": prompt, "arg_1": dict(gen)}},
                      "resps": [[said]], "filtered_resps": [said], "filter": "none", "metrics": ["exact_match"],
                      "doc_hash": _hash(json.dumps(doc, indent=2, ensure_ascii=False)), "prompt_hash": _hash(prompt),
                      "target_hash": _hash(str(a + b)), "exact_match": score})
    samples.write_text("".join(json.dumps(x) + "\n" for x in lines))

    def change(d: dict[str, Any]) -> None:
        d["config"]["gen_kwargs"] = {"max_gen_toks": cut} if cut else {}
        d["configs"][GEN]["generation_kwargs"] = dict(gen)
        mean = right / N
        d["results"][GEN].update({"exact_match,none": mean, "sample_len": N,
                                  "exact_match_stderr,none": (mean * (1 - mean) / (N - 1)) ** 0.5})
        d["n-samples"][GEN] = {"original": N, "effective": N}
    _edit(res, change)
    restate_task_hashes(res)
    return res


def _looking_default(res: Path) -> Path:
    """The lab's edit: the results file's configuration put back to the defaults; the samples file
    (and so the task hash) as lm-eval wrote it."""
    def change(d: dict[str, Any]) -> None:
        d["config"]["gen_kwargs"] = {}
        d["configs"][GEN]["generation_kwargs"]["max_gen_toks"] = 16
    return _edit(res, change)


def _case(tmp: Path, res: Path, pin: str = "") -> Path:
    (tmp / "c").mkdir(parents=True)
    # the samples files pinned, as the case of a run whose counts come from them pins them
    pinned = ", ".join(f"{f.name}: {hashlib.sha256(f.read_bytes()).hexdigest()}"
                       for f in sorted(res.parent.glob("samples_*.jsonl")))
    source = f"    source:\n      tool: lm-eval\n      task: {GEN}\n      files: {{{pinned}}}\n"
    case = make_case(tmp / "c", res, extra=f"    task: {GEN}\n{source}",
                     policy_extra=f'\n    tasks: [{{name: {GEN}, version: "1.0"{pin}}}]',
                     companions=tuple(res.parent.glob("samples_*.jsonl")))
    policy = tmp / "c" / "policy.yaml"
    policy.write_text(policy.read_text().replace("value: 0.99", "value: 0.5"))
    return case


def test_the_run_as_written_counts_by_name(tmp_path: Path) -> None:
    res = _written(tmp_path / "std")
    case = _case(tmp_path / "name", res)
    assert findings(case, "CG345") == []
    assert _status(case) == ("reached", (20, N))
    assert _run(res, GEN).elicitation.max_tokens == 16


def test_requests_cut_short_behind_a_default_configuration_do_not_count_as_the_task(tmp_path: Path) -> None:
    """Attack: the run made with `max_gen_toks=1` (3/30: only the one-digit sums survive), its
    results file edited to say `max_gen_toks: 16` and no `gen_kwargs`. Before, the run counted by
    name and under the standard prompt digest, the threshold ruled out. It is now read as its
    requests record it: CG345 under a name, not the pinned standard digest, a ceiling of 1 token."""
    honest = _written(tmp_path / "honest", cut=1)
    run = _run(honest, GEN)
    assert (run.result.successes, run.result.trials) == (3, N)
    edited = _looking_default(honest)
    standard = _run(_written(tmp_path / "std"), GEN).source.prompt_digest
    run = _run(edited, GEN)
    # read as the results file says, the run had the standard digest; as its requests say, another
    assert run.source.prompt_digest != standard
    assert run.elicitation.max_tokens == 1
    case = _case(tmp_path / "name", edited)
    [hit] = findings(case, "CG345")
    assert "arguments.gen_args_0.arg_1: max_gen_toks=1" in hit.message, hit.message
    assert "configs.arith_gen.generation_kwargs" in hit.message
    assert _status(case) == ("reached", None)
    [hit] = findings(_case(tmp_path / "pinned", edited, f", prompt: '{standard}'"), "CG345")
    assert "not a task the policy names" in hit.message
    # a policy pinning what the requests asked counts the run as what it is
    own = _case(tmp_path / "own", edited, f", prompt: '{run.source.prompt_digest}'")
    assert findings(own, "CG345") == []
    assert _status(own) == ("below-alert", (3, N))


def test_requests_made_with_different_arguments_have_no_digest(tmp_path: Path) -> None:
    """Attack: one request in three edited to `max_gen_toks: 1` (or a samples file joined from two
    runs): no one set of arguments is the run's, so no pinned digest counts it."""
    res = _written(tmp_path / "mixed")
    samples = next(res.parent.glob(f"samples_{GEN}_*.jsonl"))
    lines = [json.loads(x) for x in samples.read_text().splitlines()]
    for x in lines[::3]:
        x["arguments"]["gen_args_0"]["arg_1"]["max_gen_toks"] = 1
    samples.write_text("".join(json.dumps(x) + "\n" for x in lines))
    run = _run(res, GEN)
    assert run.source.prompt_digest is None
    assert any("2 different sets of generation arguments" in n for n in run.notes), run.notes
    [hit] = findings(_case(tmp_path / "name", res), "CG345")
    assert "2 different sets of generation arguments" in hit.message
