"""`cchc batch DIR --out OUTDIR`: check every plan of a folder and write the province's view.

Exit codes, as for `cchc-check`: 0 when every plan is free of gaps, 1 when some plan has gaps,
2 when some file could not be read (it still has its row in every output) or the batch could
not run at all. A file that cannot be read outranks gaps because its plan was not checked.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from cchc.commands.check import build_checker, engine_options, province_option
from cchc.commands.common import (
    apply_limits,
    db_option,
    echo,
    fail,
    lang_option,
    limit_option,
    outdir_option,
)
from cchc.messages import t


@click.command("batch", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("folder", type=click.Path(path_type=Path))
@outdir_option
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Số tiến trình; 0 = mọi lõi CPU / processes; 0 = every CPU.",
)
@click.option(
    "--resume",
    is_flag=True,
    help="Tiếp tục lần chạy bị dừng / continue a stopped run.",
)
@engine_options
@province_option
@click.option(
    "--timestamp",
    is_flag=True,
    help="Ghi thời điểm tạo vào báo cáo / print the generation time in the outputs.",
)
@db_option
@limit_option
@lang_option
def batch_cmd(
    folder: Path,
    outdir: Path,
    jobs: int,
    resume: bool,
    timestamp: bool,
    engine: str,
    rules_dirs: tuple[Path, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    as_of: dt.datetime | None,
    waivers: Path | None,
    province: str | None,
    limit_options: tuple[str, ...],
    lang: str,
    db: str | None = None,
) -> None:
    """Kiểm tra mọi kế hoạch trong thư mục / check every plan in FOLDER.

    Ghi vào OUTDIR / writes into OUTDIR: summary.xlsx, summary.csv, results.csv,
    results.json, index.html, plans/*.html. Mã thoát / exit code: 0 không có thiếu sót /
    no gaps, 1 có thiếu sót / gaps, 2 có tệp không đọc được / unreadable files.
    """
    apply_limits(limit_options, lang)
    from cchc.batch.run import (
        BatchConfig,
        BatchError,
        BatchInterrupted,
        run_batch,
        summary_paragraph,
    )

    # Built here once so that a broken pack or waiver file stops the batch before it starts;
    # each worker process then builds its own from the same options.
    checker = build_checker(engine, rules_dirs, select, ignore, as_of, waivers, lang, province)
    options = checker.options
    store = _open_store(db, lang) if db else None
    config = BatchConfig(
        root=folder,
        outdir=outdir,
        options=options,
        lang=lang,
        jobs=jobs or len(os.sched_getaffinity(0)),
        resume=resume,
        timestamp=timestamp,
        progress=sys.stderr.isatty(),
        rules_dirs=rules_dirs,
        on_finalising=lambda: (
            click.echo(t("batch_finalising", lang), err=True) if sys.stderr.isatty() else None
        ),
    )
    try:
        result = run_batch(config)
    except BatchError as exc:
        fail(exc.message(lang), lang)
        return
    except BatchInterrupted as exc:
        echo(t("batch_interrupted", lang, done=exc.done, total=exc.total), err=True)
        sys.exit(130)
    echo(summary_paragraph(result, config))
    if store is not None:
        _record(store, checker, outdir / "results.json", folder, lang)
    sys.exit(result.exit_code)


def _open_store(db: str, lang: str):  # type: ignore[no-untyped-def]
    from cchc.store import StoreError, open_store

    try:
        return open_store(db)
    except StoreError as exc:
        fail(t("store_unusable", lang, reason=str(exc)), lang)


def _record(store, checker, results_json: Path, folder: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Record the batch's plans in the store; the outputs are already written."""
    from cchc.recording import Recorder, record_batch
    from cchc.store import StoreError

    recorder = Recorder(checker, store=store)
    try:
        record_batch(results_json, folder, recorder)
    except StoreError as exc:
        fail(t("store_unusable", lang, reason=str(exc)), lang)
    click.echo(t("store_recorded", lang, new=recorder.recorded, old=recorder.already))
