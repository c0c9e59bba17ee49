"""Coreference inside an article: who "he", "we", "the minister" and "the two countries" are.

Every resolved mention is remembered in text order (`Mentioned`). A pronoun or a definite
reference noun takes the most recent compatible mention within a few sentences; "we" and
"I" inside a quotation take the quotation's speaker (a minister's "we" is his
government). The rules, and which words they apply to, come from `references.tsv`; every
resolved reference says in its `reason` what it refers to and why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from detente.actors.phrases import owned_by_them
from detente.data.tables import bundled, read_table
from detente.types import Actor, ActorKind

REFERS_TO = frozenset(
    {
        "person",
        "actor",
        "side",
        "plural",
        "thing",
        "country",
        "organisation",
        "igo",
        "speaker",
        "speaker_group",
        "partitive",
    }
)
# English marks gender only on these pronouns (closed-class grammar, not lexicon data).
_GENDERED = {
    **dict.fromkeys(("he", "him", "his", "himself"), "m"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "f"),
}
# How far back (in sentences) each kind of reference looks for its antecedent.
_REACH = {"person": 6, "country": 4, "organisation": 4, "igo": 6, "side": 5}
_DEFAULT_REACH = 3


@dataclass(frozen=True, slots=True)
class Reference:
    refers_to: str
    number: int
    where: str


@dataclass(frozen=True, slots=True)
class Mentioned:
    """A resolved mention, as later references see it."""

    head: int  # token index of the phrase head
    sentence: int
    actors: tuple[Actor, ...]
    plural: bool
    in_quote: bool
    subject: bool = False  # the mention is its clause's subject
    gender: str | None = None  # "m" or "f" where the mention is "he" or "she"


@cache
def load_references() -> dict[str, Reference]:
    table = read_table(bundled("actors", "references.tsv"), ("phrase", "refers_to", "number"))
    references: dict[str, Reference] = {}
    for row in table:
        refers_to = row.get("refers_to")
        if refers_to not in REFERS_TO:
            raise row.error(
                f"refers_to {refers_to!r}", fix=f"use one of {', '.join(sorted(REFERS_TO))}"
            )
        try:
            number = int(row.get("number") or 1)
        except ValueError:
            raise row.error(f"number {row.get('number')!r}", fix="write 1 or 2") from None
        references[row.get("phrase").lower()] = Reference(
            refers_to, number, f"{row.path}:{row.line}"
        )
    return references


def pronoun_gender(token: Token) -> str | None:
    return _GENDERED.get(token.lower_)


def reference_key(head: Token) -> str:
    """How a reference noun is looked up: "two country" for "the two countries"."""
    lemma = head.lemma_.lower()
    for child in head.children:
        if child.lower_ in {"two", "both"} and child.dep_ in {"nummod", "det", "predet"}:
            return f"{child.lower_} {lemma}"
    if owned_by_them(head):
        return f"their {lemma}"  # "their countries": the two named together
    return lemma


def antecedents(
    history: list[Mentioned],
    before: int,
    sentence: int,
    reference: Reference,
    *,
    skip_quotes: bool,
    skip: frozenset[int] = frozenset(),
    prefer_subject: bool = False,
    gender: str | None = None,
) -> list[Mentioned]:
    """The mentions a reference stands for, most recent first (two for "the two countries"),
    leaving out the heads in `skip` (the subject of the reference's own clause: in "Guterres
    called on both sides", Guterres is not one of them). With `prefer_subject` (a pronoun
    that is a subject), a single antecedent in an earlier sentence is that sentence's
    subject where one fits: in "The junta chief met a UN envoy. He rejected her appeal",
    "he" is the chief, not the envoy mentioned last. A gendered pronoun passes over
    whoever a pronoun of the other gender referred to ("her appeal" is the envoy's)."""
    fits = _FITS[reference.refers_to]
    reach = _REACH.get(reference.refers_to, _DEFAULT_REACH)
    found: list[Mentioned] = []
    seen_codes: set[str] = set()
    other_gender = {
        a.code
        for m in history
        if gender and m.gender and m.gender != gender and m.head < before
        for a in m.actors
    }
    for mention in reversed(history):
        if mention.head >= before or (skip_quotes and mention.in_quote) or mention.head in skip:
            continue
        if other_gender and any(a.code in other_gender for a in mention.actors):
            continue
        if sentence - mention.sentence > reach:
            break
        if all(a.reason.startswith("place ") for a in mention.actors):
            continue  # a town is where things happen, not who did them ("in Jeddah ... it")
        # "Sudan's army and the RSF ... both sides": one mention of two ("the two countries"
        # only if they are two countries)
        pair = {
            (_country_code(a) if reference.refers_to == "country" else a.code)
            for a in mention.actors
        } - {None}
        if (
            not found
            and reference.number > 1
            and len(pair) == len(mention.actors) == reference.number
        ):
            return [mention]
        if not fits(mention):
            continue
        # "the two countries" are two countries; "the two sides" may be two sides of one
        # country (its army and a militia).
        codes = {
            (_country_code(a) or a.code) if reference.refers_to == "country" else a.code
            for a in mention.actors
        }
        if reference.number > 1 and codes <= seen_codes:
            continue
        found.append(mention)
        seen_codes |= codes
        if len(found) >= reference.number:
            break
    if prefer_subject and len(found) == reference.number == 1:
        first = found[0]
        if not first.subject and first.sentence < sentence:
            subject = next(
                (
                    m
                    for m in history
                    if m.sentence == first.sentence
                    and m.head < first.head
                    and m.subject
                    and not (skip_quotes and m.in_quote)
                    and fits(m)
                ),
                None,
            )
            return [subject or first]
    return found if len(found) == reference.number else []


def paired_sides(history: list[Mentioned], reference: Token, sentence: int) -> list[Mentioned]:
    """The two sides "the two sides" or "both sides" stand for, where the text named two
    together: conjoined ("Sudan's army and the RSF signed a truce") or one with the other
    ("RSF fighters clashed with army troops"); the latest such pair within reach."""
    doc = reference.doc
    fits = _FITS["side"]
    reach = _REACH.get("side", _DEFAULT_REACH)
    before = [
        m for m in history if m.head < reference.i and sentence - m.sentence <= reach and fits(m)
    ]
    by_head = {m.head: m for m in before}
    for mention in sorted(before, key=lambda m: -m.head):
        head = doc[mention.head]
        if head.dep_ in {"amod", "compound", "nmod", "poss"}:
            continue  # "Saudi, U.S. and Sudanese representatives" are one side, not three
        partners = [c.i for c in head.conjuncts]
        holder = head.head.head
        if head.dep_ == "pobj" and head.head.lower_ == "with" and holder.pos_ == "VERB":
            partners += [c.i for c in holder.children if c.dep_ == "nsubj"]
        for partner in partners:
            other = by_head.get(partner)
            if other is not None and other.actors[0].code != mention.actors[0].code:
                return sorted((other, mention), key=lambda m: m.head)
    return []


def referring_actors(
    found: list[Mentioned], reference: Reference, span: Span, word: str
) -> list[Actor]:
    """The actors of the antecedents, as mentioned at the reference's own words."""
    actors: list[Actor] = []
    for mention in found:
        for actor in mention.actors:
            if reference.refers_to == "country":
                actor = country_level(actor)
            reason = f"'{word}' refers to '{actor.text}' ({reference.refers_to}, {reference.where})"
            actors.append(relabel(actor, span, reason))
            if reference.refers_to in {"person", "thing", "country"} and reference.number == 1:
                break
    return actors


def speaker_actor(speaker: Actor, span: Span, word: str, group: bool) -> Actor:
    """ "I" is the speaker; "we" is the speaker's government or organisation."""
    if not group:
        return relabel(speaker, span, f"'{word}' is the speaker of the quotation, '{speaker.text}'")
    institution = country_level(speaker) if not speaker.org else speaker
    sectors = speaker.sectors if speaker.sectors and speaker.sectors != ("ELI",) else ()
    code = institution.code if speaker.org else institution.code + "".join(sectors)
    return Actor(
        code=code,
        kind=ActorKind.ORGANISATION if speaker.org else ActorKind.COUNTRY,
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        reason=f"'{word}' in a quotation by '{speaker.text}': the speaker's government or organisation",
        country=speaker.country,
        sectors=speaker.sectors if speaker.org else sectors,
        org=speaker.org,
    )


def country_level(actor: Actor) -> Actor:
    """The country an actor belongs to, as an actor of its own ("the country")."""
    code = _country_code(actor)
    if code is None:
        return actor
    return Actor(
        code=code,
        kind=ActorKind.COUNTRY,
        text=actor.text,
        start=actor.start,
        end=actor.end,
        reason=actor.reason,
        country=actor.country,
    )


def relabel(actor: Actor, span: Span, reason: str) -> Actor:
    """The same actor, at other words of the text."""
    return Actor(
        code=actor.code,
        kind=actor.kind,
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        reason=reason,
        country=actor.country,
        sectors=actor.sectors,
        org=actor.org,
        name=actor.name,
        country_from_context=actor.country_from_context,
    )


def _country_code(actor: Actor) -> str | None:
    # A country actor's code starts with its CAMEO country code (KOS for Kosovo, not XKX).
    return actor.code[:3] if actor.country and not actor.org else None


def _single(mention: Mentioned) -> bool:
    return len(mention.actors) == 1 and not mention.plural


_FITS: dict[str, Callable[[Mentioned], bool]] = {
    "person": lambda m: _single(m) and m.actors[0].kind is ActorKind.PERSON,
    "actor": lambda m: _single(m),
    # one side of a conflict or talks: any one actor, conjoined or not ("the army and the
    # RSF ... both sides"), that the text places somewhere ("near the presidential palace"
    # names no side)
    "side": lambda m: len(m.actors) == 1 and bool(m.actors[0].country or m.actors[0].org),
    "plural": lambda m: m.plural or len(m.actors) > 1 or m.actors[0].kind is ActorKind.ORGANISATION,
    # "it": a country, an organisation, or one body named by its role ("the Islamist Nahda
    # party said it will boycott", whose country the context gives later)
    "thing": lambda m: (
        _single(m)
        and m.actors[0].kind in {ActorKind.COUNTRY, ActorKind.ORGANISATION, ActorKind.GROUP}
    ),
    "country": lambda m: any(_country_code(a) for a in m.actors),
    "organisation": lambda m: any(a.org for a in m.actors),
    "igo": lambda m: any(a.org and a.code.startswith("IGO") for a in m.actors),
    "speaker": lambda m: False,
    "speaker_group": lambda m: False,
    "partitive": lambda m: False,
}
