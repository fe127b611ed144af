"""The output formats of `cchc index`; a module is imported only when its format is asked for."""

from __future__ import annotations

import importlib

from cchc.messages import Lang
from cchc.parindex.result import IndexRun

FORMATS: dict[str, str] = {
    "text": "cchc.parindex.render_text:render",
    "json": "cchc.parindex.render_json:render",
    "xlsx": "cchc.parindex.render_xlsx:render",
    "html": "cchc.parindex.render_html:render",
}
SUFFIXES = {".txt": "text", ".json": "json", ".xlsx": "xlsx", ".html": "html", ".htm": "html"}


def render(run: IndexRun, fmt: str, lang: Lang = "vi") -> bytes:
    module_name, func_name = FORMATS[fmt].split(":")
    return getattr(importlib.import_module(module_name), func_name)(run, lang)
