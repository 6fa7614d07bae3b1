"""What a model folder's own files tell its loader to fetch from outside the folder.

The model digest covers the bytes of every file in the folder, so it covers a file that names a
path or a repository, but not what that path or repository holds when the model is loaded. A
folder that passes `verify --model` would still deploy a base model, code or weights chosen after
the approval if one of its files sends the loader elsewhere:

- a PEFT `adapter_config.json` whose `base_model_name_or_path` names a hub id or a path outside
  the folder (the adapter is applied to whatever base that is when the model is loaded);
- an `auto_map` (or `custom_pipelines` `impl`) entry of a `*config.json` (`config.json`,
  `tokenizer_config.json`, `processor_config.json`, `preprocessor_config.json`,
  `generation_config.json`) naming code in another repository (`other/repo--modeling_x.Class`,
  transformers' remote-code form), or a module the folder does not hold;
- a sharded-weights index (`model.safetensors.index.json`, `pytorch_model.bin.index.json`) whose
  `weight_map` names a shard by an absolute path, a path out of the folder, or a file the folder
  does not hold;
- an Ollama `Modelfile` whose `FROM` or `ADAPTER` names a model by registry name or a file outside
  the folder;
- a sentence-transformers `modules.json` whose module `path` is absolute or leaves the folder, or
  whose module `type` (or a `Router`'s `types`) is a class neither sentence-transformers' own nor
  in a module the folder holds, or whose Dense module's (or a cross-encoder's) activation is
  not a torch class;
- a `tokenizer_config.json` whose `*_file` fields (the tokenizer takes them over the files beside
  the config) name a path that is not a file of the folder;
- a diffusers `model_index.json` whose component library is imported from the serving
  environment, whose component folder is absent, whose custom pipeline the folder lacks, or (in a
  `modular_model_index.json`) whose component names the repository it is loaded from;
- a PEFT `auto_mapping` importing a module that is not transformers', and X-LoRA `adapters` not
  held in the folder;
- a speculators-format `config.json` whose verifier (the model whose answers vLLM serves) is not a
  directory of the folder, a Medusa or MLP-speculator `config.json` whose `base_model_name_or_path`
  (the model whose answers text-generation-inference serves) is not one either, nor a LLaVA-format
  `mm_vision_tower` (the vision encoder LLaVA's code, LightLLM and SGLang load from what it names), an audio tokenizer (codec) a config names that is not one either, and
  an `attn_implementation` or `kernel_config` naming hub kernels.

A reference into what the digest leaves out (`.git` at the top) is read as one outside the folder.

No digest casegate checks pins any of these references (a hub revision is a git commit casegate
cannot hash without fetching it), so each is a reason the folder is not the model deployed."""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from ..errors import InputError
from ._modeldigest import MODEL_SIGNING_IGNORED

SHIP_INSIDE = ("copy what it names into the model folder and name it by its path there (relative to the file), "
               "then gate, decide and submit the folder again")
ADAPTER_NOTE = ("{rel} names its base model {base!r}, a directory of the folder; PEFT and transformers resolve that "
                "path from the directory the loader runs in, so it is this folder's base only when the serving stack "
                "runs in {here} of the deployed folder")


def _inside(base_dir: str, ref: str) -> str | None:
    """`ref`, read relative to the folder path `base_dir` (POSIX, relative to the model folder), as a
    path relative to the model folder; None when it is absolute, a URL, leaves the folder, or lies
    under what the model digest leaves out (`.git`, `.github`, ... at the top, as model-signing
    does): what is loaded from there can change without changing the digest."""
    if not ref or ref.startswith(("/", "~", "\\")) or "://" in ref or "\\" in ref or (len(ref) > 1 and ref[1] == ":"):
        return None
    joined = posixpath.normpath(posixpath.join(base_dir, ref)) if base_dir else posixpath.normpath(ref)
    if joined == ".." or joined.startswith("../") or joined.startswith("/"):
        return None
    if joined.split("/", 1)[0] in MODEL_SIGNING_IGNORED:
        return None
    return joined


def _directory_held(rel_dir: str, files: set[str]) -> bool:
    """Whether the manifest `files` holds any file under the folder path `rel_dir`."""
    prefix = "" if rel_dir in ("", ".") else rel_dir + "/"
    return any(f.startswith(prefix) for f in files)


def _changed(rel: str, raw: bytes, hashed: str | None) -> str | None:
    """The reason when the bytes read to judge `rel` are not those hashed for the model digest
    (`hashed`, sha256 hex; None: no digest to hold them to)."""
    if hashed is None or hashlib.sha256(raw).hexdigest() == hashed:
        return None
    return (f"{rel} changed while the model folder was checked: the bytes read for the references it makes "
            f"(sha256 {hashlib.sha256(raw).hexdigest()[:12]}) are not those hashed for the model digest "
            f"({hashed[:12]}), so what the loader will read from it cannot be established; check (and deploy) a "
            "folder nobody writes to while it is checked")


def _read(root: Path, rel: str, hashed: str | None) -> tuple[Any, str | None]:
    """(document, None), or (None, the reason) when the file cannot be read as strict JSON, or its
    bytes are not those hashed for the digest (`hashed`)."""
    from ..limits import read_json_bytes, strict_json

    try:
        raw = read_json_bytes(root / rel, rel)
        changed = _changed(rel, raw, hashed)
        if changed is not None:
            return None, changed
        return strict_json(raw, rel), None
    except InputError as e:
        return None, (f"{rel} cannot be read as JSON ({e.message}), so whether it sends the loader outside the model "
                      "folder cannot be established; a loader that reads it would follow whatever it names "
                      "(make it plain JSON, within casegate's limits)")


def _adapter(rel: str, doc: dict[str, Any], files: set[str], notes: list[str]) -> list[str]:
    """Reasons about a PEFT adapter config's base model (a base named inside the folder adds a note)."""
    base = doc.get("base_model_name_or_path")
    here = posixpath.dirname(rel)
    if base is None or base == "":
        return [f"{rel}: `base_model_name_or_path` names no base model, so the base the adapter is applied to is "
                "whatever the serving stack is given at deploy, which the model digest does not cover (ship the base "
                "model inside the folder and name its directory there in `base_model_name_or_path`)"]
    if not isinstance(base, str):
        return [f"{rel}: `base_model_name_or_path` is not a string, so the base model the adapter is applied to "
                "cannot be established"]
    # a name not written as a path (`./base`) may be a hub id: a loader that finds no such directory where
    # it runs fetches the repository of that name, so a folder holding `org/name/config.json` proves nothing
    path_form = _path_form(base)
    at = _inside(here, base) if path_form else None
    if at is not None and ("config.json" if at == "." else f"{at}/config.json") in files:
        notes.append(ADAPTER_NOTE.format(rel=rel, base=base[:200], here=here or "the top"))
        return []
    where = ("a path outside the model folder" if path_form and at is None else
             "a directory of the model folder without a `config.json`" if path_form else
             "a name a loader reads as a hub id when no directory of that name is where it runs")
    return [f"{rel}: `base_model_name_or_path` names {base[:200]!r}, {where}: the adapter is applied to whatever base "
            f"model that is when the model is loaded, which the model digest does not cover; ship the base model "
            f"inside the folder (its `config.json` and weights) and name its directory there as a path relative to "
            f"the adapter (`./base`, or `..` for the folder's top)"]


def _code_refs(doc: dict[str, Any]) -> list[tuple[str, str]]:
    """(field, reference) of each class reference a transformers config names for its loader."""
    out: list[tuple[str, str]] = []
    auto = doc.get("auto_map")
    if isinstance(auto, dict):
        for key, value in auto.items():
            for v in value if isinstance(value, list) else [value]:
                if v is not None:
                    out.append((f"auto_map.{key}", v))
    elif isinstance(auto, list):
        # the older tokenizer form: [slow, fast] for AutoTokenizer
        out += [("auto_map", v) for v in auto if v is not None]
    elif auto is not None:
        out.append(("auto_map", auto))
    pipes = doc.get("custom_pipelines")
    if isinstance(pipes, dict):
        for task, spec in pipes.items():
            impl = spec.get("impl") if isinstance(spec, dict) else spec
            if impl is not None:
                out.append((f"custom_pipelines.{task}.impl", impl))
    return out


def _code(rel: str, doc: dict[str, Any], files: set[str]) -> list[str]:
    """Reasons about the code a transformers config names: another repository's, or a module not held."""
    out: list[str] = []
    here = posixpath.dirname(rel)
    for field, ref in _code_refs(doc):
        if not isinstance(ref, str) or "." not in ref.strip("."):
            out.append(f"{rel}: `{field}` is {str(ref)[:200]!r}, not a `module.Class` reference, so the code the "
                       "loader runs cannot be established (name a module the folder holds)")
            continue
        if "--" in ref:
            repo = ref.split("--", 1)[0]
            out.append(f"{rel}: `{field}` names code in another repository ({ref[:200]!r}, from {repo[:120]!r}): "
                       "with remote code trusted the loader fetches and runs it at load time, code which the model "
                       "digest does not cover; ship the module inside the folder and name it as `module.Class`")
            continue
        module = ref.rsplit(".", 1)[0].lstrip(".")
        path = _inside(here, module.replace(".", "/") + ".py")
        if path is None or path not in files:
            out.append(f"{rel}: `{field}` names the module {module[:200]!r}, which the model folder does not hold "
                       f"({module.replace('.', '/')[:200]}.py): the loader would take it from elsewhere, which the "
                       "model digest does not cover; ship the module inside the folder")
    return out


TOKENIZER_FILE_NOTE = ("{rel} names its tokenizer file{s} {names} by path; a tokenizer that takes the field over the "
                       "file it finds beside the config opens that path from the directory the loader runs in, so it "
                       "is this folder's file only when the serving stack runs in {here} of the deployed folder")
TOKENIZER_HARMLESS = ("special_tokens_map_file", "added_tokens_file")
"""`*_file` fields of a `tokenizer_config.json` transformers records but never opens (it reads the
special-token map and the added tokens only from the files of those names beside the config)."""


def _tokenizer_fields(doc: dict[str, Any]) -> list[tuple[str, object]]:
    """(field, value) of each field of a `tokenizer_config.json` that names a file the tokenizer
    opens: every `*_file` (`tokenizer_file`, `vocab_file`, `merges_file`, `spm_file`, ...) but those
    it never opens, and `sp_model`, `vocab` and `merges` when they are text (a path, not the
    vocabulary itself). A null names nothing."""
    out: list[tuple[str, object]] = []
    for key, value in doc.items():
        if value is None or key in TOKENIZER_HARMLESS:
            continue
        if key.endswith("_file") or (key in ("sp_model", "vocab", "merges") and isinstance(value, str)):
            out.append((key, value))
    return out


def _tokenizer_files(rel: str, doc: dict[str, Any], files: set[str], notes: list[str]) -> list[str]:
    """Reasons about a `tokenizer_config.json` naming the files its tokenizer opens by paths that are
    not files of the folder (a file named inside it adds a note)."""
    here = posixpath.dirname(rel)
    out: list[str] = []
    held: list[str] = []
    for field, value in _tokenizer_fields(doc):
        if not isinstance(value, str):
            out.append(f"{rel}: `{field}` is {str(value)[:200]!r}, not a path, so which file the tokenizer opens "
                       "cannot be established (name a file of the folder by its path, or leave the field out)")
            continue
        at = _inside(here, value)
        if at is not None and at in files:
            held.append(f"`{field}` {value[:200]!r}")
            continue
        out.append(f"{rel}: `{field}` names {value[:200]!r}, not a file of the model folder (an absolute path, a "
                   "path out of the folder, or a file it does not hold): transformers passes the field to the "
                   "tokenizer in place of the file beside the config, so the vocabulary, merges or tokenizer model "
                   "used is whatever that path holds when the model is loaded, which the model digest does not "
                   "cover; leave the field out (the tokenizer then reads its file from the folder), or "
                   f"{SHIP_INSIDE}")
    if held:
        notes.append(TOKENIZER_FILE_NOTE.format(rel=rel, s="s" if len(held) != 1 else "", names=", ".join(held),
                                                here=here or "the top"))
    return out


def _module_held(here: str, ref: str, files: set[str]) -> bool:
    """Whether the class reference `module.Class` names a module the folder holds at `here`."""
    module = ref.rsplit(".", 1)[0].lstrip(".")
    path = _inside(here, module.replace(".", "/") + ".py")
    return path is not None and path in files


def _adapter_mapping(rel: str, doc: dict[str, Any]) -> list[str]:
    """Reasons about a PEFT adapter config's `auto_mapping`: `AutoPeftModel` imports `parent_library`
    from the serving environment and builds the base model with its `base_model_class`. A module of
    transformers is the serving stack's own; any other (a package installed beside it, a module on
    the path where the loader runs, remote code transformers cached from another repository under
    `transformers_modules`) is code which the model digest does not cover."""
    mapping = doc.get("auto_mapping")
    if mapping is None:
        return []
    lib = mapping.get("parent_library") if isinstance(mapping, dict) else None
    cls = mapping.get("base_model_class") if isinstance(mapping, dict) else None
    if isinstance(lib, str) and isinstance(cls, str) and cls.isidentifier() \
            and (lib == "transformers" or lib.startswith("transformers.")) \
            and all(p.isidentifier() for p in lib.split(".")):
        return []
    return [f"{rel}: `auto_mapping` names {str(lib)[:200]!r} (class {str(cls)[:120]!r}), not a class of transformers: "
            "the adapter's base model is built by a module imported from wherever the serving stack finds one of "
            "that name (another package, a module where it runs, or remote code cached from another repository), "
            "code which the model digest does not cover; name a transformers class, or ship the base model inside the "
            "folder with its code and name it in `base_model_name_or_path`"]


def _adapter_set(rel: str, doc: dict[str, Any], files: set[str]) -> list[str]:
    """Reasons about an X-LoRA adapter config's `adapters` (name to the path or hub id of each
    adapter PEFT loads and mixes): each must be a directory of the folder holding its
    `adapter_config.json`, named as a path."""
    adapters = doc.get("adapters")
    if adapters is None:
        return []
    if not isinstance(adapters, dict):
        return [f"{rel}: `adapters` is not an object, so which adapters are loaded cannot be established"]
    here = posixpath.dirname(rel)
    bad = []
    for name, ref in adapters.items():
        path_form = isinstance(ref, str) and (ref in (".", "..") or ref.startswith(("./", "../")))
        at = _inside(here, ref) if path_form else None
        if at is None or ("adapter_config.json" if at == "." else f"{at}/adapter_config.json") not in files:
            bad.append(f"{str(name)[:80]}: {str(ref)[:200]!r}")
    if not bad:
        return []
    return [f"{rel}: `adapters` names {', '.join(bad[:5])}, not a directory of the model folder holding an "
            "`adapter_config.json` (a hub id, a path outside the folder, or one it does not hold): each adapter is "
            "whatever that holds when the model is loaded, which the model digest does not cover; ship each adapter "
            "inside the folder and name its directory as a path relative to the config (`./adapter_1`)"]


DIFFUSERS_LIBRARIES = ("diffusers", "transformers", "onnxruntime.training")
"""Libraries diffusers loads a pipeline component's class from (its `LOADABLE_CLASSES`)."""
DIFFUSERS_PIPELINE_MODULES = ("stable_diffusion", "stable_diffusion_safe", "stable_diffusion_xl", "deepfloyd_if",
                              "alt_diffusion", "paint_by_example", "kandinsky")
"""Submodules of `diffusers.pipelines` that older `model_index.json` files name as a component's
library (`["stable_diffusion", "StableDiffusionSafetyChecker"]`): diffusers looks a library name up
there first. Any other name is refused unless the component's folder holds it as a module."""


def _diffusers(rel: str, doc: dict[str, Any], files: set[str]) -> list[str]:
    """Reasons about a diffusers `model_index.json` (or `modular_model_index.json`): a component whose
    library is neither diffusers' nor a module its own folder holds (diffusers imports a library of
    that name from the serving environment), a component whose folder the model folder lacks (the
    serving stack must then pass its own), a component loaded from another repository, and a custom
    pipeline class in a module the folder does not hold. `_name_or_path` only records where the
    pipeline was loaded from: diffusers never loads from it."""
    here = posixpath.dirname(rel)
    out: list[str] = []
    cls = doc.get("_class_name")
    refs: list[tuple[str, object]] = []
    if isinstance(cls, list):
        refs.append(("_class_name", cls[0] if cls else None))
    elif not isinstance(cls, str):
        out.append(f"{rel}: `_class_name` is {str(cls)[:200]!r}, so which pipeline is loaded cannot be established")
    if doc.get("custom_pipeline") is not None:
        refs.append(("custom_pipeline", doc.get("custom_pipeline")))
    for field, module in refs:
        name = module[:-3] if isinstance(module, str) and module.endswith(".py") else module
        path = _inside(here, name + ".py") if isinstance(name, str) and name.isidentifier() else None
        if path is None or path not in files:
            out.append(f"{rel}: `{field}` names the pipeline module {str(module)[:200]!r}, not a module the model "
                       "folder holds beside it: diffusers fetches a pipeline of that name (from another repository "
                       "or its community pipelines) and runs it at load time, code which the model digest does "
                       "not cover; ship the module inside the folder and name it by its file name without `.py`")
    for component, spec in doc.items():
        if component.startswith("_") or not isinstance(spec, list):
            continue
        lib = spec[0] if spec else None
        klass = spec[1] if len(spec) > 1 else None
        if len(spec) > 2 and isinstance(spec[2], dict) and any(
                spec[2].get(k) is not None for k in ("repo", "pretrained_model_name_or_path")):
            where = spec[2].get("repo") or spec[2].get("pretrained_model_name_or_path")
            out.append(f"{rel}: `{component}` is loaded from {str(where)[:200]!r}, not from the model folder: the "
                       "component is whatever that repository holds when the pipeline is loaded, which the model "
                       f"digest does not cover; {SHIP_INSIDE}")
            continue
        if lib is None and klass is None:
            continue  # a component the pipeline is built without (`[null, null]`), as the file says
        if not isinstance(lib, str) or not isinstance(klass, str):
            out.append(f"{rel}: `{component}` is {str(spec)[:200]!r}, not a [library, class] pair, so what is loaded "
                       "for it cannot be established")
            continue
        folder = _inside(here, component) if component.isidentifier() else None
        if folder is None or not _directory_held(folder, files):
            out.append(f"{rel}: the component `{component}` ({lib}.{klass}) has no folder `{component}/` in the model "
                       "folder: the pipeline loads only with a component the serving stack supplies itself, which "
                       "the model digest does not cover; ship the component's folder inside the model folder")
            continue
        if lib in DIFFUSERS_LIBRARIES or lib in DIFFUSERS_PIPELINE_MODULES or f"{folder}/{lib}.py" in files:
            continue
        out.append(f"{rel}: the component `{component}` names the library {lib[:200]!r}, which is neither diffusers' "
                   f"nor a module its folder holds ({component}/{lib[:120]}.py): diffusers imports a module of that "
                   "name from wherever the serving stack finds one, code which the model digest does not cover; "
                   f"ship the module as {component}/{lib[:120]}.py")
    return out


def _path_form(ref: str) -> bool:
    """Whether a model reference is written as a path (`./base`, `..`, `/srv/m`), not as a name a
    loader may read as a hub id."""
    return ref in (".", "..") or ref.startswith(("./", "../", "/", "~", "\\")) or "://" in ref \
        or (len(ref) > 1 and ref[1] == ":")


def _model_ref(rel: str, field: str, ref: object, files: set[str], notes: list[str], what: str,
               name: str) -> list[str]:
    """A reason when `ref`, a model a config at `rel` has its loader fetch, is not written as a path to
    another directory of the folder holding a `config.json` (a note when it is: the path is resolved
    from where the loader runs)."""
    here = posixpath.dirname(rel)
    at = _inside(here, ref) if isinstance(ref, str) and _path_form(ref) else None
    if at is not None and at != here and ("config.json" if at == "." else f"{at}/config.json") in files:
        notes.append(f"{rel} names its {name} {str(ref)[:200]!r} (`{field}`), a directory of the folder; the loader "
                     "resolves that path from the directory it runs in, so it is this folder's only when the serving "
                     f"stack runs in {here or 'the top'} of the deployed folder")
        return []
    return [f"{rel}: `{field}` names {str(ref)[:200]!r}, not a directory of the model folder holding a `config.json` "
            f"(a hub id, a path outside the folder, or none): it is {what}, loaded from wherever that is when the "
            "model is loaded, which the model digest does not cover; ship it inside the folder and name its "
            f"directory as a path relative to the config (`./{name.replace(' ', '_')}`)"]


def _audio_tokenizer(rel: str, doc: dict[str, Any], files: set[str], notes: list[str]) -> list[str]:
    """Reasons about the audio tokenizer (codec) a processor or model config has its loader fetch
    (`audio_tokenizer.audio_tokenizer_name_or_path`, a top-level `audio_tokenizer_name_or_path`): the
    model that turns the generated tokens into the audio returned."""
    out: list[str] = []
    nested = doc.get("audio_tokenizer")
    if isinstance(nested, dict) and "audio_tokenizer_name_or_path" in nested:
        out += _model_ref(rel, "audio_tokenizer.audio_tokenizer_name_or_path",
                          nested.get("audio_tokenizer_name_or_path"), files, notes,
                          "the audio tokenizer that turns the model's tokens into the audio returned", "audio tokenizer")
    if "audio_tokenizer_name_or_path" in doc:
        out += _model_ref(rel, "audio_tokenizer_name_or_path", doc.get("audio_tokenizer_name_or_path"), files, notes,
                          "the audio tokenizer that turns the model's tokens into the audio returned", "audio tokenizer")
    return out


def _model_config(rel: str, doc: dict[str, Any], files: set[str], notes: list[str]) -> list[str]:
    """Reasons about a model `config.json` loading a model or code its folder does not hold: a
    speculators-format draft model's verifier (vLLM serving the folder loads the model named in
    `speculators_config.verifier.name_or_path` as the model that answers, the draft only proposing
    tokens), a Medusa (`medusa_num_heads`) or MLP-speculator (`model_type: mlp_speculator`) folder's
    `base_model_name_or_path` (text-generation-inference given such a folder serves that model,
    from the hub's `main` when it is a name), a LLaVA-format `mm_vision_tower` (any `mm_*_tower`, or
    `vision_tower` given as text: the encoder is loaded from what it names), an attention or layer kernel transformers fetches from a hub repository
    (`attn_implementation: org/kernel`, a `kernel_config`), and an activation sentence-transformers
    imports by name for a Dense module or a cross-encoder (a torch class is the serving stack's own)."""
    out: list[str] = []
    if "medusa_num_heads" in doc or doc.get("model_type") == "mlp_speculator":
        # text-generation-inference given a Medusa or MLP-speculator folder serves the model its
        # `base_model_name_or_path` names (at its hub revision `main`), the folder's weights only
        # proposing tokens for it
        out += _model_ref(rel, "base_model_name_or_path", doc.get("base_model_name_or_path"), files, notes,
                          "the base model a serving stack given this folder (text-generation-inference, which reads "
                          "a Medusa or MLP-speculator config so) loads and whose answers it returns (the folder's "
                          "own weights only propose tokens for it)", "base")
    for field in sorted(k for k in doc if k.startswith("mm_") and k.endswith("_tower")) \
            + (["vision_tower"] if isinstance(doc.get("vision_tower"), str) else []):
        # a LLaVA-format config: LLaVA's code, LightLLM and SGLang load the vision (image, video)
        # encoder from the hub id or path it names, never from the folder's weights
        if doc.get(field) is not None:
            out += _model_ref(rel, field, doc.get(field), files, notes,
                              "the encoder a LLaVA-format loader builds from it, whose features the model answers "
                              "on (LLaVA's code, LightLLM and SGLang load it from there, not from the folder's "
                              "weights)", field.removeprefix("mm_"))
    spec = doc.get("speculators_config")
    if spec is not None:
        verifier = spec.get("verifier") if isinstance(spec, dict) else None
        out += _model_ref(rel, "speculators_config.verifier.name_or_path",
                          verifier.get("name_or_path") if isinstance(verifier, dict) else None, files, notes,
                          "the verifier model, whose answers a serving stack given this folder returns (the "
                          "folder's own weights only draft tokens for it)", "verifier")
    for field in ("attn_implementation", "_attn_implementation"):
        impl = doc.get(field)
        if impl is not None and (not isinstance(impl, str) or "/" in impl or ":" in impl):
            out.append(f"{rel}: `{field}` names {str(impl)[:200]!r}, a kernel repository (or not a name): "
                       "transformers fetches that kernel's code from the hub and runs it in the model's forward "
                       "pass, code which the model digest does not cover; name a built-in implementation (`sdpa`, "
                       "`eager`, `flash_attention_2`) or leave the field out")
    st = doc.get("sentence_transformers")
    acts = [("activation_function", doc.get("activation_function")),
            ("sbert_ce_default_activation_function", doc.get("sbert_ce_default_activation_function")),
            ("sentence_transformers.activation_fn", st.get("activation_fn") if isinstance(st, dict) else None)]
    for field, act in acts:
        if act is not None and not (isinstance(act, str) and act.startswith("torch.")
                                    and all(p.isidentifier() for p in act.split("."))):
            out.append(f"{rel}: `{field}` names {str(act)[:200]!r}, not a class of torch: sentence-transformers "
                       "imports the activation of a Dense module or a cross-encoder by that name from wherever the "
                       "serving stack finds it (or another repository's code), code which the model digest does "
                       "not cover; name a torch activation (`torch.nn.modules.activation.Tanh`)")
    if doc.get("kernel_config") is not None:
        out.append(f"{rel}: `kernel_config` maps layers to kernels transformers loads from hub repositories or local "
                   "paths it names, code which the model digest does not cover; leave it out of the model's "
                   "configuration")
    return out


def _shards(rel: str, doc: dict[str, Any], files: set[str]) -> list[str]:
    """Reasons about a sharded-weights index naming a shard that is not a file of the folder."""
    wm = doc.get("weight_map")
    if not isinstance(wm, dict):
        return [f"{rel}: `weight_map` is not an object, so which files the loader reads cannot be established"]
    here = posixpath.dirname(rel)
    bad = sorted({str(v)[:200] for v in wm.values()
                  if not isinstance(v, str) or (p := _inside(here, v)) is None or p not in files})
    if not bad:
        return []
    shown = ", ".join(repr(b) for b in bad[:5]) + (f" and {len(bad) - 5} more" if len(bad) > 5 else "")
    return [f"{rel}: `weight_map` names shard{'s' if len(bad) != 1 else ''} {shown}, not a file of the model folder "
            "(an absolute path, a path out of the folder, or a file it does not hold): the loader reads those "
            "weights from wherever that is, which the model digest does not cover; ship every shard inside the "
            "folder and name it by its file name"]


def _st_types(rel: str, doc: object, files: set[str]) -> list[str]:
    """Reasons about the class a sentence-transformers `modules.json` names for each module (`type`):
    one of sentence-transformers' own, or one in a module the folder holds, is loaded from there; any
    other is taken from another repository (`other/repo--module.Class`, with remote code trusted) or
    imported from wherever the serving stack finds a module of that name."""
    if not isinstance(doc, list):
        return []
    here = posixpath.dirname(rel)
    bad = []
    for m in doc:
        t = m.get("type") if isinstance(m, dict) else None
        if t is None or (isinstance(t, str) and (t.startswith("sentence_transformers.")
                                                 or ("--" not in t and "." in t and _module_held(here, t, files)))):
            continue
        bad.append(str(t)[:200])
    if not bad:
        return []
    return [f"{rel}: `type` names {', '.join(repr(b) for b in sorted(set(bad))[:5])}, neither a class of "
            "sentence-transformers nor one in a module the model folder holds: the module is built by code from "
            "another repository or from wherever the serving stack finds a module of that name, which the model "
            "digest does not cover; ship the module inside the folder and name it as `module.Class`"]


def _router_types(rel: str, doc: dict[str, Any]) -> list[str]:
    """Reasons about a sentence-transformers `Router` module's `router_config.json`: each route's
    module class (`types`) is resolved as a `modules.json` `type` is, but from a directory casegate
    cannot pin down, so only sentence-transformers' own classes are taken."""
    types = doc.get("types")
    if types is None:
        return []
    values = list(types.values()) if isinstance(types, dict) else [types]
    bad = sorted({str(t)[:200] for t in values if not (isinstance(t, str) and t.startswith("sentence_transformers."))})
    if not bad:
        return []
    return [f"{rel}: `types` names {', '.join(repr(b) for b in bad[:5])}, not a class of sentence-transformers: the "
            "route's module is built by code from another repository, the folder or wherever the serving stack finds "
            "a module of that name, which the model digest does not cover (name sentence-transformers' own classes)"]


def _st_modules(rel: str, doc: object) -> list[str]:
    """Reasons about a sentence-transformers `modules.json` naming a module directory outside the
    folder (the loader joins each `path` to the folder, so an absolute path is read as given), or
    under what the digest leaves out (`.git`). A directory inside it may hold no file (a `Normalize`
    module has none): the digest covers that."""
    here = posixpath.dirname(rel)
    bad = sorted({str(m.get("path"))[:200] for m in doc if isinstance(m, dict)
                  and (not isinstance(m.get("path", ""), str) or (m.get("path") and _inside(here, m["path"]) is None))}
                 if isinstance(doc, list) else {"(not a list)"})
    if not bad:
        return []
    return [f"{rel}: `path` names {', '.join(repr(b) for b in bad[:5])}, not a directory of the model folder (an "
            "absolute path, one out of the folder, or one the model digest leaves out, such as `.git`): the module "
            "loaded from there is whatever it holds then, which the model digest does not cover; "
            f"{SHIP_INSIDE}"]


def _modelfile(root: Path, rel: str, files: set[str], hashed: str | None) -> list[str]:
    """Reasons about an Ollama Modelfile's `FROM` and `ADAPTER` lines naming what the folder does not
    hold (a line inside a triple-quoted block that starts with either word is read as one: it fails
    closed), or its bytes not being those hashed for the digest (`hashed`)."""
    from ..limits import read_regular_file

    try:
        raw = read_regular_file(root / rel, rel)
        changed = _changed(rel, raw, hashed)
        if changed is not None:
            return [changed]
        text = raw.decode("utf-8")
    except (InputError, UnicodeDecodeError):
        return [f"{rel} cannot be read as UTF-8 text, so which model or adapter it loads cannot be established"]
    here = posixpath.dirname(rel)
    out: list[str] = []
    for n, line in enumerate(text.splitlines(), 1):
        word, _, rest = line.strip().partition(" ")
        if word.upper() not in ("FROM", "ADAPTER"):
            continue
        ref = rest.strip().strip('"')
        path = _inside(here, ref)
        if path is not None and (path in files or _directory_held(path, files)):
            continue
        out.append(f"{rel}, line {n}: `{word.upper()}` names {ref[:200]!r}, not a file of the model folder (a model "
                   "pulled by name from a registry, or a path outside the folder): the model is created from whatever "
                   f"that holds then, which the model digest does not cover; {SHIP_INSIDE}")
    return out


def outward_references(root: Path, files: Iterable[str | tuple[str, str]]) -> tuple[list[str], list[str]]:
    """(reasons, notes). The reasons: why the model folder at `root`, whose manifest lists `files`
    (relative POSIX paths, or (path, sha256 hex) as `ModelDigest.resources`), does not
    hold all the model deployed from it: each reference one of its files makes, for the loader, to a
    base model, code or weights outside the folder, naming the file, the field and what to do (none
    when nothing points outside, or `root` is a single file). A file given with its sha256 is judged
    only on those bytes: one that reads otherwise here than when it was hashed (rewritten between
    the two reads, or served by a filesystem that answers each read its own way) is a reason, since
    what a loader reading it next will follow cannot be established. The notes: what a reference
    into the folder still leaves to the deployment (a base model path is resolved where the loader
    runs)."""
    if not root.is_dir():
        return [], []
    hashes: dict[str, str | None] = {}
    for f in files:
        if isinstance(f, str):
            hashes[f] = None
        else:
            hashes[f[0]] = f[1]
    held = set(hashes)
    out: list[str] = []
    notes: list[str] = []
    for rel in sorted(held):
        name = PurePosixPath(rel).name
        if name == "Modelfile":
            out += _modelfile(root, rel, held, hashes[rel])
            continue
        config = name.endswith("config.json")
        index = name.endswith(".index.json")
        if not (config or index or name in ("modules.json", "model_index.json", "modular_model_index.json")):
            continue
        doc, problem = _read(root, rel, hashes[rel])
        if problem is not None:
            out.append(problem)
            continue
        if name == "modules.json":
            out += _st_modules(rel, doc) + _st_types(rel, doc, held)
            continue
        if not isinstance(doc, dict):
            continue
        if index and "weight_map" in doc:
            out += _shards(rel, doc, held)
        if name in ("model_index.json", "modular_model_index.json"):
            out += _diffusers(rel, doc, held)
        if config:
            if name == "adapter_config.json":
                out += _adapter(rel, doc, held, notes) + _adapter_mapping(rel, doc) + _adapter_set(rel, doc, held)
            if name == "tokenizer_config.json":
                out += _tokenizer_files(rel, doc, held, notes)
            if name == "config.json":
                out += _model_config(rel, doc, held, notes)
            if name == "router_config.json":
                out += _router_types(rel, doc)
            out += _audio_tokenizer(rel, doc, held, notes)
            out += _code(rel, doc, held)
    return out, notes


__all__ = ["outward_references"]
