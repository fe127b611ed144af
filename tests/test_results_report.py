"""The year-end results report model and its loader (same errors as plans, with JSON paths)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from cchc.loader import InputError, load_plan, validate
from cchc.model import Plan
from cchc.results_report import ResultsReport, load_results_report, results_json_schema

ROOT = Path(__file__).parents[1]
FIXTURES = ROOT / "fixtures" / "index"

MINIMAL = {"unit": {"name": "UBND xã A"}, "year": 2023}


def write(tmp_path: Path, data: object, name: str = "r.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def errors_of(tmp_path: Path, data: object, lang: str = "en") -> list[str]:
    with pytest.raises(InputError) as exc:
        load_results_report(write(tmp_path, data))
    return exc.value.lines(lang)


def test_fixture_reports_load() -> None:
    report = load_results_report(FIXTURES / "dongnai-2023" / "results" / "xuan-bac.json")
    assert report.unit.name == "Ủy ban nhân dân xã Xuân Bắc"
    assert report.plan is not None and report.plan.number == "5/KH-UBND"
    assert report.year == 2023
    assert len(report.activities) == 10
    dialogue = report.activities[6]
    assert dialogue.activity_id is None and dialogue.form == "dialogue"
    assert dialogue.dates[0].isoformat() == "2023-09-20"
    assert dialogue.evidence_items[0].kind == "minutes"


def test_minimal_report_and_defaults(tmp_path: Path) -> None:
    report = load_results_report(write(tmp_path, MINIMAL))
    assert report.plan is None
    assert report.activities == [] and report.forms_used == []


def test_strings_are_nfc_and_dates_accept_vietnamese_order(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "UBND xã Xuân Thọ")
    data = {
        **MINIMAL,
        "unit": {"name": nfd},
        "plan": {"number": "12/KH-UBND", "date": "25/03/2023"},
    }
    report = load_results_report(write(tmp_path, data))
    assert report.unit.name == "UBND xã Xuân Thọ"
    assert report.plan is not None and report.plan.date.isoformat() == "2023-03-25"


@pytest.mark.parametrize(
    ("patch", "path", "needle"),
    [
        ({"year": "2023"}, "year", "whole number"),
        ({"year": 1800}, "year", "whole number"),
        ({"activities": [{"form": "radio", "count": "3"}]}, "activities[0].count", "whole number"),
        ({"activities": [{"form": "radio", "count": 2.5}]}, "activities[0].count", "whole number"),
        ({"activities": [{"form": "radio", "counts": 2}]}, "activities[0].counts", "unknown field"),
        ({"activities": [{"form": "fax"}]}, "activities[0].form", "invalid value 'fax'"),
        ({"activities": [{"count": 2}]}, "activities[0]", "activity_id or form"),
        (
            {"activities": [{"form": "radio", "dates": ["31/02/2023"]}]},
            "activities[0].dates[0]",
            "not a valid date",
        ),
        (
            {"activities": [{"form": "radio", "evidence_items": [{"kind": "photo"}]}]},
            "activities[0].evidence_items[0]",
            "at least one of",
        ),
        (
            {
                "forms_used": [
                    {"form": "website", "evidence_items": [{"kind": "link", "url": "www.x.vn"}]}
                ]
            },
            "forms_used[0].evidence_items[0]",
            "http",
        ),
        (
            {
                "forms_used": [
                    {"form": "website", "evidence_items": [{"kind": "selfie", "file": "a.jpg"}]}
                ]
            },
            "forms_used[0].evidence_items[0].kind",
            "invalid value 'selfie'",
        ),
        ({"unit": {}}, "unit.name", "required field missing"),
        ({"schema_version": "2.0"}, "$", "schema_version '2.0' is not supported"),
    ],
)
def test_validation_errors_name_the_json_path(
    tmp_path: Path, patch: dict, path: str, needle: str
) -> None:
    lines = errors_of(tmp_path, {**MINIMAL, **patch})
    assert any(line.startswith(f"{path}: ") and needle in line for line in lines), lines


def test_errors_are_vietnamese_by_default(tmp_path: Path) -> None:
    data = {**MINIMAL, "activities": [{"count": 2}]}
    with pytest.raises(InputError) as exc:
        load_results_report(write(tmp_path, data))
    text = exc.value.render()
    assert str(tmp_path / "r.json") in text
    assert "activities[0]: cần activity_id hoặc form" in text


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ('{"unit": {"name": "A"}, "year": 2023,}', "not valid JSON"),
        ('{"unit": {"name": "A"}, "year": NaN}', "NaN is not allowed"),
        ("[1, 2]", "array"),
        ("", "empty"),
    ],
)
def test_bad_json_is_reported_like_a_plan(tmp_path: Path, content: str, needle: str) -> None:
    path = tmp_path / "r.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_results_report(path)
    assert needle in exc.value.render("en")


def test_only_json_reports_are_read(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError) as exc:
        load_results_report(path)
    assert ".json" in exc.value.render("en")
    with pytest.raises(InputError) as missing:
        load_results_report(tmp_path / "none.json")
    assert "file not found" in missing.value.render("en")


def test_generic_validate_keeps_plans_working(tmp_path: Path) -> None:
    plan = load_plan(FIXTURES / "dongnai-2023" / "plans" / "xuan-tho.json")
    assert isinstance(plan, Plan) and len(plan.activities) == 10
    assert isinstance(validate({"issuer": {"name": "UBND xã A"}}, "x.json"), Plan)
    report = validate(MINIMAL, "r.json", ResultsReport)
    assert isinstance(report, ResultsReport)


def test_json_schema_describes_the_report() -> None:
    schema = results_json_schema()
    assert schema["$id"].endswith("results-report.schema.json")
    assert {"unit", "plan", "year", "activities", "forms_used"} <= set(schema["properties"])
    assert "unit" in schema["required"] and "year" in schema["required"]
    kinds = schema["$defs"]["EvidenceKind"]["enum"]
    assert {"link", "photo", "minutes", "document"} <= set(kinds)
