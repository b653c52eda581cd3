"""The language identifier's model is decompressed once and kept: what is kept is read only when its
bytes are the pinned model's, and it identifies exactly as py3langid's own loader does."""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from dashboard.extract import languages

SAMPLES = [
    "The minister said on Friday that the talks would resume next week.",
    "Le ministre a déclaré vendredi que la France continuerait de soutenir l'Ukraine.",
    "Министр иностранных дел заявил в пятницу, что переговоры продолжатся.",
    "Rząd oświadczył w poniedziałek, że negocjacje zostaną wznowione.",
]


@pytest.fixture
def kept_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("DASHBOARD_PREPARED", str(tmp_path))
    languages._identifier.cache_clear()
    yield tmp_path / "langid-model.npz"
    languages._identifier.cache_clear()


def test_the_kept_model_identifies_as_the_shipped_one(kept_in) -> None:
    own = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    first = languages._identifier()  # decompresses and keeps
    assert kept_in.is_file()
    assert hashlib.sha256(kept_in.read_bytes()).hexdigest() == languages.LANGID_ARRAYS_SHA256
    assert kept_in.stat().st_mode & 0o077 == 0  # readable by its owner only
    languages._identifier.cache_clear()
    second = languages._identifier()  # reads what was kept
    for text in SAMPLES:
        assert first.classify(text) == own.classify(text) == second.classify(text)


def test_a_changed_kept_model_is_never_read(kept_in) -> None:
    languages._identifier()
    data = bytearray(kept_in.read_bytes())
    data[-100] ^= 0xFF  # one byte changed: not the pinned arrays
    kept_in.write_bytes(bytes(data))
    assert languages._kept_arrays(kept_in) is None
    languages._identifier.cache_clear()
    identifier = languages._identifier()  # decompresses the shipped model again, and keeps it
    assert identifier.classify(SAMPLES[1])[0] == "fr"
    assert hashlib.sha256(kept_in.read_bytes()).hexdigest() == languages.LANGID_ARRAYS_SHA256


def test_nothing_is_kept_when_keeping_is_off(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("DASHBOARD_PREPARED", "off")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    languages._identifier.cache_clear()
    try:
        assert languages._identifier().classify(SAMPLES[2])[0] == "ru"
    finally:
        languages._identifier.cache_clear()
    assert list(tmp_path.iterdir()) == []  # the decompressed copy was a temporary file, removed
