"""`cchc history`: the province's portfolio from the results store — verdicts per unit and
year, the most failed requirements, the headline requirements' trends, regressions."""

from __future__ import annotations

from pathlib import Path

import click

from cchc.commands.common import EXIT_OK, fail, lang_option


@click.command("history", context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", required=True, metavar="PATH|URL", help="Kho kết quả / the results store.")
@click.option("--province", default=None, help="Chỉ tỉnh này / only this province.")
@click.option(
    "--out",
    "-o",
    "outdir",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Thư mục kết quả / output folder.",
)
@lang_option
def history_cmd(db: str, province: str | None, outdir: Path, lang: str) -> None:
    """Kết quả qua các năm / the portfolio over the years: portfolio.html, portfolio.xlsx, charts."""
    from cchc.messages import t
    from cchc.portfolio import data, figures, outputs
    from cchc.store import StoreError, open_store

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
