"""Bad inputs x the library entry points that load models and fill text (tiny random models only; ~15 s).

Each case asserts the exception type and a fragment of its message: the message must say what was wrong and how
to fix it, and nothing may fall through to the network (the Hugging Face loaders are patched to fail loudly) or to a
silent garbage result.

    pytest -q tests/test_adversarial.py
"""
import copy, json, os
from pathlib import Path
from unittest import mock

import pytest
import torch
import transformers

from a3_nb.hub import tiny_llama, load_base
from a3_nb.model import A3ForCausalLM
from a3_nb.text import infill, load_a3, resolve_a3_path, check_weights

torch.set_num_threads(1)  # tiny models: one thread is faster on a shared machine


@pytest.fixture(scope="module")
def tiny():
    "A tiny random A3 model, its base and the byte-level tokenizer."
    base, tok = tiny_llama(initializer_range=0.2)
    return A3ForCausalLM.from_causal_lm(base, tokenizer=tok).eval(), base, tok


def _broken(model, value):
    m = copy.deepcopy(model)
    with torch.no_grad():
        for p in m.parameters(): p.fill_(value)
    return m


@pytest.fixture(scope="module")
def folders(tiny, tmp_path_factory):
    "Every kind of folder load_a3 meets, good and bad."
    model, base, tok = tiny
    d = tmp_path_factory.mktemp("a3")
    def save(m, p): m.save_pretrained(p); tok.save_pretrained(p); return p
    save(model, d/"a3")
    ck = save(model, d/"run"/"checkpoints"/"step-000010"/"model").parent
    (ck/"trainer_state.pt").write_bytes(b"")
    save(model, d/"run_incomplete"/"checkpoints"/"step-000005"/"model")   # died before trainer_state.pt
    (d/"empty").mkdir()
    (d/"file.txt").write_text("not a model")
    save(_broken(model, float("nan")), d/"nan")
    save(_broken(model, 0.0), d/"zero")
    save(base, d/"base")
    lora = A3ForCausalLM.from_causal_lm(str(d/"base")).add_lora(r=2)
    lora.save_pretrained(d/"lora")
    return d


@pytest.fixture
def no_hub():
    "Any call that would reach the Hub (or load a model from anywhere) fails the test."
    boom = AssertionError("a loader was called: the bad input was not caught before loading")
    with mock.patch.object(transformers.AutoModelForCausalLM, "from_pretrained", side_effect=boom), \
         mock.patch.object(transformers.AutoTokenizer, "from_pretrained", side_effect=boom):
        yield


@pytest.fixture
def in_run_dir(tmp_path, monkeypatch):
    "A working directory that holds a `runs/` folder (as the project root does)."
    (tmp_path/"runs").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


# ---------------------------------------------------------------- load_a3 / resolve_a3_path

@pytest.mark.parametrize("name, exc, fragment", [
    ("missing", FileNotFoundError, "does not exist"),
    ("file.txt", ValueError, "is a file, not a folder"),
    ("empty", ValueError, "an empty folder"),
    ("run_incomplete", ValueError, "no complete checkpoint"),
    ("run_incomplete/checkpoints/step-000005", ValueError, "incomplete checkpoint"),
    ("nan", ValueError, "holds NaN"),
    ("zero", ValueError, "the weights look empty"),
])
def test_load_a3_refuses(folders, name, exc, fragment):
    with pytest.raises(exc, match=fragment) as e: load_a3(str(folders/name))
    assert str(folders/name) in str(e.value)                         # the error names the folder


def test_load_a3_refusal_lists_what_is_accepted(folders):
    with pytest.raises(ValueError) as e: load_a3(str(folders/"empty"))
    for form in ("an A3 model folder", "a LoRA folder", "a trainer checkpoint folder", "a trainer run folder", "base causal LM"):
        assert form in str(e.value), form


@pytest.mark.parametrize("name, model_dir", [
    ("a3", "a3"),
    ("run", "run/checkpoints/step-000010/model"),                     # a run: its latest complete checkpoint
    ("run/checkpoints/step-000010", "run/checkpoints/step-000010/model"),   # a checkpoint folder
    ("lora", "lora"),
])
def test_load_a3_accepts(folders, tiny, name, model_dir):
    test_model = tiny[0]
    assert resolve_a3_path(folders/name) == folders/model_dir
    m, tok, trained = load_a3(str(folders/name))
    assert trained
    if name != "lora": assert infill(m, tok, "ab<blank>cd", lengths=3) == infill(test_model, tok, "ab<blank>cd", lengths=3)


def test_load_a3_missing_run_path_is_not_a_hub_id(in_run_dir, no_hub):
    with pytest.raises(FileNotFoundError, match="does not exist"): load_a3("runs/foo")


def test_load_a3_base_folder_is_wrapped_untrained(folders):
    assert load_a3(str(folders/"base"))[2] is False


def test_check_weights_names_the_source(tiny):
    with pytest.raises(ValueError, match="somewhere: the weights are corrupt"): check_weights(_broken(tiny[0], float("inf")), "somewhere")


# ---------------------------------------------------------------- LoRA folders and their base

def test_lora_base_moved(folders, tmp_path):
    lora = tmp_path/"lora"
    cfg = json.loads((folders/"lora"/"config.json").read_text())
    assert Path(cfg["base_model"]).is_absolute()                         # stored absolute: loads from any directory
    cfg["base_model"] = str(tmp_path/"gone")
    lora.mkdir(); (lora/"config.json").write_text(json.dumps(cfg))
    (lora/"adapter_model.safetensors").write_bytes((folders/"lora"/"adapter_model.safetensors").read_bytes())
    with pytest.raises(FileNotFoundError, match=r"config.json \(key 'base_model'\)") as e: A3ForCausalLM.from_pretrained(lora)
    assert "base_model=" in str(e.value)
    assert A3ForCausalLM.from_pretrained(lora, base_model=str(folders/"base")).config.lora["r"] == 2


# ---------------------------------------------------------------- infill

@pytest.mark.parametrize("text, kw, exc, fragment", [
    ("no marker here", {}, ValueError, "contains no blank marker"),
    (["a<blank>b", "no marker"], {}, ValueError, "text 1"),
    ("a<blank>b", dict(blank=""), ValueError, "non-empty marker"),
    ("a<blank>b<blank>c", dict(lengths=[1, 2, 3]), ValueError, "has 2 blanks but lengths gives 3"),
    (["a<blank>b<blank>", "c<blank>"], dict(lengths=[3, 4]), ValueError, "accepted forms"),
    (["a<blank>b", "c<blank>"], dict(lengths=[[3], 4]), ValueError, "mixes ints and lists"),
    ("a<blank>b", dict(lengths=[[1, 2]]), ValueError, "has 1 blanks but lengths gives 2"),
    ("a<blank>b", dict(lengths=0), ValueError, "ints >= 1"),
    ("a<blank>b", dict(lengths=1.5), ValueError, "is not an int or a list"),
    ("a<blank>b", dict(max_blank_len=0), ValueError, "max_blank_len must be an int >= 1"),
    ("a<blank>b", dict(lengths="auto", max_blank_len=0), ValueError, "max_blank_len must be an int >= 1"),
    ("a<blank>b", dict(lengths="automatic"), ValueError, "only string accepted is 'auto'"),
    ("a<blank>b", dict(lengths="auto", length_search="greedy"), ValueError, "length_search must be one of"),
    ("a<blank>b", dict(lengths="auto", min_blank_len=9, max_blank_len=4), ValueError, "min_blank_len must be"),
    ("a<blank>b", dict(lengths=600), ValueError, "max_position_embeddings=512"),
])
def test_infill_refuses(tiny, text, kw, exc, fragment):
    model, _, tok = tiny
    with pytest.raises(exc, match=fragment): infill(model, tok, text, **kw)


# ---------------------------------------------------------------- load_base

@pytest.mark.parametrize("name, exc, fragment", [
    ("runs/nothing", FileNotFoundError, "because 'runs' exists"),
    ("../nope", FileNotFoundError, "no such model folder"),
    ("./runs", FileNotFoundError, "has no config.json"),
    ("nonexistent-short-name", ValueError, "unknown short name"),
    ("notes.txt", ValueError, "is a file, not a model"),
])
def test_load_base_refuses_without_the_hub(in_run_dir, no_hub, name, exc, fragment):
    (in_run_dir/"notes.txt").write_text("x")
    with pytest.raises(exc, match=fragment): load_base(name)
