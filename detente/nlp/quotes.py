"""Quotations and their speakers.

A quotation is the text between a pair of quotation marks (straight or curly). Its speaker
is the subject of the reporting verb ("said", "told", "stressed") that introduces or
closes it, in the sentence where the quotation starts or ends: '"We will ...," he said',
'He also said "a new page has opened"', 'Turkey will "go ahead ...," the minister said'.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from detente.nlp.clauses import doc_text

_OPENERS = {"“": "”", "«": "»", "„": "“"}
_STRAIGHT = '"'


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # character offsets of the quoted text, marks excluded
    end: int
    speaker: Token | None  # the head of the speaker's phrase, if found

    def contains(self, char: int) -> bool:
        return self.start <= char < self.end


def find_quotes(doc: Doc, is_report_verb: Callable[[str], bool]) -> list[Quote]:
    quotes = []
    for start, end in _quote_spans(doc_text(doc)):
        quotes.append(Quote(start, end, _speaker(doc, start, end, is_report_verb)))
    return quotes


def _quote_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    for i, ch in enumerate(text):
        if open_at is None:
            if ch == _STRAIGHT or ch in _OPENERS:
                open_at, closer = i + 1, _STRAIGHT if ch == _STRAIGHT else _OPENERS[ch]
        elif ch == closer:
            spans.append((open_at, i))
            open_at = None
        elif ch == "\n" and text[i : i + 2] == "\n\n" and closer != _STRAIGHT:
            # A curly quote left open at a paragraph end continues in the next paragraph
            # (the convention for multi-paragraph quotes); a straight one is a typo.
            continue
    return spans


def _speaker(doc: Doc, start: int, end: int, is_report_verb: Callable[[str], bool]) -> Token | None:
    """The subject of the nearest reporting verb outside the quote, after it or before it."""
    # Only the quote's own tokens are looked at: walking the whole doc for each quote made
    # long interviews quadratic.
    around = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    inside = {t.i for t in around if start <= t.idx < end} if around is not None else set()
    sentences = []
    last = doc.char_span(end - 1, end, alignment_mode="expand") if end > start else None
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    for span in (last, first):
        if span is not None and span.sent not in sentences:
            sentences.append(span.sent)
    for sentence in sentences:
        verbs = [
            t
            for t in sentence
            if t.i not in inside and t.pos_ == "VERB" and is_report_verb(t.lemma_.lower())
        ]
        # Prefer the verb right after the quote ('," he said'), then the one before it.
        verbs.sort(key=lambda t: (t.idx < start, abs(t.idx - end)))
        for verb in verbs:
            subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is not None and subject.i not in inside:
                return subject
    return None
