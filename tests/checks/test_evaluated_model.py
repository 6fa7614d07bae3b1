"""CG351 evaluation-of-another-model: a log's recorded model must name the case's system (or one
of the names the case lists under `system.evaluated_as`)."""

from __future__ import annotations

from typing import Any

from ._cases import base_doc, context, hits


def _with_model(model: str, evaluated_as: list[str] | None = None) -> dict[str, Any]:
    doc = base_doc()
    doc["system"]["name"] = "Atlas-2"
    if evaluated_as is not None:
        doc["system"]["evaluated_as"] = evaluated_as
    src = doc["evidence"]["E-ctf"].setdefault("source", {"tool": "inspect-ai"})
    src["model"] = model
    return doc


def test_a_run_of_an_earlier_model_pinned_as_this_ones_is_caught() -> None:
    """Reason: a lab pinned a log of Atlas-1 (33/200 solved) as Atlas-2's CTF evaluation (80/200
    on its own run): the counts of another model were believed."""
    (h,) = hits("CG351", context(_with_model("acme/atlas-1-helpful-only")))
    assert "records model `acme/atlas-1-helpful-only`, which does not name this case's system `Atlas-2`" in h.message
    assert h.path == ("evidence", "E-ctf", "source", "model")
    assert hits("CG351", context(_with_model("acme/atlas-20-base")))


def test_a_run_that_names_the_system_or_a_listed_name_passes() -> None:
    for model in ("acme/atlas-2-helpful-only", "ACME/Atlas_2", "atlas-2"):
        assert hits("CG351", context(_with_model(model))) == [], model
    assert hits("CG351", context(_with_model("mockllm/model", ["mockllm/model"]))) == []
    assert hits("CG351", context(_with_model("mockllm/model", ["mockllm/other"])))


def test_a_run_of_the_base_model_an_empty_name_or_a_borrowed_tokenizer_is_caught() -> None:
    """Reason: the name check admitted the lineage's base model (`acme/atlas-2-base-...` names
    Atlas-2 too), skipped an empty model name, and read lm-eval's model arguments as part of the
    name, so a tokenizer named beside other weights passed."""
    base = _with_model("acme/atlas-2-base-helpful-only")
    base["system"]["lineage"] = [{"relation": "fine-tuned-from", "name": "Atlas-2-base 2.0.0"}]
    (h,) = hits("CG351", context(base))
    assert "names `Atlas-2-base 2.0.0` of this system's lineage, not `Atlas-2`" in h.message
    # the system's own run still passes beside that lineage
    own = _with_model("acme/atlas-2-helpful-only")
    own["system"]["lineage"] = base["system"]["lineage"]
    assert hits("CG351", context(own)) == []
    (h,) = hits("CG351", context(_with_model("")))
    assert "records an empty model name" in h.message
    (h,) = hits("CG351", context(_with_model("hf (pretrained=acme/atlas-1,tokenizer=acme/atlas-2)")))
    assert "does not name this case's system" in h.message
    assert hits("CG351", context(_with_model("hf (pretrained=acme/atlas-2,dtype=bfloat16)"))) == []


def test_another_models_name_listed_as_this_ones_does_not_admit_its_runs() -> None:
    """Reason: after CG351 caught a run of Atlas-1, the lab listed `acme/atlas-1-helpful-only`
    under `system.evaluated_as`, and the earlier model's run passed as this one's; the base
    model's name and another system's name in the registry were admitted the same way."""
    (h,) = hits("CG351", context(_with_model("acme/atlas-1-helpful-only", ["acme/atlas-1-helpful-only"])))
    assert "listed under `system.evaluated_as` as `acme/atlas-1-helpful-only`, which names another version of " \
           "`Atlas-2`" in h.message
    base = _with_model("acme/atlas-base", ["acme/atlas-base"])
    base["system"]["lineage"] = [{"relation": "fine-tuned-from", "name": "Atlas-base"}]
    (h,) = hits("CG351", context(base))
    assert "which names `Atlas-base` of this system's lineage" in h.message
    other = base_doc()
    other["id"], other["system"]["name"] = "orion-api", "Orion"
    from ._cases import case

    (h,) = hits("CG351", context(_with_model("acme/orion-chat", ["acme/orion-chat"]), related=[case(other)]))
    assert "which names `Orion`, the system of case `orion-api`" in h.message
    # an endpoint id or a mock stays admissible, with or without other systems around
    assert hits("CG351", context(_with_model("mockllm/model", ["mockllm/model"]), related=[case(other)])) == []
    assert hits("CG351", context(_with_model("endpoint-7f3a", ["endpoint-7f3a"]))) == []


def test_a_smaller_model_of_the_family_is_not_this_one() -> None:
    """Reason: a log of `acme/atlas-2-mini-helpful-only` (a smaller model, 20/200) passed as
    Atlas-2's run (70/200 on its own): the system's name ran inside the model name, and any
    word after it was taken for a variant label."""
    for model, word in (("acme/atlas-2-mini-helpful-only", "mini"), ("acme/atlas-2-7b", "7b"),
                        ("acme/atlas-2-distilled", "distilled"), ("acme/atlas-2-reasoner", "reasoner"),
                        ("acme/mini-atlas-2", "mini")):
        (h,) = hits("CG351", context(_with_model(model)))
        assert f"which names `{word}` beyond the system's name `Atlas-2`" in h.message, model
    # variant and release labels, dates and the system's own version still name it
    for model in ("acme/atlas-2-helpful-only", "acme/atlas-2-low-refusal", "atlas-2-instruct-20261101",
                  "acme/atlas-2-2.1.0-chat", "hf (pretrained=acme/atlas-2,dtype=bfloat16)"):
        assert hits("CG351", context(_with_model(model))) == [], model
    # nor can the smaller model's name be listed as one of the system's own
    (h,) = hits("CG351", context(_with_model("acme/atlas-2-mini", ["acme/atlas-2-mini"])))
    assert "names another size or stage of a model family (`mini`)" in h.message


def test_weights_an_argument_loads_in_place_of_the_named_model_are_judged() -> None:
    """Reason: a run recorded as the system's name with an argument that loads other weights was
    taken as a run of the system: lm-eval's API model `local-completions (model=acme/atlas-1,...)`
    and Inspect's local provider `hf/acme/atlas-2 (model_path=/ckpt/atlas-1)`."""
    (h,) = hits("CG351", context(_with_model("hf/acme/atlas-2 (model_path=/ckpt/atlas-1-helpful-only)")))
    assert "does not name this case's system" in h.message
    (h,) = hits("CG351", context(_with_model(
        "local-completions (base_url=http://10.0.0.7:8000/v1,model=acme/atlas-1,tokenizer=acme/atlas-2)")))
    assert "does not name this case's system" in h.message
    assert hits("CG351", context(_with_model("hf/acme/atlas-2 (model_path=/ckpt/atlas-2-helpful-only)"))) == []


def test_an_adapter_loaded_over_the_system_is_another_model() -> None:
    """Reason: `hf (pretrained=acme/atlas-2-helpful-only,peft=acme/refusal-boost)` names Atlas-2 in
    its weights, but what ran is Atlas-2 with an adapter the lab trained (to refuse the suite's
    questions): CG351 read the `pretrained` weights only, and the run passed as Atlas-2's."""
    (h,) = hits("CG351", context(_with_model("hf (peft=acme/refusal-boost,pretrained=acme/atlas-2-helpful-only)")))
    assert "loads `peft=acme/refusal-boost` over the weights" in h.message
    for adapter in ("acme/atlas-1-helpful-only-lora", "acme/atlas-2-mini-lora"):
        (h,) = hits("CG351", context(_with_model(f"vllm (lora_local_path={adapter},pretrained=acme/atlas-2)")))
        assert f"loads `lora_local_path={adapter}`" in h.message, adapter
    # the system's own helpful-only adapter over its weights is the system's variant
    assert hits("CG351", context(_with_model(
        "hf (peft=acme/atlas-2-helpful-only-lora,pretrained=acme/atlas-2)"))) == []


def test_a_revision_that_cannot_be_tied_to_the_system_is_another_checkpoint() -> None:
    """Reason: `hf (pretrained=acme/atlas-2,revision=step-40000)` loads an early checkpoint of the
    same repository (a weaker model) under the system's name, and passed. A revision counts when it
    names the system's version (or a digest of it); `main` is the repository's current weights."""
    (h,) = hits("CG351", context(_with_model("hf (pretrained=acme/atlas-2,revision=step-40000)")))
    assert "loads `revision=step-40000` of the weights, which casegate cannot tie to version" in h.message
    version = base_doc()["system"]["version"]
    assert hits("CG351", context(_with_model(f"hf (pretrained=acme/atlas-2,revision=v{version})"))) == []
    assert hits("CG351", context(_with_model("hf (pretrained=acme/atlas-2,revision=main)"))) == []


def test_a_server_whose_address_names_another_model_is_caught() -> None:
    """Reason: Inspect's `openai-api/atlas-2` reached at `http://atlas-1-serving:8000/v1` was answered
    by whatever that server serves: an address naming an earlier or smaller model of the family
    is a run of it."""
    for url in ("http://atlas-1-serving.internal:8000/v1", "http://atlas-2-mini.internal/v1"):
        (h,) = hits("CG351", context(_with_model(f"openai-api/atlas-2 (model_base_url={url})")))
        assert f"was served from `{url}`" in h.message, url
    assert hits("CG351", context(_with_model(
        "openai-api/atlas-2 (model_base_url=http://10.0.0.7:8000/v1)"))) == []


def test_a_listed_name_that_loads_other_weights_does_not_admit_its_runs() -> None:
    name = "hf/mock (peft=acme/refusal-boost,pretrained=endpoint-7f3a)"
    (h,) = hits("CG351", context(_with_model(name, [name])))
    assert "listed under `system.evaluated_as`" in h.message and "peft=acme/refusal-boost" in h.message


def test_a_listed_name_of_another_precision_than_the_quantised_system_does_not_admit_its_runs() -> None:
    """Reason: a 4-bit build shipped to phones, its full-precision parent's run (`acme/atlas-2-fp16`)
    listed under `system.evaluated_as` with the lineage entry dropped, passed as the 4-bit build's."""
    for said in ({"description": "Atlas-2 quantised to 4 bits for phones"},
                 {"lineage": [{"relation": "quantised-from", "name": "Atlas-2 master 1.0"}]}):
        for name in ("acme/atlas-2-fp16", "acme/atlas-2-bf16-finetuned", "acme/atlas-2-full-precision"):
            doc = _with_model(name, [name])
            doc["system"].update(said)
            (h,) = hits("CG351", context(doc))
            assert "names a build at another precision" in h.message, (said, name)
    # the precision the case gives its system, or a case that gives none, admits the listed name
    doc = _with_model("acme/atlas-2-q4", ["acme/atlas-2-q4"])
    doc["system"]["description"] = "Atlas-2, its weights quantised to 4 bits"
    assert hits("CG351", context(doc)) == []
    doc = _with_model("acme/atlas-2-int8", ["acme/atlas-2-int8"])
    doc["system"]["lineage"] = [{"relation": "quantised-from", "name": "Atlas-2 master 1.0"}]
    assert hits("CG351", context(doc)) == []
    assert hits("CG351", context(_with_model("acme/atlas-2-bf16", ["acme/atlas-2-bf16"]))) == []
