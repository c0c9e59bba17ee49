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
from detente.nlp.clauses import clause_chain, same_paragraph, sentences
from detente.types import DateGranularity

_RECENT_DAYS = 7
_DATE_LABELS = {"DATE", "TIME"}  # "Wednesday night" is tagged TIME
# Words after which a time is the time of an earlier sentence.
_ANAPHORIC = {
    ("back", "then"),
    ("at", "the", "time"),
    ("at", "that", "time"),
    ("that", "day"),
    ("then",),
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


def prepare_dates(
    doc: Doc, published: date | None, is_report_verb: Callable[[str], bool] = lambda lemma: False
) -> DocDates:
    """Resolve every time expression of the doc once, and each sentence's narrative time.

    A sentence's narrative time is what an event in it with no time of its own takes: the
    time of the sentence before when it says "back then", or when it goes on in the past
    tense in the same paragraph ("A standoff in November last year... Back then, the
    military shot down a jet. One of the pilots was killed..."). A sentence that reports
    a statement ("the mission said it had opened an inquiry") starts afresh. "Two days
    earlier" counts from the last day the story named, not from publication.
    """
    dates = DocDates(published)
    if published is None:
        return dates
    previous: Span | None = None
    previous_time: TimeValue | None = None
    last_day: date | None = None
    # `Span.ents` goes through all of the doc's entities for each sentence; walk them once.
    times = [e for e in doc.ents if e.label_ in _DATE_LABELS]
    next_time = 0
    for sentence in sentences(doc):
        found = []
        while next_time < len(times) and times[next_time].start < sentence.start:
            next_time += 1
        in_sentence = []
        while next_time < len(times) and times[next_time].start < sentence.end:
            if times[next_time].end <= sentence.end:  # as `Span.ents`: wholly inside
                in_sentence.append(times[next_time])
            next_time += 1
        for ent in in_sentence:
            anchor = _anchor(ent)
            value = _resolve_entity(ent, published, _is_future(doc[anchor]), last_day)
            if value is not None:
                found.append(_Expression(ent, value, anchor))
                if value.granularity is DateGranularity.DAY:
                    last_day = value.date
        dates.by_sentence[sentence.start] = found
        narrative: TimeValue | None = None
        reports = is_report_verb(sentence.root.lemma_.lower())
        if previous_time is not None and _anaphoric(sentence):
            narrative = _relabelled(previous_time, "'back then': the time of the sentence before")
        elif (
            previous_time is not None
            and previous is not None
            and not reports
            and _continues(previous, sentence)
        ):
            narrative = _relabelled(
                previous_time, "the past-tense narrative of the sentence before"
            )
        if narrative is not None:
            dates.narrative[sentence.start] = narrative
        previous_time = _main_time(sentence, found, is_report_verb) or narrative
        previous = sentence
    return dates


def event_date(
    dates: DocDates, trigger: Token, is_report_verb: Callable[[str], bool], *, intent: bool = False
) -> EventDate:
    """The date of the event `trigger` names, by priority: a time in the event's own clause;
    a time elsewhere in its sentence that no reporting verb owns; the narrative time; the
    publication date (`reported`).

    An intended event ("agreed on Wednesday to hold talks next week") is an event of the
    day the intent was expressed: its future time expressions are not its date."""
    if dates.published is None:
        return EventDate(None, DateGranularity.UNKNOWN, "no publication date")
    sentence = trigger.sent
    published = dates.published
    expressions = [
        e
        for e in dates.by_sentence.get(sentence.start, [])
        if not (intent and e.value.date > published)
    ]
    # the clause is walked only where the sentence has a time (most have none)
    chain = _clause_chain(trigger, is_report_verb) if expressions else {}
    attached = [
        (chain[e.anchor], e)
        for e in expressions
        if e.anchor in chain and not _describes_other_thing(e, trigger)
    ]
    if attached:
        value = min(attached, key=lambda pair: pair[0])[1].value
        return EventDate(value.date, value.granularity, value.rule)
    # A time elsewhere in the sentence dates the event only when it is recent: a news
    # sentence's main event is the day's, and an older time in a side clause ("whose
    # cabinet has not met since October") is background.
    free = [
        e
        for e in expressions
        if not _owned_by_report(trigger.doc[e.anchor], is_report_verb)
        and (published - e.value.date).days <= _RECENT_DAYS
        and e.value.granularity is DateGranularity.DAY
    ]
    if free:
        value = min(free, key=lambda e: abs(e.anchor - trigger.i)).value
        return EventDate(value.date, value.granularity, f"{value.rule} (elsewhere in the sentence)")
    narrative = dates.narrative.get(sentence.start)
    if narrative is not None:
        return EventDate(narrative.date, narrative.granularity, narrative.rule)
    return EventDate(published, DateGranularity.REPORTED, "no time expression: publication date")


def _describes_other_thing(expression: _Expression, trigger: Token) -> bool:
    """ "called on the parties to the 2015 nuclear deal": a time inside a noun phrase names
    that thing ("the 2015 deal"), not when the event happened, unless the noun is the
    event itself ("the 2015 invasion")."""
    root = expression.span.root
    return (
        root.dep_ in {"compound", "nummod", "amod", "poss"}
        and root.head.pos_ in {"NOUN", "PROPN"}
        and expression.anchor != trigger.i
    )


def _main_time(
    sentence: Span, found: list[_Expression], is_report_verb: Callable[[str], bool]
) -> TimeValue | None:
    """The time of a sentence's main clause (what a following sentence carries on)."""
    if not found:
        return None
    chain = _clause_chain(sentence.root, is_report_verb)
    main = [e for e in found if e.anchor in chain]
    return (main[0] if main else found[0]).value


def _owned_by_report(token: Token, is_report_verb: Callable[[str], bool]) -> bool:
    """A time on a reporting verb ("told TV on Friday") dates the statement only."""
    return token.pos_ == "VERB" and is_report_verb(token.lemma_.lower())


def _resolve_entity(
    ent: Span, published: date, future: bool, after: date | None
) -> TimeValue | None:
    """An entity's time; when the tagger ran it on ("November after eight months"), the
    time at its start."""
    value = resolve_expression(ent.text, published, future=future, after=after)
    for length in range(min(len(ent), 4) - 1, 0, -1):
        if value is not None:
            break
        value = resolve_expression(ent[:length].text, published, future=future, after=after)
    return value


def _relabelled(value: TimeValue, why: str) -> TimeValue:
    return TimeValue(value.date, value.granularity, f"{why} ({value.rule})")


def _continues(previous: Span, sentence: Span) -> bool:
    """Same paragraph, and the new sentence's main verb is in the past tense."""
    if not same_paragraph(previous, sentence):
        return False  # a paragraph break: a new stretch of the story
    root = sentence.root
    verbs = [root, *(c for c in root.children if c.dep_ in {"aux", "auxpass"})]
    return any(v.tag_ in {"VBD", "VBN"} for v in verbs) and not any(
        v.lower_ in _FUTURE for v in verbs
    )


def _anchor(ent: Span) -> int:
    """The token a time expression modifies: "on Friday" -> the verb "on" hangs off."""
    root = ent.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "on 9 August and 2016-08-09": the first conjunct's anchor
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep":
        return head.head.i
    return head.i if root.dep_ != "ROOT" else root.i


def _clause_chain(trigger: Token, is_report_verb: Callable[[str], bool]) -> dict[int, int]:
    """The event's clause (nlp/clauses.py), ending below a reporting verb."""

    def reports(child: Token, head: Token) -> bool:
        return (
            head.pos_ == "VERB"
            and is_report_verb(head.lemma_.lower())
            and child.dep_ in {"xcomp", "advcl"}
        )

    return clause_chain(trigger, reports)


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
