"""`cchc rules lint` rejects broken rule files, each kind with its own message and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cchc.cli import main
from cchc.packlint import lint_dir

GOOD = """\
pack:
  id: test-lint
  title: {vi: Gói thử, en: Test pack}
  document: {kind: KH, number: 9/KH-TEST, date: 2024-01-01, issuer: UBND tỉnh}
  applies: {levels: [commune], from: 2024-01-01}
rules:
  - id: LINT-DIALOGUE
    title: {vi: Đối thoại, en: Dialogue}
    area: dialogue
    severity: major
    weight: 2
    status: V
    source: {clause: Điều 1}
    check: {activity: {forms: [dialogue], min_per_year: 1}}
    message:
      fail: {vi: "Không có đối thoại", en: "No dialogue"}
      partial: {vi: "Đối thoại: {best}", en: "Dialogue: {best}"}
    fix: {vi: "Tổ chức ít nhất 01 hội nghị đối thoại …", en: "Hold a dialogue …"}
    examples:
      pass: [{activities: [{form: dialogue, count: 1, per: year}]}]
      partial: [{activities: [{form: dialogue}]}]
      fail: [{}]
"""

# (case id, old text, new text, expected message fragment, expected line or None)
CASES = [
    (
        "yaml-syntax",
        "title: {vi: Đối thoại, en: Dialogue}",
        "title: {vi: Đối thoại, en: [Dialogue}",
        "invalid YAML",
        8,
    ),
    ("alias-bomb", "pack:\n", "x: &a [1, 2]\ny: [*a, *a]\npack:\n", "anchors and aliases", 2),
    ("python-tag", "weight: 2", "weight: !!python/object/apply:os.system [echo]", "tag", 11),
    (
        "unknown-key",
        "    weight: 2\n",
        "    weight: 2\n    wieght: 3\n",
        "wieght: Extra inputs are not permitted",
        12,
    ),
    ("wrong-type", "weight: 2", "weight: nhiều", "weight: Input should be a valid number", 11),
    ("bad-rule-id", "id: LINT-DIALOGUE", "id: lint_dialogue", "rule id is UPPER-CASE", 7),
    ("bad-pack-id", "id: test-lint", "id: Test Lint", "pack id is lower-case", 2),
    ("unknown-area", "area: dialogue", "area: dialog", "unknown area 'dialog'", 9),
    ("u-not-advisory", "status: V", "status: U", "must have severity advisory", 7),
    (
        "unknown-form",
        "forms: [dialogue]",
        "forms: [dialog]",
        "check.activity.forms[0]: Input should be",
        14,
    ),
    (
        "two-check-kinds",
        "check: {activity:",
        "check: {has_budget: true, activity:",
        "exactly one kind",
        14,
    ),
    (
        "missing-fix",
        '    fix: {vi: "Tổ chức ít nhất 01 hội nghị đối thoại …", en: "Hold a dialogue …"}\n',
        "",
        "fix: Field required",
        7,
    ),
    ("missing-fail-example", "      fail: [{}]\n", "", "examples.fail: Field required", 19),
    (
        "unknown-requires",
        "    weight: 2\n",
        "    weight: 2\n    requires: [issue_day_of_week]\n",
        "unknown fact(s) issue_day_of_week",
        12,
    ),
    (
        "unknown-placeholder",
        "Đối thoại: {best}",
        "Đối thoại: {bets}",
        "unknown placeholder {bets}",
        None,
    ),
    (
        "invalid-example-plan",
        "fail: [{}]",
        "fail: [{activities: [{form: dialogue, count: -1}]}]",
        "is not a valid plan",
        None,
    ),
    (
        "missing-partial-example",
        "      partial: [{activities: [{form: dialogue}]}]\n",
        "",
        "add a partial example",
        None,
    ),
    (
        "compile-error",
        "check: {activity: {forms: [dialogue], min_per_year: 1}}",
        "check: {has_sections: {items: [purpose], min: 2}}",
        "min 2 is more than the 1 items",
        None,
    ),
    (
        "bad-generic-fact",
        "check: {activity: {forms: [dialogue], min_per_year: 1}}",
        "check: {when: {pass: {fact: nonsense, eq: 1}}}",
        "unknown fact 'nonsense'",
        None,
    ),
    (
        "generic-type-mismatch",
        "check: {activity: {forms: [dialogue], min_per_year: 1}}",
        "check: {when: {pass: {fact: n_activities, gte: many}}}",
        "does not fit the fact's type",
        None,
    ),
]


def _write(tmp_path: Path, text: str, name: str = "pack.yaml") -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_good_pack_is_clean(tmp_path: Path) -> None:
    problems, n_packs, n_rules = lint_dir(_write(tmp_path, GOOD))
    assert (problems, n_packs, n_rules) == ([], 1, 1)


@pytest.mark.parametrize(
    ("case", "old", "new", "expected", "line"), CASES, ids=[c[0] for c in CASES]
)
def test_broken_pack(
    tmp_path: Path, case: str, old: str, new: str, expected: str, line: int | None
) -> None:
    assert old in GOOD, case
    problems, _, _ = lint_dir(_write(tmp_path, GOOD.replace(old, new, 1)))
    assert problems, f"{case}: no problem reported"
    text = "\n".join(str(p) for p in problems)
    assert expected in text
    assert all(p.file.endswith("pack.yaml") for p in problems)
    if line is not None:
        assert problems[0].line == line, text


def test_each_case_has_its_own_message() -> None:
    assert len({c[3] for c in CASES}) == len(CASES) >= 10


def test_duplicate_rule_id_across_packs(tmp_path: Path) -> None:
    _write(tmp_path, GOOD, "a.yaml")
    _write(tmp_path, GOOD.replace("id: test-lint", "id: test-lint-two"), "b.yaml")
    problems, _, _ = lint_dir(tmp_path)
    assert any("duplicate rule id" in str(p) and p.rule == "LINT-DIALOGUE" for p in problems)


def test_duplicate_rule_id_in_one_pack(tmp_path: Path) -> None:
    rule = GOOD[GOOD.index("  - id: LINT-DIALOGUE") :]
    problems, _, _ = lint_dir(_write(tmp_path, GOOD + rule))
    assert any("duplicate rule id" in p.message for p in problems)


def test_lint_command_exit_codes(tmp_path: Path) -> None:
    runner = CliRunner()
    good = runner.invoke(
        main,
        [
            "rules",
            "lint",
            str(_write(tmp_path / "g" if (tmp_path / "g").mkdir() is None else tmp_path, GOOD)),
        ],
    )
    assert good.exit_code == 0, good.output
    bad_dir = tmp_path / "bad"
    bad_dir.mkdir()
    _write(bad_dir, GOOD.replace("area: dialogue", "area: dialog"))
    bad = runner.invoke(main, ["rules", "lint", str(bad_dir)])
    assert bad.exit_code == 1
    assert "unknown area 'dialog'" in bad.output
    assert "Traceback" not in bad.output
    empty = tmp_path / "empty"
    empty.mkdir()
    assert runner.invoke(main, ["rules", "lint", str(empty)]).exit_code == 2


def test_rules_test_catches_a_wrong_example(tmp_path: Path) -> None:
    """An example whose stated status is wrong makes `cchc rules test` fail (exit 1)."""
    wrong = GOOD.replace(
        "pass: [{activities: [{form: dialogue, count: 1, per: year}]}]",
        "pass: [{activities: [{form: press}]}]",
    )
    runner = CliRunner()
    for engine in ("durable", "python"):
        result = runner.invoke(
            main, ["rules", "test", str(_write(tmp_path, wrong)), "--engine", engine]
        )
        assert result.exit_code == 1, result.output
        assert "LINT-DIALOGUE" in result.output and "'fail'" in result.output
        ok = runner.invoke(main, ["rules", "test", str(_write(tmp_path, GOOD)), "--engine", engine])
        assert ok.exit_code == 0, ok.output
        assert "3 passed, 0 failed" in ok.output
