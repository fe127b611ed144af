"""`--format html`: the self-assessment sheet as one self-contained page (no external assets)."""

from __future__ import annotations

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from cchc.messages import Lang, t
from cchc.parindex.bands import num
from cchc.parindex.result import IndexRun, UnitScore
from cchc.parindex.sheet_rows import columns, compliance_text, heading
from cchc.paths import data_dir

TEMPLATE = "par_index.html.j2"


def render(run: IndexRun, lang: Lang = "vi") -> bytes:
    env = Environment(
        loader=FileSystemLoader(str(data_dir("reports"))),
        autoescape=select_autoescape(("html", "j2")),
        undefined=StrictUndefined,
    )
    labels = {
        "scheme": t("px_scheme_label", lang),
        "source": t("source_label", lang),
        "note": t("px_note_label", lang),
        "plan": t("px_plan", lang),
        "report": t("px_report", lang),
        "missing": t("px_missing_label", lang),
        "details": t("px_col_detail", lang),
        "trace": t("px_col_trace", lang),
        "inputs": t("px_sheet_inputs", lang),
        "error": t("error_prefix", lang),
        "unexpected": t("px_unexpected_title", lang).rstrip(":"),
    }

    def pairing(u: UnitScore) -> str:
        return t(f"px_pairing_{u.pairing.value}", lang)

    html = env.get_template(TEMPLATE).render(
        run=run,
        lang=lang,
        heading=heading(run, lang),
        cols=columns(lang),
        labels=labels,
        fmt=lambda x: num(x, lang),
        pairing=pairing,
        compliance=lambda u: compliance_text(u, lang),
    )
    return html.encode()
