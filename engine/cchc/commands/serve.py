"""`cchc serve`: the checker as a web page (upload plans, read reports, follow the province)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from cchc.commands.common import db_option, fail, lang_option


@click.command("serve", context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--host", default="127.0.0.1", show_default=True, help="Địa chỉ / address to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--data",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("cchc-data"),
    show_default=True,
    help="Thư mục dữ liệu (tệp tải lên, kho kết quả) / data folder (uploads, results store).",
)
@db_option
@click.option(
    "--token",
    default=None,
    envvar="CCHC_TOKEN",
    help="Mã truy cập (bắt buộc khi không chạy trên 127.0.0.1) / access token (required off loopback).",
)
@click.option(
    "--max-upload-mb",
    default=20,
    show_default=True,
    type=click.IntRange(1, 500),
    help="Kích thước tối đa mỗi tệp / largest file accepted.",
)
@lang_option
def serve_cmd(
    host: str,
    port: int,
    data: Path,
    db: str | None,
    token: str | None,
    max_upload_mb: int,
    lang: str,
) -> None:
    """Trang web kiểm tra kế hoạch / serve the checker as a web page."""
    from cchc.messages import t
    from cchc.web.app import LOOPBACK, WebConfig, create_app

    if host not in LOOPBACK and not token:
        fail(t("web_token_needed", lang, host=host), lang)
    if token is not None and len(token) < 12:
        fail(t("web_token_short", lang), lang)
    import uvicorn

    config = WebConfig(
        data=data, db=db, token=token, max_upload=max_upload_mb * 1024 * 1024, lang=lang
    )
    app = create_app(config)
    click.echo(t("web_listening", lang, url=f"http://{host}:{port}/", data=os.fspath(data)))
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
