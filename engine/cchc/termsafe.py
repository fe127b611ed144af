"""Text for a terminal: no control characters from the input reach it.

A plan's title, a file name or a value quoted in a message can hold ESC sequences (clear the
screen, set the window title, rewrite what was printed) or other control characters. They are
removed from everything printed, keeping line breaks. On a colour terminal the colour and
bold codes the tool itself uses (SGR `ESC [ n m` with n a colour, bold or reset) are kept,
wherever they come from: they change how text looks, never where or whether it shows.
"""

from __future__ import annotations

import re

# CSI and OSC sequences (7-bit and 8-bit forms) and the other ESC sequences, whole.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI … final byte
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC … BEL/ST
    r"|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?"  # DCS, SOS, PM, APC … ST
    r"|\x1b[ -/]*[0-~]?"  # any other ESC sequence
)
_SGR = re.compile(r"\x1b\[(?:0|1|22|3[0-79]|9[0-7])(?:;(?:0|1|22|3[0-79]|9[0-7]))*m")
# C0 controls but tab and line feed, DEL, C1 controls; bidirectional overrides that reorder
# what is shown.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def for_terminal(text: str, *, keep_colour: bool = False) -> str:
    """`text` without control characters; `keep_colour` keeps SGR colour codes."""
    if not keep_colour:
        return _CONTROL.sub("", _SEQUENCE.sub("", text))
    parts = []
    last = 0
    for m in _SGR.finditer(text):
        parts.append(_CONTROL.sub("", _SEQUENCE.sub("", text[last : m.start()])))
        parts.append(m.group())
        last = m.end()
    parts.append(_CONTROL.sub("", _SEQUENCE.sub("", text[last:])))
    return "".join(parts)
