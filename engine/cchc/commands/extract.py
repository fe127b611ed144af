"""`cchc extract FILE`: read a plan document (.txt, .docx, .pdf) into plan.json."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import orjson

from cchc.commands.common import (
    EXIT_INPUT,
    EXIT_OK,
    apply_limits,
    echo,
    fail,
    lang_option,
    limit_option,
    report_input_error,
)
from cchc.loader import InputError
from cchc.messages import t


@click.command("extract", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("file", type=click.Path(path_type=str))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=str),
    help="Ghi plan.json vào tệp / write plan.json to this file.",
)
@click.option(
    "--explain",
    is_flag=True,
    help="Hiện từng trường với câu làm căn cứ / show each field with its evidence.",
)
@limit_option
@lang_option
def extract_cmd(
    file: str, output: str | None, explain: bool, limit_options: tuple[str, ...], lang: str
) -> None:
    """Trích xuất plan.json từ văn bản kế hoạch / extract plan.json from a plan (.txt, .docx, .pdf)."""
    apply_limits(limit_options, lang)
    from cchc.extract import extract_file
    from cchc.extract.explain import explain_text

    try:
        extraction = extract_file(file, lang)
    except InputError as exc:
        report_input_error(exc, lang)
        sys.exit(EXIT_INPUT)
    data = extraction.plan.model_dump(mode="json")
    text = orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n"
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            fail(t("x_output_unwritable", lang, path=output, reason=exc.strerror or str(exc)), lang)
        echo(t("x_written", lang, path=output), err=True)
    elif not explain:
        click.echo(text, nl=False)
    if explain:
        echo(explain_text(extraction.plan, lang))
    sys.exit(EXIT_OK)
