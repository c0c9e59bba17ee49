"""Resolving a noun phrase to the actor(s) it names.

Given the head token of an argument ("minister" in "Turkish Defense Minister Fikri Isik",
"presidents" in "the Russian and Turkish presidents"), the resolver gathers the phrase's
tokens, looks at the dictionary matches inside it and composes actors: a country or an
organisation (the one nearest the head), plus sectors from role words, plus a person's
name. Coordinated countries give one actor each. A surname seen with a resolved actor
earlier in the article resolves to that actor when it comes back alone ("Isik said").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from detente.actors.dictionary import Entry, EntryKind
from detente.actors.matcher import ActorMatcher, Match, tokens_of
from detente.types import Actor, ActorKind

# Dependents that belong to the head's phrase; prepositions only when they describe who
# the actor is ("the president of Turkey", "refugees from Syria").
_PHRASE_DEPS = frozenset(
    {
        "amod",
        "compound",
        "poss",
        "nmod",
        "det",
        "nummod",
        "appos",
        "case",
        "quantmod",
        "npadvmod",
        "prep",
        "pobj",
        "punct",
    }
)
_PHRASE_PREPS = frozenset({"of", "from"})
# An event noun's own modifiers name its source ("Turkish strikes", "Turkey's attack").
_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "case", "npadvmod"})
_PRONOUNS = {"he", "she", "they", "we", "it", "i", "you", "him", "her", "them", "us"}
# How a match's kind sorts when two are equally near the head: a country name or
# organisation is more specific than an adjective.
_KIND_RANK = {
    EntryKind.ORGANISATION: 0,
    EntryKind.COUNTRY_NAME: 1,
    EntryKind.METONYM: 1,
    EntryKind.CAPITAL: 2,
    EntryKind.COUNTRY_ADJECTIVE: 2,
}


@dataclass
class DocActors:
    """The dictionary matches of one doc, and what the article has taught so far."""

    doc: Doc
    matches: list[Match]
    by_token: dict[int, Match]
    known_names: dict[str, Actor] = field(default_factory=dict)
    cache: dict[tuple[int, bool], tuple[Actor, ...]] = field(default_factory=dict)
    mentions: list[Actor] = field(default_factory=list)


class ActorResolver:
    def __init__(self, matcher: ActorMatcher):
        self.matcher = matcher

    def prepare(self, doc: Doc) -> DocActors:
        """Match the dictionaries and resolve every mention, in text order.

        Text order matters: a surname resolves to the actor it was first seen with, so the
        full mention ("Interior Minister Kwame Mensah") must be resolved before a later
        bare "Mensah".
        """
        matches = self.matcher.find(doc)
        ctx = DocActors(doc, matches, tokens_of(matches))
        found: dict[tuple[int, int, str], Actor] = {}
        for token in doc:
            match = ctx.by_token.get(token.i)
            at_match_end = match is not None and token.i == match.end - 1
            known_name = match is None and token.pos_ == "PROPN" and token.text in ctx.known_names
            if not (at_match_end or known_name):
                continue
            for actor in self.resolve(ctx, phrase_head(token), with_conjuncts=False):
                found.setdefault((actor.start, actor.end, actor.code), actor)
        ctx.mentions = sorted(found.values(), key=lambda a: a.start)
        return ctx

    def resolve(self, ctx: DocActors, head: Token, *, with_conjuncts: bool = True) -> list[Actor]:
        """The actors named by the phrase headed by `head` (and its conjuncts)."""
        heads = [head, *head.conjuncts] if with_conjuncts else [head]
        actors: list[Actor] = []
        for h in heads:
            key = (h.i, False)
            if key not in ctx.cache:
                ctx.cache[key] = tuple(self._resolve_phrase(ctx, h, phrase_depths(h)))
            actors.extend(ctx.cache[key])
        return actors

    def resolve_modifiers(self, ctx: DocActors, noun: Token) -> list[Actor]:
        """The actors named in an event noun's modifiers: "Turkish" in "Turkish strikes"."""
        key = (noun.i, True)
        if key not in ctx.cache:
            depth = phrase_depths(noun, deps=_MODIFIER_DEPS, preps=frozenset())
            del depth[noun.i]
            ctx.cache[key] = tuple(self._resolve_phrase(ctx, noun, depth)) if depth else ()
        return list(ctx.cache[key])

    def _resolve_phrase(self, ctx: DocActors, head: Token, depth: dict[int, int]) -> list[Actor]:
        if head.lower_ in _PRONOUNS:
            return []
        matches = list(
            {id(ctx.by_token[i]): ctx.by_token[i] for i in depth if i in ctx.by_token}.values()
        )
        span = _span_of(ctx.doc, depth)
        name = _person_name(ctx.doc, depth)
        if not matches:
            known = ctx.known_names.get(head.text) if head.pos_ == "PROPN" else None
            return (
                [_relabel(known, span, f"same person as '{known.text}' earlier")] if known else []
            )
        entities = [m for m in matches if m.is_name]
        roles = [m for m in matches if not m.is_name and m.entries[0].kind == EntryKind.ROLE]
        modifiers = [
            m for m in matches if not m.is_name and m.entries[0].kind == EntryKind.MODIFIER
        ]
        role = min(roles, key=lambda m: (_match_depth(m, depth), -m.start), default=None)
        sectors = list(role.entries[0].sectors) if role else []
        reasons = [f"role '{role.entries[0].phrase}' ({role.entries[0].where})"] if role else []
        for modifier in modifiers:
            entry = modifier.entries[0]
            # A former office-holder is an elite, whatever the office was.
            sectors = (
                list(entry.sectors) if "ELI" in entry.sectors else _merge(sectors, entry.sectors)
            )
            reasons.append(f"modifier '{entry.phrase}' ({entry.where})")
        primaries = _primaries(ctx.doc, entities, depth)
        actors = [self._compose(p, sectors, reasons, span, name) for p in primaries]
        if not actors and role is not None:
            actors = [
                Actor(
                    code="".join(sectors) or "UNK",
                    kind=ActorKind.PERSON if name else ActorKind.GROUP,
                    text=span.text,
                    start=span.start_char,
                    end=span.end_char,
                    reason="; ".join([*reasons, "no country named"]),
                    sectors=tuple(sectors),
                    name=name,
                )
            ]
        if name and len(actors) == 1 and actors[0].country:
            ctx.known_names[name.split()[-1]] = actors[0]
        return actors

    def _compose(
        self, primary: Entry, sectors: list[str], reasons: list[str], span: Span, name: str | None
    ) -> Actor:
        if primary.kind == EntryKind.ORGANISATION:
            # An armed group's own code already says what it is (LBNREBHEZ); role words add
            # to the code only of bodies without sectors ("UN peacekeepers" -> IGOUNOMIL).
            extra = [] if primary.sectors else [s for s in sectors if s not in primary.sectors]
            return Actor(
                code=(primary.org_code or primary.org or "") + "".join(extra),
                kind=ActorKind.ORGANISATION,
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                reason="; ".join(
                    [
                        f"organisation '{primary.phrase}' -> {primary.org} ({primary.where})",
                        *reasons,
                    ]
                ),
                country=primary.country,
                sectors=tuple(_merge(list(primary.sectors), sectors)),
                org=primary.org,
                name=name,
            )
        # A role word says more than a metonym's default ("Kremlin spokesman" is GOV from
        # the role; "the Pentagon" alone is MIL from the metonym).
        all_sectors = sectors or list(primary.sectors)
        return Actor(
            code=(primary.country_code or "") + "".join(all_sectors),
            kind=ActorKind.PERSON if name else ActorKind.COUNTRY,
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            reason="; ".join(
                [
                    f"{primary.kind.value} '{primary.phrase}' -> {primary.country} ({primary.where})",
                    *reasons,
                ]
            ),
            country=primary.country,
            sectors=tuple(all_sectors),
            name=name,
        )


def phrase_head(token: Token) -> Token:
    """Climb from a modifier to the noun its phrase is about ("Turkish" -> "military")."""
    while (
        token.dep_ in {"amod", "compound", "poss", "nmod", "case", "det"}
        and token.head is not token
    ):
        token = token.head
    return token


def phrase_depths(
    head: Token, deps: frozenset[str] = _PHRASE_DEPS, preps: frozenset[str] = _PHRASE_PREPS
) -> dict[int, int]:
    """Tokens of the phrase headed by `head`, with their distance from it in the parse."""
    depth = {head.i: 0}
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            # Conjuncts of the head are actors of their own (resolved separately); conjuncts
            # of a modifier stay in the phrase ("the Russian and Turkish presidents").
            if child.dep_ in {"conj", "cc"} and token is not head:
                depth[child.i] = depth[token.i]
                stack.append(child)
                continue
            if child.dep_ not in deps:
                continue
            if child.dep_ == "prep" and child.lower_ not in preps:
                continue
            depth[child.i] = depth[token.i] + 1
            stack.append(child)
    return depth


def _span_of(doc: Doc, depth: dict[int, int]) -> Span:
    tokens = [i for i in depth if not doc[i].is_punct] or list(depth)
    return doc[min(tokens) : max(tokens) + 1]


def _person_name(doc: Doc, depth: dict[int, int]) -> str | None:
    for ent in doc.ents:
        if ent.label_ == "PERSON" and all(t.i in depth for t in ent):
            return str(ent.text)
    return None


def _match_depth(match: Match, depth: dict[int, int]) -> int:
    return min((depth[i] for i in range(match.start, match.end) if i in depth), default=99)


def _primaries(doc: Doc, entities: list[Match], depth: dict[int, int]) -> list[Entry]:
    """The country or organisation the phrase is about; several if coordinated."""
    if not entities:
        return []
    ranked = sorted(
        entities, key=lambda m: (_match_depth(m, depth), _KIND_RANK[m.entries[0].kind], -m.start)
    )
    best = ranked[0]
    chosen = [best]
    for other in ranked[1:]:
        # "the Russian and Turkish presidents": conjoined modifiers name one actor each.
        if other.entries[0].is_country and _coordinated(doc, other, chosen):
            chosen.append(other)
    return [m.entries[0] for m in sorted(chosen, key=lambda m: m.start)]


def _coordinated(doc: Doc, match: Match, chosen: list[Match]) -> bool:
    chosen_tokens = {i for m in chosen for i in range(m.start, m.end)}
    return any(
        conj.i in chosen_tokens for i in range(match.start, match.end) for conj in doc[i].conjuncts
    )


def _merge(first: list[str], second: Iterable[str]) -> list[str]:
    return list(dict.fromkeys([*first, *second]))


def _relabel(actor: Actor, span: Span, reason: str) -> Actor:
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
    )
