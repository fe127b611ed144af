"""Shared paths, fixtures and helpers: the tests read the repository's files, not /work/shared."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
REPO = ROOT
TEST_PACKS = Path(__file__).resolve().parent / "packs"

FIXTURES = ROOT / "fixtures"
SEEDS = FIXTURES / "seeds"
SYNTHETIC = FIXTURES / "synthetic"
BAD = FIXTURES / "bad"

SEED_FILES = sorted(SEEDS.glob("*.json"))
SYNTHETIC_FILES = sorted(SYNTHETIC.glob("*.json"))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def allkinds_dir() -> Path:
    return TEST_PACKS / "allkinds"


def resolve(data: Any, path: str) -> Any:
    """The value at a JSON path such as 'activities[2].count' (KeyError/IndexError if absent)."""
    current = data
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        current = current[int(part[1:-1])] if part.startswith("[") else current[part]
    return current


def pytest_configure(config: pytest.Config) -> None:
    """The tests (and the programs they start) keep their pack cache apart from the user's."""
    import os
    import tempfile

    os.environ["CCHC_CACHE_DIR"] = tempfile.mkdtemp(prefix="cchc-test-cache-")
