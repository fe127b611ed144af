"""A one-line progress bar on stderr, drawn only when stderr is a terminal."""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO

from cchc.messages import Lang, t


class Progress:
    def __init__(
        self, total: int, lang: Lang, *, enabled: bool, stream: TextIO | None = None
    ) -> None:
        self.total = total
        self.lang = lang
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.counts = {"passed": 0, "gaps": 0, "error": 0}
        self.done = 0
        self._last = 0.0

    def add(self, kind: str, *, draw: bool = True) -> None:
        self.counts[kind] += 1
        self.done += 1
        if draw and self.enabled:
            now = time.monotonic()
            if now - self._last >= 0.1 or self.done == self.total:
                self._last = now
                self._draw()

    def line(self, width: int) -> str:
        text = t(
            "batch_progress",
            self.lang,
            done=self.done,
            total=self.total,
            passed=self.counts["passed"],
            gaps=self.counts["gaps"],
            errors=self.counts["error"],
        )
        room = width - len(text) - 4
        if room >= 10:
            bar = min(room, 40)
            filled = bar * self.done // max(1, self.total)
            text = f"[{'█' * filled}{'░' * (bar - filled)}] {text}"
        return text[: width - 1]

    def _draw(self) -> None:
        width = shutil.get_terminal_size((80, 24)).columns
        self.stream.write("\r\x1b[2K" + self.line(width))
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self._draw()
            self.stream.write("\n")
            self.stream.flush()
