"""`--format json`: the stable machine-readable document (schema: `cchc report-schema`)."""

from __future__ import annotations

import orjson

from cchc.result import CheckRun


def render(run: CheckRun, lang: str = "vi") -> bytes:
    return orjson.dumps(run.to_jsonable(), option=orjson.OPT_INDENT_2) + b"\n"
