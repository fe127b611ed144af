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
import subprocess
import sys
import unicodedata
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
    Case("date-31-02", "31/02/2024", "ngày không tồn tại", "not a real date", covered_by=BF),
    Case(
        "date-iso-02-30",
        "2024-02-30",
        "ngày không tồn tại: '2024-02-30'",
        "not a real date: '2024-02-30'",
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
