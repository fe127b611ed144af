"""`cchc check` / `cchc-check`: load plans and report on them."""

from __future__ import annotations

import sys

import click
from tabulate import tabulate

from cchc.commands.common import EXIT_INPUT, EXIT_OK, lang_option, report_input_error
from cchc.loader import InputError, load_plan
from cchc.summary import plan_summary


@click.command("check", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("plans", nargs=-1, required=True, type=click.Path(path_type=str))
@lang_option
def check_cmd(plans: tuple[str, ...], lang: str) -> None:
    """Kiểm tra kế hoạch / check plans (PLAN.json, .txt, .docx, .pdf)."""
    code = EXIT_OK
    for path in plans:
        try:
            plan = load_plan(path)
        except InputError as exc:
            report_input_error(exc, lang)
            code = EXIT_INPUT
            continue
        click.echo(click.style(path, bold=True) if sys.stdout.isatty() else path)
        click.echo(tabulate(plan_summary(plan, lang), tablefmt="plain"))
    sys.exit(code)
