from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEST_PACKS = Path(__file__).resolve().parent / "packs"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def allkinds_dir() -> Path:
    return TEST_PACKS / "allkinds"
