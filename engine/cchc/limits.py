"""Bounds on what one input file may cost: size on disk and inflated, pages, paragraphs,
characters, list-numbering values and wall-clock time.

A real plan is 10–100 kB, 2–20 pages, 100–600 paragraphs; the defaults leave a wide margin
and keep a hostile file under ~500 MB of memory (bench/extract_scale.py measures it). Every
limit can be changed with `--limit NAME=VALUE`; a file past a limit is refused with one
sentence naming the limit (exit code 2, an error row in a batch).
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Limits:
    file_mb: int = 10  # a plan file on disk
    zip_member_mb: int = 25  # one member of a .docx, inflated
    zip_total_mb: int = 60  # every member of a .docx together, inflated
    xml_elements: int = 600_000  # elements of one XML part of a .docx (~150 B each parsed)
    pdf_stream_mb: int = 25  # one PDF stream, inflated
    pdf_pages: int = 300
    pdf_page_kb: int = 512  # drawing instructions of one PDF page, inflated (a real one: 5–100 kB)
    paragraphs: int = 20_000  # paragraphs (lines) of a document
    characters: int = 2_000_000  # characters of a document's text
    numbering_value: int = 32_767  # Word's own bound on a list's start value
    seconds: int = 300  # wall-clock time to check one file in a batch

    def replace(self, **changes: int) -> Limits:
        return dataclasses.replace(self, **changes)

    def as_dict(self) -> dict[str, int]:
        return dataclasses.asdict(self)

    def mb(self, name: str) -> int:
        """A limit given in MB, in bytes."""
        return int(getattr(self, name)) * 2**20


class LimitError(ValueError):
    """A `--limit` option that names no limit or gives no positive whole number."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def parse(options: Iterable[str], base: Limits | None = None) -> Limits:
    """`["paragraphs=50000", "seconds=60"]` applied on `base` (default: the current limits)."""
    names = set(Limits().as_dict())
    changes: dict[str, int] = {}
    for option in options:
        name, sep, value = option.partition("=")
        name = name.strip()
        if not sep or name not in names:
            raise LimitError(option)
        try:
            number = int(value.strip())
        except ValueError:
            raise LimitError(option) from None
        if number < 1 or number > 10**9:
            raise LimitError(option)
        changes[name] = number
    return (base or current()).replace(**changes)


_current: list[Limits] = [Limits()]


def current() -> Limits:
    return _current[-1]


def set_current(limits: Limits) -> None:
    """Make `limits` the limits of this process (a command's options, a worker's config)."""
    _current[-1] = limits


@contextlib.contextmanager
def use(limits: Limits) -> Iterator[Limits]:
    """The given limits inside a `with` block (tests, benchmarks)."""
    _current.append(limits)
    try:
        yield limits
    finally:
        _current.pop()


def names() -> list[str]:
    return list(Limits().as_dict())


def describe(values: dict[str, Any] | None = None) -> str:
    """`file_mb=10, zip_member_mb=25, …` for help texts and messages."""
    values = values or current().as_dict()
    return ", ".join(f"{k}={v}" for k, v in values.items())
