"""PLOVER types and modes the text shows, beyond what the CAMEO code implies.

CAMEO 190 says "use conventional military force"; whether from the air, with artillery or
with rifles, the text often says, and PLOVER has a mode for it. The cue words are data
(`detente/data/lexicon/plover_modes.tsv`); an event takes the mode of the first row whose
words appear in its own clause, and keeps the CAMEO table's mode otherwise. Where PLOVER
splits one CAMEO code by what was done (173: an arrest is COERCE, a charge ACCUSE, a
conviction SANCTION), the trigger decides the type (`plover_types.tsv`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from detente.data.tables import bundled, read_table
from detente.errors import DataFileError
from detente.events.ontology import Ontology
from detente.nlp.clauses import verb_lemmas

# Children whose phrases are another clause, not this event's own words.
_OTHER_CLAUSES = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "pcomp"}


@dataclass(frozen=True, slots=True)
class ModeCue:
    plover_type: str
    mode: str
    words: tuple[tuple[str, ...], ...]  # each cue: its lemmas in order
    where: str


@dataclass(frozen=True, slots=True)
class ModeFound:
    mode: str
    word: str
    where: str


@dataclass(frozen=True, slots=True)
class TypeByTrigger:
    cameo: str
    triggers: frozenset[str]
    plover_type: str
    mode: str
    where: str


@cache
def load_type_cues(ontology: Ontology) -> tuple[TypeByTrigger, ...]:
    path = bundled("lexicon", "plover_types.tsv")
    rows: list[TypeByTrigger] = []
    for row in read_table(path, ("cameo", "triggers", "type", "mode")):
        cameo, plover_type, mode = row.get("cameo"), row.get("type"), row.get("mode")
        if cameo not in ontology:
            raise DataFileError(
                row.path, row.line, f"unknown CAMEO code {cameo!r}", fix="use a CAMEO code"
            )
        _check_mode(ontology, plover_type, mode, row.path, row.line)
        triggers = frozenset(w.lower() for w in row.values("triggers"))
        rows.append(TypeByTrigger(cameo, triggers, plover_type, mode, f"{row.path}:{row.line}"))
    return tuple(rows)


def type_from_trigger(
    trigger: Token, cameo: str, cues: tuple[TypeByTrigger, ...]
) -> TypeByTrigger | None:
    """The PLOVER type this trigger gives an event of this CAMEO code, if a row says so."""
    words = verb_lemmas(trigger)
    return next((c for c in cues if c.cameo == cameo and any(w in c.triggers for w in words)), None)


def _check_mode(ontology: Ontology, plover_type: str, mode: str, path: str, line: int) -> None:
    known = ontology.plover_types.get(plover_type)
    if known is None:
        raise DataFileError(
            path, line, f"unknown PLOVER type {plover_type!r}", fix="use a PLOVER type"
        )
    if mode and mode not in known.modes:
        raise DataFileError(
            path,
            line,
            f"{plover_type} has no mode {mode!r}",
            fix=f"use one of {', '.join(known.modes)}",
        )


@cache
def load_mode_cues(ontology: Ontology) -> tuple[ModeCue, ...]:
    path = bundled("lexicon", "plover_modes.tsv")
    cues: list[ModeCue] = []
    for row in read_table(path, ("type", "mode", "words")):
        plover_type, mode = row.get("type"), row.get("mode")
        _check_mode(ontology, plover_type, mode, row.path, row.line)
        words = tuple(tuple(w.split()) for w in row.values("words"))
        cues.append(ModeCue(plover_type, mode, words, f"{row.path}:{row.line}"))
    return tuple(cues)


def mode_from_text(
    trigger: Token, plover_type: str | None, cues: tuple[ModeCue, ...]
) -> ModeFound | None:
    """The mode the words of the event's own clause show, if any."""
    if plover_type is None:
        return None
    lemmas = _clause_lemmas(trigger)
    present = frozenset(lemmas)  # most cue words are absent: one set look-up says so
    for cue in cues:
        if cue.plover_type != plover_type:
            continue
        for words in cue.words:
            if words[0] in present and _contains(lemmas, words):
                return ModeFound(cue.mode, " ".join(words), cue.where)
    return None


def _clause_lemmas(trigger: Token) -> list[str]:
    """Lemmas and lower-cased words of the trigger's phrase and its clause's arguments, in
    text order (both forms, so "shot" and "shoot" both match)."""
    verb = trigger
    if trigger.pos_ == "NOUN" and trigger.head.pos_ == "VERB" and trigger.dep_ != "ROOT":
        verb = trigger.head  # "carried out an airstrike": the light verb's clause
    tokens: dict[int, Token] = {}

    def collect(token: Token) -> None:
        tokens[token.i] = token
        for child in token.children:
            # "the pilots of the jet were killed": an "of" phrase describes, it is no weapon
            if child.dep_ not in _OTHER_CLAUSES and not (
                child.dep_ == "prep" and child.lower_ == "of"
            ):
                collect(child)

    collect(verb)
    words: list[str] = []
    for i in sorted(tokens):
        words.append(tokens[i].lemma_.lower())
        if tokens[i].lower_ != words[-1]:
            words.append(tokens[i].lower_)
    return words


def _contains(lemmas: list[str], words: tuple[str, ...]) -> bool:
    if len(words) == 1:
        return words[0] in lemmas
    first = words[0]
    for start, lemma in enumerate(lemmas):
        if lemma == first:
            rest = lemmas[start + 1 : start + 1 + 2 * (len(words) - 1)]
            if all(w in rest for w in words[1:]):
                return True
    return False
