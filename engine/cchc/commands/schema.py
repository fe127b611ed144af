"""`cchc schema`: print the plan model (or the JSON report, or the results report) as JSON Schema."""

from __future__ import annotations

import click
import orjson

from cchc.model import json_schema


@click.command("schema")
@click.option(
    "--report",
    is_flag=True,
    help="Schema của báo cáo JSON (--format json) / schema of the JSON report instead of the plan.",
)
@click.option(
    "--results",
    is_flag=True,
    help="Mô hình báo cáo kết quả thực hiện kế hoạch / the year-end results report model.",
)
def schema_cmd(report: bool, results: bool) -> None:
    """In JSON Schema của mô hình kế hoạch / print the plan model as JSON Schema."""
    if report:
        from cchc.result import report_schema

        schema = report_schema()
    elif results:
        from cchc.results_report import results_json_schema

        schema = results_json_schema()
    else:
        schema = json_schema()
    click.echo(orjson.dumps(schema, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode())
