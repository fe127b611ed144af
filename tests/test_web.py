"""`cchc serve` without a browser: uploads typed by content and size-limited, generated file
names, escaping, the access token, persistence across restarts."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from cchc.web.app import WebConfig, create_app
from conftest import SEEDS

PLAN = SEEDS / "tan-phong-2024.json"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def _client(data: Path, **kw: object) -> TestClient:
    return TestClient(create_app(WebConfig(data=data, engine="python", **kw)))  # type: ignore[arg-type]


def _upload(client: TestClient, name: str, content: bytes, **kw: object):  # type: ignore[no-untyped-def]
    return client.post(
        "/upload", files=[("plans", (name, content, "application/octet-stream"))], **kw
    )


def test_a_path_in_the_file_name_is_never_a_path(data: Path, tmp_path: Path) -> None:
    client = _client(data)
    res = _upload(client, "../../outside.json", PLAN.read_bytes(), follow_redirects=False)
    assert res.status_code == 303
    assert not (tmp_path / "outside.json").exists() and not (data.parent / "outside.json").exists()
    kept = list((data / "uploads").iterdir())
    assert len(kept) == 1 and kept[0].parent == data / "uploads"
    assert kept[0].stem != "outside" and len(kept[0].stem) == 64  # the plan's content hash
    page = client.get(res.headers["location"])
    assert "outside.json" in page.text and "../../" not in page.text
    # Ids, not paths, name what can be fetched: nothing else is reachable.
    for url in (
        "/reports/..%2F..%2Fetc%2Fpasswd",
        "/reports/1/..%2F..%2F..%2Fetc%2Fpasswd",
        "/rules/..%2F..%2Fetc%2Fpasswd",
        "/static/../../etc/passwd",
    ):
        got = client.get(url)
        assert got.status_code == 404 and "root:" not in got.text


def test_an_oversized_file_is_refused_and_not_kept(data: Path) -> None:
    client = _client(data, max_upload=1024 * 1024)
    big = b'{"x": "' + b"a" * (2 * 1024 * 1024) + b'"}'
    res = _upload(client, "big.json", big)
    assert "tệp quá lớn (tối đa 1 MB)" in res.text
    assert list((data / "uploads").iterdir()) == []


def test_content_not_name_decides_the_type(data: Path) -> None:
    client = _client(data)
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    res = _upload(client, "plan.docx", png)
    assert "không phải kế hoạch" in res.text and res.status_code == 200
    fake_zip = io.BytesIO()
    with zipfile.ZipFile(fake_zip, "w") as z:
        z.writestr("hello.txt", "not a Word file")
    res = _upload(client, "plan.docx", fake_zip.getvalue())
    assert "không phải kế hoạch" in res.text
    assert list((data / "uploads").iterdir()) == []
    # A plan sent under a misleading name is read for what it is.
    res = _upload(client, "plan.pdf", PLAN.read_bytes(), follow_redirects=False)
    assert res.status_code == 303


def test_a_broken_plan_gets_its_sentence(data: Path) -> None:
    client = _client(data)
    res = _upload(client, "bad.json", b'{"document": {"issue_date": "31/02/2024"}}')
    assert res.status_code == 200 and "Traceback" not in res.text
    assert "issue_date" in res.text or "ngày" in res.text
    assert list((data / "uploads").iterdir()) == []


def test_html_in_a_plan_is_text(data: Path) -> None:
    plan = json.loads(PLAN.read_text(encoding="utf-8"))
    plan["document"]["title"] = "<script>alert(1)</script><b>x</b>"
    plan["issuer"]["name"] = "UBND xã <img src=x onerror=alert(1)>"
    client = _client(data)
    res = _upload(client, "x.json", json.dumps(plan, ensure_ascii=False).encode())
    for page in (res.text, client.get("/").text, client.get("/province").text):
        assert "<script>alert(1)</script>" not in page and "<img src=x" not in page
        assert "&lt;script&gt;" in page or "&lt;img" in page


def test_results_persist_across_restarts(data: Path) -> None:
    first = _client(data)
    res = _upload(first, "tp.json", PLAN.read_bytes(), follow_redirects=False)
    location = res.headers["location"]
    again = _client(data)
    page = again.get(location)
    assert page.status_code == 200 and "Tân Phong" in page.text
    assert "tp.json" in again.get("/province").text
    assert again.get(f"{location}/report.json").json()["plans"][0]["plan"]["number"] == "52/KH-UBND"


def test_a_token_guards_every_page(data: Path) -> None:
    token = "s3cret-token-value"
    client = _client(data, token=token)
    for url in ("/", "/province", "/rules", "/reports/1"):
        res = client.get(url, follow_redirects=False)
        assert res.status_code == 303 and res.headers["location"] == "/login"
    assert _upload(client, "tp.json", PLAN.read_bytes(), follow_redirects=False).status_code == 303
    assert list((data / "uploads").iterdir()) == []  # refused before anything is stored
    assert client.post("/login", data={"token": "wrong"}).status_code == 403
    ok = client.post("/login", data={"token": token}, follow_redirects=False)
    assert ok.status_code == 303 and "httponly" in ok.headers["set-cookie"].lower()
    assert client.get("/").status_code == 200
    bearer = _client(data, token=token)
    assert bearer.get("/rules", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_serve_refuses_an_open_address_without_a_token(tmp_path: Path) -> None:
    import subprocess
    import sys

    res = subprocess.run(
        [sys.executable, "-m", "cchc", "serve", "--host", "0.0.0.0", "--data", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        env={k: v for k, v in __import__("os").environ.items() if k != "CCHC_TOKEN"},
    )
    assert res.returncode == 2 and "CCHC_TOKEN" in res.stderr and "Traceback" not in res.stderr


def test_rules_pages_show_source_examples_and_failures(data: Path) -> None:
    client = _client(data)
    _upload(client, "tp.json", PLAN.read_bytes())
    listing = client.get("/rules").text
    assert "NQ76-2021-CITE" in listing and "Nghị quyết 76/NQ-CP" in listing
    page = client.get("/rules/QD35-2024-CITE").text
    assert "22/01/2024" in page and "issue_date" in page  # its source and its examples
    assert "tp.json" in page  # the plan that fails it


def test_unit_and_source_pages(data: Path) -> None:
    client = _client(data)
    text = SEEDS / "text" / "tan-phong-2024.txt"
    res = _upload(client, "tp.txt", text.read_bytes(), follow_redirects=False)
    report = res.headers["location"]
    province = client.get("/province").text
    unit_link = province.split('href="/units?key=')[1].split('"')[0].replace("&amp;", "&")
    unit = client.get(f"/units?key={unit_link}")
    assert unit.status_code == 200 and "tp.txt" in unit.text
    source = client.get(f"{report}/source")
    assert source.status_code == 200
    # The file's first written line is anchored by its line number.
    lines = text.read_text(encoding="utf-8").splitlines()
    n, first = next((i, ln.strip()) for i, ln in enumerate(lines, start=1) if ln.strip())
    anchor = f'id="at-l{n}">'
    assert anchor in source.text
    assert source.text.split(anchor, 1)[1].startswith(first.split()[0])
    assert client.get("/reports/999/source").status_code == 404
