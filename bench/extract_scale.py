"""Extraction cost against document size, and what hostile files cost.

    PYTHONPATH=engine python bench/extract_scale.py [--sizes 1000,10000,100000] [--skip-attacks]

1. Time per 1,000 paragraphs of extracting a plan of 1k, 10k and 100k paragraphs (a seed
   plan's body repeated with its numbers varied; the limits are raised for the run). Linear
   cost means the same figure at every size.
2. Every attack file of the robustness matrix at full size, each read by `load_plan` in a
   fresh process under the default limits: the outcome (the sentence, or "read"), the time
   and the peak memory of that process (max RSS). The target is < 500 MB for each.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = ROOT / "fixtures" / "seeds" / "text" / "tan-phong-2024.txt"
SEED_JSON = ROOT / "fixtures" / "seeds" / "tan-phong-2024.json"


# --- 1. scale ---------------------------------------------------------------------------------


def plan_text(paragraphs: int) -> str:
    """A plan of `paragraphs` non-blank lines: the seed's header, then its body repeated,
    each copy's numbers changed so that no two copies are the same text."""
    lines = [ln for ln in SEED_TEXT.read_text(encoding="utf-8").splitlines() if ln.strip()]
    head, body = lines[:12], lines[12:]
    out = list(head)
    copy = 0
    while len(out) < paragraphs:
        for line in body:
            out.append(f"{line.replace('2024', str(2024 + copy % 7))} (mục {copy})")
            if len(out) >= paragraphs:
                break
        copy += 1
    return "\n".join(out)


def scale(sizes: list[int]) -> None:
    from cchc import limits
    from cchc.extract import extract_file

    print("Extraction time per 1,000 paragraphs (.txt, the whole extractor):")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"plan-{n}.txt"
            path.write_text(plan_text(n), encoding="utf-8")
            raised = limits.current().replace(
                paragraphs=n + 10,
                characters=400 * n + 10_000,
                file_mb=1 + path.stat().st_size // 2**20,
            )
            with limits.use(raised):
                started = time.perf_counter()
                extraction = extract_file(path)
                seconds = time.perf_counter() - started
            print(
                f"  {n:>7,} paragraphs: {seconds:8.2f} s, {1000 * seconds / n:6.3f} s per 1,000"
                f" ({len(extraction.plan.activities)} activities)"
            )


# --- 2. attack files ---------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NUMBERING = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{_W}">'
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/>'
    '<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
)


def _base_docx(tmp: Path) -> Path:
    sys.path.insert(0, str(ROOT / "tests"))
    from _extract_docs import write_docx

    return write_docx(tmp / "base.docx")


def _rewrite(
    base: Path, path: Path, members: dict[str, bytes | Callable[[zipfile.ZipFile], None]]
) -> Path:
    """Copy a .docx, replacing or adding members (bytes, or a function writing it)."""
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            new = members.get(item.filename)
            if new is None:
                dst.writestr(item, src.read(item.filename))
            elif isinstance(new, bytes):
                dst.writestr(item, new)
            else:
                new(dst)
        for name, new in members.items():
            if name not in src.namelist():
                dst.writestr(name, new) if isinstance(new, bytes) else new(dst)
    return path


def _numbered(
    base: Path, path: Path, start: str = "1", fmt: str = "decimal", ilvl: str = "0"
) -> Path:
    with zipfile.ZipFile(base) as src:
        document = src.read("word/document.xml")
    document = document.replace(
        b'<w:pStyle w:val="ListNumber"/>',
        b'<w:pStyle w:val="ListNumber"/><w:numPr><w:ilvl w:val="'
        + ilvl.encode()
        + b'"/><w:numId w:val="1"/></w:numPr>',
    )
    numbering = _NUMBERING.replace("{ilvl}", ilvl).replace("{start}", start).replace("{fmt}", fmt)
    return _rewrite(
        base, path, {"word/document.xml": document, "word/numbering.xml": numbering.encode()}
    )


def _streamed(name: str, size: int, unit: bytes) -> Callable[[zipfile.ZipFile], None]:
    """A member of `size` bytes (`unit` repeated), written without holding it."""

    def write(dst: zipfile.ZipFile) -> None:
        chunk = unit * (2**20 // len(unit))
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with dst.open(info, "w", force_zip64=True) as fh:
            written = 0
            while written < size:
                fh.write(chunk)
                written += len(chunk)

    return write


def _document_xml(body: bytes) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>'.encode()
        + body
        + b"</w:body></w:document>"
    )


def _deflate(head: bytes, blanks: int) -> bytes:
    """`head` then `blanks` spaces, deflated without holding them."""
    z = zlib.compressobj(9)
    out = [z.compress(head)]
    chunk = b" " * 2**20
    for _ in range(blanks // len(chunk)):
        out.append(z.compress(chunk))
    out.append(z.flush())
    return b"".join(out)


def _pdf(
    path: Path, stream: bytes, pages: int = 1, compress: bool = True, deflated: bytes | None = None
) -> Path:
    data = deflated if deflated is not None else (zlib.compress(stream, 9) if compress else stream)
    compress = compress or deflated is not None
    flate = b" /Filter /FlateDecode" if compress else b""
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Length %d%s >>\nstream\n" % (len(data), flate) + data + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R"
        b" /Resources << /Font << /F1 4 0 R >> >> >>"
    )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects + [page] * pages, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(offsets) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


_LINE = b"BT /F1 11 Tf 72 760 Td (Ke hoach tuyen truyen cai cach hanh chinh nam 2024) Tj ET\n"


def attack_files(tmp: Path) -> dict[str, Path]:
    base = _base_docx(tmp)
    files: dict[str, Path] = {}

    def add(name: str, path: Path) -> None:
        files[name] = path

    add(
        "docx numbering w:start=10^12 (roman)",
        _numbered(base, tmp / "n1.docx", str(10**12), "upperRoman"),
    )
    add(
        "docx numbering w:start=10^12 (letters)",
        _numbered(base, tmp / "n2.docx", str(10**12), "lowerLetter"),
    )
    add('docx numbering w:start="abc"', _numbered(base, tmp / "n3.docx", "abc"))
    add("docx numbering w:ilvl=12", _numbered(base, tmp / "n4.docx", ilvl="12"))
    add(
        "docx document.xml inflating to 1.28 GB",
        _rewrite(
            base,
            tmp / "bomb1.docx",
            {"word/document.xml": _streamed("word/document.xml", 1280 * 2**20, b" ")},
        ),
    )
    add(
        "docx 40 members of 20 MB (800 MB in all)",
        _rewrite(
            base,
            tmp / "bomb2.docx",
            {f"m{i}": _streamed(f"word/media/p{i}.bin", 20 * 2**20, b"\0") for i in range(40)},
        ),
    )
    add(
        "docx document.xml just under the member limit, all empty paragraphs",
        _rewrite(
            base,
            tmp / "dense1.docx",
            {"word/document.xml": _document_xml(b"<w:p/>" * (24 * 2**20 // 6))},
        ),
    )
    add(
        "docx document.xml just under the member limit, all empty runs",
        _rewrite(
            base,
            tmp / "dense2.docx",
            {
                "word/document.xml": _document_xml(
                    b"<w:p>" + b"<w:r/>" * (24 * 2**20 // 6) + b"</w:p>"
                )
            },
        ),
    )
    add(
        "docx document.xml just under the XML element limit (590,000 empty runs)",
        _rewrite(
            base,
            tmp / "dense3.docx",
            {"word/document.xml": _document_xml(b"<w:p>" + b"<w:r/>" * 590_000 + b"</w:p>")},
        ),
    )
    add(
        "pdf stream inflating to 1 GB", _pdf(tmp / "bomb.pdf", b"", deflated=_deflate(_LINE, 2**30))
    )
    add("pdf of 60,000 pages", _pdf(tmp / "pages.pdf", _LINE, pages=60_000, compress=False))
    add(
        "pdf page just under the content limit, one character per Tj",
        _pdf(tmp / "dense.pdf", _LINE + b"(x)Tj " * (510 * 1024 // 6)),
    )
    long_line = tmp / "line.txt"
    long_line.write_text(
        "Kế hoạch tuyên truyền cải cách hành chính. " * (8 * 2**20 // 50), encoding="utf-8"
    )
    add("txt of 8 MB on one line", long_line)
    near = tmp / "line-under.txt"
    near.write_text(
        "Kế hoạch tuyên truyền cải cách hành chính. " * (1_990_000 // 44), encoding="utf-8"
    )
    add("txt of 1.99 million characters on one line", near)
    many = tmp / "many.txt"
    many.write_text("\n".join(f"{i}." for i in range(200_000)), encoding="utf-8")
    add("txt of 200,000 short paragraphs", many)
    under = tmp / "under.txt"
    under.write_text(plan_text(13_000), encoding="utf-8")
    add("txt of 13,000 plan paragraphs (1.8 million characters, under the limits)", under)
    repeated = tmp / "repeated.txt"
    seed = [ln for ln in SEED_TEXT.read_text(encoding="utf-8").splitlines() if ln.strip()]
    repeated.write_text("\n".join((seed * (12_000 // len(seed) + 1))[:12_000]), encoding="utf-8")
    add("txt: one plan printed over and over (12,000 paragraphs)", repeated)
    digits = tmp / "digits.json"
    digits.write_text('{"activities": [{"form": "radio", "count": ' + "9" * 100_000 + "}]}")
    add("json integer of 100,000 digits", digits)
    deep = tmp / "deep.json"
    deep.write_text('{"notes": ' + "[" * 100_000 + "]" * 100_000 + "}")
    add("json nested 100,000 deep", deep)
    return files


_CHILD = """
import sys, time
from cchc.loader import InputError, load_plan
started = time.perf_counter()
try:
    load_plan(sys.argv[1])
    outcome = "read"
except InputError as exc:
    outcome = exc.lines("en")[0]
seconds = time.perf_counter() - started
# The high-water mark of this process's own memory (ru_maxrss would count the parent's, which
# Linux carries over fork and exec).
peak = next(ln.split()[1] for ln in open("/proc/self/status") if ln.startswith("VmHWM:"))
print(f"{seconds:.2f}\\t{int(peak) / 1024:.0f}\\t{outcome}")
"""


def run_attack(path: Path, timeout: float) -> tuple[str, float, float]:
    """Outcome, seconds and peak RSS (MB) of reading `path` in a fresh process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "engine"))
    proc = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return f"still running after {timeout:.0f} s", timeout, float("nan")
    if not out.strip():
        last = err.strip().splitlines()[-1] if err.strip() else f"exit {proc.returncode}"
        return f"crashed: {last}", 0.0, float("nan")
    seconds, peak, outcome = out.strip().split("\t", 2)
    return outcome, float(seconds), float(peak)


def attacks(timeout: float) -> None:
    print("\nAttack files, each read in a fresh process under the default limits:")
    with tempfile.TemporaryDirectory() as tmp:
        files = attack_files(Path(tmp))
        baseline = run_attack(SEED_JSON, timeout)
        print(
            f"  {'(baseline: a seed plan.json)':<62} {baseline[1]:6.2f} s {baseline[2]:7.0f} MB  {baseline[0]}"
        )
        worst = 0.0
        for name, path in files.items():
            outcome, seconds, peak = run_attack(path, timeout)
            worst = max(worst, peak)
            size = path.stat().st_size / 2**20
            print(
                f"  {name:<62} {seconds:6.2f} s {peak:7.0f} MB  ({size:.1f} MB on disk) {outcome[:110]}"
            )
        print(f"  peak memory of the worst attack file: {worst:.0f} MB (target < 500 MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--skip-attacks", action="store_true")
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    if not args.skip_scale:
        scale([int(s) for s in args.sizes.split(",")])
    if not args.skip_attacks:
        attacks(args.timeout)


if __name__ == "__main__":
    main()
