"""Options and error handling shared by the sub-commands."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from cchc.loader import InputError
from cchc.messages import LANGS, t

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


def report_input_error(exc: InputError, lang: str) -> None:
    """Print an input error as sentences on stderr (never a traceback)."""
    prefix = t("error_prefix", lang)
    for line in exc.lines(lang):
        click.echo(f"{prefix}: {exc.file}: {line}", err=True)


def fail(message: str, lang: str = "vi") -> None:
    """Stop with one sentence on stderr and exit code 2."""
    click.echo(f"{t('error_prefix', lang)}: {message}", err=True)
    sys.exit(EXIT_INPUT)
