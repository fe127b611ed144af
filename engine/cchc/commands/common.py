"""Options and error handling shared by the sub-commands."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from cchc.loader import InputError
from cchc.messages import LANGS, t
from cchc.termsafe import for_terminal

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK = 0
EXIT_GAPS = 1
EXIT_INPUT = 2

lang_option = click.option(
    "--lang",
    type=click.Choice(LANGS),
    default="vi",
    show_default=True,
    help="Ngôn ngữ thông báo / message language.",
)

db_option = click.option(
    "--db",
    default=None,
    metavar="PATH|URL",
    help="Kho kết quả (tệp SQLite hoặc URL) / results store (SQLite file or URL).",
)
outdir_option = click.option(
    "--out",
    "-o",
    "outdir",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Thư mục kết quả / output folder.",
)


limit_option = click.option(
    "--limit",
    "limit_options",
    multiple=True,
    metavar="NAME=N",
    help="Đổi một giới hạn an toàn / change a safety limit (file_mb, zip_member_mb, "
    "zip_total_mb, xml_elements, pdf_stream_mb, pdf_pages, pdf_page_kb, paragraphs, characters, numbering_value, seconds).",
)


def apply_limits(options: tuple[str, ...], lang: str) -> None:
    """Make the `--limit` options the limits of this process; a bad one exits with code 2."""
    from cchc import limits

    try:
        chosen = limits.parse(options, limits.Limits())
    except limits.LimitError as exc:
        fail(t("limit_bad_option", lang, option=exc.text, names=", ".join(limits.names())), lang)
        return
    previous = limits.current()
    limits.set_current(chosen)
    ctx = click.get_current_context(silent=True)
    if ctx is not None:  # in-process callers (tests) get the limits back after the command
        ctx.call_on_close(lambda: limits.set_current(previous))


def report_input_error(exc: InputError, lang: str) -> None:
    """Print an input error as sentences on stderr (never a traceback)."""
    prefix = t("error_prefix", lang)
    for line in exc.lines(lang):
        echo(f"{prefix}: {exc.file}: {line}", err=True)


def fail(message: str, lang: str = "vi") -> None:
    """Stop with one sentence on stderr and exit code 2."""
    echo(f"{t('error_prefix', lang)}: {message}", err=True)
    sys.exit(EXIT_INPUT)


def echo(text: str, err: bool = False, nl: bool = True) -> None:
    """Print a message; file names and values from the input lose their control characters."""
    click.echo(for_terminal(text), err=err, nl=nl)
