"""`cchc-check plan.json` starts without the heavy packages: pandas, jinja2, openpyxl, the web
and database stacks, matplotlib and the document readers are imported only by the outputs,
inputs and commands that need them (the start-up time itself is measured by bench/run_all.py,
not here)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import SEEDS

HEAVY = (
    *("pandas", "numpy", "jinja2", "openpyxl", "docx", "pdfplumber", "regopy"),
    *("sqlalchemy", "matplotlib", "starlette", "uvicorn", "xlsxwriter"),
)

PROBE = """
import json, sys
from cchc.cli import check_main
sys.argv = ["cchc-check", *sys.argv[1:]]
try:
    check_main()
except SystemExit:
    pass
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})), file=sys.stderr)
"""


def _modules(*args: str) -> set[str]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(os.environ, PYTHONIOENCODING="utf-8"),
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    return set(json.loads(proc.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_checking_a_plan_imports_no_heavy_package(fmt: str) -> None:
    loaded = _modules("--format", fmt, str(SEEDS / "tan-phong-2024.json"))
    assert "cchc" in loaded and "pydantic" in loaded
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_an_html_report_imports_jinja2_only_then() -> None:
    loaded = _modules("--format", "html", str(SEEDS / "tan-phong-2024.json"))
    assert "jinja2" in loaded
