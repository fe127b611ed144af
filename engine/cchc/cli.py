"""Command-line entry points: `cchc` (a group of sub-commands) and `cchc-check` (the checker)."""

from __future__ import annotations

import os
import sys

import click

from cchc import __version__
from cchc.commands.batch import batch_cmd
from cchc.commands.check import check_cmd
from cchc.commands.extract import extract_cmd
from cchc.commands.history import history_cmd
from cchc.commands.index import index_cmd
from cchc.commands.rules import rules_cmd
from cchc.commands.schema import schema_cmd
from cchc.commands.serve import serve_cmd


class _Group(click.Group):
    """Turns an unexpected exception into one sentence and exit code 2 (CCHC_DEBUG=1 shows it)."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except Exception as exc:
            if os.environ.get("CCHC_DEBUG"):
                raise
            internal_error(exc)
            raise AssertionError("unreachable") from exc


def internal_error(exc: BaseException) -> None:
    from cchc.messages import t
    from cchc.termsafe import for_terminal

    text = t("internal_error", "vi", error=f"{type(exc).__name__}: {exc}")
    click.echo(for_terminal(text), err=True)
    sys.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cchc")
def main() -> None:
    """cchc: kiểm tra kế hoạch tuyên truyền cải cách hành chính / check PAR propaganda plans."""


main.add_command(check_cmd)
main.add_command(schema_cmd)
main.add_command(rules_cmd)
main.add_command(index_cmd)
main.add_command(extract_cmd)
main.add_command(batch_cmd)
main.add_command(history_cmd)
main.add_command(serve_cmd)


def check_main() -> None:
    """`cchc-check PLAN...`: the same as `cchc check`."""
    try:
        check_cmd.main(prog_name="cchc-check")
    except Exception as exc:  # click has already handled its own errors and exits
        if os.environ.get("CCHC_DEBUG"):
            raise
        internal_error(exc)
