"""A wall-clock limit on checking one file: the last guard against an input that makes some
part of the reading or checking run far longer than any real plan (the size limits come
first; this catches what they miss).

It uses SIGALRM, so it works in the main thread of a process (the batch's worker processes,
a one-process batch, `cchc check`) and is a no-op elsewhere. The exception derives from
BaseException so that no `except Exception` on the way swallows it.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Iterator


class TimeLimitExceeded(BaseException):
    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise `TimeLimitExceeded` in this block once `seconds` have passed.

    Blocks nest: an inner limit never outlives the outer one, and the outer one goes on
    counting once the inner block ends.
    """
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise TimeLimitExceeded(seconds)

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, on_alarm)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    if 0 < outer < seconds:
        signal.setitimer(signal.ITIMER_REAL, outer)  # the outer limit comes first
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        left = outer - (time.monotonic() - started)
        if outer > 0 and left > 0:
            signal.setitimer(signal.ITIMER_REAL, left)
        # (An outer limit already past stopped this block: what it raised goes on up.)
