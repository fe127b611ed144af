"""`cchc schema` is a valid JSON Schema, and every seed and synthetic plan satisfies it and the model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from jsonschema import Draft202012Validator, FormatChecker

from cchc.cli import main
from cchc.loader import load_plan
from cchc.model import Plan
from conftest import BAD, SEED_FILES, SYNTHETIC_FILES

PLAN_FILES = SEED_FILES + SYNTHETIC_FILES


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema, format_checker=FormatChecker())


def test_schema_is_a_valid_draft_2020_12_schema(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_schema_describes_the_plan(schema: dict[str, Any]) -> None:
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is False
    for key in ("document", "issuer", "period", "cited_documents", "implements", "activities"):
        assert key in schema["properties"]
    form = schema["$defs"]["Form"]["enum"]
    assert "dialogue" in form and "other" in form


def test_there_are_fixtures_to_check() -> None:
    assert len(SEED_FILES) == 5
    assert len(SYNTHETIC_FILES) == 8


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.name)
def test_fixture_satisfies_the_schema(path: Path, validator: Draft202012Validator) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    problems = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert problems == []


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.name)
def test_fixture_satisfies_the_model(path: Path) -> None:
    plan = load_plan(path)
    assert isinstance(plan, Plan)
    # The model keeps everything the file says: dumping and reading back changes nothing.
    assert Plan.model_validate(plan.model_dump(mode="json")) == plan


def test_vietnamese_dates_satisfy_the_schema(validator: Draft202012Validator) -> None:
    data = {"document": {"issue_date": "01/04/2024"}, "period": {"start": "2024-01-01"}}
    assert list(validator.iter_errors(data)) == []
    Plan.model_validate(data)


# What the schema cannot say and only the model checks: the order of the period's dates, real
# calendar dates and the year range in dd/mm/yyyy form, keys repeated in the raw text, and lone
# surrogates.
SCHEMA_BLIND = {
    "period-reversed.json",
    "impossible-date.json",
    "absurd-year.json",
    "duplicate-key.json",
    "lone-surrogate.json",
}


def _bad_objects() -> list[str]:
    cases = yaml.safe_load((BAD / "cases.yaml").read_text(encoding="utf-8"))["cases"]
    names = []
    for case in cases:
        if "generator" in case or case["file"] in SCHEMA_BLIND:
            continue
        try:
            data = json.loads((BAD / case["file"]).read_text(encoding="utf-8"))
        except ValueError:
            continue
        if isinstance(data, dict):
            names.append(case["file"])
    return names


@pytest.mark.parametrize("name", _bad_objects())
def test_schema_refuses_what_the_model_refuses(name: str, validator: Draft202012Validator) -> None:
    data = json.loads((BAD / name).read_text(encoding="utf-8"))
    assert list(validator.iter_errors(data)), f"the schema accepts {name}"


def test_the_schema_blind_cases_are_still_refused_by_the_model() -> None:
    from cchc.loader import InputError

    for name in sorted(SCHEMA_BLIND):
        with pytest.raises(InputError):
            load_plan(BAD / name)
