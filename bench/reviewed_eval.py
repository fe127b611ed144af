"""How far the checker agrees with a reviewer on the reviewed set (`fixtures/reviewed/`).

Every `<name>.txt` there has `<name>.expected.yaml`: the verdict a reviewer expects, whether it
is provisional, and the status of every rule the reviewer holds applicable (each with a
one-line reason). The checker runs on each text exactly as `cchc-check <name>.txt` does, and
the two are compared:

- a rule result agrees when the checker's status equals the expected one;
- a rule the reviewer expects but the checker does not report at all counts as `missing`;
- a rule the checker applies (any status but not_applicable) that the reviewer did not
  mention counts as `unreviewed`: a reviewer has an opinion on every applicable rule;
- a verdict agrees when the verdict code is equal (`dat`, `can_bo_sung`, `khong_dat`).

Apart from the agreement, it lists the plans whose header facts (level, province, issue date) the
checker read otherwise than the reviewer's `plan:` line: most disagreements follow from those.

It prints agreement per rule, per expected status and per expected verdict (counts and %),
then every disagreement with the reviewer's reason.

    python bench/reviewed_eval.py [--engine durable|python] [--dir fixtures/reviewed]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from tabulate import tabulate

from cchc.checker import Checker, CheckOptions

ROOT = Path(__file__).resolve().parents[1] / "fixtures" / "reviewed"
STATUSES = ("pass", "fail", "partial", "not_applicable", "unknown", "waived")
VERDICTS = ("dat", "can_bo_sung", "khong_dat")
UNREVIEWED = "(not reviewed)"
MISSING = "(not reported)"


@dataclass
class Tally:
    agree: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.agree += ok
        self.total += 1

    @property
    def pct(self) -> float:
        return 100.0 * self.agree / self.total if self.total else 100.0


@dataclass
class Disagreement:
    file: str
    rule: str  # a rule id, or "verdict" / "provisional"
    expected: str
    got: str
    reason: str


@dataclass
class Figures:
    engine: str
    files: int = 0
    rules: Tally = field(default_factory=Tally)
    verdicts: Tally = field(default_factory=Tally)
    provisional: Tally = field(default_factory=Tally)
    per_rule: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    per_status: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    per_verdict: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    disagreements: list[Disagreement] = field(default_factory=list)
    header: list[tuple[str, str, str, str]] = field(
        default_factory=list
    )  # file, fact, expected, got


def load_expected(path: Path) -> dict[str, Any]:
    """One expectation file; `rules` maps a rule id to `[status, reason]`."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("rules"), dict):
        raise ValueError(f"{path}: expected a mapping with a `rules` mapping")
    return data


def pairs(root: Path = ROOT) -> list[tuple[Path, Path]]:
    """(text, expectation) for every text of the set, in name order."""
    return [(t, t.with_name(t.stem + ".expected.yaml")) for t in sorted(root.glob("*.txt"))]


def _compare(fig: Figures, name: str, expected: dict[str, Any], report: Any) -> None:
    got = {r.rule: str(r.status) for r in report.results}
    gold: dict[str, list[str]] = expected["rules"]
    for rule, (status, reason) in sorted(gold.items()):
        actual = got.get(rule, MISSING)
        ok = actual == status
        fig.rules.add(ok)
        fig.per_rule[rule].add(ok)
        fig.per_status[status].add(ok)
        if not ok:
            fig.disagreements.append(Disagreement(name, rule, status, actual, reason))
    for rule, actual in sorted(got.items()):
        if rule in gold or actual == "not_applicable":
            continue
        fig.rules.add(False)
        fig.per_rule[rule].add(False)
        fig.per_status[UNREVIEWED].add(False)
        fig.disagreements.append(
            Disagreement(name, rule, UNREVIEWED, actual, "the reviewer holds it not applicable")
        )
    for fact, want_fact in (expected.get("plan") or {}).items():
        got_fact = getattr(report.plan, fact, None)
        if str(want_fact) != str(got_fact):
            fig.header.append((name, fact, str(want_fact), str(got_fact)))
    want, verdict = expected["verdict"], str(report.verdict)
    fig.verdicts.add(verdict == want)
    fig.per_verdict[want].add(verdict == want)
    if verdict != want:
        fig.disagreements.append(
            Disagreement(name, "verdict", want, verdict, expected.get("verdict_reason", ""))
        )
    provisional = getattr(report, "provisional", None)
    if provisional is not None:  # reports carry it once the engine has the unknown state
        ok = bool(provisional) == bool(expected.get("provisional", False))
        fig.provisional.add(ok)
        if not ok:
            fig.disagreements.append(
                Disagreement(
                    name,
                    "provisional",
                    str(bool(expected.get("provisional", False))).lower(),
                    str(bool(provisional)).lower(),
                    "; ".join(getattr(report, "provisional_reasons", None) or []),
                )
            )


def evaluate(engine: str = "durable", root: Path = ROOT) -> Figures:
    """Run the checker on every reviewed text and compare it with the expectations."""
    checker = Checker(CheckOptions(engine=engine))
    fig = Figures(engine=checker.engine)
    for text, gold in pairs(root):
        fig.files += 1
        _compare(fig, text.name, load_expected(gold), checker.check_path(text))
    return fig


def _row(label: str, tally: Tally) -> list[Any]:
    return [label, tally.agree, tally.total, f"{tally.pct:.1f}%"]


def render(fig: Figures) -> str:
    head = ["", "agree", "of", "%"]
    out = [
        f"Reviewed set: {fig.files} plans, engine {fig.engine}",
        "",
        tabulate(
            [
                _row("rule results", fig.rules),
                _row("verdicts", fig.verdicts),
                *([_row("provisional flag", fig.provisional)] if fig.provisional.total else []),
            ],
            headers=head,
        ),
        "",
        "Per expected verdict",
        tabulate([_row(v, fig.per_verdict[v]) for v in VERDICTS if v in fig.per_verdict], head),
        "",
        "Per expected status",
        tabulate([_row(s, t) for s, t in sorted(fig.per_status.items())], head),
        "",
        "Per rule",
        tabulate([_row(r, t) for r, t in sorted(fig.per_rule.items())], head),
        "",
        f"Header facts read otherwise than the reviewer ({len({h[0] for h in fig.header})} plans)",
        tabulate(fig.header, ["file", "fact", "reviewer", "checker"]) if fig.header else "none",
        "",
        f"Disagreements ({len(fig.disagreements)})",
        tabulate(
            [[d.file, d.rule, d.expected, d.got, d.reason] for d in fig.disagreements],
            ["file", "rule", "expected", "got", "reviewer's reason"],
            maxcolwidths=[None, None, None, None, 70],
        )
        if fig.disagreements
        else "none",
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--engine", choices=["durable", "python"], default="durable")
    ap.add_argument(
        "--dir", type=Path, default=ROOT, help="the reviewed set (default: %(default)s)"
    )
    args = ap.parse_args(argv)
    print(render(evaluate(args.engine, args.dir)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
