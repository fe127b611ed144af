"""Scoring schemes: the shipped ones load with their sources; broken ones name file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cchc.loader import InputError
from cchc.parindex.scheme import (
    CompletionSub,
    DiversitySub,
    IssueSub,
    find_scheme,
    load_scheme,
    schemes_dir,
    shipped_schemes,
)

ROOT = Path(__file__).parents[1]
DONGNAI = (ROOT / "rules" / "schemes" / "dongnai-commune-2022.yaml").read_text(encoding="utf-8")


def test_shipped_schemes_are_found_through_the_data_dir() -> None:
    assert schemes_dir().is_dir()
    assert {"dongnai-commune-2022", "tiengiang-unit-2022"} <= set(shipped_schemes())


def test_dongnai_commune_scheme_matches_its_source() -> None:
    scheme = find_scheme("dongnai-commune-2022")
    head = scheme.model.scheme
    assert head.source.number == "244/PNV" and head.source.date.isoformat() == "2022-08-08"
    assert head.source.status == "V" and head.levels == ["commune"]
    assert head.criterion.code == "4" and head.criterion.max == 2
    completion, diversity = scheme.model.sub_criteria
    assert isinstance(completion, CompletionSub) and completion.code == "4.1"
    assert [(b.from_, b.points, b.proportional) for b in completion.bands] == [
        (100, 1, False),
        (90, None, True),
        (0, 0, False),
    ]
    assert isinstance(diversity, DiversitySub) and diversity.max == 1
    online, traditional = diversity.groups
    assert online.total() == 0.5 and traditional.total() == 0.5
    assert [(g.points, g.forms) for g in online.groups] == [
        (0.25, ["electronic_board"]),
        (0.25, ["website", "social_media"]),
    ]
    # The source inconsistency is written down where a reader of the scheme sees it.
    assert "4/5" in completion.note.vi and "90%" in completion.note.en
    assert "4 of 5" in DONGNAI or "4/5" in DONGNAI


def test_tiengiang_unit_scheme_has_the_80_band_and_issue_points() -> None:
    scheme = find_scheme("tiengiang-unit-2022")
    issue, completion = scheme.model.sub_criteria
    assert isinstance(issue, IssueSub)
    assert (issue.points.on_time, issue.points.late, issue.points.missing) == (1, 0, -1)
    assert isinstance(completion, CompletionSub)
    assert [(b.from_, b.proportional) for b in completion.bands] == [(80, True), (0, False)]
    assert scheme.model.scheme.source.status == "P"


def test_scheme_lines_point_at_the_yaml() -> None:
    scheme = find_scheme("dongnai-commune-2022")
    lines = DONGNAI.splitlines()
    band_line = scheme.line("sub_criteria", 0, "bands", 1)
    assert band_line is not None and "from: 90" in lines[band_line - 1]
    assert scheme.ref("sub_criteria", 0, "bands", 1) == f"dongnai-commune-2022.yaml:{band_line}"
    web = scheme.line("sub_criteria", 1, "groups", 0, "groups", 1)
    assert web is not None and "web_social" in lines[web - 1]


def test_a_scheme_by_path_and_an_unknown_name(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(DONGNAI.replace("id: dongnai-commune-2022", "id: mine"), encoding="utf-8")
    assert find_scheme(str(path)).id == "mine"
    with pytest.raises(InputError) as exc:
        find_scheme("atlantis-2030")
    text = exc.value.render("en")
    assert "atlantis-2030" in text and "dongnai-commune-2022" in text


def broken(tmp_path: Path, old: str, new: str) -> tuple[str, str]:
    """Write the Đồng Nai scheme with one edit; return (error text, path)."""
    assert old in DONGNAI, old
    path = tmp_path / "broken.yaml"
    path.write_text(DONGNAI.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_scheme(path)
    return exc.value.render("en"), str(path)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize(
    ("old", "new", "line_needle", "message"),
    [
        # a YAML syntax error
        ('    max: 1\n    # A "mục tiêu"', '    max: [1\n    # A "mục tiêu"', None, "YAML"),
        # an unknown key
        (
            "    measure: targets",
            "    measure: targets\n    mesure: volume",
            "mesure:",
            "unknown field",
        ),
        # bands out of order
        (
            "      - {from: 90, proportional: true}",
            "      - {from: 100, proportional: true}",
            None,
            "decreasing",
        ),
        # a band with both points and proportional
        (
            "      - {from: 0, points: 0}",
            "      - {from: 0, points: 0, proportional: true}",
            "{from: 0, points: 0, proportional",
            "exactly one",
        ),
        # a band above 100%
        (
            "      - {from: 100, points: 1}",
            "      - {from: 110, points: 1}",
            "{from: 110",
            "out of range",
        ),
        # points that are not a number
        (
            "        points: 0.5\n        # The source",
            "        points: half\n        # The source",
            "points: half",
            "must be a number",
        ),
        # sub-group points that do not add up
        (
            "            points: 0.25\n            forms: [website",
            "            points: 0.5\n            forms: [website",
            None,
            "differ",
        ),
        # an unknown form
        (
            "forms: [electronic_board]",
            "forms: [led_wall]",
            "forms: [led_wall]",
            "invalid value 'led_wall'",
        ),
        # a form in two groups
        ("forms: [electronic_board]", "forms: [electronic_board, website]", None, "in two groups"),
        # an unknown kind
        (
            "    kind: form_diversity",
            "    kind: diversity",
            "kind: diversity",
            "invalid value 'diversity'",
        ),
        # the criterion max not equal to the sum of its sub-criteria
        ("    max: 2\n", "    max: 3\n", None, "differs from the sum"),
        # a bad status
        (
            "    status: V\n  criterion:",
            "    status: X\n  criterion:",
            "status: X",
            "invalid value 'X'",
        ),
    ],
)
def test_broken_scheme_names_file_and_line(
    tmp_path: Path, old: str, new: str, line_needle: str | None, message: str
) -> None:
    text, path = broken(tmp_path, old, new)
    assert text.startswith(f"{path}: line "), text
    assert message in text, text
    if line_needle is not None:
        written = DONGNAI.replace(old, new, 1)
        assert f"line {line_of(written, line_needle)}," in text, text


def test_duplicate_key_names_its_line(tmp_path: Path) -> None:
    old = "    max: 1\n    require_evidence: true"
    text, _ = broken(tmp_path, old, "    max: 1\n    max: 2\n    require_evidence: true")
    written = DONGNAI.replace(old, "    max: 1\n    max: 2\n    require_evidence: true", 1)
    duplicate = line_of(written, "require_evidence: true") - 1
    assert f"line {duplicate}, the key 'max' is written twice" in text, text


def test_broken_scheme_in_vietnamese(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(
        DONGNAI.replace("    measure: targets", "    mesure: targets"), encoding="utf-8"
    )
    with pytest.raises(InputError) as exc:
        load_scheme(path)
    text = exc.value.render("vi")
    assert re.search(r"broken\.yaml: dòng \d+, sub_criteria\[0\]\.mesure: trường không có", text), (
        text
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty"),
        ("- just\n- a list\n", "mapping"),
        ("a: &x 1\nb: *x\n", "alias"),
        ("scheme: !!python/object:os.system {}\n", "tag"),
    ],
)
def test_unusable_scheme_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_scheme(path)
    text = exc.value.render("en")
    assert text.startswith(str(path)) and message in text.lower(), text


def test_missing_scheme_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as exc:
        load_scheme(tmp_path / "none.yaml")
    assert "file not found" in exc.value.render("en")
