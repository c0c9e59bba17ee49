"""Wire-story datelines: `ANKARA (Reuters) -`, `BEIJING, March 3 (Xinhua) --`, ...

The dateline says where the reporter filed from and for which agency. It is not where the
events happened (GDELT's dateline bias), so detente records it on the article and takes
it off the first sentence before parsing.
"""

from __future__ import annotations

import re

from detente.types import Dateline

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# The place is written in capitals (that is what makes it a dateline); a region or
# country after a comma may be in title case ("NAIROBI, Kenya").
_PLACE = r"[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3}"
_REGION = r"[A-Z][A-Za-z'’.\-]+(?:\s+[A-Z][A-Za-z'’.\-]+){0,2}"
_DASH = r"(?:-{1,3}|–|—|:)"

_DATELINE = re.compile(
    rf"^\s*(?P<place>{_PLACE})"
    rf"(?:,\s*(?P<date>{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?))?"
    rf"(?:,\s*(?P<region>(?!{_MONTH}\s+\d){_REGION}))?"
    rf"(?:,\s*(?P<date2>{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?))?"
    r"\s*(?:\((?P<agency>[^()\n]{1,40})\))?"
    rf"\s*(?P<dash>{_DASH})\s+"
)


def split_dateline(text: str) -> tuple[Dateline | None, int]:
    """Find a dateline at the start of `text`; return it and where the story proper begins."""
    match = _DATELINE.match(text)
    if not match:
        return None, 0
    place = match.group("place").strip()
    # Without an agency, a colon means a heading ("UPDATE:") and a short capitalised word
    # before a dash is more likely an abbreviation ("US - China talks") than a place.
    if not match.group("agency") and (match.group("dash") == ":" or len(place) < 4):
        return None, 0
    if len(place) < 2 or not any(ch.isalpha() for ch in place):
        return None, 0
    return (
        Dateline(
            place=place,
            region=match.group("region"),
            agency=(match.group("agency") or "").strip() or None,
            date_text=match.group("date") or match.group("date2"),
        ),
        match.end(),
    )
