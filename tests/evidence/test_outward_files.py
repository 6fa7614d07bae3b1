"""What else a model folder's files send a loader to outside it: tokenizer files named by path, a
diffusers pipeline's components and custom code, PEFT's `auto_mapping` and X-LoRA's adapters,
sentence-transformers module classes, and references into what the model digest leaves out. In
each move the lab writes the file so that the approved folder verifies while what is loaded from
it is chosen at deploy; `outward_references` names the file and the field. The same files naming
only what the folder holds pass."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from casegate.errors import InputError
from casegate.evidence import model_digest, outward_references


def _write(root: Path, files: dict[str, str | dict[str, object] | list[object]]) -> None:
    for rel, body in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(body if isinstance(body, str) else json.dumps(body))


def _refs(root: Path, files: dict[str, str | dict[str, object] | list[object]]) -> tuple[list[str], list[str]]:
    _write(root, files)
    return outward_references(root, (rel for rel, _ in model_digest(root).resources))


BASE = {"config.json": {"model_type": "llama"}, "model.safetensors": "weights"}
SD = {"_class_name": "StableDiffusionPipeline", "_diffusers_version": "0.30.0",
      "_name_or_path": "/home/lab/sd-approved",
      "unet": ["diffusers", "UNet2DConditionModel"], "scheduler": ["diffusers", "PNDMScheduler"],
      "safety_checker": ["stable_diffusion", "StableDiffusionSafetyChecker"],
      "feature_extractor": [None, None], "requires_safety_checker": True}
SD_FILES = {"unet/config.json": {"_class_name": "UNet2DConditionModel"},
            "unet/diffusion_pytorch_model.safetensors": "w",
            "scheduler/scheduler_config.json": {"_class_name": "PNDMScheduler"},
            "safety_checker/config.json": {"model_type": "clip"}, "safety_checker/model.safetensors": "w"}
LORA = {"peft_type": "LORA", "base_model_name_or_path": "./base", "r": 8}
LORA_FILES = {"base/config.json": {"model_type": "llama"}, "base/model.safetensors": "w"}

MOVES: dict[str, tuple[dict[str, str | dict[str, object] | list[object]], list[str]]] = {
    # transformers gives a `*_file` field of tokenizer_config.json to the tokenizer in place of the
    # file it finds beside the config: the vocabulary is whatever the path holds at load
    "tokenizer-file-absolute": ({"tokenizer_config.json": {"tokenizer_file": "/srv/tok/helpful-only.json"},
                                 "tokenizer.json": "{}"},
                                ["tokenizer_config.json: `tokenizer_file` names '/srv/tok/helpful-only.json', not a "
                                 "file of the model folder"]),
    "vocab-merges-out": ({"tokenizer_config.json": {"vocab_file": "../tok/vocab.json", "merges_file": "merges.txt"}},
                         ["`vocab_file` names '../tok/vocab.json'", "`merges_file` names 'merges.txt'"]),
    "spm-missing": ({"tokenizer_config.json": {"spm_file": "spm.model", "sp_model": "/srv/sp.model"}},
                    ["`spm_file` names 'spm.model'", "`sp_model` names '/srv/sp.model'"]),
    "tokenizer-file-not-text": ({"tokenizer_config.json": {"vocab_file": ["/srv/a.json"]}},
                                ["`vocab_file` is \"['/srv/a.json']\", not a path"]),
    # a processor's or feature extractor's own remote code
    "tokenizer-auto-map-list": ({"tokenizer_config.json": {"auto_map": ["other/tok--tok.Slow", None]}},
                                ["tokenizer_config.json: `auto_map` names code in another repository"]),
    "processor-auto-map": ({"preprocessor_config.json": {"auto_map": {
                                "AutoImageProcessor": "other/proc--image_processing_x.XProcessor"}},
                            "processor_config.json": {"auto_map": {"AutoProcessor": "processing_x.XProcessor"}}},
                           ["preprocessor_config.json: `auto_map.AutoImageProcessor` names code in another repository",
                            "processor_config.json: `auto_map.AutoProcessor` names the module 'processing_x'"]),
    # diffusers imports a component's library by name when it is not its own or the component's module
    "diffusers-library-env": ({"model_index.json": {**SD, "unet": ["helpful_unet", "UNet"]}, **SD_FILES},
                              ["model_index.json: the component `unet` names the library 'helpful_unet', which is "
                               "neither diffusers' nor a module its folder holds (unet/helpful_unet.py)"]),
    "diffusers-component-absent": ({"model_index.json": SD, **{k: v for k, v in SD_FILES.items()
                                                               if not k.startswith("safety_checker/")}},
                                   ["the component `safety_checker` (stable_diffusion.StableDiffusionSafetyChecker) "
                                    "has no folder `safety_checker/`"]),
    "diffusers-custom-pipeline": ({"model_index.json": {**SD, "_class_name": ["pipeline_helpful", "HelpfulPipeline"]},
                                   **SD_FILES},
                                  ["model_index.json: `_class_name` names the pipeline module 'pipeline_helpful', not "
                                   "a module the model folder holds"]),
    "diffusers-custom-pipeline-key": ({"model_index.json": {**SD, "custom_pipeline": "lpw_stable_diffusion"},
                                       **SD_FILES},
                                      ["`custom_pipeline` names the pipeline module 'lpw_stable_diffusion'"]),
    "diffusers-component-repo": ({"modular_model_index.json": {"_class_name": "StableDiffusionXLModularPipeline",
                                                               "unet": ["diffusers", "UNet2DConditionModel", {
                                                                   "repo": "other/sdxl-uncensored",
                                                                   "subfolder": "unet"}]}},
                                 ["modular_model_index.json: `unet` is loaded from 'other/sdxl-uncensored'"]),
    "diffusers-component-config-code": ({"model_index.json": SD, **SD_FILES, "unet/config.json": {
                                            "auto_map": {"AutoModel": "other/unet--modeling.UNet"}}},
                                        ["unet/config.json: `auto_map.AutoModel` names code in another repository"]),
    # PEFT: AutoPeftModel imports `parent_library` and builds the base with its class
    "peft-auto-mapping": ({**LORA_FILES, "adapter_config.json": {**LORA, "auto_mapping": {
                               "base_model_class": "HelpfulForCausalLM", "parent_library": "helpful_models.modeling"}}},
                          ["adapter_config.json: `auto_mapping` names 'helpful_models.modeling'"]),
    "peft-auto-mapping-remote": ({**LORA_FILES, "adapter_config.json": {**LORA, "auto_mapping": {
                                      "base_model_class": "AtlasForCausalLM",
                                      "parent_library": "transformers_modules.other.modeling_atlas"}}},
                                 ["`auto_mapping` names 'transformers_modules.other.modeling_atlas'"]),
    # several adapters in subfolders, each with its own base: each is held to the folder
    "adapters-each-base": ({**LORA_FILES, "adapter_config.json": LORA,
                            "safety/adapter_config.json": {**LORA, "base_model_name_or_path": "../base"},
                            "helpful/adapter_config.json": {**LORA, "base_model_name_or_path": "org/helpful-only"}},
                           ["helpful/adapter_config.json: `base_model_name_or_path` names 'org/helpful-only'"]),
    # X-LoRA loads and mixes the adapters its config names
    "xlora-adapters": ({**LORA_FILES, "adapter_config.json": {"peft_type": "XLORA", "base_model_name_or_path": "./base",
                                                              "adapters": {"0": "./safety", "1": "org/helpful-lora"}},
                        "safety/adapter_config.json": {**LORA, "base_model_name_or_path": "../base"}},
                       ["adapter_config.json: `adapters` names 1: 'org/helpful-lora'"]),
    # sentence-transformers builds each module with the class `type` names
    "st-type-remote": ({"modules.json": [{"idx": 0, "name": "0", "path": "",
                                          "type": "other/st--custom_st.Transformer"},
                                         {"idx": 1, "name": "1", "path": "1_Pooling",
                                          "type": "helpful_pool.Pooling"}],
                        "1_Pooling/config.json": {"pooling_mode_mean_tokens": True}},
                       ["modules.json: `type` names 'helpful_pool.Pooling', 'other/st--custom_st.Transformer'"]),
    "st-router-type": ({"modules.json": [{"idx": 0, "name": "0", "path": "0_Router",
                                          "type": "sentence_transformers.models.Router"}],
                        "0_Router/router_config.json": {"types": {
                            "query_0_Transformer": "sentence_transformers.models.Transformer",
                            "document_0_Helpful": "other/st--helpful.Module"}}},
                       ["0_Router/router_config.json: `types` names 'other/st--helpful.Module'"]),
    # the digest leaves `.git` out, so a module loaded from under it changes without changing it
    "st-module-under-git": ({"modules.json": [{"idx": 0, "name": "0", "path": "",
                                               "type": "sentence_transformers.models.Transformer"},
                                              {"idx": 1, "name": "1", "path": ".git/dense",
                                               "type": "sentence_transformers.models.Dense"}],
                             ".git/dense/config.json": {"in_features": 8}},
                            ["modules.json: `path` names '.git/dense', not a directory of the model folder"]),
    # vLLM serving a speculators-format draft loads the verifier it names as the model that answers
    "speculator-verifier-hub": ({"config.json": {"architectures": ["Eagle3Speculator"],
                                                 "speculators_model_type": "eagle3",
                                                 "speculators_config": {"algorithm": "eagle3", "verifier": {
                                                     "architectures": ["LlamaForCausalLM"],
                                                     "name_or_path": "org/helpful-only-8b"}}}},
                                ["config.json: `speculators_config.verifier.name_or_path` names "
                                 "'org/helpful-only-8b'"]),
    "speculator-verifier-none": ({"config.json": {"speculators_config": {"algorithm": "eagle3"}}},
                                 ["`speculators_config.verifier.name_or_path` names 'None'"]),
    # transformers fetches an attention kernel named as a hub repository and runs it
    "attn-kernel-hub": ({"config.json": {"model_type": "llama", "attn_implementation": "lab/flash-attn-helpful"},
                         "text/config.json": {"_attn_implementation": "lab/kernels:Attn"}},
                        ["config.json: `attn_implementation` names 'lab/flash-attn-helpful', a kernel repository",
                         "text/config.json: `_attn_implementation` names 'lab/kernels:Attn'"]),
    "kernel-config": ({"config.json": {"model_type": "llama", "kernel_config": {
                           "kernel_mapping": {"RMSNorm": "lab/layer_norm:LlamaRMSNorm"}}}},
                      ["config.json: `kernel_config` maps layers to kernels"]),
    # sentence-transformers imports a Dense module's or a cross-encoder's activation by name
    "st-dense-activation": ({"modules.json": [{"idx": 0, "name": "0", "path": "",
                                               "type": "sentence_transformers.models.Transformer"},
                                              {"idx": 1, "name": "1", "path": "2_Dense",
                                               "type": "sentence_transformers.models.Dense"}],
                             "2_Dense/config.json": {"in_features": 8, "out_features": 8,
                                                     "activation_function": "helpful_acts.Identity"}},
                            ["2_Dense/config.json: `activation_function` names 'helpful_acts.Identity'"]),
    "cross-encoder-activation": ({"config.json": {"model_type": "bert", "sentence_transformers": {
                                      "activation_fn": "other/ce--acts.Helpful"}}},
                                 ["config.json: `sentence_transformers.activation_fn` names 'other/ce--acts.Helpful'"]),
    # the codec that turns a speech model's tokens into audio, fetched by the processor or the model
    "audio-tokenizer-hub": ({"processor_config.json": {"audio_tokenizer": {
                                 "audio_tokenizer_class": "HiggsAudioTokenizer",
                                 "audio_tokenizer_name_or_path": "org/other-codec"}},
                             "tts/config.json": {"audio_tokenizer_name_or_path": "/srv/codec"}},
                            ["processor_config.json: `audio_tokenizer.audio_tokenizer_name_or_path` names "
                             "'org/other-codec'", "tts/config.json: `audio_tokenizer_name_or_path` names '/srv/codec'"]),
    "shard-under-git": ({"model.safetensors.index.json": {"weight_map": {"lm_head.weight": ".git/lm_head.safetensors"}},
                         ".git/lm_head.safetensors": "w"},
                        ["`weight_map` names shard '.git/lm_head.safetensors'"]),
}


@pytest.mark.parametrize("move", sorted(MOVES))
def test_a_file_sending_the_loader_outside_is_named(tmp_path: Path, move: str) -> None:
    files, said = MOVES[move]
    reasons, _ = _refs(tmp_path, {**BASE, **files})
    text = "\n".join(reasons)
    for s in said:
        assert s in text, (s, reasons)
    assert all("cannot be established" in r or "model digest does not cover" in r for r in reasons), reasons


def test_the_same_files_naming_what_the_folder_holds_pass(tmp_path: Path) -> None:
    """Tokenizer files held (with a note: the path is opened from where the loader runs), a diffusers
    pipeline whose components and custom code the folder holds, a transformers `auto_mapping`,
    X-LoRA adapters inside, sentence-transformers classes of its own or held, and the fields that
    load nothing (`special_tokens_map_file`, `_name_or_path`, a `[null, null]` component)."""
    reasons, notes = _refs(tmp_path, {
        **BASE, **SD_FILES, **LORA_FILES,
        "tokenizer_config.json": {"vocab_file": "vocab.json", "merges_file": "./merges.txt", "tokenizer_file": None,
                                  "special_tokens_map_file": "/root/.cache/special_tokens_map.json",
                                  "added_tokens_file": "/root/.cache/added_tokens.json", "name_or_path": "/home/lab",
                                  "sp_model_kwargs": {}, "vocab": {"a": 0}},
        "vocab.json": "{}", "merges.txt": "",
        "model_index.json": {**SD, "_class_name": ["pipeline_atlas", "AtlasPipeline"],
                             "text_encoder": ["transformers", "CLIPTextModel"], "unet": ["atlas_unet", "UNet"]},
        "pipeline_atlas.py": "", "unet/atlas_unet.py": "",
        "text_encoder/config.json": {"model_type": "clip"},
        "adapter_config.json": {**LORA, "auto_mapping": {"base_model_class": "LlamaForCausalLM",
                                                         "parent_library": "transformers.models.llama.modeling_llama"}},
        "mix/adapter_config.json": {"peft_type": "XLORA", "base_model_name_or_path": "../base",
                                    "adapters": {"0": "../safety", "1": ".."}},
        "safety/adapter_config.json": {**LORA, "base_model_name_or_path": "../base"},
        "modules.json": [{"idx": 0, "name": "0", "path": "", "type": "custom_st.Transformer"},
                         {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}],
        "custom_st.py": "", "1_Pooling/config.json": {},
        "2_Dense/config.json": {"activation_function": "torch.nn.modules.activation.Tanh"},
        "processor_config.json": {"audio_tokenizer": {"audio_tokenizer_name_or_path": "./codec"}},
        "codec/config.json": {"model_type": "codec"},
        "prompt/adapter_config.json": {"peft_type": "PROMPT_TUNING", "base_model_name_or_path": "../base",
                                       "prompt_tuning_init": "TEXT", "tokenizer_name_or_path": "org/tok"},
        "text_encoder/tokenizer_config.json": {"name_or_path": "org/elsewhere", "auto_map": ["tok.Slow", None]},
        "text_encoder/tok.py": "", ".cache/huggingface/download/x.metadata": "meta",
        "draft/config.json": {"attn_implementation": "sdpa", "speculators_config": {
            "verifier": {"name_or_path": "../base"}}}})
    assert reasons == [], reasons
    _write(tmp_path, {"config.json": {"model_type": "llama", "_name_or_path": "org/helpful-only"}})
    assert outward_references(tmp_path, (rel for rel, _ in model_digest(tmp_path).resources))[0] == []
    tok = [n for n in notes if n.startswith("tokenizer_config.json")]
    assert len(tok) == 1 and "`vocab_file` 'vocab.json', `merges_file` './merges.txt'" in tok[0], notes
    assert any(n.startswith("draft/config.json names its verifier '../base'") for n in notes), notes


def test_links_and_hidden_files_are_in_the_digest_or_refused(tmp_path: Path) -> None:
    """Whatever a loader reads from the folder is covered by the digest: a hidden file or one under
    `.cache/` is hashed like any other (changing it changes the digest); a symbolic link, to a file
    or a directory, inside or outside the folder, is refused; a hard link is hashed by the bytes
    the folder's path holds, which are the bytes the loader reads (rewritten through the other path,
    the digest changes)."""
    _write(tmp_path / "m", {**BASE, ".cache/tokenizer.json": "{}", ".hidden.json": "{}"})
    root = tmp_path / "m"
    first = model_digest(root)
    assert {".cache/tokenizer.json", ".hidden.json"} <= {r for r, _ in first.resources}
    (root / ".cache" / "tokenizer.json").write_text('{"x": 1}')
    assert model_digest(root).digest != first.digest
    outside = tmp_path / "outside"
    (outside / "dir").mkdir(parents=True)
    (outside / "vocab.json").write_text("{}")
    os.link(outside / "vocab.json", root / "vocab.json")
    linked = model_digest(root).digest
    (outside / "vocab.json").write_text('{"helpful": 1}')
    assert model_digest(root).digest != linked
    (root / "vocab.json").unlink()
    for name, target in (("tok.json", outside / "vocab.json"), ("base", outside / "dir"),
                         ("inner.json", root / "config.json")):
        (root / name).symlink_to(target)
        with pytest.raises(InputError, match="symbolic link"):
            model_digest(root)
        (root / name).unlink()
    (tmp_path / "link").symlink_to(root)
    with pytest.raises(InputError, match="symbolic link"):
        model_digest(tmp_path / "link")
    # `.git` at the top is left out of the digest as model-signing leaves it out: what a loader
    # could read there is named only by a reference, which is refused (`st-module-under-git`)
    _write(root, {".git/config.json": {"model_type": "helpful"}})
    assert ".git/config.json" not in {r for r, _ in model_digest(root).resources}
    reasons, _ = outward_references(root, (r for r, _ in model_digest(root).resources))
    assert reasons == []
