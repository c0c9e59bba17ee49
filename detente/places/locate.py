"""Placing each event where it happened.

Place names come from the sentence's locative phrases ("in Aleppo", "near the border",
"over Syria", "on the outskirts of Goma"): the one attached to the event's own clause
wins, then the nearest one in the sentence. A name resolves to a country (the actor
dictionary's names: "Syria"), a city or a first-level region (the gazetteer), preferring
places in the countries of the event's actors and of the article ("Tripoli" in a Lebanon
story is Lebanon's). Without any place in the sentence, an event between two actors of the
same country is placed in that country, and a material act (quad 2 or 4) in its target's
country. The dateline is never used: it is where the reporter was.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from detente.actors.dictionary import ActorDictionary, EntryKind
from detente.places.gazetteer import Gazetteer, GazetteerPlace
from detente.types import Actor, Place, QuadClass

LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "over",
        "outside",
        "inside",
        "across",
        "around",
        "along",
        "off",
        "into",
        "throughout",
        "within",
        "on",
    }
)
_REGION_WORDS = {
    "province",
    "region",
    "governorate",
    "state",
    "oblast",
    "district",
    "county",
    "area",
    "prefecture",
}
_BORDER_WORDS = {"border", "frontier", "boundary"}
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
    "npadvmod",
}


@dataclass(frozen=True, slots=True)
class PlaceMention:
    place: Place
    anchor: int  # the token its locative preposition hangs off
    position: int  # the place name's first token


@dataclass
class DocPlaces:
    by_sentence: dict[int, list[PlaceMention]] = field(default_factory=dict)
    # A sentence without places, in the same paragraph as one with: that sentence's place.
    narrative: dict[int, Place] = field(default_factory=dict)


class Locator:
    def __init__(self, dictionary: ActorDictionary, gazetteer: Gazetteer):
        self.dictionary = dictionary
        self.gazetteer = gazetteer

    def prepare(self, doc: Doc, article_countries: Iterable[str]) -> DocPlaces:
        """Every place named in a locative phrase of the doc, resolved once."""
        prefer = list(dict.fromkeys(article_countries))
        places = DocPlaces()
        last: Place | None = None
        previous: Span | None = None
        for sentence in doc.sents:
            found = []
            for token in sentence:
                if token.dep_ != "pobj" or token.head.lower_ not in LOCATIVE_PREPS:
                    continue
                place = self._resolve(doc, token, prefer)
                if place is not None:
                    found.append(PlaceMention(place, token.head.head.i, token.i))
            places.by_sentence[sentence.start] = found
            if found:
                last = found[-1].place
            elif last is not None and previous is not None and _same_paragraph(previous, sentence):
                places.narrative[sentence.start] = last
            else:
                last = None
            previous = sentence
        return places

    def locate(
        self,
        places: DocPlaces,
        trigger: Token,
        source: Actor | None,
        target: Actor | None,
        quad: QuadClass,
    ) -> Place | None:
        sentence = trigger.sent.start
        mentions = places.by_sentence.get(sentence, [])
        if mentions:
            chain = _clause_chain(trigger)
            attached = [m for m in mentions if m.anchor in chain]
            if attached:
                chosen = min(attached, key=lambda m: chain[m.anchor])
                return _with_rule(chosen.place, "named in the event's own clause")
            chosen = min(mentions, key=lambda m: abs(m.position - trigger.i))
            return _with_rule(chosen.place, "named in the event's sentence")
        earlier = places.narrative.get(sentence)
        if earlier is not None:
            return _with_rule(earlier, "named in the sentence before, in the same paragraph")
        countries = [a.country for a in (source, target) if a is not None and a.country]
        if len(countries) == 2 and countries[0] == countries[1]:
            return self._country_place(countries[0], None, "both sides are of this country")
        material = quad in {QuadClass.MATERIAL_COOPERATION, QuadClass.MATERIAL_CONFLICT}
        if (
            material
            and target is not None
            and target.country
            and not target.sectors
            and not target.org
        ):
            return self._country_place(
                target.country, None, "a material act against a whole country"
            )
        return None

    def _resolve(self, doc: Doc, token: Token, prefer: list[str]) -> Place | None:
        """A locative phrase's object as a place: a border, a region, a country or a city."""
        if token.lower_ in _BORDER_WORDS:
            return self._border(token, prefer)
        span = _name_span(doc, token)
        name = span.text
        if token.lower_ in _REGION_WORDS:
            # "Idlib province": the name is in the compound before the word.
            region = self.gazetteer.region(name, prefer)
            if region is not None:
                return _place(name, region, "region")
        country = self._country_named(name)
        if country is not None:
            return self._country_place(country, name, "")
        if not any(t.ent_type_ in {"GPE", "LOC", "FAC"} for t in span):
            return None
        city = self.gazetteer.lookup(name, prefer)
        region = self.gazetteer.region(name, prefer)
        if region is not None and (
            city is None or (region.country in prefer[:2] and city.country not in prefer[:2])
        ):
            return _place(name, region, "region")
        if city is not None:
            return _place(name, city, "city")
        return None

    def _country_named(self, name: str) -> str | None:
        for entry in self.dictionary.names.get(name, ()):
            if entry.kind is EntryKind.COUNTRY_NAME and entry.country:
                return entry.country
        return None

    def _country_place(self, iso3: str, written: str | None, rule: str) -> Place | None:
        info = self.gazetteer.country(iso3)
        known = self.dictionary.countries.get(iso3)
        name = info.name if info else known.phrase if known else iso3
        return Place(
            name=written or name,
            country=iso3,
            level="country",
            resolved_name=name,
            geonameid=info.geonameid if info else None,
            latitude=info.latitude if info else None,
            longitude=info.longitude if info else None,
            feature="country",
            rule=rule or None,
        )

    def _border(self, token: Token, prefer: list[str]) -> Place | None:
        """ "near the Syrian-Turkish border": the border of the first preferred country."""
        countries = []
        for child in token.subtree:
            for entry in self.dictionary.names.get(child.text, ()):
                if entry.is_country and entry.country and entry.country not in countries:
                    countries.append(entry.country)
        if not countries:
            return None
        chosen = next((c for c in prefer if c in countries), countries[0])
        place = self._country_place(
            chosen, " ".join(t.text for t in token.subtree if not t.is_punct), ""
        )
        if place is None:
            return None
        return Place(
            name=place.name,
            country=place.country,
            level="country",
            resolved_name=f"{place.resolved_name} (border area: {'-'.join(countries)})",
            geonameid=place.geonameid,
            latitude=place.latitude,
            longitude=place.longitude,
            feature="border",
        )


def _with_rule(place: Place, rule: str) -> Place:
    return replace(place, rule=rule)


def _place(written: str, found: GazetteerPlace, level: str) -> Place:
    return Place(
        name=written,
        country=found.country,
        level=level,
        resolved_name=found.name,
        geonameid=found.geonameid,
        latitude=found.latitude,
        longitude=found.longitude,
        admin1=found.admin1 if found.feature == "city" else found.name,
        feature=found.feature,
    )


def _name_span(doc: Doc, token: Token) -> Span:
    """The name a locative object stands for: its compound and proper-noun modifiers."""
    if token.lower_ in _REGION_WORDS:
        parts = [c for c in token.children if c.dep_ in {"compound", "amod"} and c.pos_ == "PROPN"]
        if parts:
            return doc[min(p.i for p in parts) : max(p.i for p in parts) + 1]
    ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
    if ent is not None:
        start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
        return doc[start : ent.end]
    left = token.i
    while left > 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].pos_ == "PROPN":
        left -= 1
    return doc[left : token.i + 1]


def _same_paragraph(previous: Span, sentence: Span) -> bool:
    text = previous.doc.text
    return "\n" not in text[len(text[: previous.end_char].rstrip()) : sentence.start_char]


def _clause_chain(trigger: Token) -> dict[int, int]:
    chain = {trigger.i: 0}
    token = trigger
    for distance in range(1, 8):
        if token.dep_ not in _CLIMB_DEPS or token.head is token:
            break
        token = token.head
        chain.setdefault(token.i, distance)
    return chain
