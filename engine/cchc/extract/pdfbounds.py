"""Bounds on what pdfminer may inflate: no PDF stream decodes past `pdf_stream_mb`.

pdfminer decodes a stream in one call (`zlib.decompress`, its LZW and run-length decoders),
so a 2 MB file can hold a stream that inflates to gigabytes before anything sees its size.
`install()` puts bounded decoders in their place inside `pdfminer.pdftypes`: each stops as soon
as its output passes the limit, holding at most the limit in memory. pdfminer and pdfplumber
catch some errors on their way, so a stopped decoder also records it (`tripped`) and the
reader refuses the file afterwards whatever they did with the error.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import Any

from cchc import limits


class StreamTooLarge(Exception):
    """A PDF stream inflates past the limit."""


_state = {"tripped": False}


def reset() -> None:
    _state["tripped"] = False


def tripped() -> bool:
    return _state["tripped"]


def _limit() -> int:
    return limits.current().mb("pdf_stream_mb")


def _too_large() -> StreamTooLarge:
    _state["tripped"] = True
    return StreamTooLarge(f"a stream inflates past {_limit()} bytes")


class _BoundedZlib:
    """The parts of the `zlib` module pdfminer uses, with `decompress` bounded."""

    error = zlib.error
    MAX_WBITS = zlib.MAX_WBITS

    @staticmethod
    def decompress(data: bytes, *args: Any, **kwargs: Any) -> bytes:
        limit = _limit()
        d = zlib.decompressobj(*args, **kwargs)
        out = d.decompress(data, limit + 1)
        if len(out) > limit:
            raise _too_large()
        out += d.flush()
        if len(out) > limit:
            raise _too_large()
        if not d.eof:
            raise zlib.error("incomplete or truncated stream")  # as zlib.decompress says
        return out

    @staticmethod
    def decompressobj(*args: Any, **kwargs: Any) -> Any:
        return zlib.decompressobj(*args, **kwargs)


def _decompress_corrupted(data: bytes) -> bytes:
    """pdfminer's decoder for a stream with a bad checksum, bounded."""
    limit = _limit()
    d = zlib.decompressobj()
    out = bytearray()
    try:
        for i in range(len(data)):
            out += d.decompress(data[i : i + 1], limit + 1 - len(out))
            if len(out) > limit:
                raise _too_large()
    except zlib.error:
        if i < len(data) - 3:
            raise
    return bytes(out)


def _bounded_join(chunks: Iterator[bytes]) -> bytes:
    limit = _limit()
    out = bytearray()
    for chunk in chunks:
        out += chunk
        if len(out) > limit:
            raise _too_large()
    return bytes(out)


def _lzwdecode(data: bytes) -> bytes:
    from pdfminer.lzw import LZWDecoder

    return _bounded_join(LZWDecoder(io.BytesIO(data)).run())


def _rldecode(data: bytes) -> bytes:
    """RunLength decoding (PDF Reference 1.4, 3.3.4) that stops at the limit."""
    limit = _limit()
    out = bytearray()
    i, n = 0, len(data)
    while i < n:
        length = data[i]
        i += 1
        if length == 128:
            break
        if length < 128:
            out += data[i : i + length + 1]
            i += length + 1
        elif i < n:
            out += data[i : i + 1] * (257 - length)
            i += 1
        if len(out) > limit:
            raise _too_large()
    return bytes(out)


def install() -> None:
    """Replace pdfminer's unbounded decoders (idempotent)."""
    from pdfminer import pdftypes

    pdftypes.zlib = _BoundedZlib  # type: ignore[assignment]
    pdftypes.decompress_corrupted = _decompress_corrupted
    pdftypes.lzwdecode = _lzwdecode
    pdftypes.rldecode = _rldecode
