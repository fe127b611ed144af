"""Uploaded files: size-limited, typed by their content (never by their name), stored under the
data folder with generated names."""

from __future__ import annotations

import secrets
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

CHUNK = 64 * 1024


class UploadRefused(Exception):
    """An upload that is not kept: `key` names the message, `params` fill it."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass
class Stored:
    path: Path  # under the data folder, a generated name
    shown: str  # the name the user gave, reduced to a base name, for display only
    kind: str  # json | txt | docx | pdf


def display_name(name: str | None) -> str:
    """The base name of a user-given file name (both path syntaxes), never used as a path."""
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    cleaned = "".join(c for c in base if c.isprintable()).strip()
    return cleaned[:200] or "plan"


def sniff(head: bytes, path: Path) -> str | None:
    """The kind of a file from its bytes: PDF, Word (a zip with word/document.xml), JSON (an
    object), or text; None for anything else."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as z:
                return "docx" if "word/document.xml" in z.namelist() else None
        except zipfile.BadZipFile:
            return None
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        return "json"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "txt"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the end of the sample
            return _legacy_text(head)
    return "txt" if b"\x00" not in head else None


def _legacy_text(head: bytes) -> str | None:
    # Windows-1258 / TCVN3 plans: bytes, no NULs, mostly printable ASCII.
    if b"\x00" in head:
        return None
    printable = sum(32 <= b < 127 or b in (9, 10, 13) for b in head)
    return "txt" if printable >= 0.7 * len(head) else None


async def store_upload(upload: object, folder: Path, limit: int) -> Stored:
    """Copy one upload to `folder` under a generated name, refusing it past `limit` bytes or
    when its content is not a plan file."""
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f"{secrets.token_hex(16)}.part"
    size = 0
    head = b""
    try:
        with tmp.open("wb") as out:
            while chunk := await upload.read(CHUNK):  # type: ignore[attr-defined]
                size += len(chunk)
                if size > limit:
                    raise UploadRefused("web_too_large", limit=limit // (1024 * 1024))
                if len(head) < 4096:
                    head += chunk[: 4096 - len(head)]
                out.write(chunk)
        if size == 0:
            raise UploadRefused("web_empty")
        kind = sniff(head, tmp)
        if kind is None:
            raise UploadRefused("web_bad_type")
        final = tmp.with_suffix(f".{kind}")
        tmp.rename(final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return Stored(final, display_name(getattr(upload, "filename", None)), kind)
