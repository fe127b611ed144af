"""The loader: every encoding of the same plan gives the same Plan; odd files fail with a sentence."""

from __future__ import annotations

import codecs
import os
import threading
import unicodedata
from pathlib import Path

import pytest

from cchc import loader
from cchc.loader import InputError, load_plan
from cchc.model import Plan
from conftest import SEEDS

SOURCE = SEEDS / "tan-phong-2024.json"


@pytest.fixture(scope="module")
def reference() -> Plan:
    return load_plan(SOURCE)


@pytest.fixture(scope="module")
def text() -> str:
    return SOURCE.read_text(encoding="utf-8")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def input_error(path: Path) -> InputError:
    with pytest.raises(InputError) as info:
        load_plan(path)
    return info.value


def test_reference_plan_is_not_trivial(reference: Plan, text: str) -> None:
    assert reference.activities and reference.cited_documents
    assert not text.isascii()  # encodings would make no difference on ASCII text


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("utf8-bom.json", lambda s: codecs.BOM_UTF8 + s.encode("utf-8")),
        ("utf16-le-bom.json", lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le")),
        ("utf16-be-bom.json", lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be")),
        ("nfd.json", lambda s: unicodedata.normalize("NFD", s).encode("utf-8")),
        ("crlf.json", lambda s: s.replace("\n", "\r\n").encode("utf-8")),
        (
            "all-at-once.json",
            lambda s: (
                codecs.BOM_UTF16_LE
                + unicodedata.normalize("NFD", s).replace("\n", "\r\n").encode("utf-16-le")
            ),
        ),
    ],
)
def test_same_plan_whatever_the_encoding(
    tmp_path: Path, reference: Plan, text: str, name: str, encode: object
) -> None:
    data = encode(text)  # type: ignore[operator]
    assert data != text.encode("utf-8")
    assert load_plan(write(tmp_path, name, data)) == reference


def test_nfd_file_really_was_decomposed(text: str) -> None:
    assert unicodedata.normalize("NFD", text) != text


def test_directory_named_like_a_plan(tmp_path: Path) -> None:
    folder = tmp_path / "x.json"
    folder.mkdir()
    err = input_error(folder)
    assert err.problems[0].key == "file_is_dir"
    assert str(folder) in err.render("vi")
    assert "thư mục" in err.render("vi")


def test_missing_file(tmp_path: Path) -> None:
    err = input_error(tmp_path / "khong-co.json")
    assert err.problems[0].key == "file_missing"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_named_pipe_does_not_hang(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    outcome: list[BaseException | Plan] = []

    def run() -> None:
        try:
            outcome.append(load_plan(pipe))
        except BaseException as exc:  # recorded, checked below
            outcome.append(exc)

    # Opening a pipe with no writer blocks forever: run in a thread that can be abandoned.
    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "load_plan blocked on a named pipe"
    (result,) = outcome
    assert isinstance(result, InputError)
    assert result.problems[0].key == "file_not_regular"


def test_symlink_loop(tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.symlink_to(b)
    b.symlink_to(a)
    err = input_error(a)
    assert err.problems[0].key == "file_unreadable"


def test_symlink_to_a_plan_is_followed(tmp_path: Path, reference: Plan) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(SOURCE)
    assert load_plan(link) == reference


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file"
)
def test_unreadable_file(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, "secret.json", text.encode("utf-8"))
    path.chmod(0)
    try:
        err = input_error(path)
    finally:
        path.chmod(0o600)
    assert err.problems[0].key == "file_unreadable"


def test_file_over_the_size_limit(tmp_path: Path, text: str) -> None:
    from cchc import limits

    one_mb = 2**20
    body = text.encode("utf-8")
    path = write(tmp_path, "big.json", body + b" " * (one_mb + 1 - len(body)))
    with limits.use(limits.current().replace(file_mb=1)):
        err = input_error(path)
        assert err.problems[0].key == "file_too_large"
        path.write_bytes(body + b" " * (one_mb - len(body)))
        assert load_plan(path).document.number == "52/KH-UBND"


@pytest.mark.parametrize(
    "body",
    [
        "[" * 10_000 + "]" * 10_000,
        '{"a":' * 10_000 + "1" + "}" * 10_000,
        '{"notes": ' + "[" * 10_000 + "]" * 10_000 + "}",
        '{"notes": ' + "[" * 900 + "]" * 900 + "}",
    ],
    ids=["arrays-10000", "objects-10000", "in-a-field-10000", "in-a-field-900"],
)
def test_deep_nesting_is_an_input_error(tmp_path: Path, body: str) -> None:
    err = input_error(write(tmp_path, "deep.json", body.encode("ascii")))
    assert err.problems  # any clear error, never a RecursionError escaping
    assert err.problems[0].key in ("json_too_deep", "v_string_type", "json_not_object")


def test_input_error_names_file_and_field(tmp_path: Path) -> None:
    path = write(tmp_path, "p.json", b'{"activities": [{"form": "radio", "count": -2}]}')
    err = input_error(path)
    assert err.field == "activities[0].count"
    assert err.render("vi").startswith(f"{path}: activities[0].count: ")
    assert "không âm" in err.render("vi")
    assert "non-negative" in err.render("en")


def test_many_errors_are_cut_short(tmp_path: Path) -> None:
    acts = ", ".join(f'{{"form": "x{i}"}}' for i in range(9))
    err = input_error(write(tmp_path, "p.json", f'{{"activities": [{acts}]}}'.encode()))
    lines = err.lines("en")
    assert len(lines) == loader.MAX_SHOWN_ERRORS + 1
    assert lines[-1] == "… and 4 more errors"


def test_unsupported_suffix(tmp_path: Path) -> None:
    err = input_error(write(tmp_path, "plan.xml", b"<plan/>"))
    assert err.problems[0].key == "file_type"
