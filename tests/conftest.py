"""Shared fixtures. The spaCy model is loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from detente import api
from detente.config import Settings
from detente.ingest.normalize import build_article
from detente.pipeline import Coder
from detente.types import CodedArticle

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "tasnim-2016-08-turkey-russia.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def coder(settings: Settings) -> Coder:
    return api.get_coder(settings)


@pytest.fixture(scope="session")
def code_one(coder: Coder) -> Callable[..., CodedArticle]:
    """Code one text as an article of its own."""

    def run(text: str, date: str | None = "2024-03-01") -> CodedArticle:
        from datetime import date as date_type

        published = date_type.fromisoformat(date) if date else None
        article = build_article(text, "<test>", max_chars=1_000_000, default_date=published)
        return coder.code_doc(article, coder.nlp(article.text))

    return run


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"the seed article is not at {SEED} (../shared/ is provided by CI)")
    return SEED
