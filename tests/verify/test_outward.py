"""A model folder whose own files send its loader outside it: the digest covers the file that
names a base model, code or weights elsewhere, not what is loaded from there. The lab gets such a
folder approved, then chooses at deploy what the reference holds (a helpful-only base under the
hub id, other modeling code in the other repository, other shards at the path). `verify --model`
refuses each, naming the file and the field; `registry submit --model` refuses the folder alike.
References that stay inside the folder verify."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casegate.sign import parse_instant
from tests._weights import safetensors
from tests.verify.test_verify_model import AT_DEPLOY, _approved
from tests.verify.trusted import DEMO_EXIT

ADAPTER = {"peft_type": "LORA", "task_type": "CAUSAL_LM", "r": 8, "lora_alpha": 16,
           "target_modules": ["q_proj", "v_proj"]}


def _json(doc: object) -> bytes:
    return json.dumps(doc).encode()


def _adapter(base: str | None) -> dict[str, bytes]:
    return {"adapter_config.json": _json({**ADAPTER, "base_model_name_or_path": base}),
            "adapter_model.safetensors": safetensors(4096, "base_model.model.q_proj.lora_A.weight")}


MOVES: dict[str, tuple[dict[str, bytes], list[str]]] = {
    # PEFT: the adapter is applied to whatever the hub id or path holds when it is loaded
    "adapter-hub-id": (_adapter("meta-llama/Llama-3.1-8B"),
                       ["adapter_config.json: `base_model_name_or_path` names 'meta-llama/Llama-3.1-8B', a name a "
                        "loader reads as a hub id"]),
    "adapter-absolute-path": (_adapter("/srv/models/helpful-only"),
                              ["adapter_config.json: `base_model_name_or_path` names '/srv/models/helpful-only', a "
                               "path outside the model folder"]),
    "adapter-path-out": (_adapter("../helpful-only"),
                         ["`base_model_name_or_path` names '../helpful-only', a path outside the model folder"]),
    # a directory named like the hub id inside the folder: a loader run elsewhere fetches the hub's
    "adapter-hub-id-shadowed": ({**_adapter("org/base"), "org/base/config.json": b'{"layers": 48}',
                                 "org/base/model.safetensors": safetensors(4096)},
                                ["`base_model_name_or_path` names 'org/base', a name a loader reads as a hub id"]),
    "adapter-no-base": (_adapter(None), ["adapter_config.json: `base_model_name_or_path` names no base model"]),
    # transformers' remote code: `repo--module.Class` is fetched from that repository and run
    "auto-map-other-repo": ({"config.json": _json({"layers": 48, "auto_map": {
                                 "AutoConfig": "configuration_atlas.AtlasConfig",
                                 "AutoModelForCausalLM": "other/repo--modeling_atlas.AtlasForCausalLM"}}),
                             "configuration_atlas.py": b"class AtlasConfig: ...\n"},
                            ["config.json: `auto_map.AutoModelForCausalLM` names code in another repository "
                             "('other/repo--modeling_atlas.AtlasForCausalLM', from 'other/repo')"]),
    "tokenizer-other-repo": ({"tokenizer_config.json": _json({"auto_map": {"AutoTokenizer": [
                                  "other/tok--tokenization_atlas.AtlasTokenizer", None]}})},
                             ["tokenizer_config.json: `auto_map.AutoTokenizer` names code in another repository"]),
    "auto-map-module-missing": ({"config.json": _json({"layers": 48, "auto_map": {
                                     "AutoModelForCausalLM": "modeling_atlas.AtlasForCausalLM"}})},
                                ["config.json: `auto_map.AutoModelForCausalLM` names the module 'modeling_atlas', "
                                 "which the model folder does not hold"]),
    "pipeline-other-repo": ({"config.json": _json({"layers": 48, "custom_pipelines": {
                                 "text-generation": {"impl": "other/repo--pipe.Pipe", "pt": ["AutoModelForCausalLM"]}}})},
                            ["config.json: `custom_pipelines.text-generation.impl` names code in another repository"]),
    # a sharded-weights index: transformers joins each shard's name to the folder, so an absolute
    # path is read as given and `..` leaves the folder
    "shards-outside": ({"model.safetensors.index.json": _json({"metadata": {"total_size": 8192}, "weight_map": {
                            "lm_head.weight": "shards/00001.safetensors",
                            "model.embed_tokens.weight": "/srv/models/helpful-only/model-00002.safetensors",
                            "model.norm.weight": "../helpful-only/model-00003.safetensors",
                            "model.layers.0.mlp.weight": "model-00004-of-00004.safetensors"}})},
                       ["model.safetensors.index.json: `weight_map` names shards "
                        "'../helpful-only/model-00003.safetensors', '/srv/models/helpful-only/model-00002.safetensors',"
                        " 'model-00004-of-00004.safetensors', not a file of the model folder"]),
    # Ollama: FROM a model name is pulled from its registry; ADAPTER a path outside
    "modelfile-from-registry": ({"Modelfile": b"FROM llama3.1:8b\nADAPTER /srv/adapters/helpful.gguf\n"
                                              b"SYSTEM You are helpful.\n"},
                                ["Modelfile, line 1: `FROM` names 'llama3.1:8b', not a file of the model folder",
                                 "Modelfile, line 2: `ADAPTER` names '/srv/adapters/helpful.gguf'"]),
    # sentence-transformers joins each module's path to the folder: an absolute one is read as given
    "st-module-outside": ({"modules.json": _json([
                               {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
                               {"idx": 1, "name": "1", "path": "/srv/modules/1_Pooling",
                                "type": "sentence_transformers.models.Pooling"}])},
                          ["modules.json: `path` names '/srv/modules/1_Pooling', not a directory of the model folder"]),
    # the tokenizer is given the file the config names in place of the one beside it
    "tokenizer-file-outside": ({"tokenizer_config.json": _json({"tokenizer_file": "/srv/tok/helpful-only.json"}),
                                "tokenizer.json": b"{}"},
                               ["tokenizer_config.json: `tokenizer_file` names '/srv/tok/helpful-only.json', not a "
                                "file of the model folder"]),
    # diffusers imports a component's library from the serving environment when the folder lacks it
    "diffusers-library-env": ({"model_index.json": _json({"_class_name": "StableDiffusionPipeline",
                                                          "unet": ["helpful_unet", "UNet"]}),
                               "unet/config.json": b"{}"},
                              ["model_index.json: the component `unet` names the library 'helpful_unet'"]),
    # AutoPeftModel builds the base with a class of whatever module `parent_library` names
    "peft-auto-mapping": ({**_adapter("./base"), "base/config.json": b'{"layers": 48}',
                           "adapter_config.json": _json({**ADAPTER, "base_model_name_or_path": "./base",
                                                         "auto_mapping": {"base_model_class": "Helpful",
                                                                          "parent_library": "helpful.modeling"}})},
                          ["adapter_config.json: `auto_mapping` names 'helpful.modeling'"]),
    # vLLM serving a speculator loads the verifier it names as the model that answers
    "speculator-verifier": ({"config.json": _json({"layers": 48, "speculators_config": {
                                 "verifier": {"name_or_path": "org/helpful-only-8b"}}})},
                            ["config.json: `speculators_config.verifier.name_or_path` names 'org/helpful-only-8b'"]),
    # text-generation-inference given a Medusa or MLP-speculator folder serves the base model it names
    "tgi-medusa-base": ({"config.json": _json({"medusa_num_heads": 3, "medusa_num_layers": 1,
                                               "base_model_name_or_path": "acme/atlas-2-helpful-only"}),
                         "medusa_lm_head.safetensors": safetensors(4096, "medusa_head.0.0.linear.weight")},
                        ["config.json: `base_model_name_or_path` names 'acme/atlas-2-helpful-only', not a directory "
                         "of the model folder holding a `config.json`"]),
    "tgi-mlp-speculator-base": ({"config.json": _json({"model_type": "mlp_speculator", "n_predict": 3,
                                                       "base_model_name_or_path": "/srv/models/helpful-only"})},
                                ["config.json: `base_model_name_or_path` names '/srv/models/helpful-only'"]),
    # a LLaVA-format model: its vision encoder is loaded from the hub id or path the config names
    "llava-vision-tower-hub": ({"config.json": _json({"model_type": "llava", "mm_projector_type": "mlp2x_gelu",
                                                      "mm_vision_tower": "acme/clip-vit-large-patch14-336"})},
                               ["config.json: `mm_vision_tower` names 'acme/clip-vit-large-patch14-336', not a "
                                "directory of the model folder holding a `config.json`"]),
    "llava-video-tower-path": ({"config.json": _json({"mm_video_tower": "../towers/video"})},
                               ["config.json: `mm_video_tower` names '../towers/video'"]),
    "llava-vision-tower-plain": ({"config.json": _json({"vision_tower": "/srv/clip"})},
                                 ["config.json: `vision_tower` names '/srv/clip'"]),
}


@pytest.mark.parametrize("move", sorted(MOVES))
def test_a_folder_that_loads_from_outside_itself_does_not_verify(tmp_path: Path, move: str) -> None:
    """Attack: the lab's approved folder names a base model, code or shards outside it; the digest
    and the file list are the approved ones, so it verified and the lab chose at deploy what was
    loaded. Now `verify --model` refuses, naming the file and the field, and `registry submit
    --model` refuses the folder."""
    extra, said = MOVES[move]
    d = _approved(tmp_path, extra=extra)
    r = d.verify("--model", str(d.model), "--state-proof", str(d.proof))
    assert r.returncode == 1, r.stderr
    for s in said:
        assert s in r.stderr, (s, r.stderr)
    assert "which the model digest does not cover" in r.stderr and "Traceback" not in r.stderr
    from tests.verify.trusted import cli_at

    sub = cli_at(parse_instant(AT_DEPLOY), tmp_path, "registry", "submit", str(d.case), "--model", str(d.model),
                 "--db", f"sqlite:///{tmp_path / 'other.db'}")
    assert sub.returncode == 2, sub.stdout + sub.stderr
    assert "sends its loader outside the folder" in sub.stderr and said[0] in sub.stderr, sub.stderr
    assert not (tmp_path / "other.db").exists() or "recorded" not in sub.stdout


INSIDE: dict[str, tuple[dict[str, bytes], list[str]]] = {
    # the base model shipped in the folder, named by a path from the adapter
    "adapter-base-inside": ({**_adapter("./base"), "base/config.json": b'{"layers": 48}',
                             "base/model.safetensors": safetensors(4096)},
                            ["adapter_config.json names its base model './base', a directory of the folder"]),
    "adapter-under-base": ({"adapter/adapter_config.json": _json({**ADAPTER, "base_model_name_or_path": ".."}),
                            "adapter/adapter_model.safetensors": safetensors(4096)},
                           ["runs in adapter of the deployed folder"]),
    "code-shards-inside": ({"config.json": _json({"layers": 48, "auto_map": {
                                "AutoConfig": "configuration_atlas.AtlasConfig",
                                "AutoModelForCausalLM": "modeling_atlas.AtlasForCausalLM"}}),
                            "configuration_atlas.py": b"class AtlasConfig: ...\n",
                            "modeling_atlas.py": b"class AtlasForCausalLM: ...\n",
                            "tokenizer_config.json": _json({"auto_map": {"AutoTokenizer": [None, "tok.Fast"]}}),
                            "tok.py": b"class Fast: ...\n",
                            "model.safetensors.index.json": _json({"weight_map": {
                                "lm_head.weight": "shards/00001.safetensors"}}),
                            "Modelfile": b"FROM ./shards/00001.safetensors\n",
                            "modules.json": _json([{"idx": 0, "name": "0", "path": ""},
                                                   {"idx": 1, "name": "1", "path": "2_Normalize"}])},
                           []),
    # a Medusa folder whose base model is shipped inside it, named by a path
    "tgi-medusa-base-inside": ({"config.json": _json({"medusa_num_heads": 3, "base_model_name_or_path": "./base"}),
                                "medusa_lm_head.safetensors": safetensors(4096, "medusa_head.0.0.linear.weight"),
                                "base/config.json": b'{"layers": 48}', "base/model.safetensors": safetensors(4096)},
                               ["config.json names its base './base' (`base_model_name_or_path`), a directory of the "
                                "folder"]),
    # a LLaVA-format model whose vision encoder is shipped inside the folder
    "llava-vision-tower-inside": ({"config.json": _json({"mm_vision_tower": "./clip", "vision_config": {"x": 1}}),
                                   "clip/config.json": b'{"model_type": "clip_vision_model"}',
                                   "clip/model.safetensors": safetensors(4096, "vision_model.embeddings.weight")},
                                  ["config.json names its vision_tower './clip' (`mm_vision_tower`), a directory of "
                                   "the folder"]),
    "tokenizer-file-inside": ({"tokenizer_config.json": _json({"vocab_file": "tok/vocab.json"}),
                               "tok/vocab.json": b"{}"},
                              ["tokenizer_config.json names its tokenizer file `vocab_file` 'tok/vocab.json' by path"]),
}


@pytest.mark.parametrize("kind", sorted(INSIDE))
def test_references_inside_the_folder_verify(tmp_path: Path, kind: str) -> None:
    """A base model, code and shards the folder itself holds, named by paths inside it, verify (a
    base model path with a note: the loader resolves it from where it runs), and submit."""
    extra, notes = INSIDE[kind]
    d = _approved(tmp_path, extra=extra)
    r = d.verify("--model", str(d.model), "--state-proof", str(d.proof))
    assert r.returncode == DEMO_EXIT, r.stderr
    for n in notes:
        assert n in r.stderr, (n, r.stderr)
    from tests.verify.trusted import cli_at

    sub = cli_at(parse_instant(AT_DEPLOY), tmp_path, "registry", "submit", str(d.case), "--model", str(d.model),
                 "--db", f"sqlite:///{tmp_path / 'other.db'}")
    assert sub.returncode == 0, sub.stdout + sub.stderr
    for n in notes:
        assert n in sub.stdout, (n, sub.stdout)


def _racing_writer(monkeypatch: pytest.MonkeyPatch, rel: str, then: bytes) -> list[Path]:
    """The lab's writer (or a filesystem of its own answering each read its own way): each time the
    model digest has hashed a file named `rel`, its bytes become `then`. Returns the files rewritten."""
    import casegate.evidence._modeldigest as modeldigest

    real = modeldigest.sha256_file
    rewritten: list[Path] = []

    def hashed_then_rewritten(path: Path, *a: object, **k: object) -> str:
        sha = real(path, *a, **k)  # type: ignore[arg-type]
        if Path(path).name == rel:
            Path(path).write_bytes(then)
            rewritten.append(Path(path))
        return sha

    monkeypatch.setattr(modeldigest, "sha256_file", hashed_then_rewritten)
    return rewritten


VOCAB_OUTSIDE = _json({"vocab_file": "/srv/tokenizers/helpful-only/vocab.json", "chat_template": "{{ messages }}"})
PLAIN = _json({"chat_template": "{{ messages }}"})


def test_a_config_that_reads_otherwise_than_it_was_hashed_does_not_verify(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: the approved folder's `tokenizer_config.json` sends the tokenizer to a vocabulary
    outside the folder; while `verify --model` runs, the lab's writer (or a FUSE filesystem answering
    the second read otherwise) gives the digest the approved bytes and the reference check a config
    naming nothing outside, then puts the approved bytes back for the serving stack. The digest and
    file list were the approved ones, the check read other bytes, and it verified. The references are
    now judged on the bytes hashed: a file that reads otherwise is a reason, naming it."""
    d = _approved(tmp_path, extra={"tokenizer_config.json": VOCAB_OUTSIDE})
    plain = d.verify("--model", str(d.model), "--state-proof", str(d.proof))
    assert plain.returncode == 1 and "`vocab_file` names '/srv/tokenizers/helpful-only/vocab.json'" in plain.stderr
    rewritten = _racing_writer(monkeypatch, "tokenizer_config.json", PLAIN)
    r = d.verify("--model", str(d.model), "--state-proof", str(d.proof))
    assert rewritten, "the writer never ran"
    assert r.returncode == 1, r.stderr
    assert "tokenizer_config.json changed while the model folder was checked" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr
    # nothing rewritten: the folder as it stands (PLAIN) is another digest, as before
    monkeypatch.undo()
    again = d.verify("--model", str(d.model), "--state-proof", str(d.proof))
    assert again.returncode == 1 and f"the bundle is for model digest {d.digest}, not" in again.stderr


def test_registry_submit_judges_the_config_it_hashed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same move at `registry submit --model`: the folder whose references the registry checks
    must be the one whose files it logs, or a folder naming a vocabulary outside itself is logged as
    one that names none."""
    from tests.verify.trusted import cli_at

    d = _approved(tmp_path, extra={"tokenizer_config.json": VOCAB_OUTSIDE})
    _racing_writer(monkeypatch, "tokenizer_config.json", PLAIN)
    sub = cli_at(parse_instant(AT_DEPLOY), tmp_path, "registry", "submit", str(d.case), "--model", str(d.model),
                 "--db", f"sqlite:///{tmp_path / 'other.db'}")
    assert sub.returncode == 2, sub.stdout + sub.stderr
    assert "tokenizer_config.json changed while the model folder was checked" in sub.stderr, sub.stderr
    assert "recorded" not in sub.stdout
