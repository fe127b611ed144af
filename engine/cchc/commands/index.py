"""`cchc index`: score the PAR-index propaganda criterion for every unit of a folder."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from cchc.commands.check import build_checker, engine_options
from cchc.commands.common import (
    EXIT_INPUT,
    EXIT_OK,
    echo,
    fail,
    lang_option,
    report_input_error,
)
from cchc.loader import InputError
from cchc.messages import t


@click.command("index", context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--plans", "plans_dir", required=True, help="Thư mục kế hoạch / folder of plans.")
@click.option(
    "--results",
    "results_dir",
    required=True,
    help="Thư mục báo cáo kết quả / folder of results reports.",
)
@click.option("--year", required=True, type=int, help="Năm đánh giá / assessed year.")
@click.option(
    "--scheme",
    "scheme_name",
    required=True,
    help="Bộ chấm điểm (tên hoặc tệp .yaml) / scoring scheme (name or .yaml file).",
)
@click.option("--out", "out", default=None, help="Tệp kết quả / output file (default: stdout).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "xlsx", "html"]),
    default=None,
    help="Định dạng (mặc định theo đuôi tệp --out) / format (default: from --out's suffix).",
)
@click.option(
    "--units",
    "units_file",
    default=None,
    help="Danh sách đơn vị phải nộp (.csv/.xlsx) / the units expected to submit (.csv/.xlsx).",
)
@click.option(
    "--organ",
    default=None,
    help="Cơ quan lập bảng (đầu trang) / the body preparing the sheet (its header).",
)
@click.option(
    "--no-compliance",
    is_flag=True,
    help="Không chấm điểm tuân thủ kế hoạch / skip the plans' compliance score.",
)
@engine_options
@lang_option
def index_cmd(
    plans_dir: str,
    results_dir: str,
    year: int,
    scheme_name: str,
    out: str | None,
    fmt: str | None,
    units_file: str | None,
    organ: str | None,
    no_compliance: bool,
    engine: str,
    rules_dirs: tuple[Path, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    as_of: dt.datetime | None,
    waivers: Path | None,
    lang: str,
) -> None:
    """Chấm điểm tiêu chí tuyên truyền CCHC của Chỉ số CCHC / score the PAR-index propaganda criterion.

    The plans' compliance score (rule packs, as `cchc check` with the same engine options) is
    shown beside the index points.
    """
    from cchc.parindex.compliance import checker_compliance
    from cchc.parindex.expected import load_expected
    from cchc.parindex.render import SUFFIXES, render
    from cchc.parindex.run import index_run
    from cchc.parindex.scheme import find_scheme

    for option, folder in (("--plans", plans_dir), ("--results", results_dir)):
        if not Path(folder).is_dir():
            fail(t("px_not_a_dir", lang, option=option, path=folder), lang)
    if not 1990 <= year <= 2100:
        fail(t("px_bad_year", lang, year=year), lang)
    to_stdout = out in (None, "-")
    if fmt is None:
        fmt = "text" if to_stdout else SUFFIXES.get(Path(out or "").suffix.lower(), "text")
    if fmt == "xlsx" and to_stdout:
        fail(t("px_xlsx_needs_out", lang), lang)
    try:
        scheme = find_scheme(scheme_name)
        expected = load_expected(units_file) if units_file else None
    except InputError as exc:
        report_input_error(exc, lang)
        sys.exit(EXIT_INPUT)
    compliance = None
    if not no_compliance:
        checker = build_checker(engine, rules_dirs, select, ignore, as_of, waivers, lang)
        compliance = checker_compliance(checker)
    run = index_run(plans_dir, results_dir, year, scheme, lang, compliance, expected, organ)
    data = render(run, fmt, lang, out=None if to_stdout else Path(out or ""))
    if to_stdout:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        try:
            Path(out or "").write_bytes(data)
        except OSError as exc:
            fail(t("px_out_unwritable", lang, path=out, reason=exc.strerror or str(exc)), lang)
        click.echo(t("px_written", lang, path=out, units=len(run.units)), err=True)
    for err in run.errors:
        echo(f"{t('error_prefix', lang)}: {err.file}: {err.error}", err=True)
    sys.exit(EXIT_INPUT if run.errors else EXIT_OK)
