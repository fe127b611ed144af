"""`cchc rules list|show|lint|test`: describe, lint and self-test the rule packs."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import orjson

from cchc.commands.common import EXIT_GAPS, EXIT_INPUT, EXIT_OK, fail, lang_option
from cchc.paths import data_dir


@click.group("rules")
def rules_cmd() -> None:
    """Xem, kiểm tra và tự kiểm thử các gói luật / describe, lint and test rule packs."""


def _checker(rules_dirs: tuple[Path, ...], lang: str, engine: str = "python"):  # type: ignore[no-untyped-def]
    from cchc.commands.check import build_checker

    return build_checker(engine, rules_dirs, (), (), None, None, lang)


@rules_cmd.command("list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option(
    "--rules",
    "rules_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
@lang_option
def list_cmd(fmt: str, rules_dirs: tuple[Path, ...], lang: str) -> None:
    """Liệt kê các luật / list the rules."""
    from tabulate import tabulate

    checker = _checker(rules_dirs, lang)
    rows = [
        {
            "id": r.id,
            "pack": r.pack,
            "area": r.meta.area,
            "severity": r.meta.severity,
            "binding": "requirement" if r.meta.is_requirement else "recommendation",
            "weight": r.meta.weight,
            "status": r.meta.status,
            "title": r.meta.title.get(lang),
        }
        for r in checker.rules
    ]
    if fmt == "json":
        click.echo(orjson.dumps(rows, option=orjson.OPT_INDENT_2).decode())
        return
    click.echo(
        tabulate(
            [[x["id"], x["severity"], x["binding"], x["area"], x["title"]] for x in rows],
            tablefmt="plain",
        )
    )


@rules_cmd.command("show")
@click.argument("rule_id")
@click.option(
    "--rules",
    "rules_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
@lang_option
def show_cmd(rule_id: str, rules_dirs: tuple[Path, ...], lang: str) -> None:
    """Giải thích một luật / explain one rule: source, rationale, check, examples, fix."""
    import yaml

    from cchc.checker import source_of
    from cchc.messages import t
    from cchc.render.labels import (
        area_label,
        catalogue_status_label,
        fix_label,
        severity_label,
        source_text,
    )

    checker = _checker(rules_dirs, lang)
    rule = next((r for r in checker.rules if r.id == rule_id.upper()), None)
    if rule is None:
        fail(unknown_rule(rule_id, [r.id for r in checker.rules], lang), lang)
        return
    m = rule.meta
    lines = [
        f"{m.id} — {m.title.get(lang)}",
        f"{t('rule_pack', lang)}: {rule.pack}   "
        f"{t('rule_area', lang)}: {area_label(m.area, lang)}   "
        f"{t('rule_severity', lang)}: {severity_label(m.severity, lang)}   "
        f"{t('rule_weight', lang)}: {m.weight:g}   "
        f"{t('rule_catalogue_status', lang)}: {catalogue_status_label(m.status, lang)}",
        f"{t('source_label', lang)}: {source_text(source_of(rule), lang)}",
    ]
    if m.rationale:
        lines += ["", m.rationale.get(lang)]
    check = m.check.model_dump(mode="json", by_alias=True, exclude_none=True)
    lines += [
        "",
        f"{t('rule_check', lang)}:",
        yaml.safe_dump(check, allow_unicode=True, sort_keys=False).rstrip(),
    ]
    fix = m.fix.get(lang)
    lines += ["", f"{fix_label(fix, lang)}: {fix}", "", f"{t('rule_examples', lang)}:"]
    for status, fragments in (
        ("pass", m.examples.pass_),
        ("fail", m.examples.fail),
        ("partial", m.examples.partial),
    ):
        for fragment in fragments:
            lines.append(f"  {status}: {orjson.dumps(fragment, default=str).decode()}")
    click.echo("\n".join(lines))


def unknown_rule(rule_id: str, known: list[str], lang: str) -> str:
    """ "No rule X", with the nearest IDs when it looks like a typo."""
    import difflib

    from cchc.messages import t

    wanted = rule_id.strip().upper()
    near = difflib.get_close_matches(wanted, known, n=3, cutoff=0.8)
    if not near:  # a prefix such as NQ76: the rules it starts
        near = sorted(k for k in known if k.startswith(wanted))[:3]
    if near:
        return t("rule_unknown_near", lang, rule=rule_id, near=", ".join(near))
    return t("rule_unknown", lang, rule=rule_id)


@rules_cmd.command("lint")
@click.argument(
    "directory", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@lang_option
def lint_cmd(directory: Path | None, lang: str) -> None:
    """Kiểm tra lỗi gói luật / lint rule packs (default: the shipped packs)."""
    from cchc.messages import t
    from cchc.packlint import lint_dir

    problems, n_packs, n_rules = lint_dir(directory or data_dir("rules"))
    for p in problems:
        click.echo(str(p), err=True)
    if n_packs == 0:
        fail(t("rules_none", lang, dir=str(directory or data_dir("rules"))), lang)
    click.echo(t("lint_summary", lang, packs=n_packs, rules=n_rules, problems=len(problems)))
    sys.exit(EXIT_GAPS if problems else EXIT_OK)


@rules_cmd.command("test")
@click.argument(
    "directory", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@click.option(
    "--engine", type=click.Choice(["durable", "python"]), default="durable", show_default=True
)
@lang_option
def test_cmd(directory: Path | None, engine: str, lang: str) -> None:
    """Chạy các ví dụ của mọi luật qua bộ máy luật / run every rule's examples through the engine."""
    from cchc.messages import t
    from cchc.packlint import lint_dir
    from cchc.selftest import run_examples

    target = directory or data_dir("rules")
    problems, n_packs, _ = lint_dir(target)
    if problems or n_packs == 0:
        for p in problems:
            click.echo(str(p), err=True)
        fail(
            t("rules_broken", lang, dir=str(target))
            if problems
            else t("rules_none", lang, dir=str(target)),
            lang,
        )
    outcomes = run_examples((target,), engine=engine, builtin=False, lang=lang)
    failed = [o for o in outcomes if not o.ok]
    for o in failed:
        click.echo(
            t(
                "example_failed",
                lang,
                rule=o.rule,
                expected=o.expected,
                index=o.index,
                got=o.got,
                message=o.message,
            ),
            err=True,
        )
    click.echo(
        f"{t('examples_label', lang)}: {len(outcomes) - len(failed)} passed, {len(failed)} failed"
    )
    sys.exit(EXIT_GAPS if failed else EXIT_OK)


__all__ = ["EXIT_INPUT", "rules_cmd"]
