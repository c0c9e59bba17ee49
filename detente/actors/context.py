"""The country a role without one takes from its context.

"police", "the army", "protesters": a role the text gives no country borrows one from its
own place phrase ("protesters in Lagos"), else from the countries named in its sentence and
the one before (places weigh more than another actor's nationality), else from the story,
where one country dominates it. A patron ("Iran-backed"), an occupier ("Israeli-occupied")
or what the actor is against ("anti-Syria") lends no country.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, cast

from spacy.tokens import Doc, Token

from detente.actors.dictionary import Entry, EntryKind
from detente.actors.matcher import Match
from detente.nlp.clauses import sentences
from detente.types import Actor, ActorKind

if TYPE_CHECKING:
    from detente.actors.resolve import DocActors


def sentence_number(token: Token) -> int:
    """The number of the token's sentence (0 for the first)."""
    return _sentence_numbers(token.doc)[token.i]


def _sentence_numbers(doc: Doc) -> list[int]:
    # One number per token, computed once per doc: `Token.sent` builds a span each time.
    numbers: list[int] | None = doc.user_data.get("detente_sentence_numbers")
    if numbers is None:
        numbers = [0] * len(doc)
        for n, sentence in enumerate(sentences(doc)):
            numbers[sentence.start : sentence.end] = [n] * len(sentence)
        doc.user_data["detente_sentence_numbers"] = numbers
    return numbers


def with_context_country(ctx: DocActors, head: int, actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """A lone role without a country ("police") takes the country of its context."""
    if len(actors) != 1 or actors[0].country or actors[0].org or not actors[0].sectors:
        return actors
    actor = actors[0]
    lender, how = _victims_country(ctx, head), "the country of whom the attack struck"
    if lender is None and set(actor.sectors) & STATE_SECTORS:
        lender, how = _conjunct_country(ctx, head), "the country of the actor named with it"
        if lender is None:
            lender, how = _speaker_country(ctx, head), "the speaker's country"
    if lender is None:
        lender, how = _context_country(ctx, head), "country from context"
    if lender is None:
        lender, how = _story_country(ctx), "country of the story"
    if lender is None:
        return actors
    country, code, text = lender
    reason = actor.reason.replace("; no country named", "")
    return (
        Actor(
            code=code + "".join(actor.sectors),
            kind=actor.kind,
            text=actor.text,
            start=actor.start,
            end=actor.end,
            reason=f"{reason}; {how}: '{text}'",
            country=country,
            sectors=actor.sectors,
            name=actor.name,
            country_from_context=True,
        ),
    )


def _context_country(ctx: DocActors, head: int) -> tuple[str, str, str] | None:
    """The country a role's context is about: (iso3, CAMEO code, the words that say so).

    Candidates are the countries named in the role's sentence (the sentence before counts
    half): by actors, by an armed group's home country, or by any country word at all
    ("in Somalia's Lower Shabelle region"); an actor named in a phrase of where a thing
    goes or what it is about, two nouns deep, counts half. The most named wins; ties go to
    the nearest mention before the role."""
    own = _owner_country(ctx, head) or _own_place_country(ctx, head)
    if own is not None:
        return own
    sentence = sentence_number(ctx.doc[head])
    scores: dict[str, float] = {}
    nearest: dict[str, tuple[bool, int, str, str]] = {}

    def vote(
        position: int, country: str, code: str, text: str, number: int, weight: float = 1.0
    ) -> None:
        scores[country] = scores.get(country, 0.0) + weight * (1.0 if number == sentence else 0.5)
        rank = (position > head, abs(position - head), code, text)
        if country not in nearest or rank[:2] < nearest[country][:2]:
            nearest[country] = rank

    counted: set[int] = set()
    # "killing about 20 people, relief officials in Nairobi said": where the speaker is
    # says nothing of the victims (who the speaker is may: "..., the Danish brewer said")
    in_report = _reporting_speaker(ctx, ctx.doc[head])
    for m in ctx.history:
        if m.head == head or m.sentence not in (sentence, sentence - 1) or len(m.actors) != 1:
            continue
        if not in_report and _speaker_place(ctx, ctx.doc[m.head]):
            continue
        actor = m.actors[0]
        if not actor.country or actor.kind is ActorKind.GROUP:
            continue
        if ctx.doc[m.head].pos_ == "PRON":
            continue  # "it" says again what its antecedent said: one vote, not two
        if ctx.doc[m.head].lemma_.lower() in _BORDER_NOUNS:
            continue  # "on the Thai border": a border has two sides
        code = actor.code[:3] if not actor.org else ctx.dictionary_code(actor.country)
        # "Israeli forces demolished the homes of two attackers near Jenin": another
        # actor's nationality is its own; a country or place named as such says more.
        match = ctx.by_token.get(m.head)
        weight = 0.5 if actor.sectors else 1.0
        # Only a name can be a place: "in U.S.-Soviet talks" names no place.
        if match is not None and _named_as_place(ctx.doc[m.head], match):
            weight = _PLACE_WEIGHT
        elif _about_a_thing(ctx.doc[m.head]):
            # "ordered former president Menem to appear in an investigation of arms
            # sales to Croatia": a country named in a phrase deep in nested noun phrases
            # names a thing talked of, not who is around the role
            weight = min(weight, _NESTED_WEIGHT)
        vote(m.head, actor.country, code, actor.text, m.sentence, weight)
        counted.update(range(actor.start, actor.end))
    numbers = _sentence_numbers(ctx.doc)
    for match in ctx.matches:
        entry = match.entries[0]
        # Sentences first: building tokens for every match of a long story is the cost.
        number = numbers[match.start]
        if number not in (sentence, sentence - 1) or match.start == head:
            continue
        if not _lends_country(ctx, match):
            continue
        token = ctx.doc[match.start]
        if token.idx in counted:
            continue
        if not in_report and _speaker_place(ctx, ctx.doc[match.end - 1]):
            continue
        if names_a_town(entry, ctx.doc[match.end - 1]):
            continue  # "the city of Tripoli" says nothing of Libya
        if _names_a_border(ctx.doc[match.end - 1]):
            continue  # "a rebel stronghold on the Thai border": a border has two sides
        # "killed 20 civilians in Idlib": a town named in the sentence says where the role
        # is, more than the nationality of the one who acted ("Russian strikes").
        weight = _PLACE_WEIGHT if _named_as_place(ctx.doc[match.end - 1], match) else 1.0
        country = cast(str, entry.country)  # _lends_country: a country is named
        vote(match.start, country, entry.country_code or country, token.text, number, weight)
    if not scores:
        return None
    best = max(scores, key=lambda c: (scores[c], not nearest[c][0], -nearest[c][1]))
    _, _, code, text = nearest[best]
    return best, code, text


def _about_a_thing(token: Token) -> bool:
    """Whether a word is the object of a phrase two nouns deep that says where a thing
    goes or what it is about ("sales to Croatia" in "an investigation of arms sales to
    Croatia"); not a phrase that names whose it is ("the assault by aircraft from the
    Syrian regime") or where it happens ("strikes for months inside Aleppo city")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "to Croatia and Ecuador"
    return (
        token.dep_ == "pobj"
        and token.head.lower_ in _TOPIC_PREPOSITIONS
        and _nouns_above(token) >= 2
    )


_TOPIC_PREPOSITIONS = frozenset(
    {"to", "into", "toward", "towards", "about", "over", "regarding", "concerning"}
)


def _nouns_above(token: Token) -> int:
    """How many nouns lie between a word and the verb whose clause it is in: 2 for
    'Croatia' in "an investigation of arms sales to Croatia"."""
    nouns, node = 0, token.head
    for _ in range(_MAX_NOUN_CHAIN):
        if node.pos_ in {"VERB", "AUX"} or node.head.i == node.i:
            return nouns
        if node.pos_ in {"NOUN", "PROPN"}:
            nouns += 1
        node = node.head
    return nouns


def _speaker_place(ctx: DocActors, token: Token) -> bool:
    """A place named where a reporting speaker is: "in Nairobi" in "..., relief officials
    in Nairobi said"."""
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE and _reporting_speaker(ctx, token)


def _reporting_speaker(ctx: DocActors, token: Token) -> bool:
    """Whether the token is in the subject of a reporting verb that has a clause of its
    own: "relief officials in Nairobi" in "..., relief officials in Nairobi said"."""
    if ctx.is_report_verb is None:
        return False
    node = token
    for _ in range(8):
        head = node.head
        if head.i == node.i:
            return False
        if (
            node.dep_ == "nsubj"
            and ctx.is_report_verb(head.lemma_.lower())
            and any(c.dep_ in {"ccomp", "parataxis"} for c in head.children)
        ):
            return True
        node = head
    return False


def _story_country(ctx: DocActors) -> tuple[str, str, str] | None:
    """The country a story is about, where one dominates it: named (by name, adjective,
    capital or a place in it; a place where something happens counts twice) at least
    `_STORY_MENTIONS` times and at least twice as often as any other. "Regime forces
    executed 48 people", ten sentences into a Syria story, are Syria's; a story about two
    countries lends neither."""
    key = "detente_story_country"
    if key in ctx.doc.user_data:
        found: tuple[str, str, str] | None = ctx.doc.user_data[key]
        return found
    counts, named = _story_tally(ctx)
    ranked = counts.most_common(2)
    found = None
    if ranked and ranked[0][1] >= _STORY_MENTIONS:
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        if ranked[0][1] >= 2 * runner_up:
            country = ranked[0][0]
            found = (country, *named[country])
    ctx.doc.user_data[key] = found
    return found


def in_story_first(ctx: DocActors, entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """The meanings of an ambiguous name, those of a country the story names first: "RSF"
    beside "Sudan's army" is the Rapid Support Forces, not Reporters Without Borders."""
    if len(entries) < 2 or all(e.kind is EntryKind.PERSON for e in entries):
        return entries
    counts, _ = _story_tally(ctx)
    return tuple(sorted(entries, key=lambda e: e.country not in counts))


def _story_tally(ctx: DocActors) -> tuple[Counter[str], dict[str, tuple[str, str]]]:
    """How often the story names each country (places where something happens twice),
    and each country's CAMEO code and first wording, in one pass over the matches."""
    key = "detente_story_tally"
    cached: tuple[Counter[str], dict[str, tuple[str, str]]] | None = ctx.doc.user_data.get(key)
    if cached is not None:
        return cached
    counts: Counter[str] = Counter()
    named: dict[str, tuple[str, str]] = {}
    for match in ctx.matches:
        entry = match.entries[0]
        country = entry.country
        if not (match.is_name and entry.is_country and country):
            continue
        text = ctx.doc[match.start : match.end].text
        named.setdefault(country, (entry.country_code or country, text))
        if not _lends_country(ctx, match) or len({e.country for e in match.entries}) > 1:
            continue  # "Congolese" names no one country by itself
        # Where things happen says more than who takes part ("Russian jets" over Aleppo).
        place = _named_as_place(ctx.doc[match.end - 1], match)
        counts[country] += 2 if place else 1
    ctx.doc.user_data[key] = (counts, named)
    return counts, named


def _lends_country(ctx: DocActors, match: Match) -> bool:
    """A name of a country (or of a place in one) that says whose the role is: not a
    patron ("Russia-backed separatists") nor what the actor is against ("anti-Syria")."""
    entry = match.entries[0]
    if not (match.is_name and entry.is_country and entry.country):
        return False
    return not (is_patron(ctx.doc, match) or is_opponent(ctx.doc, match))


# How often a country must be named for a story to be about it.
_STORY_MENTIONS = 3
_PLACE_WEIGHT = 1.5
# What an actor named two nouns deep ("arms sales to Croatia") lends: as much as another
# actor's nationality.
_NESTED_WEIGHT = 0.5
_MAX_NOUN_CHAIN = 12


def _named_as_place(token: Token, match: Match | None) -> bool:
    """A town, or a country named where something happens ("killed ten militants in
    Somalia"), rather than as the nationality of an actor."""
    if match is not None and match.entries[0].kind is EntryKind.PLACE:
        return True
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE


# "imposed a curfew on Bangkok", "protests in Paris": a capital after these is the place.
LOCATIVE = frozenset({"in", "on", "at", "near", "into", "across", "around", "outside", "inside"})


def _names_a_border(token: Token) -> bool:
    """The country word is what a border is of: "the Thai border", "the border with Iraq"."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "with":
        head = head.head
    elif token.dep_ not in {"amod", "compound"}:
        return False
    return head.lemma_.lower() in _BORDER_NOUNS


_BORDER_NOUNS = frozenset({"border", "frontier", "boundary", "borderland"})

_TOWN_NOUNS = frozenset({"city", "town", "port", "village", "capital", "province", "district"})


def names_a_town(entry: Entry, head: Token) -> bool:
    """ "the northern city of Tripoli", "Tripoli, the city": a town, not a government (and
    perhaps not even the capital it shares its name with); the place finder resolves it
    against the story."""
    if entry.kind is not EntryKind.CAPITAL:
        return False
    governor = head.head
    city_of = (
        head.dep_ == "pobj"
        and governor.lower_ == "of"
        and governor.head.lemma_.lower() in _TOWN_NOUNS
    )
    apposed = head.dep_ == "appos" and governor.lemma_.lower() in _TOWN_NOUNS
    return city_of or apposed


def _owner_country(ctx: DocActors, head: int) -> tuple[str, str, str] | None:
    """ "'Our forces are ready,' Pakistan's spokesman said": whose forces the possessive
    pronoun says, once it is resolved."""
    for child in ctx.doc[head].children:
        if child.dep_ != "poss" or child.pos_ != "PRON":
            continue
        lender = _lender(ctx, child.i, child.text)
        if lender is not None:
            return lender
    return None


def _lender(ctx: DocActors, mention: int, text: str | None = None) -> tuple[str, str, str] | None:
    """The country of a resolved mention that is one state actor (not an organisation), as
    (iso3, its country code without the sectors, the words that say so: `text`, else the
    actor's own)."""
    owners = ctx.cache.get((mention, False), ())
    if len(owners) != 1 or owners[0].org or not owners[0].country:
        return None
    code, sectors = owners[0].code, "".join(owners[0].sectors)
    return (
        owners[0].country,
        code[: -len(sectors)] if sectors and code.endswith(sectors) else code,
        owners[0].text if text is None else text,
    )


# Sectors of a state's own bodies: "the army", "police", "the government" (the events
# package reads them too: a protest by a state body is not aimed at its own government).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def _conjunct_country(ctx: DocActors, head: int) -> tuple[str, str, str] | None:
    """ "French National Assembly president Laurent Fabius and a group of deputies held talks
    with Romania's new government": a state body named together with a national actor is
    that actor's country's, not the country the sentence names most. (Not for rebels: in
    "Russian troops and separatists" the separatists are not Russia's.)"""
    for conjunct in ctx.doc[head].conjuncts:
        named = ctx.cache.get((conjunct.i, False), ())
        if len(named) == 1 and not named[0].country_from_context:
            return _lender(ctx, conjunct.i)
    return None


def _victims_country(ctx: DocActors, head: int) -> tuple[str, str, str] | None:
    """ "attacked a camp for Congolese refugees, killing at least 156 people": those a
    participle says were killed or hurt are of the country of whom the act it follows
    struck (its object, or what it was "against" or "on"), not the attackers'."""
    token = ctx.doc[head]
    participle = token.head
    if token.dep_ != "dobj" or participle.tag_ != "VBG":
        return None
    while participle.dep_ == "conj" and participle.head.i != participle.i:
        participle = participle.head  # "killing or wounding 50"
    if participle.dep_ != "advcl":
        return None
    struck = [
        c
        for c in participle.head.children
        if c.dep_ in {"dobj", "nsubjpass"}
        or (c.dep_ == "prep" and c.lower_ in _STRIKING_PREPOSITIONS)
    ]
    for part in struck:
        for word in part.subtree:
            named = ctx.cache.get((word.i, False), ())
            if len(named) == 1 and not named[0].country_from_context:
                found = _lender(ctx, word.i)
                if found is not None:
                    return found
    return None


# What an attack "was against" or "on" names whom it struck.
_STRIKING_PREPOSITIONS = frozenset({"against", "on", "at"})


def _speaker_country(ctx: DocActors, head: int) -> tuple[str, str, str] | None:
    """ "India's defence minister said the army would push into Pakistani Kashmir": a
    state body without a country, the subject of what a national speaker says, is the
    speaker's own, however many other countries the sentence names."""
    token = ctx.doc[head]
    clause = token.head
    verb = clause.head
    if token.dep_ != "nsubj" or clause.dep_ != "ccomp" or ctx.is_report_verb is None:
        return None
    if verb.pos_ != "VERB" or not ctx.is_report_verb(verb.lemma_.lower()):
        return None
    # Only a speaker named first: in "..., a spokeswoman for the US embassy said" the one
    # who reports is often an outside source.
    speaker = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < token.i), None)
    return _lender(ctx, speaker.i) if speaker is not None else None


def _own_place_country(ctx: DocActors, head: int) -> tuple[str, str, str] | None:
    """ "two militants in Yemen", "protesters from Bahrain", "the Albanians of southern
    Serbia": the role's own place says it."""
    for prep in ctx.doc[head].children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "from"}:
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            # "of" says where only with a place at its head: "the Albanians of southern
            # Serbia", not "the chief of Israel's militia ally"
            first = pobj.i if prep.lower_ == "of" else pobj.left_edge.i
            for i in range(first, pobj.i + 1):
                match = ctx.by_token.get(i)
                # "in the Israeli-occupied West Bank": the West Bank's
                if match is None or not _lends_country(ctx, match):
                    continue
                country = cast(str, match.entries[0].country)
                return country, match.entries[0].country_code or country, ctx.doc[i].text
    return None


_PATRON_WORDS = {
    "backed",
    "sponsored",
    "supported",
    "funded",
    "armed",
    "trained",
    "aligned",
    "allied",
    "installed",
    "recognised",
    "recognized",
    "appointed",
    "brokered",
    "mediated",
    "friendly",
    # "the Israeli-occupied West Bank", "Russian-held territory": the occupier's, not of it
    "occupied",
    "held",
    "controlled",
    "annexed",
}


def is_patron(doc: Doc, match: Match) -> bool:
    """ "Iran-backed militias", "Libya's UN-recognised government", "pro-Russian
    separatists": a country or body that backs or recognises the actor is not the actor."""
    if not (match.entries[0].is_country or match.entries[0].kind is EntryKind.ORGANISATION):
        return False
    after, before = match.end, match.start
    backed = after + 1 < len(doc) and doc[after].text == "-"
    backed = backed and doc[after + 1].lower_ in _PATRON_WORDS
    pro = before >= 2 and doc[before - 1].text == "-" and doc[before - 2].lower_ == "pro"
    return backed or pro


def is_opponent(doc: Doc, match: Match) -> bool:
    """ "anti-Syria": the country a word is against, not of."""
    return (
        match.start >= 2
        and doc[match.start - 1].text == "-"
        and doc[match.start - 2].lower_ == "anti"
        and match.entries[0].is_country
    )
