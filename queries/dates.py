"""Dates as the corpus gives them (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) and the days they stand for.

A partial date stands for all its days: ``2021`` is 2021-01-01 to 2021-12-31. A text that is not
one of these forms is not a date, and nothing here guesses what it meant.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, NamedTuple

from govkg.errors import GovkgError

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class When(NamedTuple):
    """A date as the corpus gives it and the days it stands for."""

    text: str
    first: dt.date
    last: dt.date


def parse_when(text: Any) -> When | None:
    """``2021`` → all of 2021, ``2021-06`` → June, ``2021-06-02`` → that day; None if not a date."""
    if not isinstance(text, str):
        return None
    m = _ISO.fullmatch(text.strip())
    if not m:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        if month is None:
            return When(text.strip(), dt.date(year, 1, 1), dt.date(year, 12, 31))
        if day is None:
            first = dt.date(year, month, 1)
            following = dt.date(year + (month == 12), month % 12 + 1, 1)
            return When(text.strip(), first, following - dt.timedelta(days=1))
        day_ = dt.date(year, month, day)
        return When(text.strip(), day_, day_)
    except ValueError:
        return None


def parse_on(text: str, what: str = "--on") -> When:
    """A date typed by a user, or a GovkgError saying which forms are dates."""
    when = parse_when(text)
    if when is None:
        raise GovkgError(f"{what} wants a date, YYYY, YYYY-MM or YYYY-MM-DD (2021, 2021-06, "
                         f"2021-06-02), not '{text}'")
    return when
