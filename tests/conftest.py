"""Shared helpers for the tests: linting strings and files without the command line."""
from __future__ import annotations

from pathlib import Path

import pytest

from lint.config import Settings
from lint.engine import Linter
from lint.formats import read_document
from lint.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
# A sentence of 72 words, over the default long-sentence limit (for readability tests).
LONG_SENTENCE = (
    "The most recent twists in the trade talks have left firms uncertain whether a tariff that the "
    "administration had planned to impose next month on another large share of imported goods, including "
    "phones, laptops and shoes, would go into effect or whether an earlier tariff imposed in September would "
    "be lifted as part of a first-phase deal, which negotiators on both sides had described only a week "
    "earlier as close to finished."
)


def lint_string(text: str, path: str = "article.txt", *, select: tuple[str, ...] | None = None, **options):
    settings = Settings(select=select, options=options)
    return Linter(load_rules()).check(read_document(path, text), settings)


def seed(prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not available")
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def findings_by_line(findings, family: str | None = None) -> set[int]:
    return {f.start.line for f in findings if family is None or f.rule.startswith(family + "/")}


@pytest.fixture(autouse=True, scope="session")
def _private_pack_cache(tmp_path_factory):
    """Keep the parsed-pack cache of test runs out of the user's cache folder."""
    import os

    os.environ["NEWSLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("newslint-cache"))
