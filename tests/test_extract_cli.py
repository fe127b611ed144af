"""`cchc extract` and `cchc check` on documents."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from _extract_docs import write_docx, write_txt
from cchc.cli import main
from cchc.model import Plan

SEED = Path(__file__).parents[1] / "fixtures" / "seeds" / "text" / "ca-mau-2014.txt"


def test_extract_prints_a_valid_plan_json() -> None:
    result = CliRunner().invoke(main, ["extract", str(SEED)])
    assert result.exit_code == 0, result.output
    plan = Plan.model_validate(json.loads(result.stdout))
    assert plan.document.number == "47/QĐ-UBND"


def test_extract_writes_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    result = CliRunner().invoke(main, ["extract", str(SEED), "-o", str(out), "--lang", "en"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert f"wrote {out}" in result.stderr
    assert Plan.model_validate_json(out.read_text(encoding="utf-8")).issuer.province == "Cà Mau"


def test_explain_shows_fields_with_their_evidence() -> None:
    result = CliRunner().invoke(main, ["extract", str(SEED), "--explain"])
    assert result.exit_code == 0
    out = result.stdout
    assert "document.number: 47/QĐ-UBND" in out
    assert "« (Ban hành kèm theo Quyết định số 47/QĐ-UBND ngày 14/01/2014" in out
    assert "mỗi tuần một lần" in out  # the weekly broadcast's sentence
    assert "Ghi chú:" in out


def test_missing_file_and_wrong_type_exit_2_with_one_sentence(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "none.docx"), "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: {tmp_path / 'none.docx'}: file not found"
    other = tmp_path / "plan.odt"
    other.write_text("x")
    result = CliRunner().invoke(main, ["extract", str(other)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert ".docx" in result.stderr


def test_unwritable_output_is_an_input_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["extract", str(SEED), "-o", str(tmp_path / "no" / "dir" / "p.json")]
    )
    assert result.exit_code == 2
    assert "không ghi được" in result.stderr


def test_check_reads_docx_and_txt_alike(tmp_path: Path) -> None:
    runner = CliRunner()
    docx = runner.invoke(main, ["check", str(write_docx(tmp_path / "p.docx"))])
    txt = runner.invoke(main, ["check", str(write_txt(tmp_path / "p.txt"))])
    assert docx.exit_code == txt.exit_code and docx.exit_code in (0, 1), docx.output
    # Alike but for where the evidence is: a .docx has body paragraphs, a .txt file lines.
    assert _without_locations(docx.stdout.replace("p.docx", "p.txt")) == _without_locations(
        txt.stdout
    )
    assert "↳" in txt.stdout


def _without_locations(text: str) -> str:
    """The terminal view without its '↳ where in the plan' lines (and their wrapped rest)."""
    out: list[str] = []
    skip_deeper = None
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip())
        if skip_deeper is not None and indent > skip_deeper and line.strip():
            continue
        skip_deeper = indent if line.lstrip().startswith("↳") else None
        if skip_deeper is None:
            out.append(line)
    return "\n".join(out)
