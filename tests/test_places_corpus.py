"""No provincial pack yields `error` on a plan of another province, nor on one whose province
is unknown, across every plan of the repository's fixtures (seeds, synthetic, reviewed and
extraction fixtures, plan files and documents alike): as written, with the province left for
the names to tell, and stated as a province no pack is bound to."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cchc.checker import Checker, CheckOptions
from cchc.gazetteer import same_province
from cchc.loader import InputError, load_plan
from cchc.messages import t
from cchc.model import Plan
from cchc.result import PlanReport, Status
from conftest import FIXTURES

_DOCUMENTS = (".json", ".txt", ".docx", ".pdf")
_NOT_PLANS = ("bad", "results", "index")  # malformed inputs, results reports, PAR-index inputs


def _fixture_plans() -> Iterator[tuple[str, Plan]]:
    for path in sorted(FIXTURES.rglob("*")):
        rel = path.relative_to(FIXTURES)
        if path.suffix.lower() not in _DOCUMENTS or rel.parts[0] in _NOT_PLANS:
            continue
        try:
            yield str(rel), load_plan(path)
        except InputError:
            continue  # not a plan (a gold file of another kind)


PLANS = list(_fixture_plans())


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(CheckOptions(engine="python"))


def _bound(checker: Checker) -> dict[str, list[str]]:
    """Rule ID → the provinces its pack or the rule itself is bound to."""
    out: dict[str, list[str]] = {}
    for rule in checker.rules:
        provinces = [*rule.pack_meta.applies.provinces, *rule.meta.applies.provinces]
        if provinces:
            out[rule.id] = provinces
    return out


def _assert_bound(report: PlanReport, bound: dict[str, list[str]], where: str) -> None:
    province = report.place.province if report.place else None
    for r in report.results:
        if r.rule not in bound:
            continue
        assert r.status != Status.error, f"{where}: {r.rule} error on a plan of {province}"
        if province is None or not any(same_province(province, p) for p in bound[r.rule]):
            assert r.status == Status.not_applicable, f"{where}: {r.rule} {r.status}"


def test_the_corpus_has_plans_of_several_provinces() -> None:
    assert len(PLANS) >= 18  # 5 seeds, 8 synthetic, 5 seed texts at least
    assert len({p.issuer.province for _, p in PLANS if p.issuer.province}) >= 5


@pytest.mark.parametrize(("name", "plan"), PLANS, ids=[n for n, _ in PLANS])
def test_no_provincial_pack_errs_on_another_province(
    name: str, plan: Plan, checker: Checker
) -> None:
    bound = _bound(checker)
    assert bound, "the shipped packs include provincial ones"
    _assert_bound(checker.check_plan(plan, name), bound, name)
    unstated = plan.model_copy(deep=True)
    unstated.issuer.province = None
    _assert_bound(checker.check_plan(unstated, name), bound, f"{name} without issuer.province")
    elsewhere = plan.model_copy(deep=True)
    elsewhere.issuer.province = "Lai Châu"  # no shipped pack is bound to it
    report = checker.check_plan(elsewhere, name)
    assert report.place is not None and report.place.province == "Lai Châu"
    _assert_bound(report, bound, f"{name} stated in Lai Châu")


def test_stated_fixture_provinces_are_found_in_the_gazetteer() -> None:
    """Every province a fixture states is a province on that plan's date (or an older name
    of one), so that no provincial pack misses its own plans by a spelling."""
    checker = Checker(CheckOptions(engine="python", select=("NQ76",)))
    for name, plan in PLANS:
        if plan.issuer.province:
            place = checker.check_plan(plan, name).place
            unlisted = t("place_not_listed", "vi", name=plan.issuer.province)
            assert place is not None and unlisted not in (place.how or ""), (name, place.how)
