"""Coding conventions for an event's sides, and one code, that the words alone do not settle.

Conventions of the field (CAMEO coders, ICEWS, the PLOVER gold) give an event a side the
sentence implies, sharpen the sector of one it names, or read a count (docs/formats.md):

- a protest with no target is aimed at the protesters' own government, and a curfew or
  state of emergency naming no place at the source's own country;
- violence nobody is named for, placed by the sentence in a country, is that country's
  unidentified armed forces' (UAF);
- a people or place coerced or attacked is its civilians (CVL), a people protesting too,
  and a country's weapons used in force are its military (MIL);
- a killing of civilians counted in hundreds or more is a mass killing (202).

The word lists (`military_thing`, `weapon_platform`, `mass_count`) are cues in the
lexicon's `cues.tsv`.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from detente.actors.context import STATE_SECTORS
from detente.events.frames import VIOLENT_ROOTS
from detente.events.lexicon import Lexicon
from detente.types import Actor, ActorKind, Event

# Coercion (17) and violence (18-20), and aid (07) and its cutting (162): targets named
# only by a place or a people are its civilians ("evacuated the wounded from the Bosnian
# town of Gorazde", "suspended aid deliveries in Baghdad").
_CIVILIAN_TARGET_CODES = ("07", "162", "17", "18", "19", "20")  # code prefixes
# Show (15) and use (18-20) of armed force: a country's weapons doing it are its military.
_ARMED_ROOTS = frozenset({"15", "18", "19", "20"})
# The locator's rules for a place the event's own sentence names.
_NAMED_PLACE_RULE = "named in the event's"


def civilian_targets(act: str, targets: list[Actor], lexicon: Lexicon) -> list[Actor]:
    """The targets of an act of coercion or violence, or of aid given or cut (`act` is its
    CAMEO code), with a people or place as its civilians; other acts' targets unchanged."""
    if not act.startswith(_CIVILIAN_TARGET_CODES):
        return targets
    return [as_civilians(t, lexicon) for t in targets]


def armed_sources(act: str, sources: list[Actor], lexicon: Lexicon) -> list[Actor]:
    """The sources of a show or use of force, a country's weapons as its military."""
    if act[:2] not in _ARMED_ROOTS:
        return sources
    return [_as_armed_forces(s, lexicon) for s in sources]


def as_civilians(actor: Actor, lexicon: Lexicon, *, people_only: bool = False) -> Actor:
    """ "arrested 100 Palestinians", "shelled Iraqi towns", "imposed a curfew in Cizre":
    a side that is a people or a place (not the state's name) is its civilians, CVL, as
    CAMEO and the PLOVER gold code them; "bombed Turkey" stays the state, and "Syrian
    positions" are no civilians. With `people_only`, for protesters: "Young Algerians
    blocked roads" (not "Algeria")."""
    if not people_only and _capital_as_place(actor):
        # "would blockade Paris", "shelled Kyiv": the city, not the government its name
        # also stands for
        metonym = replace(actor, code=actor.code.removesuffix("".join(actor.sectors)), sectors=())
        return _with_sector(metonym, "CVL", "a capital attacked or coerced: the city's civilians")
    if not _bare_country(actor):
        return actor
    kinds = ("country adjective",) if people_only else ("place ", "country adjective")
    if not actor.reason.startswith(kinds):
        return actor
    head = actor.text.split()[-1:] if actor.text else []
    if _names_cue(lexicon, "military_thing", head):
        return actor
    return _with_sector(actor, "CVL", "a people or place attacked or coerced: its civilians")


def _as_armed_forces(actor: Actor, lexicon: Lexicon) -> Actor:
    """ "Russian aircraft killed 46 civilians": a country's weapons or platforms, which the
    role dictionary leaves out (a plane is not always military), doing force are its
    military."""
    if not _bare_country(actor) or not actor.reason.startswith("country adjective"):
        return actor
    if not _names_cue(lexicon, "weapon_platform", actor.text.split()):
        return actor
    return _with_sector(actor, "MIL", "a country's weapons used in force: its military")


def _names_cue(lexicon: Lexicon, kind: str, words: list[str]) -> bool:
    """Whether one of the words, as written or without a plural -s, is a cue of `kind`."""
    lowered = [w.lower() for w in words]
    return any(lexicon.is_cue(kind, w) for w in [*lowered, *(w.rstrip("s") for w in lowered)])


def _with_sector(actor: Actor, sector: str, why: str) -> Actor:
    """The bare country actor with `sector` added to its code, and why."""
    return replace(
        actor,
        code=f"{actor.code}{sector}",
        sectors=(sector,),
        reason=f"{actor.reason}; {why} ({sector})",
    )


def _capital_as_place(actor: Actor) -> bool:
    """A capital named alone, which the dictionary reads as its government (a metonym)."""
    return (
        actor.kind is ActorKind.COUNTRY
        and actor.reason.startswith("capital '")
        and "; role '" not in actor.reason
        and bool(actor.sectors)
        and actor.code.endswith("".join(actor.sectors))
    )


def _bare_country(actor: Actor) -> bool:
    """A country named with no sector and no organisation: "Palestinians", "Iraqi towns"."""
    return (
        actor.kind is ActorKind.COUNTRY
        and not actor.sectors
        and not actor.org
        and actor.country is not None
    )


def own_government(source: Actor | None, trigger: Token) -> Actor | None:
    """The implicit target of a protest that names none: "Algerians blocked roads in the
    capital" is aimed at Algeria's government, as ICEWS and the PLOVER gold code it. Only
    for non-state protesters of a known country; the target has no text of its own (an
    empty span at the trigger)."""
    if source is None or source.country is None or source.org is not None:
        return None
    if set(source.sectors) & STATE_SECTORS:
        return None
    return _implicit_actor(
        source.country,
        "GOV",
        trigger.idx,
        "implicit: a protest naming no target is aimed at its own country's government",
    )


_WITHIN = frozenset({"during", "in", "at", "amid"})
_OPPOSING = frozenset({"against", "over"})


def protest_aim(trigger: Token, lexicon: Lexicon) -> Token | None:
    """What the protest an act of protest took place in opposed: the object of the "against"
    or "over" phrase of a protest noun the trigger's "during"/"in" phrase names."""
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in _WITHIN:
            continue
        for protest in prep.children:
            if protest.dep_ != "pobj" or not lexicon.is_cue("protest_noun", protest.lemma_.lower()):
                continue
            for opposing in protest.children:
                if opposing.dep_ == "prep" and opposing.lower_ in _OPPOSING:
                    aim = next((c for c in opposing.children if c.dep_ == "pobj"), None)
                    if aim is not None:
                        return aim
    return None


def mass_killing(code: str, trigger: Token, targets: list[Actor], lexicon: Lexicon) -> bool:
    """Killing (CAMEO 1823) of civilians counted in hundreds or more is a mass killing
    (202, "killing of non-combatants in large numbers"): "killed hundreds of civilians",
    "at least 150 villagers were killed". The counting words are `mass_count` cues."""
    if code != _KILLING or not targets or any("CVL" not in t.sectors for t in targets):
        return False
    victims = [c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}]
    if trigger.pos_ == "NOUN":
        victims = [g for c in trigger.children if c.lower_ == "of" for g in c.children]
    return any(_counted_in_hundreds(v, lexicon) for v in victims)


def expelled_organisations(code: str, targets: list[Actor]) -> str | None:
    """The CAMEO code for expelling the targets where they are organisations, not
    individuals: "Indonesia expelled the UN refugee agency" is 1663 (expel aid agencies),
    not 174 (expel or deport individuals)."""
    if code != _EXPULSION or not targets:
        return None
    if not all(t.org and t.kind is ActorKind.ORGANISATION for t in targets):
        return None
    relief = all(_relief_body(t) for t in targets)
    return _EXPEL_AID_AGENCIES if relief else _EXPEL_OR_WITHDRAW


def peacekeeping_presence(code: str, sources: list[Actor], lexicon: Lexicon) -> str | None:
    """Peacekeeping (074) for a show of force (15x) by peacekeepers: "KFOR peacekeepers
    stepped up patrols in northern Kosovo" keeps the peace there, it threatens no one."""
    if not code.startswith(_POSTURE_ROOT) or not sources:
        return None
    if all(_names_cue(lexicon, "peacekeeping", s.text.split()) for s in sources):
        return _PEACEKEEPING
    return None


def _relief_body(organisation: Actor) -> bool:
    """Whether the organisation's code names a health, refugee or aid specialty (the
    three-letter blocks after its kind: NGO-HLH-MSF, IGO-UNO-REF-HCR)."""
    code = organisation.code
    blocks = {code[i : i + 3] for i in range(3, len(code), 3)}
    return bool(blocks & _RELIEF_BLOCKS) or bool(set(organisation.sectors) & _RELIEF_BLOCKS)


_POSTURE_ROOT = "15"
_PEACEKEEPING = "074"
_EXPULSION = "174"
_EXPEL_OR_WITHDRAW = "166"
_EXPEL_AID_AGENCIES = "1663"
_RELIEF_BLOCKS = frozenset({"HLH", "REF", "SOC"})  # health, refugee and aid bodies


def _counted_in_hundreds(victims: Token, lexicon: Lexicon) -> bool:
    for token in victims.subtree:
        if token.i > victims.i and token.head.i != victims.i and token.dep_ != "pobj":
            continue  # only the phrase's own count: "hundreds of civilians", "150 villagers"
        if lexicon.is_cue("mass_count", token.lower_):
            return True
        if token.like_num and token.dep_ == "nummod":
            digits = token.text.replace(",", "")
            if digits.isdigit() and int(digits) >= _MASS_COUNT:
                return True
    return False


_KILLING = "1823"
# The count from which a killing of civilians is coded as a mass killing; CAMEO gives no
# number, so this follows the wire phrase "hundreds of civilians".
_MASS_COUNT = 100


def own_country(source: Actor | None, trigger: Token) -> Actor | None:
    """The implicit target of a measure a state takes at home (curfews, states of
    emergency, their easing; the `own_country` pattern flag) when no place is named:
    "Ecuador imposed a nationwide curfew" is ECU -> ECU, as CAMEO coders code it."""
    if source is None or source.country is None or source.org is not None:
        return None
    return _implicit_actor(
        source.country,
        "",
        trigger.idx,
        "implicit: a measure naming no place applies to the source's own country",
    )


def with_unidentified_attackers(event: Event) -> Event:
    """Violence no one is named for ("a roadside bomb killed three soldiers near Samarra")
    gets an implicit source: unidentified armed forces (CAMEO's UAF) of the country where
    the text places it, as the PLOVER gold codes them. Only a place the sentence names
    counts; an attack with no place stays without source."""
    location = event.location
    if event.source is not None or event.event_type.root not in VIOLENT_ROOTS:
        return event
    if location is None or location.country is None:
        return event
    if not (location.rule or "").startswith(_NAMED_PLACE_RULE):
        return event
    source = _implicit_actor(
        location.country,
        "UAF",
        event.evidence.trigger_start,
        f"implicit: unidentified armed forces where it happened ({location.name})",
    )
    return replace(event, source=source, reason=f"{event.reason}; source = {source.reason}")


def _implicit_actor(country: str, sector: str, at: int, reason: str) -> Actor:
    """An actor the sentence implies but does not name: no text, an empty span at `at`."""
    return Actor(
        code=f"{country}{sector}",
        kind=ActorKind.COUNTRY,
        text="",
        start=at,
        end=at,
        reason=reason,
        country=country,
        sectors=(sector,) if sector else (),
    )
