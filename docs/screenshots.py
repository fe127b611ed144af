"""Regenerate the README's pictures (not part of the tests; needs LibreOffice, poppler-utils and,
for the HTML report, Chromium: `apt-get install libreoffice-writer-nogui poppler-utils chromium`).

    python docs/screenshots.py

docs/annotated-page.png: the first page of `cchc-check fixtures/seeds/text/tan-phong-2024.txt
--annotate` as LibreOffice exports it to PDF (a numbered marker where each comment is anchored),
with the text of those comments, read back from that PDF, beside the page.
docs/html-report.png: the top of the HTML report of the hand-encoded plan.json of the same plan
(`--format html`), as headless Chromium shows it in a 1000 × 1500 window.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAN_TXT = ROOT / "fixtures" / "seeds" / "text" / "tan-phong-2024.txt"
PLAN_JSON = ROOT / "fixtures" / "seeds" / "tan-phong-2024.json"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DPI = 90


def run(*args: str) -> None:
    subprocess.run(args, check=True, capture_output=True)


def pdf_comments(pdf: Path) -> list[tuple[int, float, float, str]]:
    """(page, x, y from the top, text) of each comment LibreOffice exported."""
    import pdfplumber
    from pdfminer.pdftypes import resolve1

    out = []
    with pdfplumber.open(pdf) as doc:
        for n, page in enumerate(doc.pages):
            for ref in resolve1(page.page_obj.annots) or []:
                a = resolve1(ref)
                if str(a.get("Subtype")) != "/'Text'":
                    continue
                raw = a.get("Contents") or b""
                text = raw.decode("utf-16") if raw[:2] == b"\xfe\xff" else raw.decode("latin-1")
                x0, _, _, y1 = (float(v) for v in a["Rect"])
                out.append((n, x0, float(page.height) - y1, text))
    return out


def annotated_page(tmp: Path) -> Path:
    from PIL import Image, ImageDraw, ImageFont

    plan = tmp / PLAN_TXT.name
    shutil.copy(PLAN_TXT, plan)
    out = tmp / "plan.cchc.docx"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "cchc",
            "check",
            str(plan),
            "--annotate",
            "--annotate-out",
            str(out),
        ],
        capture_output=True,
    )
    run(
        "soffice",
        f"-env:UserInstallation=file://{tmp}/profile",
        "--headless",
        "--convert-to",
        'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}',
        "--outdir",
        str(tmp),
        str(out),
    )
    pdf = tmp / "plan.cchc.pdf"
    run("pdftoppm", "-r", str(DPI), "-png", "-f", "1", "-l", "1", str(pdf), str(tmp / "page"))
    page = Image.open(next(tmp.glob("page*.png"))).convert("RGB")
    scale = DPI / 72
    comments = [c for c in pdf_comments(pdf) if c[0] == 0]
    seen: dict[tuple[int, int], int] = {}
    font = ImageFont.truetype(FONT, 13)
    small = ImageFont.truetype(FONT, 12)
    side_w = 700
    canvas = Image.new("RGB", (page.width + side_w, page.height), "white")
    canvas.paste(page, (0, 0))
    draw = ImageDraw.Draw(canvas)
    draw.rectangle([page.width, 0, canvas.width, canvas.height], fill=(246, 246, 240))
    y = 12
    for i, (_, x, top, text) in enumerate(comments, start=1):
        px, py = x * scale, top * scale
        # Comments anchored at the same place: their numbers side by side.
        key = (round(px), round(py))
        px += 22 * seen.get(key, 0)
        seen[key] = seen.get(key, 0) + 1
        draw.ellipse([px + 14, py - 2, px + 34, py + 18], fill=(200, 40, 40))
        draw.text((px + 24, py + 8), str(i), fill="white", font=small, anchor="mm")
        lines: list[str] = []
        for para in text.splitlines():
            lines += textwrap.wrap(para, 92) or [""]
        lines = lines[:9] + (["…"] if len(lines) > 9 else [])
        if y + 16 * (len(lines) + 1) > canvas.height:
            break
        draw.ellipse([page.width + 10, y, page.width + 30, y + 20], fill=(200, 40, 40))
        draw.text((page.width + 20, y + 10), str(i), fill="white", font=small, anchor="mm")
        for j, line in enumerate(lines):
            draw.text(
                (page.width + 40, y + 2 + 16 * j),
                line,
                fill="black",
                font=font if j == 0 else small,
            )
        y += 16 * len(lines) + 14
    target = ROOT / "docs" / "annotated-page.png"
    canvas.save(target, optimize=True)
    return target


def html_report(tmp: Path) -> Path:
    html = tmp / "report.html"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "cchc",
            "check",
            str(PLAN_JSON.relative_to(ROOT)),
            "--format",
            "html",
            "-o",
            str(html),
        ],
        capture_output=True,
        cwd=ROOT,
    )
    target = ROOT / "docs" / "html-report.png"
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"
    run(
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--window-size=1000,1500",
        f"--screenshot={target}",
        html.as_uri(),
    )
    return target


def main() -> None:
    with tempfile.TemporaryDirectory() as d:
        for made in (annotated_page(Path(d)), html_report(Path(d))):
            print(made)


if __name__ == "__main__":
    main()
