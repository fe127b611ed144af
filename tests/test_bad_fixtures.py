"""Every malformed file of fixtures/bad gives exit 2 and its message, in Vietnamese and English."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from cchc.cli import main
from cchc.loader import InputError, load_plan
from conftest import BAD

CASES: list[dict[str, Any]] = yaml.safe_load((BAD / "cases.yaml").read_text(encoding="utf-8"))[
    "cases"
]
PLAN = '{"document": {"title": "Kế hoạch tuyên truyền cải cách hành chính năm 2024"}}'


# --- files that cannot be kept in git as text ------------------------------------------------------


def _binary(path: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)))


def _latin1(path: Path) -> None:
    path.write_bytes(PLAN.encode("latin-1", errors="replace").replace(b"?", b"\xe9"))


def _utf16_no_bom(path: Path) -> None:
    path.write_bytes(PLAN.encode("utf-16-le"))


def _directory(path: Path) -> None:
    path.mkdir()


def _fifo(path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    os.mkfifo(path)


def _symlink_loop(path: Path) -> None:
    other = path.with_name("loop-other.json")
    path.symlink_to(other)
    other.symlink_to(path)


def _missing(path: Path) -> None:
    assert not path.exists()


def _deep_nesting(path: Path) -> None:
    path.write_text('{"notes": ' + "[" * 10_000 + "]" * 10_000 + "}", encoding="ascii")


GENERATORS: dict[str, Callable[[Path], None]] = {
    "binary": _binary,
    "latin1": _latin1,
    "utf16_no_bom": _utf16_no_bom,
    "directory": _directory,
    "fifo": _fifo,
    "symlink_loop": _symlink_loop,
    "missing": _missing,
    "deep_nesting": _deep_nesting,
}


def case_path(case: dict[str, Any], tmp_path: Path) -> Path:
    if "generator" in case:
        path = tmp_path / case["file"]
        GENERATORS[case["generator"]](path)
        return path
    return BAD / case["file"]


def case_id(case: dict[str, Any]) -> str:
    return case["file"]


# --- the manifest --------------------------------------------------------------------------------


def test_manifest_has_enough_cases() -> None:
    assert len(CASES) >= 20
    names = [c["file"] for c in CASES]
    assert len(names) == len(set(names))


def test_every_bad_file_is_in_the_manifest_and_back() -> None:
    on_disk = {p.name for p in BAD.glob("*.json")}
    listed = {c["file"] for c in CASES if "generator" not in c}
    assert on_disk == listed


def test_generated_cases_name_a_known_generator() -> None:
    for case in CASES:
        if "generator" in case:
            assert case["generator"] in GENERATORS, case["file"]
            assert not (BAD / case["file"]).exists()


def test_generated_latin1_is_really_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "l.json"
    _latin1(path)
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    assert not path.read_bytes().startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


# --- through the command line --------------------------------------------------------------------


def run(args: list[str]) -> Any:
    return CliRunner().invoke(main, args)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case_in_vietnamese(case: dict[str, Any], tmp_path: Path) -> None:
    path = case_path(case, tmp_path)
    result = run(["check", str(path)])
    assert result.exit_code == case["exit"], result.output
    assert isinstance(result.exception, SystemExit)  # a clean exit, not a crash
    assert "Traceback" not in result.output
    assert case["vi"] in result.stderr
    assert result.stderr.startswith(f"Lỗi: {path}: ")
    if case["field"] is not None:
        assert f"{path}: {case['field']}: " in result.stderr


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case_in_english(case: dict[str, Any], tmp_path: Path) -> None:
    path = case_path(case, tmp_path)
    result = run(["check", "--lang", "en", str(path)])
    assert result.exit_code == case["exit"], result.output
    assert case["en"] in result.stderr
    assert result.stderr.startswith(f"Error: {path}: ")
    assert case["vi"] not in result.stderr or case["vi"] == case["en"]
    if case["field"] is not None:
        assert f"{path}: {case['field']}: " in result.stderr


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case_through_the_loader(case: dict[str, Any], tmp_path: Path) -> None:
    path = case_path(case, tmp_path)
    with pytest.raises(InputError) as info:
        load_plan(path)
    assert info.value.field == case["field"]
    assert info.value.file == str(path)


def test_a_bad_file_among_good_ones_does_not_stop_the_others(tmp_path: Path) -> None:
    good = BAD.parent / "seeds" / "tan-phong-2024.json"
    result = run(["check", str(BAD / "nan.json"), str(good)])
    assert result.exit_code == 2
    assert str(good) in result.stdout  # the good plan is still checked and reported
    assert "NaN" in result.stderr


# --- a real process, to prove no traceback reaches the user --------------------------------------

SUBPROCESS_CASES = [
    "duplicate-key.json",
    "binary.json",
    "deep.json",
    "not-json.json",
    "unknown-field.json",
    "pipe.json",
]


@pytest.mark.parametrize("name", SUBPROCESS_CASES)
def test_case_in_a_subprocess(name: str, tmp_path: Path) -> None:
    (case,) = [c for c in CASES if c["file"] == name]
    path = case_path(case, tmp_path)
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    for lang, expected in (("vi", case["vi"]), ("en", case["en"])):
        proc = subprocess.run(
            [sys.executable, "-m", "cchc", "check", "--lang", lang, str(path)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
        assert proc.returncode == 2, proc.stderr
        assert "Traceback" not in proc.stderr + proc.stdout
        assert expected in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1
