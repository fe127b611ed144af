"""`cchc batch DIR --out OUTDIR`: check every plan of a folder and write the province's view.

Exit codes, as for `cchc-check`: 0 when every plan is free of gaps, 1 when some plan has gaps,
2 when some file could not be read (it still has its row in every output) or the batch could
not run at all. A file that cannot be read outranks gaps because its plan was not checked.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from cchc.commands.common import fail, lang_option
from cchc.messages import t


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    """`--select A,B --select C` → ("A", "B", "C")."""
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


@click.command("batch", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("folder", type=click.Path(path_type=Path))
@click.option(
    "--out",
    "-o",
    "outdir",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Thư mục kết quả / output folder.",
)
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
@click.option(
    "--engine",
    type=click.Choice(["durable", "python"]),
    default="durable",
    show_default=True,
    help="Bộ máy suy luận / rule engine backend.",
)
@click.option(
    "--rules",
    "rules_dirs",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Thư mục bộ quy tắc bổ sung / extra rule packs.",
)
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Áp dụng quy tắc tại ngày / judge by the rules in force on (yyyy-mm-dd).",
)
@click.option("--select", multiple=True, help="Chỉ các quy tắc / only these rules (A,B).")
@click.option("--ignore", multiple=True, help="Bỏ qua quy tắc / skip these rules (A,B).")
@click.option(
    "--waivers",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help="Tệp miễn trừ / waivers file.",
)
@click.option(
    "--timestamp",
    is_flag=True,
    help="Ghi thời điểm tạo vào báo cáo / print the generation time in the outputs.",
)
@lang_option
def batch_cmd(
    folder: Path,
    outdir: Path,
    jobs: int,
    resume: bool,
    engine: str,
    rules_dirs: tuple[Path, ...],
    as_of: object,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    waivers: Path | None,
    timestamp: bool,
    lang: str,
) -> None:
    """Kiểm tra mọi kế hoạch trong thư mục / check every plan in FOLDER.

    Ghi vào OUTDIR / writes into OUTDIR: summary.xlsx, summary.csv, results.csv,
    results.json, index.html, plans/*.html. Mã thoát / exit code: 0 không có thiếu sót /
    no gaps, 1 có thiếu sót / gaps, 2 có tệp không đọc được / unreadable files.
    """
    from cchc.batch.run import (
        BatchConfig,
        BatchError,
        BatchInterrupted,
        run_batch,
        summary_paragraph,
    )
    from cchc.checker import CheckOptions

    options = CheckOptions(
        engine=engine,
        rules_dirs=rules_dirs,
        select=_split(select),
        ignore=_split(ignore),
        as_of=as_of.date() if as_of is not None else None,  # type: ignore[attr-defined]
        waivers=waivers,
        lang=lang,
    )
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
    )
    try:
        result = run_batch(config)
    except BatchError as exc:
        fail(exc.message(lang), lang)
        return
    except BatchInterrupted as exc:
        click.echo(t("batch_interrupted", lang, done=exc.done, total=exc.total), err=True)
        sys.exit(130)
    click.echo(summary_paragraph(result, config))
    sys.exit(result.exit_code)
