"""The output formats of `cchc index`; a module is imported only when its format is asked for."""

from __future__ import annotations

import importlib
from pathlib import Path

from cchc.messages import Lang
from cchc.parindex.result import IndexRun

FORMATS: dict[str, str] = {
    "text": "cchc.parindex.render_text:render",
    "json": "cchc.parindex.render_json:render",
    "xlsx": "cchc.parindex.render_xlsx:render",
    "html": "cchc.parindex.render_html:render",
}
SUFFIXES = {".txt": "text", ".json": "json", ".xlsx": "xlsx", ".html": "html", ".htm": "html"}


def render(run: IndexRun, fmt: str, lang: Lang = "vi", out: Path | None = None) -> bytes:
    """`out`: where the result will be written, so that the workbook links to the inputs."""
    module_name, func_name = FORMATS[fmt].split(":")
    fn = getattr(importlib.import_module(module_name), func_name)
    return fn(run, lang, out=out) if fmt == "xlsx" else fn(run, lang)
