"""The shipped rule packs: lint clean, every example right on both engines, and enough of them.

Also what every shipped rule must carry beyond the pack model: a source clause, a Vietnamese
fix with a place to fill in, and advisory severity for catalogue status U.
"""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from cchc.cli import main
from cchc.paths import data_dir
from cchc.rulepack import pack_files, read_pack

MIN_RULES = 40
MIN_PACKS = 8


def _packs() -> list:
    return [read_pack(p)[0] for p in pack_files(data_dir("rules"))]


def test_lint_is_clean_and_counts() -> None:
    result = CliRunner().invoke(main, ["rules", "lint", "--lang", "en"])
    assert result.exit_code == 0, result.output
    m = re.search(r"(\d+) packs, (\d+) rules, (\d+) problems", result.output)
    assert m, result.output
    packs, rules, problems = map(int, m.groups())
    assert problems == 0
    assert packs >= MIN_PACKS and rules >= MIN_RULES, result.output


@pytest.mark.parametrize("engine", ["durable", "python"])
def test_every_example_passes(engine: str) -> None:
    result = CliRunner().invoke(main, ["rules", "test", "--engine", engine, "--lang", "en"])
    assert result.exit_code == 0, result.output
    m = re.search(r"(\d+) passed, (\d+) failed", result.output)
    assert m, result.output
    passed, failed = map(int, m.groups())
    assert failed == 0
    # Every rule has at least a passing and a failing example.
    assert passed >= 2 * sum(len(p.rules) for p in _packs())


def test_rules_carry_source_fix_and_both_languages() -> None:
    ids: set[str] = set()
    for pack in _packs():
        assert pack.pack.document.number and pack.pack.document.issuer, pack.pack.id
        for rule in pack.rules:
            assert rule.id not in ids, rule.id
            ids.add(rule.id)
            assert rule.source.clause.strip(), rule.id
            for text in (rule.title, rule.message.fail, rule.fix):
                assert text.vi.strip() and text.en.strip(), rule.id
            # A fix is a sentence to paste: quoted, with "…" where the author fills it in.
            assert "“" in rule.fix.vi or "…" in rule.fix.vi, rule.id
            if rule.status == "U":
                assert rule.severity == "advisory", rule.id
    assert len(ids) >= MIN_RULES


def test_one_pack_per_parent_document() -> None:
    documents = [(p.pack.document.number, p.pack.document.date) for p in _packs()]
    assert len(documents) == len(set(documents))
