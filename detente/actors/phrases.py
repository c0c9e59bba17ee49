"""Noun phrases in the dependency parse: which tokens belong to an actor's phrase.

An actor phrase is its head noun with the modifiers that say who it is: adjectives and
compounds ("Turkish Defense Minister"), possessives ("Turkey's military"), appositions,
and `of`/`from` phrases ("the president of Turkey", "refugees from Syria"). Relative
clauses and other prepositional phrases describe what the actor does, not who it is, and
stay out.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from detente.nlp.clauses import entity_around

PHRASE_DEPS = frozenset(
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
PHRASE_PREPS = frozenset({"of", "from"})
# An event noun's own modifiers name its source ("Turkish strikes", "Turkey's attack").
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "case", "npadvmod"})
DEFINITE = frozenset({"the", "this", "that", "these", "those", "both"})
_OPENING = {"(", "[", "{"}
_CLOSING = {")", "]", "}"}


def phrase_head(token: Token) -> Token:
    """Climb from a modifier to the noun its phrase is about ("Turkish" -> "military")."""
    while (
        token.dep_ in {"amod", "compound", "poss", "nmod", "case", "det"}
        and token.head.i != token.i
    ):
        token = token.head
    return token


def phrase_depths(
    head: Token, deps: frozenset[str] = PHRASE_DEPS, preps: frozenset[str] = PHRASE_PREPS
) -> dict[int, int]:
    """Tokens of the phrase headed by `head`, with their distance from it in the parse."""
    depth = {head.i: 0}
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            # Conjuncts of the head are actors of their own (resolved separately); conjuncts
            # of a modifier stay in the phrase ("the Russian and Turkish presidents").
            if child.dep_ in {"conj", "cc"} and token.i != head.i:
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


def span_of(doc: Doc, depth: dict[int, int]) -> Span:
    """The text of a phrase: first to last token, with brackets balanced.

    "the European Union (EU)" keeps its closing bracket; in "the Daesh (also known as
    ISIL and ISIS) group" the phrase of "Daesh" stops before the bracket it does not close.
    """
    kept = sorted(i for i in depth if not doc[i].is_punct or doc[i].text in _CLOSING)
    start, end = (kept[0], kept[-1] + 1) if kept else (min(depth), max(depth) + 1)
    for i in range(start, end):
        if doc[i].text not in _OPENING:
            continue
        if any(doc[j].text in _CLOSING for j in range(i + 1, end)):
            continue
        if end < len(doc) and doc[end].text in _CLOSING:
            end += 1  # the phrase ends just inside a bracket: take the bracket too
        else:
            end = i  # a bracket the phrase does not close is not part of it
        break
    while end > start + 1 and doc[end - 1].is_punct and doc[end - 1].text not in _CLOSING:
        end -= 1
    return doc[start:end]


def person_name(doc: Doc, depth: dict[int, int]) -> str | None:
    """The first PERSON entity wholly inside the phrase, if any."""
    # Read from the phrase's own tokens: `Doc.ents` builds every entity of the document
    # anew on each access, which made this a hot spot of the coder (docs/benchmarks.md).
    for i in sorted(depth):
        token = doc[i]
        if token.ent_iob_ != "B" or token.ent_type_ != "PERSON":
            continue
        entity = entity_around(token)
        if entity is not None and all(k in depth for k in range(entity.start, entity.end)):
            return entity.text
    return None


def is_definite(head: Token) -> bool:
    """ "the minister", "this group", "both countries" """
    return any(c.dep_ in {"det", "predet"} and c.lower_ in DEFINITE for c in head.children)


def refers_back(head: Token) -> bool:
    """A reference noun that points back: "the minister", "both countries", and "their
    countries" after two nations named together."""
    return is_definite(head) or owned_by_them(head)


def owned_by_them(head: Token) -> bool:
    """ "their countries": a plural noun whose owner is "their"."""
    return head.tag_ == "NNS" and any(
        c.dep_ == "poss" and c.lower_ == "their" for c in head.children
    )


def is_plural(head: Token) -> bool:
    return head.tag_ in {"NNS", "NNPS"} or bool(head.conjuncts)
