"""A protest's demand is what the protest is for, not a second event.

"Students marched through Minsk demanding the president's resignation": CAMEO codes the
march as a demonstration for leadership change (1411), and PLOVER as one PROTEST; the
demand is how the protest is described, not a separate demand (1041) by the marchers.
CAMEO's protest codes 141-145 each have four subcodes in the order of the political
demands 1041-1044 (leadership, policy, rights, institutions), so the demand refines the
protest's code where it names one of them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from detente.types import Actor, Event

_PROTEST_ROOT = "14"
# Demands (10) and appeals (02): what a protest asks for.
_ASKING_ROOTS = frozenset({"10", "02"})
_MAX_HOPS = 2
# 141 demonstrate, 142 hunger strike, 143 strike or boycott, 144 obstruct, 145 riot
_REFINABLE_PROTESTS = frozenset({"141", "142", "143", "144", "145"})
# 1041 leadership change, 1042 policy change, 1043 rights, 1044 institutions or regime
_POLITICAL_DEMANDS = frozenset({"1041", "1042", "1043", "1044"})


def fold_protest_demands(
    events: list[Event],
    serving: Mapping[int, frozenset[int]],
    recode: Callable[[Event, str], Event],
) -> tuple[list[Event], list[Event]]:
    """The sentence's events with each demand or appeal that serves a protest folded into
    it, and the demands so folded.

    `serving` maps a trigger's start to the starts of the triggers it serves (how or why
    they were done); `recode` gives an event a code of the same family (or its own again)
    with the id that code and its sides make."""
    protests: dict[int, list[int]] = {}
    for at, event in enumerate(events):
        if event.event_type.root == _PROTEST_ROOT:
            protests.setdefault(event.evidence.trigger_start, []).append(at)
    if not protests:
        return events, []
    folded: set[int] = set()
    refined: dict[int, Event] = {}
    for at, event in enumerate(events):
        if event.event_type.root not in _ASKING_ROOTS:
            continue
        served = [p for start in _served(event, serving) for p in protests.get(start, ())]
        if not served:
            continue
        folded.add(at)
        for p in served:
            protest = refined.get(p, events[p])
            refined[p] = _with_demand(protest, event, recode)
    kept = [refined.get(at, e) for at, e in enumerate(events) if at not in folded]
    return kept, [events[at] for at in sorted(folded)]


def _served(event: Event, serving: Mapping[int, frozenset[int]]) -> set[int]:
    """Where the triggers stand that the event serves, directly or through another one:
    "blocked roads to press their demands" (the demands serve the pressing, which serves
    the blockade)."""
    reached: set[int] = set()
    frontier = {event.evidence.trigger_start}
    for _ in range(_MAX_HOPS):
        frontier = {s for at in frontier for s in serving.get(at, ())} - reached
        reached |= frontier
    return reached


def _with_demand(protest: Event, demand: Event, recode: Callable[[Event, str], Event]) -> Event:
    code, wanted = protest.event_type.cameo, demand.event_type.cameo
    if code in _REFINABLE_PROTESTS and wanted in _POLITICAL_DEMANDS:
        code += wanted[-1]
    note = f"; what it demands: '{demand.evidence.trigger}' ({wanted}), not an event of its own"
    if _implicit(protest.target) and demand.target is not None and not _implicit(demand.target):
        # "teachers marched in Nairobi demanding pay rises from the education ministry":
        # whom the demand is made of is whom the protest is against, more than the
        # government it would be aimed at by default
        protest = replace(protest, target=demand.target)
        note += f"; target = whom it demands of: '{demand.target.text}'"
    # recoded even where the code stays: the event's id names its code and its sides
    return replace(recode(protest, code), reason=protest.reason + note)


def _implicit(actor: Actor | None) -> bool:
    """No actor, or one the sentence implies but does not name (no words of its own)."""
    return actor is None or not actor.text
