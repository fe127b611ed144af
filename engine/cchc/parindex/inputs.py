"""Reading a folder of plans and a folder of results reports, keeping every unreadable file."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from cchc.loader import DOCUMENT_SUFFIXES, PLAN_SUFFIXES, InputError, ensure_inside, load_plan
from cchc.messages import Lang
from cchc.model import Plan
from cchc.parindex.result import InputFailure
from cchc.parindex.units import UnitId
from cchc.results_report import ResultsReport, load_results_report

T = TypeVar("T")


@dataclass
class LoadedPlan:
    plan: Plan
    file: str
    unit: UnitId | None = None  # its identity, computed once (`pairing.plan_unit`)

    @property
    def from_document(self) -> bool:
        """Read from a .txt/.docx/.pdf: its activity ids were numbered by the extractor."""
        return self.file.lower().endswith(DOCUMENT_SUFFIXES)


@dataclass
class LoadedReport:
    report: ResultsReport
    file: str
    unit: UnitId | None = None  # its identity, computed once (`pairing.report_unit`)


def _files(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*") if p.suffix.lower() in suffixes and not p.name.startswith(".")
    )


def _load_all(
    folder: str | os.PathLike[str],
    suffixes: tuple[str, ...],
    load: Callable[[Path], T],
    lang: Lang,
) -> tuple[list[tuple[T, str]], list[InputFailure]]:
    loaded: list[tuple[T, str]] = []
    errors: list[InputFailure] = []
    for path in _files(Path(folder), suffixes):
        try:
            ensure_inside(path, folder)  # a link out of the folder is refused, not read
            loaded.append((load(path), str(path)))
        except InputError as exc:
            errors.append(InputFailure(file=str(path), error="; ".join(exc.lines(lang))))
    return loaded, errors


def load_plans(
    folder: str | os.PathLike[str], lang: Lang = "vi"
) -> tuple[list[LoadedPlan], list[InputFailure]]:
    """Every plan under `folder` (.json, and documents when an extractor is installed)."""
    loaded, errors = _load_all(folder, PLAN_SUFFIXES + DOCUMENT_SUFFIXES, load_plan, lang)
    return [LoadedPlan(p, f) for p, f in loaded], errors


def load_reports(
    folder: str | os.PathLike[str], lang: Lang = "vi"
) -> tuple[list[LoadedReport], list[InputFailure]]:
    """Every results report under `folder` (.json)."""
    loaded, errors = _load_all(folder, (".json",), load_results_report, lang)
    return [LoadedReport(r, f) for r, f in loaded], errors
