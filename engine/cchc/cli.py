"""Command-line entry points: `cchc` (a group of sub-commands) and `cchc-check` (the checker)."""

from __future__ import annotations

import click

from cchc import __version__
from cchc.commands.check import check_cmd
from cchc.commands.rules import rules_cmd
from cchc.commands.schema import schema_cmd


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cchc")
def main() -> None:
    """cchc: kiểm tra kế hoạch tuyên truyền cải cách hành chính / check PAR propaganda plans."""


main.add_command(check_cmd)
main.add_command(schema_cmd)
main.add_command(rules_cmd)


def check_main() -> None:
    """`cchc-check PLAN...`: the same as `cchc check`."""
    check_cmd.main(prog_name="cchc-check")
