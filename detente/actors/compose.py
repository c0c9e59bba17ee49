"""Composing an actor from the dictionary entries found in its phrase.

The entity (country, organisation, person or place) gives the country and code; role
words give the sectors; a person's term of office, read against the article's date,
says who they were then: in office (their country's GOV), former (ELI), or not yet in
office (their country alone, or the role the text gives them).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Span

from detente.actors.dictionary import SECTORS, Entry, EntryKind
from detente.types import Actor, ActorKind

# Roles that name a part of an organisation and so extend its code.
_CODE_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "REB"})


def _specialty(org_code: str) -> tuple[str, ...]:
    """The sector an organisation's code names after its kind and scope: REF in
    IGO-UNO-REF-HCR (the UN refugee agency), HLH in NGO-HLH-MSF."""
    blocks = (org_code[i : i + 3] for i in range(3, len(org_code), 3))
    return next(((b,) for b in blocks if b in SECTORS), ())


def entry_for(entries: Sequence[Entry], when: date | None) -> tuple[Entry, str]:
    """Which meaning of a phrase applies, and why (people: by their terms of office)."""
    people = [e for e in entries if e.kind is EntryKind.PERSON]
    if not people:
        return entries[0], ""
    if when is None:
        latest = max(people, key=_start)
        return latest, f"no article date: latest office, {_term(latest)}"
    serving = [e for e in people if _start(e) <= when and (e.end is None or when <= e.end)]
    if serving:
        chosen = max(serving, key=_start)
        return chosen, f"in office on {when}: {_term(chosen)}"
    ended = [e for e in people if e.end is not None and e.end < when]
    if ended:
        chosen = max(ended, key=lambda e: e.end or date.min)
        return chosen, f"former office-holder on {when}: {_term(chosen)}"
    chosen = min(people, key=_start)
    return chosen, f"not yet in office on {when}: {_term(chosen)}"


def compose(
    primary: Entry,
    why_primary: str,
    role_sectors: list[str],
    reasons: list[str],
    span: Span,
    name: str | None,
    person: bool,
) -> Actor:
    """One actor from its entity entry and the sectors of its role words."""
    text, start, end = span.text, span.start_char, span.end_char
    found = f"{primary.kind.value} '{primary.phrase}'"
    if primary.kind is EntryKind.PERSON:
        return _person(primary, why_primary, role_sectors, reasons, span)
    if primary.kind is EntryKind.ORGANISATION:
        # An armed group's own code already says what it is (LBNREBHEZ); state-like roles
        # add to the code of bodies without sectors ("UN peacekeepers" -> IGOUNOMIL), but a
        # description ("rights organisation Amnesty") does not.
        extra = [] if primary.sectors else [s for s in role_sectors if s in _CODE_ROLES]
        own = primary.sectors or _specialty(primary.org_code or "")
        return Actor(
            code=(primary.org_code or primary.org or "") + "".join(extra),
            kind=ActorKind.PERSON if name or person else ActorKind.ORGANISATION,
            text=text,
            start=start,
            end=end,
            reason="; ".join([f"{found} -> {primary.org} ({primary.where})", *reasons]),
            country=primary.country,
            sectors=tuple(dict.fromkeys([*own, *role_sectors])),
            org=primary.org,
            name=name,
        )
    # A role word says more than a metonym's default ("Kremlin spokesman" is GOV from the
    # role; "the Pentagon" alone is MIL from the metonym).
    sectors = role_sectors or list(primary.sectors)
    return Actor(
        code=(primary.country_code or "") + "".join(sectors),
        kind=ActorKind.PERSON if name or person else ActorKind.COUNTRY,
        text=text,
        start=start,
        end=end,
        reason="; ".join([f"{found} -> {primary.country} ({primary.where})", *reasons]),
        country=primary.country,
        sectors=tuple(sectors),
        name=name,
    )


def _person(
    primary: Entry, why: str, role_sectors: list[str], reasons: list[str], span: Span
) -> Actor:
    former = why.startswith("former")
    not_yet = why.startswith("not yet")
    if (former or not_yet) and role_sectors:
        # The dictionary's office is earlier or later, but a role the text gives is the
        # text's word: "Serbian President Kostunica" in a story dated only by its year,
        # "President Bush" in 1990 (a namesake whose term the file does not hold), "King
        # Hassan of Morocco" in an old story dated by its archive. "former President X"
        # says ELI through its modifier.
        sectors = list(role_sectors)
    elif former:
        sectors = ["ELI"]
    elif not_yet:
        sectors = []
    else:
        sectors = role_sectors or list(primary.sectors)
    base = primary.org_code if primary.org else primary.country_code
    return Actor(
        code=(base or "") + "".join(sectors),
        kind=ActorKind.PERSON,
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        reason="; ".join([f"person '{primary.phrase}' ({primary.where}), {why}", *reasons]),
        country=primary.country,
        sectors=tuple(sectors),
        org=primary.org,
        name=primary.refers_to,
    )


def _start(entry: Entry) -> date:
    return entry.start or date.min


def _term(entry: Entry) -> str:
    holder = entry.country or entry.org
    until = entry.end.isoformat() if entry.end else "today"
    return f"{entry.office} of {holder} {_start(entry).isoformat()} to {until}"
