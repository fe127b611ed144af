"""Where the shipped data (rule packs, report templates) lives, installed or in a source tree."""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """`rules` or `reports`: inside the wheel under `cchc/_data/`, else the repository's top level."""
    installed = _PKG / "_data" / name
    if installed.is_dir():
        return installed
    return _PKG.parent.parent / name
