"""The bad-input matrix: every kind of broken input a user can hand cchc, the sentence it must
get, and exit code 2 (or its own error row in a batch); never a traceback, never a hang.

The matrix is stated in full below (MATRIX). Cases already run by other tests name them in
`covered_by` and are not repeated here:
- fixtures/bad/cases.yaml, run by tests/test_bad_fixtures.py through `cchc check` in both
  languages, the loader and a real process;
- tests/test_loader.py: the loader on directories, pipes, symlink loops, unreadable files,
  the size limit, deep nesting, and the same Plan from every accepted encoding;
- tests/test_pack_lint.py: broken rule files through `cchc rules lint`;
- tests/test_batch.py: error rows of a batch, and resume after SIGINT and SIGKILL.
The cases run here are those no other test covers: real 50 MB files and very long lines,
the named pipe and friends inside a batch, rule files fed to `cchc check --rules`, the full
checker output of re-encoded plans, and hostile markup in every text field of a plan.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import subprocess
import sys
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cchc.cli import main
from conftest import BAD, SEEDS
from htmlcheck import parse

SEED = SEEDS / "tan-phong-2024.json"
ENV = dict(os.environ, PYTHONIOENCODING="utf-8")


@dataclass(frozen=True)
class Case:
    id: str
    input: str  # what the file or folder is
    vi: str  # a distinctive part of the Vietnamese message ("" for valid inputs)
    en: str
    exit: int | None = 2  # None: valid input (exit 0 or 1, results identical to the plain file)
    covered_by: str | None = None  # the test that runs it; None: run in this module


BF = "tests/test_bad_fixtures.py (fixtures/bad/cases.yaml)"
TL = "tests/test_loader.py"
PL = "tests/test_pack_lint.py"

MATRIX: list[Case] = [
    # --- the file itself ---------------------------------------------------------------------
    Case("empty", "a file of 0 bytes", "tệp rỗng", "the file is empty", covered_by=BF),
    Case("blank", "only white space", "chỉ có khoảng trắng", "only white space", covered_by=BF),
    Case("binary", "PNG bytes", "tệp nhị phân", "binary data", covered_by=BF),
    Case("undecodable", "Latin-1 bytes", "không giải mã được", "cannot decode", covered_by=BF),
    Case("utf16-no-bom", "UTF-16 without BOM", "tệp nhị phân", "binary data", covered_by=BF),
    Case("directory", "a folder named x.json", "là một thư mục", "is a directory", covered_by=BF),
    Case("pipe", "a named pipe", "không phải tệp thông thường", "not a regular", covered_by=BF),
    Case(
        "symlink-loop",
        "a.json → b.json → a.json",
        "không đọc được tệp",
        "cannot read",
        covered_by=BF,
    ),
    Case("missing", "no such file", "không tìm thấy tệp", "file not found", covered_by=BF),
    Case("unreadable", "mode 000 (skipped as root)", "không đọc được tệp", "cannot read"),
    Case("50mb", "a 50 MB plan file", "tệp quá lớn (50.0 MB, tối đa 10 MB)", "file too large"),
    Case("long-line-ok", "a valid plan on one 9 MB line", "", "", exit=None),
    Case("long-text", "a 1,000,000-character title", "văn bản quá dài", "text too long"),
    # --- JSON ------------------------------------------------------------------------------------
    Case("not-json", "prose", "không phải JSON hợp lệ", "not valid JSON", covered_by=BF),
    Case("truncated", "cut in a string", "chưa được đóng", "unterminated string", covered_by=BF),
    Case("top-array", "a JSON array", "không phải array", "not array", covered_by=BF),
    Case("deep", "nesting 10,000 deep", "lồng nhau quá sâu", "nested too deeply", covered_by=BF),
    Case("nan", "NaN as a count", "NaN không hợp lệ", "NaN is not allowed", covered_by=BF),
    Case("infinity", "Infinity", "Infinity không hợp lệ", "Infinity is not allowed", covered_by=BF),
    Case(
        "dup-key", "a key twice in an activity", "xuất hiện hai lần", "appears twice", covered_by=BF
    ),
    Case(
        "dup-top-key",
        "`document` twice at the top",
        "'document' xuất hiện hai lần",
        "'document' appears twice",
    ),
    Case("surrogate", "a lone \\ud800", "Unicode không hợp lệ", "invalid Unicode", covered_by=BF),
    # --- values ----------------------------------------------------------------------------------
    Case("date-31-02", "31/02/2024", "ngày không hợp lệ", "not a valid date", covered_by=BF),
    Case(
        "date-iso-02-30",
        "2024-02-30",
        "ngày không hợp lệ: '2024-02-30' (cần một ngày có thật, dạng yyyy-mm-dd",
        "not a valid date: '2024-02-30' (a real date, yyyy-mm-dd",
    ),
    Case("absurd-year", "14/10/1066", "năm không hợp lý", "implausible year", covered_by=BF),
    Case("negative-count", "count -3", "số nguyên không âm", "non-negative whole", covered_by=BF),
    Case("huge-count", "count 10^6", "không quá 100000", "at most 100000", covered_by=BF),
    Case(
        "count-1e400", "count 1e400 (a float overflow)", "số nguyên không âm", "non-negative whole"
    ),
    Case("count-2^70", "count 2^70", "không quá 100000", "at most 100000"),
    Case("string-count", '"count": "3"', "số nguyên không âm", "non-negative whole", covered_by=BF),
    Case("bool-count", '"count": true', "số nguyên không âm", "non-negative whole", covered_by=BF),
    Case("negative-money", "amount -5", "số nguyên không âm", "non-negative whole", covered_by=BF),
    Case(
        "unknown-field",
        "documnet",
        "có phải là 'document'?",
        "did you mean 'document'?",
        covered_by=BF,
    ),
    Case("bad-enum", "form radio_tv", "không hợp lệ; dùng một trong", "use one of", covered_by=BF),
    Case(
        "reversed-period",
        "ends before it starts",
        "kết thúc trước",
        "ends before it starts",
        covered_by=BF,
    ),
    # --- rule files ------------------------------------------------------------------------------
    Case(
        "yaml-bomb",
        "9 levels of aliases ×9 (10^9 items)",
        "",
        "anchors and aliases",
        covered_by=None,
    ),
    Case("yaml-alias", "one alias", "", "anchors and aliases", covered_by=PL + " alias-bomb"),
    Case("yaml-python-tag", "!!python/object/apply:os.system", "", "YAML tag", covered_by=None),
    Case("yaml-unknown-key", "wieght: 3", "", "Extra inputs are not permitted", covered_by=None),
    Case(
        "yaml-duplicate-id",
        "a rule ID of a shipped pack",
        "",
        "also defined in pack",
        covered_by=None,
    ),
    Case("yaml-too-large", "a 3 MB rule file", "", "file too large", covered_by=None),
    # --- valid inputs that must give the plain file's results --------------------------------------
    Case("utf8-bom", "UTF-8 with BOM", "", "", exit=None),
    Case("utf16-le-bom", "UTF-16 LE with BOM", "", "", exit=None),
    Case("utf16-be-bom", "UTF-16 BE with BOM", "", "", exit=None),
    Case("nfd", "decomposed Vietnamese (NFD)", "", "", exit=None),
    Case("crlf", "CRLF line endings", "", "", exit=None),
]


def test_the_matrix_is_complete() -> None:
    bad = [c for c in MATRIX if c.exit == 2]
    assert len(bad) >= 30
    assert len({c.id for c in MATRIX}) == len(MATRIX)
    # Every case run elsewhere names a test file that exists.
    root = Path(__file__).resolve().parents[1]
    for case in MATRIX:
        if case.covered_by:
            assert (root / case.covered_by.split()[0]).is_file(), case.id
    # The fixtures/bad cases named here are in its manifest.
    manifest = (BAD / "cases.yaml").read_text(encoding="utf-8")
    for case in MATRIX:
        if case.covered_by == BF:
            assert case.en in manifest or case.en.replace("'", "''") in manifest, case.id


# --- running a case ------------------------------------------------------------------------------


def check_json(path: Path, lang: str = "vi", *extra: str) -> tuple[int, dict[str, Any], str]:
    """`cchc check --format json` in-process: exit code, the JSON run, stderr."""
    result = CliRunner().invoke(
        main, ["check", "--format", "json", "--lang", lang, *extra, str(path)]
    )
    assert isinstance(result.exception, SystemExit) or result.exception is None, result.output
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout), result.stderr


def assert_bad(path: Path, case_id: str, field: str | None = None) -> None:
    case = next(c for c in MATRIX if c.id == case_id)
    for lang, text in (("vi", case.vi), ("en", case.en)):
        code, run, stderr = check_json(path, lang)
        assert code == 2, stderr
        assert run["plans"] == []
        (error,) = run["errors"]
        assert error["file"] == str(path) and text in error["error"]
        assert text in stderr and len(stderr.strip().splitlines()) == 1
        if field is not None:
            assert error["field"] == field


def plan_text() -> str:
    return SEED.read_text(encoding="utf-8")


def test_50_mb_file(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as fh:
        fh.write(b'{"notes": ["')
        fh.write(b"x" * (50 * 2**20))
        fh.write(b'"]}')
    assert_bad(path, "50mb")


def test_a_valid_plan_on_one_very_long_line(tmp_path: Path) -> None:
    data = json.loads(plan_text())
    line = json.dumps(data, ensure_ascii=False)
    padded = line[:-1] + " " * (9 * 2**20) + "}"  # 9 MB of blanks, under the 10 MB limit
    path = tmp_path / "long.json"
    path.write_text(padded, encoding="utf-8")
    assert "\n" not in padded
    code, run, _ = check_json(path)
    plain_code, plain, _ = check_json(SEED)
    assert code == plain_code and not run["errors"]
    assert _comparable(run) == _comparable(plain)


def test_a_million_character_title(tmp_path: Path) -> None:
    data = json.loads(plan_text())
    data["document"]["title"] = "Kế hoạch " * 125_000
    path = tmp_path / "title.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert_bad(path, "long-text", field="document.title")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_through_the_command(tmp_path: Path) -> None:
    path = tmp_path / "secret.json"
    path.write_text(plan_text(), encoding="utf-8")
    path.chmod(0)
    try:
        assert_bad(path, "unreadable")
    finally:
        path.chmod(0o600)


def test_duplicate_top_level_key(tmp_path: Path) -> None:
    path = tmp_path / "dup.json"
    path.write_text('{"document": {}, "issuer": {}, "document": {}}', encoding="utf-8")
    assert_bad(path, "dup-top-key", field="document")


def test_impossible_iso_date(tmp_path: Path) -> None:
    data = json.loads(plan_text())
    data["document"]["issue_date"] = "2024-02-30"
    path = tmp_path / "date.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert_bad(path, "date-iso-02-30", field="document.issue_date")


@pytest.mark.parametrize(
    ("case_id", "literal"), [("count-1e400", "1e400"), ("count-2^70", str(2**70))]
)
def test_numbers_beyond_machine_range(tmp_path: Path, case_id: str, literal: str) -> None:
    text = '{"activities": [{"form": "radio", "count": ' + literal + ', "per": "week"}]}'
    path = tmp_path / "n.json"
    path.write_text(text, encoding="ascii")
    assert_bad(path, case_id, field="activities[0].count")


# --- many bad inputs in one batch: one error row each, no hang -------------------------------------


def _bad_folder(folder: Path) -> dict[str, str]:
    """Inputs that must each get an error row: name → part of the Vietnamese message."""
    folder.mkdir()
    (folder / "good.json").write_text(plan_text(), encoding="utf-8")
    with (folder / "big.json").open("wb") as fh:
        fh.write(b'{"notes": ["' + b"x" * (50 * 2**20) + b'"]}')
    (folder / "deep.json").write_text('{"notes": ' + "[" * 10_000 + "]" * 10_000 + "}")
    (folder / "a.json").symlink_to(folder / "b.json")
    (folder / "b.json").symlink_to(folder / "a.json")
    (folder / "x.json").mkdir()
    expected = {
        "big.json": "tệp quá lớn",
        "deep.json": "lồng nhau quá sâu",
        "a.json": "không đọc được tệp",
        "b.json": "không đọc được tệp",
        "x.json": "là một thư mục",
    }
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.json")
        expected["pipe.json"] = "không phải tệp thông thường"
    return expected


def test_a_batch_gives_each_bad_input_its_row_and_does_not_hang(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    expected = _bad_folder(folder)
    out = tmp_path / "out"
    # A real process with a timeout: a named pipe opened for reading would block forever.
    proc = subprocess.run(
        [sys.executable, "-m", "cchc", "batch", str(folder), "--out", str(out)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=ENV,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    run = json.loads((out / "results.json").read_text(encoding="utf-8"))
    errors = {e["file"]: e["error"] for e in run["errors"]}
    assert set(errors) == set(expected)
    for name, text in expected.items():
        assert text in errors[name], name
    assert [p["file"] for p in run["plans"]] == ["good.json"]


# --- rule files given to `cchc check --rules` --------------------------------------------------------

PACK = """\
pack:
  id: robust-test
  title: {vi: Gói thử, en: Test pack}
  document: {kind: KH, number: 9/KH-TEST, date: 2024-01-01, issuer: UBND tỉnh}
  applies: {levels: [commune], from: 2024-01-01}
rules:
  - id: ROBUST-BUDGET
    title: {vi: Kinh phí, en: Funding}
    area: funding
    severity: minor
    weight: 1
    status: V
    source: {clause: Điều 1}
    check: {has_budget: true}
    message:
      fail: {vi: "Không có kinh phí", en: "No funding"}
      partial: {vi: "Không nêu nguồn", en: "No source"}
    fix: {vi: "Ghi nguồn kinh phí.", en: "State the funding source."}
    examples:
      pass: [{budget: [{source: ngân sách xã}]}]
      fail: [{}]
"""

BOMB = "".join(
    f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{chr(96 + i)}" if i else '"lol"'] * 9) + "]\n"
    for i in range(9)
)


def _pack(text: str) -> Callable[[Path], None]:
    def write(folder: Path) -> None:
        (folder / "pack.yaml").write_text(text, encoding="utf-8")

    return write


def _too_large(folder: Path) -> None:
    (folder / "pack.yaml").write_text(PACK + "# " + "x" * (3 * 2**20) + "\n", encoding="utf-8")


RULE_FILE_CASES = {
    "yaml-bomb": _pack(BOMB + PACK),
    "yaml-python-tag": _pack(
        PACK.replace("weight: 1", "weight: !!python/object/apply:os.system [echo]")
    ),
    "yaml-unknown-key": _pack(PACK.replace("    weight: 1\n", "    weight: 1\n    wieght: 3\n")),
    "yaml-duplicate-id": _pack(PACK.replace("ROBUST-BUDGET", "NQ76-2021-CITE")),
    "yaml-too-large": _too_large,
}


def test_the_test_pack_itself_is_good(tmp_path: Path) -> None:
    _pack(PACK)(tmp_path)
    code, run, stderr = check_json(SEED, "en", "--rules", str(tmp_path))
    assert code in (0, 1), stderr
    assert "ROBUST-BUDGET" in {r["rule"] for r in run["plans"][0]["results"]}


@pytest.mark.parametrize("case_id", sorted(RULE_FILE_CASES))
def test_broken_rule_file_given_to_check(tmp_path: Path, case_id: str) -> None:
    case = next(c for c in MATRIX if c.id == case_id)
    folder = tmp_path / "rules"
    folder.mkdir()
    RULE_FILE_CASES[case_id](folder)
    # A real process with a timeout: an expanded alias bomb would never finish.
    for lang in ("vi", "en"):
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "cchc",
                "check",
                "--lang",
                lang,
                "--rules",
                str(folder),
                str(SEED),
            ],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=ENV,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
        assert proc.returncode == 2, proc.stdout + proc.stderr
        assert "Traceback" not in proc.stdout + proc.stderr
        # It names the file (or, for a clash between packs, the pack and the rule).
        names = "robust-test: [NQ76-2021-CITE]" if case_id == "yaml-duplicate-id" else "pack.yaml"
        assert names in proc.stderr
        # Pack errors are written for rule authors, in English in both languages.
        assert case.en in proc.stderr


def test_aliases_are_refused_by_the_pure_python_parser_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without libyaml the same check runs on PyYAML's own parser."""
    import yaml

    from cchc import yamlsafe

    monkeypatch.setattr(yamlsafe, "_Loader", yaml.SafeLoader)
    path = tmp_path / "bomb.yaml"
    path.write_text(BOMB, encoding="utf-8")
    with pytest.raises(yamlsafe.YamlError) as info:
        yamlsafe.read_yaml(path)
    assert info.value.key == "yaml_alias" and info.value.line == 2


# --- valid inputs: identical results to the plain UTF-8 file --------------------------------------

ENCODINGS: dict[str, Callable[[str], bytes]] = {
    "utf8-bom": lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
    "utf16-le-bom": lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"),
    "utf16-be-bom": lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
    "nfd": lambda s: unicodedata.normalize("NFD", s).encode("utf-8"),
    "crlf": lambda s: s.replace("\n", "\r\n").encode("utf-8"),
}


def _comparable(run: dict[str, Any]) -> list[dict[str, Any]]:
    plans = json.loads(json.dumps(run["plans"]))
    for plan in plans:
        plan.pop("file")
    return plans


@pytest.mark.parametrize("engine", ["durable", "python"])
@pytest.mark.parametrize("name", sorted(ENCODINGS))
def test_reencoded_plan_gives_the_same_full_output(tmp_path: Path, name: str, engine: str) -> None:
    text = plan_text()
    data = ENCODINGS[name](text)
    assert data != text.encode("utf-8")
    path = tmp_path / f"{name}.json"
    path.write_bytes(data)
    code, run, _ = check_json(path, "vi", "--engine", engine)
    plain_code, plain, _ = check_json(SEED, "vi", "--engine", engine)
    assert code == plain_code and not run["errors"]
    assert _comparable(run) == _comparable(plain)
    assert run["plans"][0]["results"]  # something was checked


# --- hostile markup in every text field, in every HTML output -------------------------------------

MARKUP = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'


def _poison(value: Any, model_check: Callable[[Any], bool]) -> Any:
    """Prefix every free-text string of a plan with markup, keeping the plan valid: a string
    that must stay a code, date or number (the model refuses the markup) is left alone."""
    if isinstance(value, dict):
        out = dict(value)
        for key, item in value.items():
            if isinstance(item, str):
                out[key] = MARKUP + item
                if not model_check(out):
                    out[key] = item
            else:
                out[key] = _poison(item, lambda v, k=key, o=out: model_check({**o, k: v}))
        return out
    if isinstance(value, list):
        items = list(value)
        for i, item in enumerate(value):
            if isinstance(item, str):
                items[i] = MARKUP + item
                if not model_check(items):
                    items[i] = item
            else:
                items[i] = _poison(
                    item, lambda v, i=i, o=items: model_check([*o[:i], v, *o[i + 1 :]])
                )
        return items
    return value


def _hostile_plan() -> dict[str, Any]:
    from cchc.model import Plan

    def valid(data: Any) -> bool:
        try:
            Plan.model_validate(data)
        except Exception:
            return False
        return True

    data = json.loads(plan_text())
    data["cited_documents"].append({"number": "<b>76</b>/NQ-CP", "title": "x"})
    poisoned = _poison(data, valid)
    return poisoned


def _assert_no_markup(html: str, where: str) -> None:
    page = parse(html)
    assert "<script>alert(1)</script>" in page.text, f"{where}: the text must be shown"
    assert not page.find("img"), where
    assert not [b for b in page.find("b") if b.text == "76"], where  # the report has its own <b>
    assert not [e for e in page.elements if any(k.startswith("on") for k in e.attrs)], where
    assert all("alert(" not in s for s in page.scripts), where


def test_hostile_markup_in_every_text_field_stays_text_in_every_html_output(
    tmp_path: Path,
) -> None:
    plan = _hostile_plan()
    texts = [s for s in _strings(plan) if s.startswith(MARKUP)]
    assert len(texts) >= 20  # issuer, title, activities, owners, citations, evidence…
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / "hostile.json"
    path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")

    for lang in ("vi", "en"):
        report = tmp_path / f"report-{lang}.html"
        result = CliRunner().invoke(
            main, ["check", "--format", "html", "--lang", lang, "-o", str(report), str(path)]
        )
        assert result.exit_code in (0, 1), result.output
        _assert_no_markup(report.read_text(encoding="utf-8"), f"check --format html ({lang})")

    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(folder), "--out", str(out)])
    assert result.exit_code in (0, 1), result.output
    pages = sorted(out.rglob("*.html"))
    assert len(pages) >= 2  # index.html and the plan's page
    for page in pages:
        _assert_no_markup(page.read_text(encoding="utf-8"), str(page.relative_to(out)))


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


# === Hostile inputs: stale answers, hangs, reads from outside the folder, losses ===============
#
# Each test below states one defect an unfriendly user could exploit; the attack files are
# generated small (limits are lowered through `--limit` or `cchc.limits.use` where a real-size
# attack would be slow to build). Peak memory of real-size attacks is measured by
# bench/extract_scale.py, not here.

HOSTILE: list[Case] = [
    Case("resume-edited", "a plan edited between a stopped run and --resume", "", "", exit=None),
    Case("resume-new-rules", "a rule pack changed before --resume", "", "", exit=None),
    Case(
        "second-writer",
        "a second batch on an output folder in use",
        "đang được một lần chạy khác dùng",
        "another run is using it",
    ),
    Case(
        "link-outside",
        "a link in the input folder to a file outside it",
        "dẫn ra ngoài thư mục đầu vào",
        "leads outside the input folder",
    ),
    Case("numbering-start-huge", "w:start = 10^12", "w:start", "w:start"),
    Case("numbering-start-abc", 'w:start="abc"', "w:start", "w:start"),
    Case("numbering-ilvl-12", "w:ilvl = 12", "w:ilvl", "w:ilvl"),
    Case("zip-member-bomb", "a .docx member inflating past the limit", "giải nén", "inflates"),
    Case("zip-total-bomb", "members that together inflate past the limit", "giải nén", "inflates"),
    Case(
        "xml-elements", "a .docx part of millions of tiny elements", "phần tử XML", "XML elements"
    ),
    Case("pdf-stream-bomb", "a PDF stream inflating past the limit", "giải nén", "inflates"),
    Case("pdf-pages", "a PDF with more pages than the limit", "số trang", "pages"),
    Case("pdf-page-content", "a PDF page drawing a million characters", "một trang", "a page"),
    Case("paragraphs", "more paragraphs than the limit", "số đoạn", "paragraphs"),
    Case("characters", "more characters than the limit", "số ký tự", "characters"),
    Case("escape-title", "ESC sequences in a plan's title and a file name", "", "", exit=None),
    Case("json-huge-int", "a 100,000-digit integer", "chữ số", "digits"),
    Case("enospc", "a full disk under the output folder", "No space left", "No space left"),
    Case("xlsx-fault", "openpyxl failing on a report", "không ghi được", "cannot write"),
    Case("pages-unwritable", "an unwritable plans/ output folder", "Permission", "Permission"),
    Case("pdf-encrypted", "a password-protected PDF", "mật khẩu", "password"),
    Case("jobs-40", "--jobs 40 on a few files", "", "", exit=None),
    Case("file-timeout", "a file whose check never ends", "quá thời gian", "took longer"),
    Case("bad-limit", "--limit with an unknown name or a bad value", "--limit", "--limit"),
]


def test_the_hostile_cases_are_named_once() -> None:
    ids = [c.id for c in MATRIX + HOSTILE]
    assert len(ids) == len(set(ids))


def _hostile(case_id: str) -> Case:
    return next(c for c in HOSTILE if c.id == case_id)


def _batch_run(folder: Path, out: Path, **kw: Any) -> Any:
    from cchc.batch.run import BatchConfig, run_batch
    from cchc.checker import CheckOptions

    return run_batch(BatchConfig(root=folder, outdir=out, options=CheckOptions(), **kw))


def _out_snapshot(out: Path) -> dict[str, bytes]:
    from cchc.batch.journal import JOURNAL_NAME

    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != JOURNAL_NAME
    }


def _results(out: Path) -> dict[str, Any]:
    return json.loads((out / "results.json").read_text(encoding="utf-8"))


# --- 1. resume: keyed by content and by rules -------------------------------------------------------


def test_resume_rechecks_a_plan_edited_since_the_stopped_run(tmp_path: Path) -> None:
    from cchc.batch.run import BatchConfig, run_batch, summary_paragraph
    from cchc.checker import CheckOptions
    from plandirs import write_plan_folder

    folder = tmp_path / "plans"
    write_plan_folder(folder, 4)
    out = tmp_path / "out"
    _batch_run(folder, out)
    edited = folder / "tinh" / "ke-hoach-00.json"
    data = json.loads(edited.read_text(encoding="utf-8"))
    data["document"]["title"] = "Kế hoạch đã sửa sau lần chạy trước"
    data["activities"] = data["activities"][:1]
    # The same size and modification time as before: only the content tells.
    stat = edited.stat()
    text = json.dumps(data, ensure_ascii=False)
    edited.write_text(text.ljust(stat.st_size) if len(text) < stat.st_size else text, "utf-8")
    os.utime(edited, ns=(stat.st_atime_ns, stat.st_mtime_ns))

    config = BatchConfig(root=folder, outdir=out, options=CheckOptions(), resume=True)
    result = run_batch(config)
    total = len(list(folder.rglob("*.json")))
    assert result.resumed == total - 1  # every other file was reused
    _batch_run(folder, tmp_path / "ref")
    assert _out_snapshot(out) == _out_snapshot(tmp_path / "ref")
    titles = {p["file"]: p["plan"]["title"] for p in _results(out)["plans"]}
    assert titles["tinh/ke-hoach-00.json"] == "Kế hoạch đã sửa sau lần chạy trước"
    closing = summary_paragraph(result, config)
    assert f"{total - 1} tệp đã có kết quả từ lần chạy trước" in closing
    assert "1 tệp đã thay đổi" in closing


def test_resume_rechecks_every_plan_when_the_rules_change(tmp_path: Path) -> None:
    from cchc.batch.run import BatchConfig, run_batch
    from cchc.checker import CheckOptions
    from plandirs import write_plan_folder

    folder = tmp_path / "plans"
    write_plan_folder(folder, 3)
    rules = tmp_path / "rules"
    rules.mkdir()
    _pack(PACK)(rules)
    out = tmp_path / "out"

    def config(outdir: Path, resume: bool) -> BatchConfig:
        options = CheckOptions(rules_dirs=(rules,))
        return BatchConfig(
            root=folder, outdir=outdir, options=options, resume=resume, rules_dirs=(rules,)
        )

    run_batch(config(out, False))
    _pack(PACK.replace("severity: minor", "severity: major"))(rules)
    result = run_batch(config(out, True))
    assert result.resumed == 0
    run_batch(config(tmp_path / "ref", False))
    assert _out_snapshot(out) == _out_snapshot(tmp_path / "ref")
    severities = {
        r["severity"]
        for p in _results(out)["plans"]
        for r in p["results"]
        if r["rule"] == "ROBUST-BUDGET"
    }
    assert severities == {"major"}


# --- 2. a second writer is refused before it touches anything -------------------------------------


def test_a_second_batch_is_refused_without_touching_the_first_ones_files(tmp_path: Path) -> None:
    from cchc.batch.run import BatchConfig, BatchError, run_batch
    from cchc.checker import CheckOptions
    from plandirs import write_plan_folder

    folder = tmp_path / "plans"
    write_plan_folder(folder, 2)
    out = tmp_path / "out"
    part = out / ".summary.csv.abc123.part"
    refused: list[str] = []

    def second_run() -> None:
        # The first run is writing its outputs: its temporary file exists.
        part.write_bytes(b"half written")
        (out / "plans" / ".page.html.x.part").write_bytes(b"half written")
        with pytest.raises(BatchError) as info:
            run_batch(BatchConfig(root=folder, outdir=out, options=CheckOptions()))
        refused.append(info.value.message("vi"))
        assert part.read_bytes() == b"half written"
        assert (out / "plans" / ".page.html.x.part").exists()

    run_batch(
        BatchConfig(root=folder, outdir=out, options=CheckOptions(), on_finalising=second_run)
    )
    assert refused and _hostile("second-writer").vi in refused[0]
    assert (out / "results.json").is_file()  # the first run finished


# --- 3. inputs stay inside the input folder -------------------------------------------------------

SECRET = "BÍ MẬT NGOÀI THƯ MỤC"


def _folder_with_links(tmp_path: Path) -> Path:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    data = json.loads(plan_text())
    data["document"]["title"] = SECRET
    (outside / "secret.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (outside / "sub").mkdir()
    (outside / "sub" / "also.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.json").write_text(plan_text(), encoding="utf-8")
    (folder / "inner.json").symlink_to(folder / "good.json")  # inside: read
    (folder / "secret.json").symlink_to(outside / "secret.json")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "dir.json").symlink_to(outside / "sub")
    return folder


def test_a_link_out_of_the_input_folder_is_a_row_not_content(tmp_path: Path) -> None:
    folder = _folder_with_links(tmp_path)
    out = tmp_path / "out"
    _batch_run(folder, out)
    run = _results(out)
    errors = {e["file"]: e["error"] for e in run["errors"]}
    case = _hostile("link-outside")
    for name in ("secret.json", "passwd.txt", "dir.json"):
        assert case.vi in errors[name], name
    assert sorted(p["file"] for p in run["plans"]) == ["good.json", "inner.json"]
    for path in out.rglob("*"):
        if path.is_file():
            body = path.read_text(encoding="utf-8", errors="replace")
            assert SECRET not in body and "root:x:0" not in body, path


def test_cchc_check_on_a_folder_does_not_follow_links_out_of_it(tmp_path: Path) -> None:
    folder = _folder_with_links(tmp_path)
    result = CliRunner().invoke(main, ["check", "--format", "json", "--lang", "en", str(folder)])
    assert result.exit_code == 2
    run = json.loads(result.stdout)
    assert SECRET not in result.stdout and "root:x:0" not in result.stdout
    errors = {Path(e["file"]).name: e["error"] for e in run["errors"]}
    assert _hostile("link-outside").en in errors["secret.json"]


def test_cchc_index_does_not_follow_links_out_of_its_input_folders(tmp_path: Path) -> None:
    from cchc.parindex.inputs import load_plans

    folder = _folder_with_links(tmp_path)
    loaded, errors = load_plans(folder, "en")
    assert sorted(Path(p.file).name for p in loaded) == ["good.json", "inner.json"]
    assert all(p.plan.document.title != SECRET for p in loaded)
    refused = {Path(e.file).name: e.error for e in errors}
    assert _hostile("link-outside").en in refused["secret.json"]


# --- 4 and 8. Word numbering values: bounded, a sentence ------------------------------------------

_NUMBERING = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/>
<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def _numbered_docx(path: Path, start: str = "1", fmt: str = "decimal", ilvl: str = "0") -> Path:
    """A plan whose list items use numbering.xml as given (a few kB)."""
    import zipfile

    from _extract_docs import write_docx

    base = write_docx(path.with_name("base.docx"))
    numbering = _NUMBERING.format(start=start, fmt=fmt, ilvl=ilvl)
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                # Every list item of the plan points at list 1, level `ilvl`.
                data = re.sub(
                    rb"<w:pStyle w:val=\"ListNumber\"/>",
                    b'<w:pStyle w:val="ListNumber"/><w:numPr><w:ilvl w:val="'
                    + ilvl.encode()
                    + b'"/><w:numId w:val="1"/></w:numPr>',
                    data,
                )
            if item.filename == "word/numbering.xml":
                data = numbering.encode()
            dst.writestr(item, data)
    return path


def _check_process(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """`cchc check` in a real process with a timeout: a hang fails the test, never blocks it."""
    return subprocess.run(
        [sys.executable, "-m", "cchc", "check", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=ENV,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize(
    ("case_id", "numbering"),
    [
        ("numbering-start-huge", {"start": str(10**12), "fmt": "upperRoman"}),
        ("numbering-start-huge", {"start": str(10**12), "fmt": "lowerLetter"}),
        ("numbering-start-abc", {"start": "abc"}),
        ("numbering-ilvl-12", {"ilvl": "12"}),
    ],
)
def test_word_numbering_values_are_bounded(
    tmp_path: Path, case_id: str, numbering: dict[str, str]
) -> None:
    path = _numbered_docx(tmp_path / "plan.docx", **numbering)
    case = _hostile(case_id)
    for lang, text in (("vi", case.vi), ("en", case.en)):
        proc = _check_process("--lang", lang, "--format", "json", str(path), timeout=30)
        assert proc.returncode == 2, proc.stderr
        assert "Traceback" not in proc.stderr and "internal" not in proc.stderr
        (line,) = proc.stderr.strip().splitlines()
        assert text in line and "numbering.xml" in line and str(path) in line


def test_ordinary_word_numbering_still_reads(tmp_path: Path) -> None:
    from cchc.extract.docx import read_docx

    text = read_docx(_numbered_docx(tmp_path / "plan.docx", start="3", fmt="upperRoman"))
    assert "III. Tuyên truyền trên trạm truyền thanh" in text
    assert "IV. Tổ chức hội nghị đối thoại" in text


# --- 5. decompression bombs, bounded before inflating ---------------------------------------------


def _bomb_docx(path: Path, members: dict[str, int]) -> Path:
    """A real plan plus members of zeros that inflate to the given sizes (bytes)."""
    import zipfile

    from _extract_docs import write_docx

    base = write_docx(path.with_name("base.docx"))
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename in members:
                data = data + b" " * (members[item.filename] - len(data))
            dst.writestr(item, data, compresslevel=9)
        for name, size in members.items():
            if name not in src.namelist():
                dst.writestr(name, b"\0" * size, compress_type=zipfile.ZIP_DEFLATED)
    return path


def _peak_mb(func: Callable[[], Any]) -> tuple[float, Any]:
    import tracemalloc

    tracemalloc.start()
    try:
        try:
            value: Any = func()
        except Exception as exc:  # the refusal is the value
            value = exc
        return tracemalloc.get_traced_memory()[1] / 2**20, value
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize(
    ("case_id", "members"),
    [
        ("zip-member-bomb", {"word/document.xml": 48 * 2**20}),
        ("zip-member-bomb", {"word/media/image1.bin": 48 * 2**20}),
        ("zip-total-bomb", {f"word/media/p{i}.bin": 6 * 2**20 for i in range(8)}),
    ],
)
def test_a_docx_bomb_is_refused_before_it_is_inflated(
    tmp_path: Path, case_id: str, members: dict[str, int]
) -> None:
    from cchc import limits
    from cchc.extract.docx import read_docx
    from cchc.loader import InputError

    path = _bomb_docx(tmp_path / "bomb.docx", members)
    assert path.stat().st_size < 2**20  # small on disk
    with limits.use(limits.current().replace(zip_member_mb=8, zip_total_mb=16)):
        peak, value = _peak_mb(lambda: read_docx(path))
    assert isinstance(value, InputError), value
    case = _hostile(case_id)
    assert case.en in value.render("en") and case.vi in value.render("vi")
    assert peak < 8, f"{peak:.1f} MB held while refusing"


def _pdf_with_stream(path: Path, stream: bytes, pages: int = 1) -> Path:
    """A hand-written PDF: `pages` pages sharing one Flate content stream."""
    import zlib

    data = zlib.compress(stream, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
        + b"] /Count %d >>" % pages,
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    objects += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R"
        b" /Resources << /Font << /F1 4 0 R >> >> >>"
    ] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


_PAGE_TEXT = b"BT /F1 11 Tf 72 760 Td (Ke hoach tuyen truyen cai cach hanh chinh nam 2024) Tj ET\n"


def test_a_docx_part_of_too_many_elements_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    from _extract_docs import write_docx
    from cchc import limits
    from cchc.extract.docx import read_docx
    from cchc.loader import InputError

    base = write_docx(tmp_path / "plan.docx")
    dense = tmp_path / "dense.docx"
    with zipfile.ZipFile(base) as src:
        body = src.read("word/document.xml")
    body = body.replace(b"</w:body>", b"<w:p/>" * 300_000 + b"</w:body>")
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(dense, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = body if item.filename == "word/document.xml" else src.read(item.filename)
            dst.writestr(item, data)
    with limits.use(limits.current().replace(xml_elements=100_000)):
        peak, value = _peak_mb(lambda: read_docx(dense))
    assert isinstance(value, InputError), value
    case = _hostile("xml-elements")
    assert case.en in value.render("en") and case.vi in value.render("vi")
    assert peak < 16, f"{peak:.1f} MB held while refusing"


def test_a_pdf_stream_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    from cchc import limits
    from cchc.extract.pdf import read_pdf
    from cchc.loader import InputError

    path = _pdf_with_stream(tmp_path / "bomb.pdf", _PAGE_TEXT + b" " * (48 * 2**20))
    assert path.stat().st_size < 2**20
    with limits.use(limits.current().replace(pdf_stream_mb=8)):
        peak, value = _peak_mb(lambda: read_pdf(path))
    assert isinstance(value, InputError), value
    case = _hostile("pdf-stream-bomb")
    assert case.en in value.render("en") and case.vi in value.render("vi")
    assert peak < 24, f"{peak:.1f} MB held while refusing"


def test_a_pdf_page_with_too_much_content_is_refused(tmp_path: Path) -> None:
    from cchc.extract.pdf import read_pdf
    from cchc.loader import InputError

    path = _pdf_with_stream(tmp_path / "dense.pdf", _PAGE_TEXT + b"(x) Tj " * 100_000)
    with pytest.raises(InputError) as info:
        read_pdf(path)
    case = _hostile("pdf-page-content")
    assert case.en in info.value.render("en") and case.vi in info.value.render("vi")
    assert "pdf_page_kb" in info.value.render("en")


def test_a_pdf_with_too_many_pages_is_refused(tmp_path: Path) -> None:
    path = _pdf_with_stream(tmp_path / "pages.pdf", _PAGE_TEXT * 3, pages=12)
    ok = _check_process("--format", "json", "--limit", "pdf_pages=12", str(path))
    assert ok.returncode in (0, 1), ok.stderr  # at the limit: read
    case = _hostile("pdf-pages")
    for lang, text in (("vi", case.vi), ("en", case.en)):
        proc = _check_process("--lang", lang, "--limit", "pdf_pages=10", str(path))
        assert proc.returncode == 2 and "Traceback" not in proc.stderr
        (line,) = proc.stderr.strip().splitlines()
        assert text in line and "pdf_pages" in line


# --- 6. document size ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("case_id", "limit", "text"),
    [
        ("paragraphs", "paragraphs=200", "\n".join(["Kế hoạch tuyên truyền."] * 201)),
        ("characters", "characters=5000", "Kế hoạch tuyên truyền cải cách. " * 200),
    ],
)
def test_document_size_is_bounded(tmp_path: Path, case_id: str, limit: str, text: str) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    case = _hostile(case_id)
    for lang, expected in (("vi", case.vi), ("en", case.en)):
        result = CliRunner().invoke(main, ["check", "--lang", lang, "--limit", limit, str(path)])
        assert result.exit_code == 2, result.output
        assert expected in result.stderr and limit.split("=")[0] in result.stderr
    # Within the limit the same file is read.
    name = limit.split("=")[0]
    result = CliRunner().invoke(main, ["check", "--limit", f"{name}=100000", str(path)])
    assert result.exit_code in (0, 1), result.output


def test_docx_paragraphs_are_bounded(tmp_path: Path) -> None:
    from _extract_docs import write_docx
    from cchc import limits
    from cchc.extract.docx import read_docx
    from cchc.loader import InputError

    path = write_docx(tmp_path / "plan.docx")
    with limits.use(limits.current().replace(paragraphs=10)), pytest.raises(InputError) as info:
        read_docx(path)
    assert "paragraphs" in info.value.render("en")


# --- 7. control characters never reach the terminal ------------------------------------------------

ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[H\x1b[31m\x9b31m\x08\x07"


def test_control_characters_are_stripped_from_terminal_output(tmp_path: Path) -> None:
    data = json.loads(plan_text())
    data["document"]["title"] = f"Kế hoạch {ESCAPES} tuyên truyền"
    data["issuer"]["name"] = f"UBND {ESCAPES}xã"
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    bad = tmp_path / "x\x1b[2Jy.json"
    bad.write_text("{", encoding="utf-8")
    enum = tmp_path / "enum.json"
    enum.write_text('{"activities": [{"form": "radio\\u001b[2J"}]}', encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    for p in (plan, bad, enum):
        (folder / p.name).write_bytes(p.read_bytes())

    outputs = []
    for args in (
        ["check", str(plan), str(bad), str(enum)],
        ["check", "--lang", "en", str(folder)],
        ["batch", str(folder), "--out", str(tmp_path / "out")],
        ["extract", "--explain", str(_escaped_text(tmp_path))],
    ):
        result = CliRunner().invoke(main, args)
        assert "Traceback" not in result.output
        outputs.append(result.stdout + result.stderr)
    joined = "".join(outputs)
    assert "Kế hoạch" in joined and "tuyên truyền" in joined  # the text itself is shown
    controls = [c for c in set(joined) if unicodedata.category(c) == "Cc" and c not in "\n"]
    assert not controls, [hex(ord(c)) for c in controls]


def _escaped_text(tmp_path: Path) -> Path:
    from _extract_docs import write_txt

    path = write_txt(tmp_path / "plan.txt")
    path.write_text(path.read_text("utf-8").replace("XÃ TÂN HÒA", "XÃ TÂN" + ESCAPES + "HÒA"))
    return path


def test_colour_codes_are_the_only_escapes_on_a_colour_terminal() -> None:
    from cchc.termsafe import for_terminal

    coloured = "\x1b[1m\x1b[32mĐạt\x1b[0m"
    # A colour code stays whoever wrote it; nothing that moves, hides or retitles does.
    assert for_terminal(coloured + ESCAPES, keep_colour=True) == coloured + "\x1b[31m"
    assert for_terminal(coloured + "\x1b[8mẩn\x1b[0m", keep_colour=True) == coloured + "ẩn\x1b[0m"
    assert for_terminal(coloured + ESCAPES) == "Đạt"


# --- 8. every known bad input and environment failure is a sentence ------------------------------


def test_a_100000_digit_integer_is_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "n.json"
    path.write_text('{"activities": [{"form": "radio", "count": ' + "9" * 100_000 + "}]}")
    case = _hostile("json-huge-int")
    for lang, text in (("vi", case.vi), ("en", case.en)):
        code, run, stderr = check_json(path, lang)
        assert code == 2 and "internal" not in stderr and "lỗi nội bộ" not in stderr
        (error,) = run["errors"]
        assert text in error["error"] and "100000" in error["error"].replace(",", "")


def _enospc(*args: Any, **kwargs: Any) -> Any:
    import errno

    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("where", ["journal", "page", "outputs"])
def test_a_full_disk_during_a_batch_is_a_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    import cchc.batch.journal as journal
    import cchc.batch.outputs as outputs
    import cchc.batch.worker as worker
    from plandirs import write_plan_folder

    folder = tmp_path / "plans"
    write_plan_folder(folder, 2)
    if where == "journal":
        monkeypatch.setattr(journal, "_write_all", _enospc)
    elif where == "page":
        monkeypatch.setattr(worker, "atomic_write", _enospc)
    else:
        monkeypatch.setattr(outputs, "atomic_open", _enospc)
    result = CliRunner().invoke(main, ["batch", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "nội bộ" not in result.output
    (line,) = result.stderr.strip().splitlines()
    assert _hostile("enospc").vi in line and str(tmp_path / "out") in line


def test_a_full_disk_or_failing_spreadsheet_writer_in_check_is_a_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl.workbook.workbook

    out = tmp_path / "report.html"
    monkeypatch.setattr(Path, "write_bytes", _enospc)
    result = CliRunner().invoke(main, ["check", "--format", "html", "-o", str(out), str(SEED)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    (line,) = result.stderr.strip().splitlines()
    assert "No space left" in line and str(out) in line
    monkeypatch.undo()

    def broken_save(*args: Any, **kwargs: Any) -> None:
        raise openpyxl.utils.exceptions.IllegalCharacterError("\x01 cannot be used")

    monkeypatch.setattr(openpyxl.workbook.workbook.Workbook, "save", broken_save)
    xlsx = tmp_path / "report.xlsx"
    case = _hostile("xlsx-fault")
    for lang, text in (("vi", case.vi), ("en", case.en)):
        result = CliRunner().invoke(
            main, ["check", "--lang", lang, "--format", "xlsx", "-o", str(xlsx), str(SEED)]
        )
        assert result.exit_code == 2, result.output
        assert "nội bộ" not in result.stderr and "internal" not in result.stderr
        (line,) = result.stderr.strip().splitlines()
        assert text in line and str(xlsx) in line


def test_a_failing_spreadsheet_writer_in_a_batch_is_a_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl.utils.exceptions

    import cchc.render.xlsx_book as xlsx_book
    from plandirs import write_plan_folder

    def broken(*args: Any, **kwargs: Any) -> None:
        raise openpyxl.utils.exceptions.IllegalCharacterError("\x01 cannot be used")

    folder = tmp_path / "plans"
    write_plan_folder(folder, 1)
    monkeypatch.setattr(xlsx_book.Workbook, "save", broken)
    result = CliRunner().invoke(main, ["batch", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    assert "nội bộ" not in result.output and "Traceback" not in result.output
    (line,) = result.stderr.strip().splitlines()
    assert "summary.xlsx" in line and "IllegalCharacterError" in line


def test_control_characters_do_not_break_the_spreadsheets(tmp_path: Path) -> None:
    data = json.loads(plan_text())
    data["document"]["title"] = "Kế hoạch\x01\x02\x1b tuyên truyền"
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    xlsx = tmp_path / "r.xlsx"
    result = CliRunner().invoke(main, ["check", "--format", "xlsx", "-o", str(xlsx), str(path)])
    assert result.exit_code in (0, 1), result.output
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "plan.json").write_bytes(path.read_bytes())
    result = CliRunner().invoke(main, ["batch", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code in (0, 1), result.output


def test_an_unwritable_pages_folder_is_a_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    import cchc.batch.worker as worker
    from plandirs import write_plan_folder

    folder = tmp_path / "plans"
    write_plan_folder(folder, 2)
    out = tmp_path / "out"
    (out / "plans").mkdir(parents=True)
    real = worker.atomic_write

    def refuse(path: Path, *args: Any, **kwargs: Any) -> None:
        # As root the mode bits would not stop the write: refuse as the kernel would.
        if Path(path).parent == out / "plans":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        real(path, *args, **kwargs)

    monkeypatch.setattr(worker, "atomic_write", refuse)
    result = CliRunner().invoke(main, ["batch", str(folder), "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert "nội bộ" not in result.output and "Traceback" not in result.output
    (line,) = result.stderr.strip().splitlines()
    assert _hostile("pages-unwritable").vi in line and "plans" in line


# --- 9. encrypted PDFs ---------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["password", "certificate"])
def test_an_encrypted_pdf_is_reported_as_encrypted(tmp_path: Path, how: str) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "Ke hoach tuyen truyen cai cach hanh chinh nam 2024")
    pdf.set_encryption(owner_password="chu", user_password="khach")
    data = bytes(pdf.output())
    if how == "certificate":
        # Encrypted for a recipient's certificate (public-key security), which no password opens.
        data = re.sub(rb"/Filter\s*/Standard", b"/Filter /Adobe.PubSec", data)
    path = tmp_path / "locked.pdf"
    path.write_bytes(data)
    case = _hostile("pdf-encrypted")
    for lang, text in (("vi", case.vi), ("en", case.en)):
        code, run, _ = check_json(path, lang)
        assert code == 2
        (error,) = run["errors"]
        assert text in error["error"], error


# --- 10. --jobs is capped ----------------------------------------------------------------------------


def test_jobs_are_capped_at_the_files_and_the_cores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cchc.batch.pool as pool
    import cchc.batch.run as run
    from plandirs import write_plan_folder

    folder = tmp_path / "plans"
    write_plan_folder(folder, 1)  # 1 plan, the hostile one and the seeds
    files = len(list(folder.rglob("*.json")))
    started: list[int] = []
    real = pool.run_files

    def spy(keys: Any, config: Any, jobs: int) -> Any:
        started.append(jobs)
        return real(keys, config, jobs)

    monkeypatch.setattr(run, "run_files", spy)
    result = _batch_run(folder, tmp_path / "out", jobs=40)
    cores = len(os.sched_getaffinity(0))
    assert started == [min(files, cores)] and result.jobs == min(files, cores)
    started.clear()
    result = _batch_run(folder, tmp_path / "out", jobs=40, resume=True)
    assert started == [] or started == [0]  # nothing left to check: no process started


# --- a wall-clock limit per file in a batch -----------------------------------------------------------

HANGING = "hang.json"


class _HangingChecker:
    """Checks every file normally but never finishes `hang.json`."""

    def __init__(self, options: Any) -> None:
        from cchc.checker import Checker

        self.inner = Checker(options)

    def check_path(self, path: Path) -> Any:
        if Path(path).name == HANGING:
            while True:
                pass
        return self.inner.check_path(path)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_that_never_finishes_gets_an_error_row_and_the_batch_goes_on(
    tmp_path: Path, jobs: int
) -> None:
    from cchc import limits
    from plandirs import write_plan_folder

    folder = tmp_path / "plans"
    write_plan_folder(folder, 2)
    (folder / HANGING).write_text(plan_text(), encoding="utf-8")
    out = tmp_path / "out"
    with limits.use(limits.current().replace(seconds=2)):
        result = _batch_run(folder, out, jobs=jobs, checker_factory=_HangingChecker)
    run = _results(out)
    (error,) = run["errors"]
    assert error["file"] == HANGING and _hostile("file-timeout").vi in error["error"]
    assert "seconds" in error["error"]
    assert len(run["plans"]) == len(list(folder.rglob("*.json"))) - 1
    assert result.exit_code == 2


# --- every limit is configurable, with a clear refusal ---------------------------------------------


def test_limits_are_configurable_and_a_bad_limit_is_a_sentence(tmp_path: Path) -> None:
    from cchc import limits

    names = set(limits.current().as_dict())
    assert names >= {
        "file_mb",
        "zip_member_mb",
        "zip_total_mb",
        "pdf_stream_mb",
        "pdf_pages",
        "paragraphs",
        "characters",
        "numbering_value",
        "seconds",
    }
    case = _hostile("bad-limit")
    for bad in ("bogus=3", "paragraphs=abc", "paragraphs=-1", "paragraphs"):
        for command in (["check", str(SEED)], ["batch", str(tmp_path), "--out", "o"]):
            result = CliRunner().invoke(main, [command[0], "--limit", bad, *command[1:]])
            assert result.exit_code == 2, (bad, result.output)
            assert case.vi in result.output and "Traceback" not in result.output
    result = CliRunner().invoke(main, ["check", "--limit", "file_mb=1", str(SEED)])
    assert result.exit_code in (0, 1)


def test_time_limits_nest() -> None:
    import time

    from cchc.timelimit import TimeLimitExceeded, time_limit

    started = time.monotonic()
    # An inner limit never outlives the outer one.
    with pytest.raises(TimeLimitExceeded), time_limit(0.5), time_limit(30):
        while True:
            pass
    assert time.monotonic() - started < 5
    with pytest.raises(TimeLimitExceeded), time_limit(0.5):
        with time_limit(0.1):
            pass
        while True:  # the outer limit still counts after the inner block
            pass


def test_a_document_that_takes_too_long_to_read_is_a_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    import cchc.extract  # noqa: F401  (registers the readers replaced below)
    from cchc import limits, loader

    def slow(path: Path) -> Any:
        while True:
            time.sleep(0.01)

    monkeypatch.setitem(loader._document_readers, ".txt", slow)
    path = tmp_path / "plan.txt"
    path.write_text("Kế hoạch", encoding="utf-8")
    with limits.use(limits.current().replace(seconds=1)), pytest.raises(loader.InputError) as info:
        loader.load_plan(path)
    assert _hostile("file-timeout").en in info.value.render("en")
    assert "seconds" in info.value.render("vi")
