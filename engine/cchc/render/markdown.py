"""`--format md`: a Markdown report, for mail, wikis and pull requests."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from cchc import __version__
from cchc.messages import t
from cchc.paths import data_dir
from cchc.render.rows import error_text
from cchc.render.view import plan_view
from cchc.result import CheckRun

# Characters with a meaning in Markdown or HTML; escaped with a backslash (CommonMark).
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&])")
_SPACE = re.compile(r"\s+")


def md(value: Any) -> str:
    """Plan text as literal Markdown inline text: one line, nothing interpreted."""
    if value is None:
        return ""
    return _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", str(value)).strip())


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(data_dir("reports"))),
        autoescape=False,  # Markdown, not HTML: escaping is done by the `md` filter
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md
    return env


def render(run: CheckRun, lang: str = "vi") -> bytes:
    def msg(key: str, **params: Any) -> str:
        return t(key, lang, **params)

    plans = [plan_view(r, lang) for r in run.plans]
    several = len(plans) != 1 or bool(run.errors)
    text = (
        environment()
        .get_template("plan.md.j2")
        .render(
            msg=msg,
            tool="cchc-check",
            version=__version__,
            plans=plans,
            errors=[{"file": f.file, "error": error_text(f)} for f in run.errors],
            level=2 if several else 1,
        )
    )
    return (re.sub(r"\n{3,}", "\n\n", text).strip() + "\n").encode("utf-8")
