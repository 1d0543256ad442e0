"""What reaches a terminal: text as it is, its control characters shown, never obeyed.

News text, names typed by users and values read from a graph file can hold
control characters: an escape sequence that clears the screen, hides text or
sets the clipboard (OSC 52), a carriage return that overwrites a line. On a
terminal each one is shown as ``\\x1b`` (its code) instead; tab and line
break stay what they are. Text that goes to a file or a pipe is left alone:
that is data, and its reader decides.
"""

from __future__ import annotations

import re

# C0 controls but tab and line feed, DEL, and the C1 controls (U+0080–U+009F: CSI, OSC …).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def for_terminal(text: str) -> str:
    """``text`` with every control character but tab and line break shown as its code."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
