"""Helpers every importer shares: pinning bytes, reading a file's head, and scoring scales."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from pathlib import Path
from typing import Any

from ...model import Result, SampleScore
from ...model._policy import LAST_EVIDENCE_DATE
from .._artifacts import sha256_file
from ..stats import Reduction, binary_counts
from ._claims import head as head
from .interface import LogReadError

Scalar = str | int | float | bool | None


HUB_COMMIT = re.compile(r"[0-9a-f]{40}")
"""A Hugging Face hub commit id: the full 40 hexadecimal digits git gives it. A shorter run of hex
digits (`deadbeef`) is as likely a branch or a tag, which the repository's owner can name so and
move; the hub resolves a name before a commit prefix, so only the whole id pins the data."""


def hf_path_pinned(location: str) -> bool:
    """Whether an `hf://` path names its repository at a commit: `hf://datasets/org/name@<commit>/file`
    (`@main`, `@v1` or a short prefix name a branch or tag, which moves)."""
    m = re.match(r"^hf://(?:datasets/|spaces/|models/)?(?:[^@/]+/)?[^@/]+@([^/]+)(?:/|$)", location.strip(), re.IGNORECASE)
    return bool(m and HUB_COMMIT.fullmatch(m.group(1)))


def settings_digest(parts: dict[str, Any]) -> str:
    """`sha256:` over the JSON of `parts` (keys sorted, no spaces): the digest a run's prompt
    settings are pinned by (`source.prompt_digest`), the same for every importer so a policy pin
    means one thing."""
    import hashlib
    import json

    text = json.dumps(parts, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def pinned_sha256(path: Path) -> str:
    """sha256 of the file's bytes, with a clear error when it cannot be read."""
    try:
        return sha256_file(path)
    except OSError as e:
        raise LogReadError(f"cannot read the log: {e.strerror}", location=str(path)) from None


def check_unchanged(path: Path, before: str) -> None:
    """Fail when the file changed while it was being read (the pinned hash would not match
    what was parsed)."""
    if pinned_sha256(path) != before:
        raise LogReadError("the log changed while it was being read", location=str(path),
                           help="wait for the evaluation to finish writing it, then import again")


def scalars(*configs: dict[str, Any]) -> dict[str, Scalar]:
    """Merge settings, later ones winning, keeping scalar values that are set."""
    out: dict[str, Scalar] = {}
    for c in configs:
        for k, v in c.items():
            if v is None or isinstance(v, (list, dict, tuple)):
                continue
            if isinstance(v, (str, int, float, bool)):
                out[k] = v
    return dict(sorted(out.items()))


def iso_date(value: str | float | None, where: str) -> tuple[dt.date, str]:
    """(date, ISO timestamp) from an ISO string or a Unix time."""
    try:
        if isinstance(value, (int, float)):
            t = dt.datetime.fromtimestamp(float(value), tz=dt.UTC)
        elif isinstance(value, str):
            t = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        else:
            raise ValueError("missing")
    except (ValueError, OverflowError, OSError):
        raise LogReadError(f"the log has no readable creation time ({value!r})", location=where) from None
    if t.date() > LAST_EVIDENCE_DATE:
        raise LogReadError(
            f"the log's creation time {t.isoformat()} is past {LAST_EVIDENCE_DATE.isoformat()}: the "
            "evidence's age could not be counted (its date plus a policy's maximum age is past 9999-12-31)",
            location=where, help="the date is corrupt: copy the log again from the run's output folder")
    return t.date(), t.isoformat()


def counts_result(
    samples: list[tuple[str, int, float]],
    scale: str,
    reduction: Reduction,
    *,
    metric: str | None,
    value: float | None,
    stderr: float | None,
    where: str,
) -> Result:
    """A Result from per-sample scores `(id, epoch, score)` on a known scale: counts for binary
    scales (under `reduction`), the headline metric otherwise."""
    rows = [SampleScore(id=s, epoch=e, score=v) for s, e, v in samples]
    if scale == "binary":
        try:
            succ, trials = binary_counts(((s, v) for s, _, v in samples), reduction)
        except ValueError as e:
            raise LogReadError(f"scores are declared binary but {e}", location=where,
                               help="declare the scores' real scale (--scale proportion)") from None
        return Result(successes=succ, trials=trials, metric=metric, value=value, stderr=stderr,
                      scale="binary", samples=rows, reduction=reduction)
    if scale == "proportion":
        bad = next(((s, v) for s, _, v in samples if not 0 <= v <= 1 or math.isnan(v)), None)
        if bad is not None:
            raise LogReadError(f"sample {bad[0]!r} has score {bad[1]!r}, outside the proportion scale [0, 1]",
                               location=where)
        return Result(metric=metric, value=value, stderr=stderr, scale="proportion", samples=rows)
    return Result(metric=metric, value=value, stderr=stderr, scale="other", samples=rows)


_VARIANT_NAMES = ("helpful-only", "low-refusal", "fine-tuned")


def variant_in(settings: dict[str, Any] | None, model: str | None, setting_field: str,
               model_field: str) -> tuple[str | None, str | None]:
    """(variant, where it was read) from a run's settings (a `variant` key) or, failing that, the
    variant's name inside the model's name (`acme/atlas-2-helpful-only`); (None, None) when the
    run records none. Underscores and hyphens are the same."""
    if settings and isinstance(settings.get("variant"), str):
        return str(settings["variant"]).strip().replace("_", "-"), setting_field
    name = (model or "").lower().replace("_", "-")
    for v in _VARIANT_NAMES:
        if v in name:
            return v, model_field
    return None, None


FINE_TUNE_FIGURES = ("gpu_hours", "steps", "examples")
"""The figures of a fine-tuning attack's effort a log may record (`FineTuneEffort`)."""


def _effort_number(v: Any) -> float | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, str):
        try:
            v = float(v.strip())
        except ValueError:
            return None
    if isinstance(v, (int, float)) and math.isfinite(v) and v >= 0:
        return float(v)
    return None


def fine_tune_in(settings: Any, field: str) -> tuple[dict[str, float], str | None]:
    """(figure -> value, where it was read) of the fine-tuning attack the evaluated checkpoint had,
    as a run's settings record it: a `fine_tune` mapping (`gpu_hours`, `steps`, `examples`), else
    flat `fine_tune_gpu_hours`, `fine_tune_steps`, `fine_tune_examples` keys (lm-eval's model
    arguments are `key=value` text: a number written as text is read as one). A value that is no
    finite number at least 0 is not recorded; ({}, None) when the settings record none."""
    if not isinstance(settings, dict):
        return {}, None
    nested = settings.get("fine_tune")
    got: dict[str, float] = {}
    if isinstance(nested, dict):
        got = {k: n for k in FINE_TUNE_FIGURES if (n := _effort_number(nested.get(k))) is not None}
        return got, f"{field}.fine_tune" if got else None
    got = {k: n for k in FINE_TUNE_FIGURES if (n := _effort_number(settings.get(f"fine_tune_{k}"))) is not None}
    return got, f"{field} fine_tune_*" if got else None


def sample_print(parts: dict[str, Any]) -> str:
    """A sample's content fingerprint: the first 128 bits of the sha256 of its parts as sorted
    JSON. The parts hold what the run computed (input, target, output, score, token usage), never
    a date, a time, a random id or a name the log gives (the task's, the sample's id, its epoch),
    so rewriting a log's dates or renaming its task and samples leaves every fingerprint as it
    was."""
    import hashlib
    import json

    text = json.dumps(parts, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


NAMED = "n"
"""First character of a fingerprint taken over names (task, sample id, epoch) because the sample
records nothing the run computed but its score (a casegate-results row without `input` or
`output`, an lm-eval task without its samples file). Content fingerprints are hex, so the two
never meet; a run with any such fingerprint cannot be told from a renamed copy of an earlier run."""


def named_print(parts: dict[str, Any]) -> str:
    """A fingerprint over a sample's names and score (`NAMED`): it matches a copy of the run,
    not a copy whose task or ids were renamed."""
    return NAMED + sample_print(parts)[1:]


def told_by_names(prints: frozenset[str]) -> bool:
    """Whether any of a run's fingerprints rests on names (`NAMED`)."""
    return any(p.startswith(NAMED) for p in prints)


def sample_attempts(rows: list[tuple[str, int, float]], stated: int) -> tuple[int, str | None, list[int]]:
    """(attempts, the sample with the fewest scored epochs, its epochs) from per-sample scores
    `(id, epoch, score)`: a sample scored in only one epoch was attempted once, so the run's
    attempts are the fewest distinct epochs any scored sample has, never more than `stated` (the
    epochs the log's header states). Without scores, `stated` with no sample."""
    if not rows:
        return max(stated, 1), None, []
    per: dict[str, set[int]] = {}
    for sid, epoch, _ in rows:
        per.setdefault(sid, set()).add(epoch)
    sid, epochs = min(per.items(), key=lambda kv: (len(kv[1]), kv[0]))
    return max(min(len(epochs), stated), 1), sid, sorted(epochs)


def fewer_epochs_note(sid: str, epochs: list[int], stated: int, stated_by: str) -> str:
    """Why the attempts are below the header's: the sample with the fewest scored epochs.
    `stated_by` says where the stated number is read ("that `epochs` states")."""
    shown = ", ".join(map(str, epochs[:10])) + (", ..." if len(epochs) > 10 else "")
    return (f"sample `{sid}` was scored in {len(epochs)} epoch{'s' if len(epochs) != 1 else ''} ({shown}) of "
            f"the {stated} {stated_by}")


def content_marks(asked: Any) -> dict[str, str]:
    """Sample id -> the first 16 hex digits of the sha256 of what the sample asks (`asked`: pairs of
    id and content as text, one per epoch or line), every distinct content of an id covered, so a
    log whose epochs of one sample ask different things is marked by all of them."""
    import hashlib

    per: dict[str, set[str]] = {}
    for sid, text in asked:
        per.setdefault(str(sid), set()).add(text)
    return {sid: hashlib.sha256("\n".join(sorted(texts)).encode("utf-8", "surrogatepass")).hexdigest()[:16]
            for sid, texts in per.items()}


def same_content(contents: dict[str, str]) -> dict[str, str]:
    """Sample id -> the first id (in sorted order) whose content (`contents`: id -> what the
    sample asks, as text) is the same, for every sample that repeats another; empty when none
    does. A sample written again under a new id is one attempt at one question, whatever its id:
    a test padded with copies of attempts that held, or an evaluation with copies of samples the
    model fails, would otherwise count each copy."""
    first: dict[str, str] = {}
    out: dict[str, str] = {}
    for sid in sorted(contents):
        seen = first.setdefault(contents[sid], sid)
        if seen != sid:
            out[sid] = seen
    return out


_ANSWER_ARGS = ("enable_thinking", "think_end_token", "think_start_token", "thinking", "reasoning_effort",
                "reasoning", "chat_template_args", "chat_template_kwargs", "system_prompt", "add_bos_token",
                "prefix_token_id", "load_in_4bit", "load_in_8bit", "quantization", "quantized", "gptq", "autogptq",
                "gguf_file", "kv_cache_dtype", "temperature", "top_p", "top_k", "min_p", "do_sample", "seed",
                "repetition_penalty", "presence_penalty", "frequency_penalty", "stop", "until", "max_thinking_tokens")
"""Model arguments (lm-eval's `config.model_args`, Inspect's `eval.model_args`) that change how the
model answers: a thinking switch or the token its reasoning is cut at (`hf`'s and vLLM's `enable_thinking`, `think_end_token`), a reasoning
effort or budget, the chat template's arguments, a system prompt, quantized weights, sampling and
stop settings. Any argument whose name holds one of `_ANSWER_WORDS` counts as one too."""

_ANSWER_WORDS = ("think", "reason", "quant", "chat_template", "bnb_", "gptq", "awq", "gguf", "sampling", "penalty",
                 "temperature", "system")


def answers_arg(key: str) -> bool:
    """Whether a model argument named `key` changes how the model answers (`_ANSWER_ARGS`)."""
    k = key.strip().lower()
    return k in _ANSWER_ARGS or any(w in k for w in _ANSWER_WORDS)


NEAR_GREEDY = {"temperature": 0.1, "top_p": 0.05}
"""Sampling settings below which a run is read as greedy: a temperature of 1e-6, or a nucleus of
1e-6, picks the most likely token as a temperature of 0 does."""


def greedy_setting(where: str, config: Any) -> str | None:
    """The setting of a generate config (or a solver step's arguments) that makes sampling greedy,
    in words naming where it was read (`where`), or None: a `temperature` below 0.1 (0 included), a
    `top_p` below 0.05 (`NEAR_GREEDY`), a `top_k` of 1 or `do_sample` false (Hugging Face's greedy
    decoding). A greedy run gives the same answer in every epoch (up to a provider's noise), so its
    epochs are one attempt, not several: counted as several they would meet an attempts minimum
    with one try and, under a reduction counting every epoch a trial, multiply the trials of one
    answer."""
    if not isinstance(config, dict):
        return None
    for key in ("temperature", "top_p", "top_k", "do_sample"):
        v = config.get(key)
        if isinstance(v, bool):
            if key == "do_sample" and v is False:
                return f"{where}.{key}: false"
            continue
        if isinstance(v, str):
            if key == "do_sample" and v.strip().lower() == "false":
                return f"{where}.{key}: {v.strip()}"
            try:
                n = float(v)
            except ValueError:
                continue
        elif isinstance(v, (int, float)):
            n = float(v)
        else:
            continue
        if not math.isfinite(n):
            continue
        if (key in NEAR_GREEDY and 0 <= n < NEAR_GREEDY[key]) or (key == "top_k" and n == 1):
            return f"{where}.{key}: {v.strip() if isinstance(v, str) else v}"
    return None


_GENERATION_ARGS = ("generation_config", "generation_kwargs", "gen_kwargs", "generate_config", "sampling_params")
"""Model arguments that carry a whole generation config (vLLM's and Hugging Face's `generation_config`,
`sampling_params`), whose sampling settings are read as the run's own."""


def model_args_dict(args: Any) -> dict[str, Any]:
    """Model arguments as a dict: a dict as given, lm-eval's `k=v,k=v` string split on its commas
    (a `k=v` without `=` dropped), anything else empty."""
    if isinstance(args, dict):
        return {str(k): v for k, v in args.items()}
    if isinstance(args, str):
        return dict(kv.split("=", 1) for kv in args.split(",") if "=" in kv)
    return {}


_OPENS = {"{": "}", "[": "]", "(": ")"}


def _bracketed_args(args: str) -> dict[str, str]:
    """lm-eval's `k=v,k=v` model arguments split only at the commas outside brackets and quotes, so
    that `generation_config={"temperature": 0, "top_p": 1}` stays one value; empty where a bracket or
    quote is left open or closed out of turn (the plain split, `model_args_dict`, still reads it)."""
    parts: list[str] = []
    start, stack, quote = 0, [], ""
    for i, ch in enumerate(args):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in _OPENS:
            stack.append(_OPENS[ch])
        elif ch in ")]}":
            if not stack or stack.pop() != ch:
                return {}
        elif ch == "," and not stack:
            parts.append(args[start:i])
            start = i + 1
    if stack or quote:
        return {}
    parts.append(args[start:])
    return dict(kv.split("=", 1) for kv in parts if "=" in kv)


def greedy_model_args(where: str, args: Any) -> str | None:
    """The setting in a run's model arguments (`model_args_dict`: Inspect's `-M temperature=0`,
    lm-eval's `--model_args ...,do_sample=False`) that makes sampling greedy (`greedy_setting`), in
    words naming `where` they were read, or None: the arguments themselves (key names trimmed, as
    `answers_arg` reads them), else a generation config given in them (`_GENERATION_ARGS`, a dict or
    its JSON text). A sampling setting given only to the model still sets how it samples."""
    margs = {k.strip(): (v.strip() if isinstance(v, str) else v) for k, v in model_args_dict(args).items()}
    said = greedy_setting(where, margs)
    if said is not None:
        return said
    whole = {k.strip(): v.strip() for k, v in _bracketed_args(args).items()} if isinstance(args, str) else {}
    for key in _GENERATION_ARGS:
        for sub in (whole.get(key), margs.get(key)):
            if isinstance(sub, str):
                try:
                    sub = json.loads(sub)
                except ValueError:
                    continue
            said = greedy_setting(f"{where}.{key}", sub)
            if said is not None:
                return said
    return None


def greedy_note(greedy: str, epochs: int) -> str:
    """Why a greedy run counts one attempt though its samples were scored in `epochs` epochs."""
    return (f"its sampling is greedy ({greedy}), so each of the {epochs} epochs repeats the first answer: "
            "one attempt per sample, each sample counted once (solved when any epoch solved it)")
