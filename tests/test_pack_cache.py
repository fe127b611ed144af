"""The disk cache of parsed rule packs: used when valid, rebuilt when a pack changes, ignored
when corrupt or unwritable, and the results are the same with and without it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cchc import checker as checker_mod
from cchc.checker import Checker, CheckOptions, load_packs
from cchc.paths import data_dir
from conftest import SEED_FILES, TEST_PACKS


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("packs-*.pickle"))


def _reports(options: CheckOptions) -> list[dict]:
    checker = Checker(options)
    return [checker.check_path(p).model_dump(mode="json") for p in SEED_FILES]


def test_results_are_identical_with_and_without_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for engine in ("python", "durable"):
        monkeypatch.setenv("CCHC_CACHE_DIR", "")
        plain = _reports(CheckOptions(engine=engine))
        monkeypatch.setenv("CCHC_CACHE_DIR", str(tmp_path))
        filling = _reports(CheckOptions(engine=engine))
        assert _entries(tmp_path)
        from_cache = _reports(CheckOptions(engine=engine))
        assert plain == filling == from_cache


def test_a_valid_entry_is_used_without_reading_the_packs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CCHC_CACHE_DIR", str(tmp_path))
    first = load_packs([data_dir("rules")])
    assert len(_entries(tmp_path)) == 1

    def refuse(path: Path) -> None:
        raise AssertionError(f"{path} read again despite a valid cache entry")

    monkeypatch.setattr(checker_mod, "read_pack", refuse)
    again = load_packs([data_dir("rules")])
    assert [p.model_dump() for p in again] == [p.model_dump() for p in first]


def test_a_changed_pack_file_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(TEST_PACKS / "allkinds", rules)
    monkeypatch.setenv("CCHC_CACHE_DIR", str(tmp_path / "cache"))
    before = load_packs([rules])
    pack = rules / "all-kinds.yaml"
    text = pack.read_text(encoding="utf-8")
    old_title = before[0].pack.title.get("vi")
    assert old_title in text
    pack.write_text(text.replace(old_title, "Gói đã sửa", 1), encoding="utf-8")
    after = load_packs([rules])
    assert after[0].pack.title.get("vi") == "Gói đã sửa"
    assert len(_entries(tmp_path / "cache")) == 2


def test_a_corrupt_entry_is_ignored_and_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CCHC_CACHE_DIR", str(tmp_path))
    good = [p.model_dump() for p in load_packs([data_dir("rules")])]
    (entry,) = _entries(tmp_path)
    for garbage in (b"", b"not a pickle at all", entry.read_bytes()[:100]):
        entry.write_bytes(garbage)
        assert [p.model_dump() for p in load_packs([data_dir("rules")])] == good
        assert entry.read_bytes() != garbage  # rewritten whole


def test_an_unwritable_cache_folder_means_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CCHC_CACHE_DIR", str(blocker / "cchc"))
    plain = _reports(CheckOptions(engine="python"))
    monkeypatch.setenv("CCHC_CACHE_DIR", "")
    assert _reports(CheckOptions(engine="python")) == plain
    assert blocker.read_text() == "not a folder"
