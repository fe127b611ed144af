"""`--format html`: self-contained HTML reports (one file, inline CSS, no network).

Templates live in `reports/` (shipped as `cchc/_data/reports`). Jinja2 autoescapes every
value, so text from a plan (titles, activity text, evidence) always shows as text; the only
script, the dashboard's, is a static file that reads the table's data attributes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import IO, Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from cchc import __version__
from cchc.messages import Lang, t
from cchc.paths import data_dir
from cchc.render import findings
from cchc.render.labels import format_score, verdict_label
from cchc.render.rows import error_text
from cchc.render.view import display_date, plan_view
from cchc.result import VERDICT_LABELS, CheckRun, InputFailure, PlanReport
from cchc.vocab import LEVEL_LABELS, label

TOOL = "cchc-check"


@cache
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(data_dir("reports"))),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # The templates are the installed package's: no need to stat them at every page.
        auto_reload=False,
    )


@cache
def _static(name: str) -> Markup:
    # Our own stylesheet and script, inlined as they are (they hold no plan text).
    return Markup((data_dir("reports") / "static" / name).read_text(encoding="utf-8"))


def _globals(lang: Lang, generated: str | None) -> dict[str, Any]:
    def msg(key: str, **params: Any) -> str:
        return t(key, lang, **params)

    return {
        "lang": lang,
        "msg": msg,
        "tool": TOOL,
        "version": __version__,
        "generated": generated,
        "css": _static("report.css"),
    }


def page_globals(lang: Lang, generated: str | None = None) -> dict[str, Any]:
    """What every page template reads (messages, stylesheet, tool name), for other pages
    built on `base.html.j2`."""
    return _globals(lang, generated)


def _errors(failures: Iterable[InputFailure]) -> list[dict[str, str]]:
    return [{"file": f.file, "error": error_text(f)} for f in failures]


def render(run: CheckRun, lang: str = "vi", *, generated: str | None = None) -> bytes:
    """All the plans of a run in one page, with a table of contents when there are several."""
    plans = [plan_view(r, lang, anchor=f"plan-{i}") for i, r in enumerate(run.plans, start=1)]
    page = environment().get_template("plan.html.j2")
    return page.render(
        **_globals(lang, generated), plans=plans, errors=_errors(run.errors), back=None
    ).encode("utf-8")


def render_plan_page(
    report: PlanReport, lang: Lang = "vi", *, back: str | None = None, generated: str | None = None
) -> bytes:
    """One plan's report, as the batch writes it under `plans/`, linking `back` to the index."""
    page = environment().get_template("plan.html.j2")
    return page.render(
        **_globals(lang, generated), plans=[plan_view(report, lang)], errors=[], back=back
    ).encode("utf-8")


# --- the batch dashboard -----------------------------------------------------------------------


def dashboard_row(item: PlanReport | InputFailure, href: str | None, lang: Lang) -> dict[str, Any]:
    """One row of the dashboard table (every input file has one)."""
    if isinstance(item, InputFailure):
        return {"file": item.file, "error": error_text(item)}
    info = item.plan
    level = label(LEVEL_LABELS, info.level, lang) if info.level else None
    search = " ".join(x for x in (item.file, info.title, info.issuer, info.number) if x)
    return {
        "file": item.file,
        "error": None,
        "href": href,
        "title": info.title,
        "issuer": info.issuer,
        "level": level,
        "number": info.number,
        "date": display_date(info.issue_date, lang),
        "score": None if item.score is None else round(item.score, 1),
        "score_text": format_score(item.score),
        "verdict": str(item.verdict),
        "verdict_label": verdict_label(item.verdict, lang),
        "gaps": len(findings.gaps(item)),
        "search": search,
    }


def write_dashboard(
    out: IO[str],
    lang: Lang,
    *,
    stats: Mapping[str, Any],
    top_gaps: list[dict[str, Any]],
    area_means: list[dict[str, Any]],
    rows: Iterable[dict[str, Any]],
    source: str,
    generated: str | None = None,
) -> None:
    """Stream the dashboard: `rows` is consumed lazily, one table row at a time."""
    page = environment().get_template("dashboard.html.j2")
    verdicts = {code: verdict_label(code, lang) for code in VERDICT_LABELS}
    stream = page.generate(
        **_globals(lang, generated),
        js=_static("dashboard.js"),
        stats=stats,
        verdicts=verdicts,
        top_gaps=top_gaps,
        area_means=area_means,
        rows=rows,
        source=source,
    )
    for chunk in stream:
        out.write(chunk)
