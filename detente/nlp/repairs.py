"""Mending five parses the small English model often gets wrong.

A closing reporting clause:

"Kenyan police tortured detainees in Nairobi, a human rights group charged on Saturday."
With a common noun as the speaker, the model reads "a human rights group" as one more
object (or an apposition) of the clause before it and "charged" as a participle describing
it, so the group looks like a victim and "charged" like a legal charge. With a name
("Amnesty International charged") or with "said" it parses the sentence right: the
speech verb is the root, its subject the speaker, and the clause before it its complement.
This module rebuilds that reading in the Doc's own tree, before anything reads it.

An infinitive stranded in a relative clause: "Turkey will allow refugees who have lived in
Iraq for a decade to return home". The model hangs "to return" on "lived", as its purpose;
it is what Turkey allows the refugees to do, the complement of "allow".

A sentence left with a noun for its root: "Doctors from two American aid groups donated
and delivered goods to a Baghdad school". The model reads "donated" as a participle
describing the groups, and the sentence has no verb; the participle, which has an object,
is the sentence's verb and the noun phrase before it its subject.

A list of gerunds after a preposition: "accused the United States of violating human
rights, ignoring international law and sending a signal". The model hangs "ignoring" (and
with it "sending") on "accused" as a participle of its own, as if the rights group had
ignored the law; it is the second item of what the accusation says.

A subject after an opening phrase: "With the signing of a memorandum, the Sudanese
government and the SPLM have agreed to allow access". The model hangs the subject on the
opening phrase's noun, as one more item of it, and the verb has no subject; the noun
phrase between the comma and the verb is the verb's subject.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from detente.nlp.clauses import is_infinitive, sentences

# What may follow the speech verb in a closing reporting clause: "on Saturday", "here",
# "in a statement", and the full stop (not "of fraud": "a man accused of fraud" is one).
_TRAILING_DEPS = frozenset(
    {"prep", "npadvmod", "advmod", "punct", "pobj", "det", "amod", "compound", "nummod"}
)
_TRAILING_PREPOSITIONS = frozenset({"on", "in", "at", "from", "after", "during"})
# The Doc's user_data keys listing the speech verbs made roots here, and the infinitives
# given back to the verb that governs them.
MENDED = "detente_mended_reports"
MENDED_INFINITIVES = "detente_mended_infinitives"
MENDED_ROOTS = "detente_mended_roots"
MENDED_LISTS = "detente_mended_lists"
MENDED_SUBJECTS = "detente_mended_subjects"
# How the misread speaker hangs on the clause before it.
_MISREAD_SPEAKER_DEPS = frozenset({"appos", "dobj", "conj", "npadvmod", "attr"})


def mend_closing_reports(doc: Doc, is_speech_verb: Callable[[str], bool]) -> int:
    """Re-hang every misread closing reporting clause; how many were mended."""
    mended = 0
    for sentence in sentences(doc):
        verb = _misread_speech_verb(sentence, is_speech_verb)
        if verb is not None:
            _rehang(sentence, verb)
            # `detente explain` says which sentences were mended
            doc.user_data.setdefault(MENDED, []).append(verb.i)
            mended += 1
    return mended


def _misread_speech_verb(sentence: Span, is_speech_verb: Callable[[str], bool]) -> Token | None:
    """The speech verb of "<clause>, <a noun phrase> <verb>[ on Saturday]." where the parser
    made the verb a participle describing the noun phrase."""
    root = sentence.root
    for verb in sentence:
        if verb.dep_ != "acl" or verb.tag_ not in {"VBD", "VBN"}:
            continue
        if not is_speech_verb(verb.lemma_.lower()) or any(c.dep_ == "dobj" for c in verb.children):
            continue
        speaker = verb.head
        if speaker.dep_ not in _MISREAD_SPEAKER_DEPS or speaker.pos_ not in {"NOUN", "PROPN"}:
            continue
        start = speaker.left_edge.i
        if start - 1 <= sentence.start or sentence.doc[start - 1].text != ",":
            continue  # the speaker's phrase opens after a comma that closes the clause
        if any(c.i > verb.i for c in speaker.children):
            continue
        # nothing of the clause before may follow the verb, only when and where it was said
        after = [t for t in sentence if t.i > verb.i]
        if any(not t.is_punct and not _inside(t, verb) for t in after):
            continue
        if any(t.dep_ not in _TRAILING_DEPS for t in after if _inside(t, verb)):
            continue
        if any(t.dep_ == "prep" and t.lower_ not in _TRAILING_PREPOSITIONS for t in after):
            continue
        if _inside(root, speaker) or root.i > start:
            continue
        return verb
    return None


def _inside(token: Token, ancestor: Token) -> bool:
    return token.i == ancestor.i or ancestor.is_ancestor(token)


def _rehang(sentence: Span, verb: Token) -> None:
    """The speech verb becomes the root, the misread object its subject and the old root's
    clause its complement."""
    doc = sentence.doc
    root = sentence.root
    speaker = verb.head
    comma = doc[speaker.left_edge.i - 1]
    heads = [t.head.i - sentence.start for t in sentence]
    deps = [t.dep_ for t in sentence]
    at = sentence.start
    heads[verb.i - at], deps[verb.i - at] = verb.i - at, "ROOT"
    heads[speaker.i - at], deps[speaker.i - at] = verb.i - at, "nsubj"
    heads[root.i - at], deps[root.i - at] = verb.i - at, "ccomp"
    heads[comma.i - at] = verb.i - at
    for token in sentence:
        if token.is_punct and token.i > verb.i and token.head.i != verb.i:
            heads[token.i - at] = verb.i - at
    for token, head, dep in zip(sentence, heads, deps, strict=True):
        token.head = doc[at + head]
        token.dep_ = dep


def mend_stranded_infinitives(doc: Doc, controls_object: Callable[[str], bool]) -> int:
    """Give each infinitive that closes a relative clause on an object-control verb's
    object ("allow refugees who have lived in Iraq to return") back to that verb, as its
    complement; how many were mended."""
    mended = 0
    for verb in doc:
        if verb.pos_ != "VERB" or not controls_object(verb.lemma_.lower()):
            continue
        if any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children):
            continue  # the verb has its complement already
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        relative = next((c for c in obj.children if c.dep_ == "relcl"), None) if obj else None
        if relative is None:
            continue
        infinitive = next(
            (
                c
                for c in relative.children
                if c.dep_ == "advcl" and c.i > relative.i and is_infinitive(c)
            ),
            None,
        )
        if infinitive is None or infinitive.right_edge.i != relative.right_edge.i:
            continue  # only an infinitive that ends the relative clause
        _reattach(infinitive, verb, "xcomp", MENDED_INFINITIVES)
        mended += 1
    return mended


def mend_verbless_roots(doc: Doc) -> int:
    """Make the verb of each sentence the parser left with a noun root its root again;
    how many were mended."""
    mended = 0
    for sentence in sentences(doc):
        verb = _participle_as_main_verb(sentence)
        if verb is None:
            continue
        _promote(sentence, verb)
        doc.user_data.setdefault(MENDED_ROOTS, []).append(verb.i)
        mended += 1
    return mended


def _participle_as_main_verb(sentence: Span) -> Token | None:
    """The participle describing a word of the subject phrase, in a sentence whose root is
    a noun, where it (or a verb conjoined with it) takes an object: "Doctors from aid
    groups donated ... goods". Without an object ("Five soldiers killed in an ambush") a
    headline's passive is as likely, and it is left alone."""
    root = sentence.root
    if root.pos_ not in {"NOUN", "PROPN"}:
        return None
    for verb in sentence:
        if verb.dep_ != "acl" or verb.pos_ != "VERB" or verb.tag_ not in {"VBN", "VBD"}:
            continue
        if not _inside(verb, root) or verb.i < root.i:
            continue
        if any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass", "mark"} for c in verb.children):
            continue
        if any(c.dep_ == "dobj" for v in (verb, *verb.conjuncts) for c in v.children):
            return verb
        return None  # the first participle decides
    return None


def _promote(sentence: Span, verb: Token) -> None:
    """The participle becomes the root and past tense, the old root its subject."""
    doc = sentence.doc
    root = sentence.root
    at = sentence.start
    heads = [t.head.i - at for t in sentence]
    deps = [t.dep_ for t in sentence]
    heads[verb.i - at], deps[verb.i - at] = verb.i - at, "ROOT"
    heads[root.i - at], deps[root.i - at] = verb.i - at, "nsubj"
    for token in sentence:
        if token.is_punct and token.head.i == root.i and token.i > verb.i:
            heads[token.i - at] = verb.i - at
    for token, head, dep in zip(sentence, heads, deps, strict=True):
        token.head = doc[at + head]
        token.dep_ = dep
    verb.tag_ = "VBD"


def mend_gerund_lists(doc: Doc) -> int:
    """Hang each gerund the parser split off a list after a preposition back on the list's
    first item, as its conjunct; how many were mended."""
    mended = 0
    for first in doc:
        if first.dep_ != "pcomp" or first.tag_ != "VBG" or first.head.pos_ != "ADP":
            continue
        verb = first.head.head
        end = first.right_edge.i
        if end + 2 >= len(doc) or doc[end + 1].text != ",":
            continue
        split = doc[end + 2]
        if (
            split.tag_ != "VBG"
            or split.dep_ != "advcl"
            or split.head.i != verb.i
            or not any(c.dep_ == "conj" for c in split.children)  # "..., B-ing and C-ing"
            or any(c.dep_ in {"nsubj", "mark", "aux"} for c in split.children)
        ):
            continue
        _reattach(split, first, "conj", MENDED_LISTS)
        mended += 1
    return mended


def mend_fronted_subjects(doc: Doc) -> int:
    """Give a subjectless root its subject back from the opening phrase that swallowed it
    as a conjunct; how many were mended."""
    mended = 0
    for sentence in sentences(doc):
        verb = sentence.root
        if verb.pos_ not in {"VERB", "AUX"} or any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
            continue
        before = [
            c.i for c in verb.children if c.dep_ in {"aux", "auxpass", "neg"} and c.i < verb.i
        ]
        boundary = min(before, default=verb.i)
        subject = _swallowed_subject(doc, verb, boundary)
        if subject is None:
            continue
        _reattach(subject, verb, "nsubj", MENDED_SUBJECTS)
        mended += 1
    return mended


def _reattach(token: Token, head: Token, dep: str, record: str) -> None:
    """Hang one word on another head, and list it under the doc's `record` key."""
    token.head = head
    token.dep_ = dep
    token.doc.user_data.setdefault(record, []).append(token.i)


def _swallowed_subject(doc: Doc, verb: Token, boundary: int) -> Token | None:
    """The head of the noun phrase that ends right before the verb (or its auxiliary),
    begins after a comma, and hangs as a conjunct on a word of a phrase that opens the
    clause: "government" in "With the signing of a memorandum, the government and the
    SPLM have agreed"."""
    if boundary < 2 or doc[boundary - 1].is_punct:
        return None
    opening = [c for c in verb.children if c.dep_ == "prep" and c.i < boundary]
    node = doc[boundary - 1]
    for _ in range(_MAX_CLIMB):
        start = node.left_edge.i
        if (
            node.dep_ == "conj"
            and node.right_edge.i == boundary - 1
            and start > 0
            and doc[start - 1].text == ","
            and any(_inside(node.head, phrase) for phrase in opening)
        ):
            return node
        if node.head.i == node.i or node.head.i >= boundary:
            return None
        node = node.head
    return None


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# How far up from the phrase's last word its head may lie.
_MAX_CLIMB = 6
