"""Which files of a folder are plans, in a fixed order (by relative path), and their names."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cchc.loader import DOCUMENT_SUFFIXES, PLAN_SUFFIXES

PLAN_FILE_SUFFIXES: tuple[str, ...] = PLAN_SUFFIXES + DOCUMENT_SUFFIXES


@dataclass(frozen=True)
class Walk:
    files: list[Path]  # sorted by relative path
    ignored: int  # other files met (not plans, not hidden)
    unreadable: list[tuple[str, str]]  # folders that could not be listed: (key + "/", reason)


def _is_plan_name(name: str) -> bool:
    return Path(name).suffix.lower() in PLAN_FILE_SUFFIXES


def walk(root: Path, exclude: Iterable[Path] = ()) -> Walk:
    """Every plan file under `root`; hidden entries and the `exclude` folders are skipped.

    An entry with a plan suffix is listed even when it is not a regular file (a folder named
    `x.json`, a broken link): the loader then reports it, so that it gets its error row. A
    folder that cannot be listed is returned in `unreadable`, never skipped in silence.
    """
    skip = {p.resolve() for p in exclude}
    found: list[tuple[str, Path]] = []
    unreadable: list[tuple[str, str]] = []
    ignored = 0

    def onerror(exc: OSError) -> None:
        folder = Path(exc.filename) if exc.filename else root
        key = relative_key(root, folder) if folder != root else "."
        unreadable.append((key.rstrip("/") + "/", exc.strerror or str(exc)))

    for top, dirs, files in os.walk(root, onerror=onerror, followlinks=False):
        here = Path(top)
        keep = []
        for d in sorted(dirs):
            if d.startswith(".") or (here / d).resolve() in skip:
                continue
            if _is_plan_name(d):
                found.append((relative_key(root, here / d), here / d))
            else:
                keep.append(d)
        dirs[:] = keep
        for f in files:
            if f.startswith("."):
                continue
            if _is_plan_name(f):
                found.append((relative_key(root, here / f), here / f))
            else:
                ignored += 1
    found.sort(key=lambda kp: kp[0])
    return Walk([p for _, p in found], ignored, sorted(unreadable))


def iter_plan_files(root: str | os.PathLike[str]) -> Iterator[Path]:
    """The plan files of a folder (.json, .txt, .docx, .pdf), sorted by relative path."""
    yield from walk(Path(root)).files


def relative_key(root: Path, path: Path) -> str:
    """A file's name in every report: its path under the batch folder, with '/' separators."""
    return path.relative_to(root).as_posix()


_UNSAFE = re.compile(r"[^a-z0-9]+")


def safe_name(key: str) -> str:
    """A portable, unique file name for a plan's page: ASCII slug plus a hash of the key.

    `Xã Tân Phong/KH 52.json` → `xa-tan-phong-kh-52-json-1b2c3d4e`.
    """
    ascii_text = unicodedata.normalize("NFKD", key.replace("đ", "d").replace("Đ", "D"))
    ascii_text = ascii_text.encode("ascii", "ignore").decode().lower()
    slug = _UNSAFE.sub("-", ascii_text).strip("-")[:80].rstrip("-") or "plan"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}"
