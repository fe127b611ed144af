"""The summary outputs of a batch, written from the journal at the end of the run.

Two passes over the journal, one record in memory at a time: the first counts (verdicts,
mean scores, the most frequent gaps), the second writes every output together. Each output is
written to a temporary file and renamed into place, so that OUTDIR never holds a half-written
file, and nothing in them depends on the time or the machine unless a time is asked for.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import orjson

from cchc import __version__
from cchc.batch.atomic import atomic_open
from cchc.batch.journal import Journal
from cchc.batch.worker import PAGES_DIR
from cchc.messages import Lang, t
from cchc.render import findings, rows
from cchc.render.csv_out import CsvSink, result_columns, result_error_row
from cchc.render.html import dashboard_row, write_dashboard
from cchc.render.labels import area_label, area_sort_key, format_score
from cchc.render.view import score_band
from cchc.render.xlsx_book import XlsxBook
from cchc.result import InputFailure, PlanReport

OUTPUT_NAMES = ("summary.xlsx", "summary.csv", "results.csv", "results.json", "index.html")
TOP_GAPS = 15


@dataclass
class Stats:
    files: int = 0
    plans: int = 0
    errors: int = 0
    passed: int = 0  # plans without gaps
    with_gaps: int = 0
    verdicts: dict[str, int] = field(
        default_factory=lambda: {"dat": 0, "can_bo_sung": 0, "khong_dat": 0}
    )
    score_sum: float = 0.0
    scored: int = 0
    area_sum: dict[str, float] = field(default_factory=dict)
    area_n: dict[str, int] = field(default_factory=dict)
    gap_counts: Counter[str] = field(default_factory=Counter)
    gap_titles: dict[str, str] = field(default_factory=dict)
    pages: set[str] = field(default_factory=set)
    error_keys: list[str] = field(default_factory=list)
    area_unevaluated: Counter[str] = field(default_factory=Counter)  # plans, per area

    @property
    def mean(self) -> float | None:
        return self.score_sum / self.scored if self.scored else None

    def areas(self) -> list[str]:
        return sorted(self.area_n, key=area_sort_key)

    def top_gaps(self, n: int = TOP_GAPS) -> list[tuple[str, str, int]]:
        ranked = sorted(self.gap_counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
        return [(rule, self.gap_titles[rule], count) for rule, count in ranked]

    def add(self, item: PlanReport | InputFailure, page: str | None) -> None:
        self.files += 1
        if isinstance(item, InputFailure):
            self.errors += 1
            self.error_keys.append(item.file)
            return
        self.plans += 1
        if page:
            self.pages.add(page)
        self.verdicts[str(item.verdict)] += 1
        gaps = findings.gaps(item)
        if gaps:
            self.with_gaps += 1
        else:
            self.passed += 1
        if item.score is not None:
            self.score_sum += item.score
            self.scored += 1
        # Areas whose rules could not be evaluated (not merely not applicable).
        undecided = {r.area for r in item.results if str(r.status) in ("unknown", "error")}
        for a in item.areas:
            if a.score is not None:
                self.area_sum[a.area] = self.area_sum.get(a.area, 0.0) + a.score
                self.area_n[a.area] = self.area_n.get(a.area, 0) + 1
            elif a.area in undecided:
                self.area_unevaluated[a.area] += 1
        for r in gaps:
            self.gap_counts[r.rule] += 1
            self.gap_titles.setdefault(r.rule, r.title)


def parse(record: dict[str, Any]) -> PlanReport | InputFailure:
    if record["report"] is not None:
        return PlanReport.model_validate(record["report"])
    return InputFailure.model_validate(record["error"])


def collect_stats(journal: Journal, keys: list[str]) -> Stats:
    stats = Stats()
    for record in journal.records(keys):
        stats.add(parse(record), record["page"])
    return stats


class RunJsonWriter:
    """results.json, streamed: byte for byte what `--format json` prints for the same run."""

    def __init__(self, out: IO[bytes], lang: Lang) -> None:
        self._out = out
        self._first = True
        d = orjson.dumps
        out.write(b'{\n  "tool": ' + d("cchc-check") + b',\n  "version": ' + d(__version__))
        out.write(b',\n  "lang": ' + d(lang) + b',\n  "plans": [')

    def add(self, item: dict[str, Any]) -> None:
        body = orjson.dumps(item, option=orjson.OPT_INDENT_2)
        self._out.write(b"\n" if self._first else b",\n")
        self._out.write(b"\n".join(b"    " + line for line in body.split(b"\n")))
        self._first = False

    def next_list(self, name: str) -> None:
        self._out.write(b"]" if self._first else b"\n  ]")
        self._out.write(b',\n  "' + name.encode() + b'": [')
        self._first = True

    def close(self) -> None:
        self._out.write(b"]" if self._first else b"\n  ]")
        self._out.write(b"\n}\n")


def write_outputs(
    outdir: Path,
    journal: Journal,
    keys: list[str],
    lang: Lang,
    *,
    source: str,
    generated: datetime | None = None,
) -> Stats:
    """Write every summary output for the files `keys` (sorted), from their journal records."""
    stats = collect_stats(journal, keys)
    areas = stats.areas()
    stamp = generated.strftime("%Y-%m-%d %H:%M") if generated else None
    with (
        atomic_open(outdir / "summary.csv", "w", encoding="utf-8", newline="") as summary_fh,
        atomic_open(outdir / "results.csv", "w", encoding="utf-8", newline="") as results_fh,
        atomic_open(outdir / "results.json", "wb") as json_fh,
        atomic_open(outdir / "summary.xlsx", "wb") as xlsx_fh,
        atomic_open(outdir / "index.html", "w", encoding="utf-8") as html_fh,
    ):
        summary_csv = CsvSink(summary_fh, rows.summary_columns(lang, areas))
        results_csv = CsvSink(results_fh, result_columns(lang))
        run_json = RunJsonWriter(json_fh, lang)
        book = XlsxBook(lang, generated)
        summary_sheet = book.sheet(t("sheet_summary", lang), rows.summary_columns(lang, areas))
        gaps_sheet = book.sheet(t("sheet_gaps", lang), rows.gap_columns(lang))
        rules_sheet = book.sheet(t("sheet_rules", lang), rows.rule_tally_columns(lang))
        tally = rows.RuleTally()
        errors_sheet = book.sheet(t("sheet_errors", lang), rows.error_columns(lang))

        def feed() -> Iterator[dict[str, Any]]:
            # The dashboard pulls its rows from here; every other output is fed on the way.
            for record in journal.records(keys):
                item = parse(record)
                if isinstance(item, InputFailure):
                    summary_row = rows.summary_error_row(item, lang, areas)
                    results_csv.add(result_error_row(item, lang))
                    errors_sheet.add(rows.error_row(item))
                else:
                    summary_row = rows.summary_row(item, lang, areas)
                    for row in rows.rule_rows(item, lang):
                        results_csv.add([*row, None])
                    tally.add(item, lang)
                    for row in rows.gap_rows(item, lang):
                        gaps_sheet.add(row)
                    run_json.add(record["report"])
                summary_csv.add(summary_row)
                summary_sheet.add(summary_row)
                yield dashboard_row(item, record["page"], lang)

        write_dashboard(
            html_fh,
            lang,
            stats=_dashboard_stats(stats),
            top_gaps=_top_gaps(stats),
            area_means=_area_means(stats, lang),
            rows=feed(),
            source=source,
            generated=stamp,
        )
        for row in tally.rows():
            rules_sheet.add(row)
        run_json.next_list("errors")
        for record in journal.records(stats.error_keys):
            run_json.add(record["error"])
        run_json.close()
        book.save(xlsx_fh, scratch=outdir / ".summary.xlsx.scratch.part")
    _prune_pages(outdir / PAGES_DIR, stats.pages)
    return stats


def _dashboard_stats(stats: Stats) -> dict[str, Any]:
    return {
        "files": stats.files,
        "plans": stats.plans,
        "errors": stats.errors,
        "verdicts": stats.verdicts,
        "mean_text": format_score(stats.mean),
    }


def _top_gaps(stats: Stats) -> list[dict[str, Any]]:
    top = stats.top_gaps()
    most = top[0][2] if top else 1
    return [
        {
            "rule": rule,
            "title": title,
            "count": count,
            "pct": 100.0 * count / most,
            "share": round(100 * count / max(1, stats.plans)),
        }
        for rule, title, count in top
    ]


def _area_means(stats: Stats, lang: Lang) -> list[dict[str, Any]]:
    """Mean score per area over the plans that scored it; an area some plans left unevaluated
    says in how many, and one no plan scored is shown unevaluated (no bar), never as a score."""
    out = []
    areas = sorted(set(stats.area_n) | set(stats.area_unevaluated), key=area_sort_key)
    for area in areas:
        n = stats.area_n.get(area, 0)
        mean = stats.area_sum[area] / n if n else None
        out.append(
            {
                "label": area_label(area, lang),
                "score": mean,
                "score_text": format_score(mean),
                "pct": 0.0 if mean is None else max(0.0, min(100.0, mean)),
                "band": score_band(mean),
                "gaps": 0,
                "unevaluated": stats.area_unevaluated.get(area, 0),
            }
        )
    return out


def _prune_pages(pages_dir: Path, keep: set[str]) -> None:
    """Remove pages of files no longer in the folder (a rerun must not show stale plans)."""
    if not pages_dir.is_dir():
        return
    for entry in pages_dir.iterdir():
        if entry.suffix == ".html" and f"{PAGES_DIR}/{entry.name}" not in keep:
            entry.unlink(missing_ok=True)
