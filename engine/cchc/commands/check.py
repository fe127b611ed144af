"""`cchc check` / `cchc-check`: check plans against the rule packs and report their gaps.

Exit codes (as ruff): 0 no failing rule at or above `--fail-on` and the score is not under
`--fail-under`; 1 gaps found; 2 usage or input error (an unreadable plan, a broken pack).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from cchc.commands.common import (
    EXIT_GAPS,
    EXIT_INPUT,
    EXIT_OK,
    apply_limits,
    db_option,
    fail,
    lang_option,
    limit_option,
    report_input_error,
)
from cchc.result import SEVERITY_ORDER, PlanReport, Status

FORMAT_CHOICES = ("text", "json", "md", "html", "csv", "xlsx")


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    """`--select A,B --select C` → (A, B, C)."""
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def has_gaps(report: PlanReport, fail_on: str, fail_under: float | None) -> bool:
    floor = SEVERITY_ORDER[fail_on]
    for r in report.results:
        if (
            r.status in (Status.failed, Status.partial, Status.error)
            and SEVERITY_ORDER[r.severity] >= floor
        ):
            return True
    return fail_under is not None and report.score is not None and report.score < fail_under


class DateOption(click.ParamType):
    """A date given as yyyy-mm-dd or dd/mm/yyyy; a bad one says which forms are expected."""

    name = "date"

    def convert(self, value, param, ctx):  # type: ignore[no-untyped-def]
        if isinstance(value, dt.datetime):
            return value
        for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                return dt.datetime.strptime(str(value).strip(), fmt)
            except ValueError:
                continue
        self.fail(
            f"'{value}' không phải ngày hợp lệ / is not a valid date: "
            "yyyy-mm-dd hoặc / or dd/mm/yyyy (2024-04-01, 01/04/2024)",
            param,
            ctx,
        )


def engine_options(func):  # type: ignore[no-untyped-def]
    """Options shared by every command that runs the rule engine."""
    options = [
        click.option(
            "--engine",
            type=click.Choice(["auto", "durable", "python"]),
            default="auto",
            show_default=True,
            help="Bộ máy luật (auto: durable nếu có, nếu không thì python) / rule engine "
            "backend (auto: durable when installed, else python).",
        ),
        click.option(
            "--rules",
            "rules_dirs",
            multiple=True,
            type=click.Path(exists=True, file_okay=False, path_type=Path),
            help="Thư mục gói luật bổ sung / extra rule-pack directory.",
        ),
        click.option(
            "--select",
            multiple=True,
            help="Chỉ dùng các luật có mã/tiền tố này / rule IDs or prefixes to use.",
        ),
        click.option(
            "--ignore",
            multiple=True,
            help="Bỏ qua các luật có mã/tiền tố này / rule IDs or prefixes to skip.",
        ),
        click.option(
            "--as-of",
            type=DateOption(),
            default=None,
            help="Xét theo quy định có hiệu lực tại ngày này / judge by the rules in force on this date.",
        ),
        click.option(
            "--waivers",
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            default=None,
            help="Tệp miễn trừ (YAML) / waivers file.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def province_option(func):  # type: ignore[no-untyped-def]
    """--province: the plans' province, for plans that do not say it (or say it wrongly)."""
    return click.option(
        "--province",
        default=None,
        metavar="NAME",
        help="Tỉnh, thành phố của các kế hoạch (thay cho issuer.province) / the plans' "
        "province (overrides issuer.province), e.g. 'Hà Tĩnh'.",
    )(func)


def build_checker(engine, rules_dirs, select, ignore, as_of, waivers, lang, province=None):  # type: ignore[no-untyped-def]
    """A Checker from command-line options; a broken pack or waiver file exits with code 2."""
    from cchc.backends import BackendUnavailable
    from cchc.checker import Checker, CheckOptions
    from cchc.rulepack import PackError
    from cchc.waivers import WaiverError

    as_of_date: dt.date | None = as_of.date() if as_of else None
    options = CheckOptions(
        engine=engine,
        rules_dirs=tuple(rules_dirs),
        select=_split(select),
        ignore=_split(ignore),
        as_of=as_of_date,
        waivers=waivers,
        lang=lang,
        province=province.strip() or None if province else None,
    )
    try:
        return Checker(options)
    except (PackError, WaiverError, BackendUnavailable) as exc:
        fail(str(exc), lang)
        raise AssertionError("unreachable") from exc


@click.command("check", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("plans", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--format", "fmt", type=click.Choice(FORMAT_CHOICES), default="text", show_default=True
)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option(
    "--fail-on",
    type=click.Choice(["critical", "major", "minor", "advisory"]),
    default="minor",
    show_default=True,
    help="Mức nghiêm trọng thấp nhất làm lệnh trả mã 1 / lowest severity that makes the exit code 1.",
)
@click.option(
    "--fail-under",
    type=click.FloatRange(0, 100),
    default=None,
    help="Trả mã 1 nếu điểm thấp hơn / exit 1 below this score.",
)
@db_option
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="So với bản trước (kế hoạch hoặc báo cáo JSON) / compare with the earlier version (a plan or a JSON report).",
)
@click.option(
    "--baseline-db",
    is_flag=True,
    help="So với bản trước trong kho --db / compare with the earlier version recorded in --db.",
)
@click.option(
    "--annotate",
    is_flag=True,
    help="Ghi thiếu sót thành nhận xét Word trong bản sao văn bản (PLAN.cchc.docx) / "
    "write the gaps as Word comments in a copy of the document.",
)
@click.option(
    "--annotate-out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Tên tệp .docx có nhận xét (một kế hoạch) / the annotated .docx (one plan).",
)
@engine_options
@province_option
@limit_option
@lang_option
def check_cmd(
    plans: tuple[str, ...],
    fmt: str,
    output: Path | None,
    fail_on: str,
    fail_under: float | None,
    annotate: bool,
    annotate_out: Path | None,
    engine: str,
    rules_dirs: tuple[Path, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    as_of: dt.datetime | None,
    waivers: Path | None,
    province: str | None,
    limit_options: tuple[str, ...],
    lang: str,
    db: str | None = None,
    baseline: Path | None = None,
    baseline_db: bool = False,
) -> None:
    """Kiểm tra kế hoạch / check plans (PLAN.json, .txt, .docx, .pdf, or a folder of them)."""
    apply_limits(limit_options, lang)
    from cchc.messages import t
    from cchc.render import BINARY_FORMATS, render

    if fmt in BINARY_FORMATS and output is None:
        fail(t("binary_needs_output", lang, fmt=fmt), lang)
    paths, roots = expand_paths(plans)
    if annotate or annotate_out is not None:
        check_annotatable(paths, annotate_out, lang)
    checker = build_checker(engine, rules_dirs, select, ignore, as_of, waivers, lang, province)
    recorder = _recorder(checker, paths, db, baseline, baseline_db, lang)
    outcome = _run_inside_folders(paths, roots, checker, recorder)
    for exc in outcome.input_errors:
        report_input_error(exc, lang)
    # On the terminal, stderr already said why each file is unreadable: the view does not
    # repeat it (a report written with --output keeps it).
    to_terminal = output is None
    options = (
        {"color": to_terminal and sys.stdout.isatty(), "show_errors": not to_terminal}
        if fmt == "text"
        else {}
    )
    try:
        data = render(outcome.run, fmt, lang, **options)
    except Exception as exc:
        if fmt != "xlsx":
            raise
        # openpyxl refuses some content (and can fail on its own): say so, naming the file.
        reason = f"{type(exc).__name__}: {exc}"
        fail(t("write_failed", lang, path=str(output), reason=reason), lang)
    if output is not None:
        try:
            output.write_bytes(data)
        except OSError as exc:  # a full disk, a read-only folder
            fail(t("write_failed", lang, path=str(output), reason=exc.strerror or exc), lang)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    if annotate or annotate_out is not None:
        write_annotations(outcome.run.plans, annotate_out, lang)
    code = exit_code(outcome.run.plans, bool(outcome.input_errors), fail_on, fail_under)
    if fmt == "text" and to_terminal:
        click.echo(
            closing_line(
                outcome.run.plans, len(outcome.input_errors), code, fail_on, fail_under, lang
            )
        )
    sys.exit(code)


def exit_code(
    reports: list[PlanReport], input_errors: bool, fail_on: str, fail_under: float | None
) -> int:
    if input_errors:
        return EXIT_INPUT
    gaps = any(has_gaps(r, fail_on, fail_under) for r in reports)
    return EXIT_GAPS if gaps else EXIT_OK


def counted_gaps(report: PlanReport, fail_on: str) -> int:
    """Gaps at or above --fail-on: those that make the exit code 1."""
    floor = SEVERITY_ORDER[fail_on]
    return sum(
        1
        for r in report.results
        if r.status in (Status.failed, Status.partial, Status.error)
        and SEVERITY_ORDER[r.severity] >= floor
    )


def closing_line(
    reports: list[PlanReport],
    unreadable: int,
    code: int,
    fail_on: str,
    fail_under: float | None,
    lang: str,
) -> str:
    """The terminal's last line: how many gaps, and the exit code that says it."""
    from cchc.messages import t
    from cchc.render import findings

    if code == EXIT_INPUT:
        return t("closing_input", lang, n=unreadable)
    n = sum(counted_gaps(r, fail_on) for r in reports)
    if code == EXIT_OK:
        below = sum(len(findings.gaps(r)) for r in reports)
        return t("closing_below", lang, n=below, level=fail_on) if below else t("closing_ok", lang)
    if n == 0:
        return t("closing_under", lang, floor=f"{fail_under:g}")
    return t("closing_gap_one", lang) if n == 1 else t("closing_gaps", lang, n=n)


def check_annotatable(paths: list[str], out: Path | None, lang: str) -> None:
    """--annotate needs documents (a plan.json has no text to comment on); --annotate-out one."""
    from cchc.messages import t

    if out is not None and len(paths) != 1:
        fail(t("ann_out_one", lang), lang)
    for p in paths:
        suffix = Path(p).suffix.lower()
        if suffix not in (".docx", ".txt", ".pdf"):
            fail(f"{p}: {t('ann_needs_document', lang, suffix=suffix or '(none)')}", lang)


def write_annotations(reports: list[PlanReport], out: Path | None, lang: str) -> None:
    """PLAN.cchc.docx beside each plan document (or `out`), the gaps as Word comments."""
    from cchc.annotate import annotate, default_output
    from cchc.loader import InputError
    from cchc.messages import t

    for report in reports:
        target = out or default_output(Path(report.file))
        try:
            placed = annotate(report.file, report, target, lang)
        except InputError as exc:
            report_input_error(exc, lang)
            sys.exit(EXIT_INPUT)
        except OSError as exc:
            fail(f"{target}: {exc.strerror or exc}", lang)
        click.echo(t("ann_written", lang, n=len(placed), out=target), err=True)


def _recorder(  # type: ignore[no-untyped-def]
    checker, paths: list[str], db: str | None, baseline: Path | None, baseline_db: bool, lang: str
):
    """The hook that records plans and compares them with earlier versions, or None."""
    if db is None and baseline is None and not baseline_db:
        return None
    from cchc.loader import InputError
    from cchc.messages import t

    if baseline_db and db is None:
        fail(t("baseline_db_needs_db", lang), lang)
    if baseline is not None and (baseline_db or len(paths) != 1):
        fail(t("baseline_one_plan", lang), lang)
    from cchc.recording import Recorder
    from cchc.store import StoreError, open_store

    try:
        store = open_store(db) if db else None
        return Recorder(checker, store=store, baseline=baseline, baseline_db=baseline_db)
    except StoreError as exc:
        fail(t("store_unusable", lang, reason=str(exc)), lang)
    except InputError as exc:
        report_input_error(exc, lang)
        sys.exit(EXIT_INPUT)


def expand_paths(plans: tuple[str, ...]) -> tuple[list[str], dict[str, str]]:
    """Plan files as given; a folder stands for every plan file below it, as `cchc batch`
    walks it (a folder named `x.json` is a file argument: it gets its error row). Also
    returns, for each file found in a folder, that folder."""
    from cchc.batch import iter_plan_files
    from cchc.loader import PLAN_SUFFIXES

    out: list[str] = []
    roots: dict[str, str] = {}
    for p in plans:
        path = Path(p)
        if path.is_dir() and path.suffix.lower() not in PLAN_SUFFIXES:
            for f in iter_plan_files(path):
                out.append(str(f))
                roots[str(f)] = p
        else:
            out.append(p)
    return out, roots


def _run_inside_folders(
    paths: list[str], roots: dict[str, str], checker: Any, recorder: Any
) -> Any:
    """`run_check`, with a file found in a folder but reached by a link out of it refused
    (an error in its place among the others), never read."""
    from cchc.checker import run_check
    from cchc.loader import InputError, ensure_inside
    from cchc.result import InputFailure

    refused: list[InputError] = []
    inside: list[str] = []
    for path in paths:
        try:
            if path in roots:
                ensure_inside(path, roots[path])
            inside.append(path)
        except InputError as exc:
            refused.append(exc)
    outcome = run_check(inside, checker, on_plan=recorder)
    if refused:
        lang = checker.options.lang
        order = {p: i for i, p in enumerate(paths)}
        outcome.input_errors = sorted(
            outcome.input_errors + refused, key=lambda e: order.get(e.file, 0)
        )
        outcome.run.errors.extend(
            InputFailure(file=e.file, error=" ".join(e.lines(lang)), field=e.field) for e in refused
        )
        outcome.run.errors.sort(key=lambda e: order.get(e.file, 0))
    return outcome


__all__ = [
    "build_checker",
    "check_cmd",
    "engine_options",
    "has_gaps",
    "province_option",
    "report_input_error",
]
