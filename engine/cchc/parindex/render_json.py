"""`--format json`: the whole `IndexRun`, every point with its reason, evidence and trace."""

from __future__ import annotations

import orjson

from cchc.messages import Lang
from cchc.parindex.result import IndexRun


def render(run: IndexRun, lang: Lang = "vi") -> bytes:
    return orjson.dumps(run.to_jsonable(), option=orjson.OPT_INDENT_2) + b"\n"
