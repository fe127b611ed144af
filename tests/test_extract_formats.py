"""The same plan as .txt, .docx and .pdf gives the same plan.json: every seed, built as a Word
file (header as a layout table, one paragraph per line) and as a PDF (two-column header,
justified paragraphs wrapped at the margin, over several pages). Only `evidence_at`, where
each sentence is written, differs between formats."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from _extract_docs import vietnamese_font, without_positions
from cchc.extract import extract_file

ROOT = Path(__file__).parents[1]
SEEDS = sorted((ROOT / "fixtures" / "seeds" / "text").glob("*.txt"))


def _build():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gold_build", ROOT / "fixtures/extract/build.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["gold_build"] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _plan(path: Path) -> dict:  # type: ignore[type-arg]
    return without_positions(extract_file(path).plan.model_dump(mode="json"))


def test_every_seed_is_here() -> None:
    assert len(SEEDS) == 5


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_docx_gives_the_plan_of_the_txt(seed: Path, tmp_path: Path) -> None:
    docx = _build().build_docx(seed.read_text(encoding="utf-8"), tmp_path / f"{seed.stem}.docx")
    assert _plan(docx) == _plan(seed)


@pytest.mark.skipif(vietnamese_font() is None, reason="no font with Vietnamese glyphs")
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_pdf_gives_the_plan_of_the_txt(seed: Path, tmp_path: Path) -> None:
    pdf = _build().build_pdf(seed.read_text(encoding="utf-8"), tmp_path / f"{seed.stem}.pdf")
    found, want = _plan(pdf), _plan(seed)
    assert found == want
    located = extract_file(pdf).plan
    places = [a.evidence_at for a in [*located.cited_documents, *located.activities]]
    assert places and all(at is not None and at.page and at.line for at in places)
