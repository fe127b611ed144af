"""Renderers: one module per output format, all reading the same `CheckRun`.

`render(run, fmt, lang)` returns bytes; modules are imported only when their format is asked
for, so that `cchc-check plan.json` does not pay for pandas or jinja2.
"""

from __future__ import annotations

import importlib

from cchc.result import CheckRun

# format name → "module:function"; each function is (CheckRun, lang) -> bytes
FORMATS: dict[str, str] = {
    "text": "cchc.render.terminal:render",
    "json": "cchc.render.json_out:render",
}


def render(run: CheckRun, fmt: str, lang: str = "vi") -> bytes:
    module_name, func_name = FORMATS[fmt].split(":")
    func = getattr(importlib.import_module(module_name), func_name)
    return func(run, lang)
