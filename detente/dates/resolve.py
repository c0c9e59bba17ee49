"""Dating each event from the time expressions of its own clause.

A sentence can hold several times: "Isik told Haberturk TV on Friday that the agreement
was reached at a meeting on August 9". Each time expression is attached, through the
parse, to the word it modifies ("on Friday" -> "told", "on August 9" -> "meeting"), and an
event takes the expression attached nearest to its trigger on the way up its clause. The
climb stops at a reporting verb: what a speaker reports is not dated by when they spoke.
"Back then" and "at the time" take the time of the sentence before. An event with no time
expression carries the publication date, marked `reported`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from detente.dates.expressions import TimeValue, resolve_expression
from detente.types import DateGranularity

_DATE_LABELS = {"DATE"}
# Words after which a time is the time of an earlier sentence.
_ANAPHORIC = {
    ("back", "then"),
    ("at", "the", "time"),
    ("at", "that", "time"),
    ("that", "day"),
    ("then",),
}
_CLIMB_DEPS = {
    "prep",
    "pobj",
    "dobj",
    "nsubj",
    "nsubjpass",
    "compound",
    "amod",
    "acl",
    "relcl",
    "xcomp",
    "conj",
    "advcl",
    "pcomp",
    "appos",
    "attr",
    "npadvmod",
}
_FUTURE = {"will", "'ll", "shall", "wo"}


@dataclass(frozen=True, slots=True)
class EventDate:
    date: date | None
    granularity: DateGranularity
    rule: str


@dataclass(frozen=True, slots=True)
class _Expression:
    span: Span
    value: TimeValue
    anchor: int  # index of the token the expression modifies


@dataclass
class DocDates:
    published: date | None
    by_sentence: dict[int, list[_Expression]] = field(default_factory=dict)
    narrative: dict[int, TimeValue] = field(default_factory=dict)  # by sentence start


def prepare_dates(doc: Doc, published: date | None) -> DocDates:
    """Resolve every time expression of the doc once, and each sentence's narrative time.

    A sentence's narrative time is what an event in it with no time of its own takes: the
    time of the sentence before when it says "back then", or when it goes on in the past
    tense in the same paragraph as a sentence set in an earlier time ("A standoff in
    November last year... Back then, the military shot down a jet. One of the pilots was
    killed...").
    """
    dates = DocDates(published)
    if published is None:
        return dates
    previous: Span | None = None
    previous_time: TimeValue | None = None
    for sentence in doc.sents:
        found = []
        for ent in sentence.ents:
            if ent.label_ not in _DATE_LABELS:
                continue
            anchor = _anchor(ent)
            value = resolve_expression(ent.text, published, future=_is_future(doc[anchor]))
            if value is not None:
                found.append(_Expression(ent, value, anchor))
        dates.by_sentence[sentence.start] = found
        narrative: TimeValue | None = None
        if previous_time is not None and _anaphoric(sentence):
            narrative = _relabelled(previous_time, "'back then': the time of the sentence before")
        elif previous_time is not None and previous is not None and _continues(previous, sentence):
            narrative = _relabelled(
                previous_time, "the past-tense narrative of the sentence before"
            )
        if narrative is not None:
            dates.narrative[sentence.start] = narrative
        own = next((e.value for e in found if e.value.date < published), None)
        previous_time = own or narrative
        previous = sentence
    return dates


def event_date(dates: DocDates, trigger: Token, is_report_verb: Callable[[str], bool]) -> EventDate:
    """The date of the event `trigger` names."""
    if dates.published is None:
        return EventDate(None, DateGranularity.UNKNOWN, "no publication date")
    sentence = trigger.sent
    expressions = dates.by_sentence.get(sentence.start, [])
    chain = _clause_chain(trigger, is_report_verb)
    best: tuple[int, _Expression] | None = None
    for expression in expressions:
        if expression.anchor in chain and (best is None or chain[expression.anchor] < best[0]):
            best = (chain[expression.anchor], expression)
    if best is not None:
        value = best[1].value
        return EventDate(value.date, value.granularity, value.rule)
    narrative = dates.narrative.get(sentence.start)
    if narrative is not None:
        return EventDate(narrative.date, narrative.granularity, narrative.rule)
    return EventDate(
        dates.published, DateGranularity.REPORTED, "no time expression: publication date"
    )


def _relabelled(value: TimeValue, why: str) -> TimeValue:
    return TimeValue(value.date, value.granularity, f"{why} ({value.rule})")


def _continues(previous: Span, sentence: Span) -> bool:
    """Same paragraph, and the new sentence's main verb is in the past tense."""
    text = previous.doc.text
    gap = text[len(text[: previous.end_char].rstrip()) : sentence.start_char]
    if "\n" in gap:
        return False  # a paragraph break: a new stretch of the story
    root = sentence.root
    verbs = [root, *(c for c in root.children if c.dep_ in {"aux", "auxpass"})]
    return any(v.tag_ in {"VBD", "VBN"} for v in verbs) and not any(
        v.lower_ in _FUTURE for v in verbs
    )


def _anchor(ent: Span) -> int:
    """The token a time expression modifies: "on Friday" -> the verb "on" hangs off."""
    root = ent.root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head  # "on 9 August and 2016-08-09": the first conjunct's anchor
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep":
        return head.head.i
    return head.i if root.dep_ != "ROOT" else root.i


def _clause_chain(trigger: Token, is_report_verb: Callable[[str], bool]) -> dict[int, int]:
    """The trigger and the words above it in its clause, with their distance from it.

    The climb stops below a reporting verb: "told ... on Friday that X happened" does
    not date X. It also stops at another clause's own verb once that verb has a subject
    of its own (a different event)."""
    chain = {trigger.i: 0}
    for child in trigger.children:
        chain.setdefault(child.i, 0)  # expressions hanging off the trigger itself
    token = trigger
    for distance in range(1, 8):
        if token.dep_ not in _CLIMB_DEPS or token.head is token:
            break
        head = token.head
        if (
            head.pos_ == "VERB"
            and is_report_verb(head.lemma_.lower())
            and token.dep_ in {"xcomp", "advcl"}
        ):
            break
        chain.setdefault(head.i, distance)
        token = head
    return chain


def _anaphoric(sentence: Span) -> bool:
    words = [t.lower_ for t in sentence[:6]]
    return any(
        tuple(words[i : i + len(phrase)]) == phrase
        for phrase in _ANAPHORIC
        for i in range(len(words))
    )


def _is_future(token: Token) -> bool:
    verb = token
    for _ in range(3):
        if verb.pos_ in {"VERB", "AUX"}:
            break
        verb = verb.head
    return any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in verb.children)
