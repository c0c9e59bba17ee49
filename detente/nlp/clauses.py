"""Which words belong to an event's clause: shared by dating and placing events.

An event's clause is its trigger, the trigger's own phrase (short of other clauses: a
time or place inside "the agreement signed in Sochi in September 2018" is the signing's),
and the words above the trigger up to where its clause ends. A reporting verb ends it for
what it reports: "told TV on Friday that the deal was signed on March 3" does not date
the signing by Friday.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.attrs import POS
from spacy.tokens import Doc, Span, Token

# Relations through which a word belongs to the clause of the word it hangs off.
CLIMB_DEPS = frozenset(
    {
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
)
_CLAUSE_DEPS = {"ccomp", "relcl", "advcl", "csubj"}


def clause_chain(
    trigger: Token, ends_clause: Callable[[Token, Token], bool] | None = None
) -> dict[int, int]:
    """Token index -> distance: the trigger 0, its own phrase 1, the words above 2, 3, ...

    `ends_clause(child, head)` may stop the climb between a word and its head."""
    chain = {trigger.i: 0}
    # The trigger's own phrase: every word below it not inside a clause of its own. One
    # walk down, stopping where another clause starts (`inside_other_clause`, per word,
    # re-climbed the tree for each and was the coder's hottest loop).
    below = list(trigger.children)
    while below:
        node = below.pop()
        if _starts_clause(node):
            continue
        chain.setdefault(node.i, 1)
        below.extend(node.children)
    token = trigger
    for distance in range(2, 9):
        if token.dep_ not in CLIMB_DEPS or token.head.i == token.i:
            break
        if ends_clause is not None and ends_clause(token, token.head):
            break
        token = token.head
        chain.setdefault(token.i, distance)
    return chain


def inside_other_clause(token: Token, trigger: Token) -> bool:
    """Whether `token`, below `trigger`, sits in a clause of its own (another verb's)."""
    node = token
    while node.i != trigger.i:
        if _starts_clause(node):
            return True
        node = node.head
    return False


def _starts_clause(node: Token) -> bool:
    # A participle describing a noun ("the agreement signed in Sochi") is part of the
    # noun's phrase, not a clause of its own.
    participle = node.dep_ == "acl" and node.tag_ == "VBN"
    return node.dep_ in _CLAUSE_DEPS or (node.pos_ in {"VERB", "AUX"} and not participle)


def same_paragraph(previous: Span, sentence: Span) -> bool:
    """No line break between two consecutive sentences."""
    # Only the tokens between them are read: `Doc.text` rebuilds the whole text on every
    # access, which made this the coder's hottest line (docs/benchmarks.md).
    doc = previous.doc
    last = previous.end
    while last > previous.start + 1 and doc[last - 1].is_space:
        last -= 1  # a sentence may end in its paragraph break
    gap = doc[last - 1].whitespace_ + "".join(t.text_with_ws for t in doc[last : sentence.start])
    return "\n" not in gap


def entity_around(token: Token) -> Span | None:
    """The named entity the token is part of, if any, read from the token's neighbours
    (`Doc.ents` would build every entity of the document anew)."""
    if token.ent_iob_ not in {"B", "I"}:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def verb_lemmas(verb: Token) -> tuple[str, ...]:
    """The verb's lemma, and with each particle it takes: ("rule", "rule out"). Cue words
    may be phrasal: "ruled out talks" denies them, "Taliban-ruled Afghanistan" denies
    nothing."""
    lemma = verb.lemma_.lower()
    return (lemma, *(f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "prt"))


def is_infinitive(verb: Token) -> bool:
    """A bare verb with "to": the complement in "offered on Monday to mediate"; also in the
    passive, "a call for troops to be deployed"."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    passive = verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.tag_ == "VB" for c in verb.children
    )
    return verb.tag_ == "VB" or passive


def is_passive(verb: Token) -> bool:
    """A passive verb, or a past participle describing a noun ("the jet shot down")."""
    if misread_main_verb(verb):
        return any(c.dep_ == "auxpass" for c in verb.children)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        # "Israeli air strikes killed 30 people": a participle with an object of its own
        # is the main verb the parser misread, not a passive
        return not any(c.dep_ == "dobj" for c in verb.children)
    if _participle_after_be(verb):
        return True
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def misread_main_verb(verb: Token) -> bool:
    """ "Kenyan police, who fired tear gas last week, deployed in Nairobi": after a relative
    clause set off by commas, the parser often makes the sentence's main verb a participle
    describing the subject noun, and the noun the root. The verb is the noun's act."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and head.dep_ == "ROOT"
        and head.pos_ in {"NOUN", "PROPN"}
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and any(c.dep_ == "relcl" and head.i < c.i < verb.i for c in head.children)
    )


def _participle_after_be(verb: Token) -> bool:
    """ "Protesters were tear-gassed by police": the parser makes the hyphenated participle
    an adjective complement of "were"; with its "by" agent it is a passive."""
    return (
        verb.dep_ == "acomp"
        and verb.tag_ == "VBN"
        and verb.head.lemma_ == "be"
        and any(c.dep_ == "agent" for c in verb.children)
    )


def passive_patients(verb: Token) -> list[Token]:
    """Who a passive verb was done to: its passive subject, or the subject of the "be" it
    complements."""
    if _participle_after_be(verb):
        return [c for c in verb.head.children if c.dep_ == "nsubj"]
    return [c for c in verb.children if c.dep_ == "nsubjpass"]


def by_agent(verb: Token) -> Token | None:
    """The object of a passive verb's own "by" phrase."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def doers_of(noun: Token) -> list[Token]:
    """Who did what a noun names, as a "by" phrase says: "abuses by the army", "abuses
    committed by the army"; not the police in "opened an inquiry into killings by police":
    they killed."""
    doers = [
        pobj
        for child in noun.children
        if child.dep_ == "prep" and child.lower_ == "by"
        for pobj in child.children
        if pobj.dep_ == "pobj"
    ]
    doers += [
        agent
        for child in noun.children
        if child.dep_ == "acl" and is_passive(child)
        for agent in [by_agent(child)]
        if agent is not None
    ]
    # "recalled the invasion of Georgia by Russia", "banned a march by the opposition":
    # the parser often hangs the noun's "by" on the verb, which, being active, can have no
    # agent of its own; right after the noun's phrase, that is.
    holder = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ == "dobj" else None
    if (
        not doers
        and holder is not None
        and holder.pos_ in {"VERB", "AUX"}
        and not is_passive(holder)
    ):
        after = noun.right_edge.i + 1
        doers += [
            pobj
            for child in holder.children
            if child.i == after and child.dep_ in {"prep", "agent"} and child.lower_ == "by"
            for pobj in child.children
            if pobj.dep_ == "pobj"
        ]
    return doers


def positions_tagged(
    doc: Doc, tags: frozenset[int], start: int = 0, end: int | None = None
) -> list[int]:
    """The positions in doc[start:end] of the words whose coarse part of speech is one of
    `tags` (spaCy's symbol ids: `spacy.symbols.NOUN`, ...). The tags are read as one array,
    kept for the doc: walking the doc builds a Token for every word, and most words are of
    no interest to the caller."""
    tags_of: list[int] | None = doc.user_data.get("detente_pos")
    if tags_of is None:
        tags_of = doc.to_array([POS]).tolist()
        doc.user_data["detente_pos"] = tags_of
    stop = len(doc) if end is None else end
    return [i for i in range(start, stop) if tags_of[i] in tags]


def doc_text(doc: Doc) -> str:
    """The doc's text. `Doc.text` rebuilds it from every token on each use; it is kept in
    `user_data` once built (the coder puts the article's text there before it starts)."""
    text: str | None = doc.user_data.get("detente_text")
    if text is None:
        text = doc.text
        doc.user_data["detente_text"] = text
    return text


def sentences(doc: Doc) -> list[Span]:
    """The doc's sentences. `Doc.sents` walks every token to find them on each use, and the
    coder needs them six times per doc; their bounds are kept in `user_data` (plain
    numbers, so the doc still serialises)."""
    bounds: list[tuple[int, int]] | None = doc.user_data.get("detente_sentence_bounds")
    if bounds is None:
        bounds = [(s.start, s.end) for s in doc.sents]
        doc.user_data["detente_sentence_bounds"] = bounds
    return [doc[start:end] for start, end in bounds]
