"""`cchc schema`: print the plan model as JSON Schema."""

from __future__ import annotations

import click
import orjson

from cchc.model import json_schema


@click.command("schema")
def schema_cmd() -> None:
    """In JSON Schema của mô hình kế hoạch / print the plan model as JSON Schema."""
    click.echo(
        orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode()
    )
