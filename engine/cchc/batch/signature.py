"""What a journal record was computed from: the input file's content, and the rules.

`--resume` reuses a record only when both still match, so that a plan edited between a
stopped run and its resumption, or a changed rule pack or program, is checked again instead
of keeping its old score. The content is hashed, not just stat'ed: an edit that keeps the
size and the modification time (a copy with `cp -p`, a coarse clock) is still seen.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import Any

_CHUNK = 1 << 20


def file_signature(path: Path, root: Path) -> dict[str, Any] | None:
    """Hash, size and mtime of a regular file inside `root`; None for anything else (a
    missing file, a pipe, a link out of the folder): its record is never reused."""
    try:
        real = path.resolve(strict=True)
        base = root.resolve(strict=True)
        if base not in real.parents:
            return None
        st = os.stat(real)
        if not stat.S_ISREG(st.st_mode):
            return None
        digest = hashlib.sha256()
        with open(real, "rb") as fh:
            while chunk := fh.read(_CHUNK):
                digest.update(chunk)
    except (OSError, RuntimeError):
        return None
    return {"sha256": digest.hexdigest(), "size": st.st_size, "mtime_ns": st.st_mtime_ns}
