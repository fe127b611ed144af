"""The web application: upload plans, read their reports, follow the province's units, browse
the rules. Every page is rendered from the report templates (autoescaped); every file it
serves is generated or looked up by a store id, never by a path from the request."""

from __future__ import annotations

import hmac
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from cchc.checker import Checker, CheckOptions
from cchc.loader import InputError, load_plan
from cchc.messages import t
from cchc.recording import Recorder
from cchc.render import render
from cchc.render.html import environment, page_globals
from cchc.render.labels import format_score, verdict_label
from cchc.render.view import plan_view
from cchc.result import CheckRun, PlanReport
from cchc.store import Store, open_store
from cchc.web.source import link_evidence, source_lines
from cchc.web.uploads import Stored, UploadRefused, store_upload

LOOPBACK = ("127.0.0.1", "::1", "localhost")
COOKIE = "cchc_token"


@dataclass
class WebConfig:
    data: Path  # uploads and, unless `db` says otherwise, the store (cchc.db)
    db: str | None = None
    token: str | None = None  # required for every request when set
    max_upload: int = 20 * 1024 * 1024  # bytes per file
    max_files: int = 50
    lang: str = "vi"
    engine: str = "durable"
    checker_options: dict[str, Any] = field(default_factory=dict)


class _Service:
    """What the pages share: one checker (packs compiled once), the store, the uploads folder."""

    def __init__(self, config: WebConfig) -> None:
        self.config = config
        self.lang = config.lang
        self.uploads = config.data / "uploads"
        self.uploads.mkdir(parents=True, exist_ok=True)
        self.store: Store = open_store(config.db or str(config.data / "cchc.db"))
        self.checker = Checker(
            CheckOptions(engine=config.engine, lang=config.lang, **config.checker_options)
        )
        self.recorder = Recorder(self.checker, store=self.store)
        # The rule engine's sessions are not meant for several threads at once.
        self.lock = threading.Lock()

    def check(self, stored: Stored) -> int:
        """Check one stored upload and record it; returns the store's check id. The file is
        kept under its plan's content hash, for the annotated download."""
        from cchc.store.identity import content_hash

        plan = load_plan(stored.path)
        with self.lock:
            report = self.checker.check_plan(plan, stored.shown)
            self.recorder(plan, report)
        digest = content_hash(plan)
        kept = self.uploads / f"{digest}.{stored.kind}"
        if kept.exists():
            stored.path.unlink()
        else:
            stored.path.rename(kept)
        assert self.recorder.last_check_id is not None
        return self.recorder.last_check_id

    def document_of(self, content_hash: str) -> Path | None:
        for kind in ("docx", "pdf", "txt", "json"):
            path = self.uploads / f"{content_hash}.{kind}"
            if path.is_file():
                return path
        return None


def _page(template: str, lang: str, status: int = 200, **values: Any) -> HTMLResponse:
    page = environment().get_template(f"web/{template}.html.j2")
    html = page.render(**page_globals(lang), **values)
    return HTMLResponse(html, status_code=status)


def _row(item: dict[str, Any], lang: str) -> dict[str, Any]:
    return item | {
        "score_text": format_score(item["score"]),
        "verdict_label": verdict_label(item["verdict"], lang),
    }


def create_app(config: WebConfig) -> Starlette:
    svc = _Service(config)
    lang = svc.lang

    async def home(request: Request) -> Response:
        recent = [_row(r, lang) for r in svc.store.listing(limit=20)]
        return _page("upload", lang, recent=recent, limit=config.max_upload // (1024 * 1024))

    async def upload(request: Request) -> Response:
        length = request.headers.get("content-length")
        cap = config.max_upload * config.max_files + 1024 * 1024
        if length is None or not length.isdigit():
            return _page("message", lang, text=t("web_no_length", lang), status=411)
        if int(length) > cap:
            return _page(
                "message",
                lang,
                text=t("web_too_large", lang, limit=config.max_upload // (1024 * 1024)),
                status=413,
            )
        form = await request.form(max_files=config.max_files, max_fields=10)
        files = [f for f in form.getlist("plans") if isinstance(f, UploadFile)]
        outcomes: list[dict[str, Any]] = []
        try:
            for f in files:
                outcomes.append(await _one(f))
        finally:
            await form.close()
        if len(outcomes) == 1 and outcomes[0].get("check_id"):
            return RedirectResponse(f"/reports/{outcomes[0]['check_id']}", status_code=303)
        return _page("uploaded", lang, outcomes=outcomes)

    async def _one(f: UploadFile) -> dict[str, Any]:
        try:
            stored = await store_upload(f, svc.uploads, config.max_upload)
        except UploadRefused as exc:
            return {
                "name": f.filename or "",
                "check_id": None,
                "error": t(exc.key, lang, **exc.params),
            }
        try:
            check_id = await run_in_threadpool(svc.check, stored)
        except InputError as exc:
            stored.path.unlink(missing_ok=True)
            text = " ".join(exc.lines(lang))
            return {"name": stored.shown, "check_id": None, "error": text}
        item = svc.store.get(check_id)
        assert item is not None
        return {
            "name": stored.shown,
            "check_id": check_id,
            "verdict_label": verdict_label(item.report.verdict, lang),
            "score_text": format_score(item.report.score),
        }

    def _stored(request: Request) -> Any:
        item = svc.store.get(int(request.path_params["check_id"]))
        return item

    async def report_page(request: Request) -> Response:
        item = _stored(request)
        if item is None:
            return _page("message", lang, text=t("web_not_found", lang), status=404)
        view = plan_view(item.report, lang)
        has_doc = (doc := svc.document_of(item.content_hash)) is not None and doc.suffix != ".json"
        if has_doc:
            link_evidence(view, item.report, f"/reports/{item.check_id}/source")
        return _page("report", lang, p=view, check_id=item.check_id, annotated=has_doc)

    async def source_page(request: Request) -> Response:
        item = _stored(request)
        doc = svc.document_of(item.content_hash) if item else None
        if item is None or doc is None or doc.suffix == ".json":
            return _page("message", lang, text=t("web_no_document", lang), status=404)
        lines = await run_in_threadpool(source_lines, doc)
        return _page("source", lang, lines=lines, name=item.report.file, check_id=item.check_id)

    async def report_json(request: Request) -> Response:
        item = _stored(request)
        if item is None:
            return Response(status_code=404)
        run = CheckRun(version=_version(), lang=lang, plans=[item.report])
        return _download(
            render(run, "json", lang), f"cchc-{item.check_id}.json", "application/json"
        )

    async def report_xlsx(request: Request) -> Response:
        item = _stored(request)
        if item is None:
            return Response(status_code=404)
        run = CheckRun(version=_version(), lang=lang, plans=[item.report])
        data = await run_in_threadpool(render, run, "xlsx", lang)
        return _download(data, f"cchc-{item.check_id}.xlsx", _XLSX)

    async def report_docx(request: Request) -> Response:
        item = _stored(request)
        doc = svc.document_of(item.content_hash) if item else None
        if item is None or doc is None or doc.suffix == ".json":
            return _page("message", lang, text=t("web_no_document", lang), status=404)
        data = await run_in_threadpool(_annotated, doc, item.report, lang)
        return _download(data, f"cchc-{item.check_id}.docx", _DOCX)

    async def province(request: Request) -> Response:
        verdict = request.query_params.get("verdict") or None
        rule = request.query_params.get("rule") or None
        rows = [_row(r, lang) for r in svc.store.listing(verdict=verdict, rule=rule)]
        charts = await run_in_threadpool(_charts, svc.store, lang)
        rules = sorted(svc.store.failing_counts())
        return _page(
            "province", lang, rows=rows, charts=charts, verdict=verdict, rule=rule, rules=rules
        )

    async def unit(request: Request) -> Response:
        key = request.query_params.get("key", "")
        rows = [_row(r, lang) for r in svc.store.listing(unit_key=key)]
        if not rows:
            return _page("message", lang, text=t("web_not_found", lang), status=404)
        rows.sort(key=lambda r: (r["plan_year"] or 0, r["id"]))
        return _page("unit", lang, rows=rows, name=rows[-1]["issuer"] or key)

    async def rules(request: Request) -> Response:
        fails = svc.store.failing_counts()
        items = [_rule_row(r, fails, lang) for r in svc.checker.rules]
        return _page("rules", lang, rules=items)

    async def rule(request: Request) -> Response:
        wanted = request.path_params["rule_id"]
        found = [r for r in svc.checker.rules if r.id == wanted]
        if not found:
            return _page("message", lang, text=t("web_not_found", lang), status=404)
        r = found[0]
        fails = svc.store.failing_counts()
        failing = [_row(x, lang) for x in svc.store.listing(rule=r.id, limit=200)]
        return _page(
            "rule", lang, r=_rule_row(r, fails, lang), examples=_examples(r), failing=failing
        )

    async def login(request: Request) -> Response:
        if request.method == "POST":
            form = await request.form(max_files=0, max_fields=2)
            given = str(form.get("token", ""))
            if config.token and hmac.compare_digest(given, config.token):
                response = RedirectResponse("/", status_code=303)
                response.set_cookie(COOKIE, given, httponly=True, samesite="strict")
                return response
            return _page("login", lang, failed=True, status=403)
        return _page("login", lang, failed=False)

    routes = [
        Route("/", home),
        Route("/upload", upload, methods=["POST"]),
        Route("/reports/{check_id:int}", report_page),
        Route("/reports/{check_id:int}/report.json", report_json),
        Route("/reports/{check_id:int}/report.xlsx", report_xlsx),
        Route("/reports/{check_id:int}/annotated.docx", report_docx),
        Route("/reports/{check_id:int}/source", source_page),
        Route("/province", province),
        Route("/units", unit),
        Route("/rules", rules),
        Route("/rules/{rule_id}", rule),
        Route("/login", login, methods=["GET", "POST"]),
    ]
    middleware = [Middleware(_Guard, token=config.token)]
    return Starlette(routes=routes, middleware=middleware)


class _Guard(BaseHTTPMiddleware):
    """With a token set, every page but the login page needs it (cookie or bearer header);
    every response forbids framing and sniffing."""

    def __init__(self, app: Any, token: str | None) -> None:
        super().__init__(app)
        self.token = token

    async def dispatch(self, request: Request, call_next: Any) -> Response:
        if self.token and request.url.path != "/login":
            given = request.cookies.get(COOKIE) or ""
            auth = request.headers.get("authorization", "")
            if auth.lower().startswith("bearer "):
                given = auth[7:]
            if not hmac.compare_digest(given.encode(), self.token.encode()):
                return RedirectResponse("/login", status_code=303)
        response: Response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response


_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _download(data: bytes, name: str, media: str) -> Response:
    return Response(
        data, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


def _version() -> str:
    from cchc import __version__

    return __version__


def _annotated(doc: Path, report: PlanReport, lang: str) -> bytes:
    import tempfile

    from cchc.annotate import annotate

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "annotated.docx"
        annotate(doc, report, out, lang)
        return out.read_bytes()


def _charts(store: Store, lang: str) -> list[Any]:
    """The dashboard's charts from the store (none until a plan has a year)."""
    from markupsafe import Markup

    from cchc.portfolio import charts, data, figures

    frames = data.load(store, lang=lang)
    if frames.plans.empty:
        return []
    fig = figures.compute(frames)
    return [
        Markup(_inline(charts.verdicts_by_year(fig, lang))),
        Markup(_inline(charts.headline_trends(fig, lang))),
    ]


def _inline(svg: bytes) -> str:
    text = svg.decode("utf-8")
    return text[text.index("<svg") :]


def _rule_row(r: Any, fails: dict[str, int], lang: str) -> dict[str, Any]:
    from cchc.checker import source_of

    return {
        "id": r.id,
        "title": r.meta.title.get(lang),
        "severity": r.meta.severity,
        "area": r.meta.area,
        "source": source_of(r).cite(),
        "failing": fails.get(r.id, 0),
    }


def _examples(r: Any) -> list[dict[str, str]]:
    """The rule's own examples (a passing, a failing, a partial plan), as the pack holds them."""
    import orjson

    ex = r.meta.examples
    out = []
    for status, plans in (("pass", ex.pass_), ("partial", ex.partial), ("fail", ex.fail)):
        for plan in plans:
            text = orjson.dumps(plan, option=orjson.OPT_INDENT_2, default=str).decode()
            out.append({"status": status, "plan": text})
    return out
