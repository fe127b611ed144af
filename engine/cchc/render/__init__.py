"""Renderers: one module per output format, all reading the same `CheckRun`.

`render(run, fmt, lang)` returns bytes; modules are imported only when their format is asked
for, so that `cchc-check plan.json` does not pay for pandas or jinja2.
"""

from __future__ import annotations

import importlib
from typing import Any

from cchc.result import CheckRun

# format name → "module:function"; each function is (CheckRun, lang) -> bytes
FORMATS: dict[str, str] = {
    "text": "cchc.render.terminal:render",
    "json": "cchc.render.json_out:render",
    "md": "cchc.render.markdown:render",
    "html": "cchc.render.html:render",
    "csv": "cchc.render.csv_out:render",
    "xlsx": "cchc.render.xlsx:render",
}

# Formats whose output is binary: never written to a terminal, `--output FILE` needed.
BINARY_FORMATS = frozenset({"xlsx"})


def render(run: CheckRun, fmt: str, lang: str = "vi", **options: Any) -> bytes:
    """Render `run` in `fmt`. `options` go to the renderer (e.g. `color=True` for text)."""
    module_name, func_name = FORMATS[fmt].split(":")
    func = getattr(importlib.import_module(module_name), func_name)
    return func(run, lang, **options)
