"""`cchc serve` in a real browser: Debian's headless Chromium driven by Playwright (no browser is
downloaded), against a server the test starts on a free loopback port and stops."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cchc.checker import Checker, CheckOptions
from cchc.render.labels import verdict_label
from conftest import SEED_FILES
from netutil import free_port, wait_for_port

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (Debian package chromium)"
)
# As the README's set-up says: no sandbox as root, nothing fetched from the network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("serve")
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "cchc", "serve", "--port", str(port), "--data", str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_port(port, 120, alive=lambda: proc.poll() is None)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(accept_downloads=True)
        pg = context.new_page()
        yield pg
        context.close()
        browser.close()


def test_each_seed_gets_the_cli_verdict(server: str, page: object) -> None:
    checker = Checker(CheckOptions())
    for seed in SEED_FILES:
        expected = verdict_label(checker.check_path(seed).verdict, "vi")
        page.goto(server + "/")  # type: ignore[attr-defined]
        page.set_input_files("input[name=plans]", str(seed))  # type: ignore[attr-defined]
        page.click("#upload button[type=submit]")  # type: ignore[attr-defined]
        page.wait_for_url("**/reports/*")  # type: ignore[attr-defined]
        shown = page.inner_text(".plan-head .score-box .verdict")  # type: ignore[attr-defined]
        assert shown.strip() == expected, seed.name
        assert seed.name in page.content()  # type: ignore[attr-defined]
    page.goto(server + "/province")  # type: ignore[attr-defined]
    rows = page.locator("table tbody tr")  # type: ignore[attr-defined]
    assert rows.count() == len(SEED_FILES)


def test_download_and_follow_the_unit(server: str, page: object, tmp_path: Path) -> None:
    seed = next(s for s in SEED_FILES if s.name.startswith("tan-phong"))
    page.goto(server + "/")  # type: ignore[attr-defined]
    page.set_input_files("input[name=plans]", str(seed))  # type: ignore[attr-defined]
    page.click("#upload button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_url("**/reports/*")  # type: ignore[attr-defined]
    with page.expect_download() as info:  # type: ignore[attr-defined]
        page.click("text=JSON")  # type: ignore[attr-defined]
    saved = tmp_path / "r.json"
    info.value.save_as(saved)
    assert b'"52/KH-UBND"' in saved.read_bytes()
    # From a report to its unit's page and back to the province.
    page.click(".web-nav >> text=Toàn tỉnh")  # type: ignore[attr-defined]
    page.click("a[href^='/units?key=']")  # type: ignore[attr-defined]
    page.wait_for_url("**/units?key=*")  # type: ignore[attr-defined]
    assert "Các kế hoạch của UBND xã Tân Phong" in page.inner_text("main h1")  # type: ignore[attr-defined]


def test_screenshots_for_the_readme(server: str, page: object) -> None:
    """Pages as a person sees them (docs/img when CCHC_SCREENSHOTS names a folder)."""
    folder = os.environ.get("CCHC_SCREENSHOTS")
    for url, name in (
        ("/", "web-upload"),
        ("/reports/1", "web-report"),
        ("/province", "web-province"),
    ):
        page.goto(server + url)  # type: ignore[attr-defined]
        png = page.screenshot(full_page=False)  # type: ignore[attr-defined]
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        if folder:
            Path(folder, f"{name}.png").write_bytes(png)


def test_follow_a_highlight_to_the_plan_text(server: str, page: object) -> None:
    """From a gap's highlighted words to the same words in the plan as uploaded."""
    text = SEED_FILES[0].parent / "text" / "tan-phong-2024.txt"
    page.goto(server + "/")  # type: ignore[attr-defined]
    page.set_input_files("input[name=plans]", str(text))  # type: ignore[attr-defined]
    page.click("#upload button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_url("**/reports/*")  # type: ignore[attr-defined]
    link = page.locator(".ev .ev-at a").first  # type: ignore[attr-defined]
    quote = link.locator("xpath=ancestor::blockquote[1]//mark").inner_text()
    link.click()
    page.wait_for_url("**/source#at-*")  # type: ignore[attr-defined]
    target = page.locator(":target")  # type: ignore[attr-defined]
    assert target.count() == 1
    # The highlighted words start in the piece the link lands on (or the pieces after it).
    landed = page.evaluate(  # type: ignore[attr-defined]
        "() => { const t = document.querySelector(':target'); let s = ''; "
        "for (let n = t; n && s.length < 2000; n = n.nextElementSibling || "
        "(n.parentElement.nextElementSibling || {}).firstElementChild) s += n.textContent + ' '; "
        "return s; }"
    )
    words = " ".join(quote.replace("…", " ").split()[:4])
    assert words and words in " ".join(landed.split()), (quote, landed[:300])
