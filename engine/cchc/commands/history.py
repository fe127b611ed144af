"""`cchc history`: the province's portfolio from the results store — verdicts per unit and
year, the most failed requirements, the headline requirements' trends, regressions."""

from __future__ import annotations

from pathlib import Path

import click

from cchc.commands.common import EXIT_OK, db_option, fail, lang_option, outdir_option


@click.command("history", context_settings={"help_option_names": ["-h", "--help"]})
@db_option
@click.option("--province", default=None, help="Chỉ tỉnh này / only this province.")
@outdir_option
@lang_option
def history_cmd(db: str | None, province: str | None, outdir: Path, lang: str) -> None:
    """Kết quả qua các năm / the portfolio over the years: portfolio.html, portfolio.xlsx, charts."""
    from cchc.messages import t
    from cchc.portfolio import data, figures, outputs
    from cchc.store import StoreError, open_store

    if db is None:
        fail(t("hist_needs_db", lang), lang)
        return
    try:
        store = open_store(db)
    except StoreError as exc:
        fail(t("store_unusable", lang, reason=str(exc)), lang)
        return
    frames = data.load(store, province, lang)
    if frames.plans.empty:
        fail(t("hist_empty", lang, db=db, province=province or "—"), lang)
    written = outputs.write(figures.compute(frames), outdir, lang)
    click.echo(t("hist_written", lang, files=", ".join(str(p) for p in written)))
    raise SystemExit(EXIT_OK)
