"""Resolving noun phrases to the actors they name, across a whole article.

`prepare` matches the dictionaries and resolves every actor mention in text order, so
that what the article has already said can resolve what follows:
- a phrase resolves from its own words (actors/compose.py): "Turkish Defense Minister
  Fikri Isik" -> TURGOV, named; "the Russian and Turkish presidents" -> RUSGOV, TURGOV;
- a surname seen earlier comes back alone ("Isik told ...") -> the same person;
- pronouns and reference nouns ("he", "the group", "the two countries") and definite
  person roles ("the minister") take the most recent compatible mention (actors/coref.py);
- "we" and "I" inside a quotation take its speaker (nlp/quotes.py);
- a role with no country of its own ("police", "the army") takes the country of the
  nearest actor in its sentence, else in the sentence before.

The event coder then asks for the actors of its argument heads with `resolve`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.symbols import NOUN, PRON, PROPN
from spacy.tokens import Doc, Span, Token

from detente.actors.compose import compose, entry_for
from detente.actors.context import (
    LOCATIVE,
    in_story_first,
    is_opponent,
    is_patron,
    names_a_town,
    sentence_number,
    with_context_country,
)
from detente.actors.coref import (
    Mentioned,
    Reference,
    antecedents,
    load_references,
    paired_sides,
    pronoun_gender,
    reference_key,
    referring_actors,
    relabel,
    speaker_actor,
)
from detente.actors.dictionary import Entry, EntryKind
from detente.actors.matcher import ActorMatcher, Match, tokens_of
from detente.actors.phrases import (
    MODIFIER_DEPS,
    PHRASE_PREPS,
    is_definite,
    is_plural,
    person_name,
    phrase_depths,
    phrase_head,
    refers_back,
    span_of,
)
from detente.nlp.clauses import doc_text, positions_tagged
from detente.nlp.quotes import Quote, find_quotes
from detente.types import Actor, ActorKind

# A mention heading its clause's subject: the likeliest antecedent of a later "he".
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# How a match's kind sorts when two are equally near the head: a person, organisation or
# country name is more specific than an adjective, and both more than a city.
_KIND_RANK = {
    EntryKind.PERSON: 0,
    EntryKind.ORGANISATION: 0,
    EntryKind.COUNTRY_NAME: 1,
    EntryKind.METONYM: 1,
    EntryKind.CAPITAL: 2,
    EntryKind.COUNTRY_ADJECTIVE: 2,
    EntryKind.PLACE: 3,
}


@dataclass
class DocActors:
    """One doc's dictionary matches, quotations, and the mentions resolved so far."""

    doc: Doc
    matches: list[Match]
    by_token: dict[int, Match]
    published: date | None = None
    quotes: list[Quote] = field(default_factory=list)
    known_names: dict[str, Actor] = field(default_factory=dict)
    cache: dict[tuple[int, bool], tuple[Actor, ...]] = field(default_factory=dict)
    history: list[Mentioned] = field(default_factory=list)
    mentions: list[Actor] = field(default_factory=list)
    complete: bool = False  # every mention resolved: context countries can be borrowed
    country_codes: dict[str, str] = field(default_factory=dict)  # iso3 -> CAMEO code
    is_report_verb: Callable[[str], bool] | None = None  # "said", "warned" (lexicon cues)

    def dictionary_code(self, iso3: str) -> str:
        return self.country_codes.get(iso3, iso3)

    def quote_at(self, token: Token) -> Quote | None:
        return next((q for q in self.quotes if q.contains(token.idx)), None)


class ActorResolver:
    def __init__(self, matcher: ActorMatcher, is_report_verb: Callable[[str], bool] | None = None):
        self.matcher = matcher
        self.references = load_references()
        # The last words of reference phrases: most nouns need no look at their children.
        self._reference_heads = frozenset(phrase.split()[-1] for phrase in self.references)
        self._country_codes = {
            iso3: entry.country_code or iso3 for iso3, entry in matcher.dictionary.countries.items()
        }
        self._is_report_verb = is_report_verb
        # What a bare number counts ("killing three and arresting 12"): people.
        self._people = next(iter(matcher.dictionary.roles.get("people", ())), None)

    def prepare(self, doc: Doc, published: date | None = None) -> DocActors:
        """Resolve every actor mention of the doc, in text order (see the module doc)."""
        matches = self.matcher.find(doc)
        ctx = DocActors(doc, matches, tokens_of(matches), published)
        ctx.country_codes = self._country_codes
        ctx.is_report_verb = self._is_report_verb
        if self._is_report_verb is not None:
            ctx.quotes = find_quotes(doc, self._is_report_verb)
        deferred: list[Token] = []
        # Only nouns and pronouns refer, and only the last word of a dictionary match
        # starts one (`_reference`, `_starts_phrase_work`).
        ends = {m.end - 1 for m in matches}
        for i in sorted(ends.union(positions_tagged(doc, _NOMINAL_TAGS))):
            token = doc[i]
            reference = self._reference(token)
            if reference is not None and reference.refers_to in {"speaker", "speaker_group"}:
                deferred.append(token)
            elif reference is not None and token.pos_ == "PRON":
                self._remember(ctx, token, self._refer(ctx, token, reference))
            elif self._starts_phrase_work(ctx, token):
                head = phrase_head(token)
                self._remember(ctx, head, self.resolve(ctx, head, with_conjuncts=False))
        for token in deferred:
            self._remember(ctx, token, self._speaker_reference(ctx, token))
        self._borrow_countries(ctx)
        found: dict[tuple[int, int, str], Actor] = {}
        for mention in ctx.history:
            for actor in ctx.cache.get((mention.head, False), mention.actors):
                found.setdefault((actor.start, actor.end, actor.code), actor)
        ctx.mentions = _merge_bracketed_aliases(
            doc_text(doc), sorted(found.values(), key=lambda a: a.start)
        )
        return ctx

    def resolve(self, ctx: DocActors, head: Token, *, with_conjuncts: bool = True) -> list[Actor]:
        """The actors named by the phrase headed by `head` (and by its conjuncts)."""
        heads = [head, *head.conjuncts] if with_conjuncts else [head]
        actors: list[Actor] = []
        for h in heads:
            key = (h.i, False)
            if key not in ctx.cache:
                # "a spokesman for the rebels": whom they speak for is part of the phrase
                preps = _SPEAKS_FOR_PREPS if h.lemma_.lower() in _SPEAKS_FOR else PHRASE_PREPS
                found = tuple(self._resolve_phrase(ctx, h, phrase_depths(h, preps=preps)))
                ctx.cache[key] = with_context_country(ctx, h.i, found) if ctx.complete else found
            actors.extend(ctx.cache[key])
        return actors

    def resolve_modifiers(self, ctx: DocActors, noun: Token) -> list[Actor]:
        """The actors named in an event noun's modifiers: "Turkish" in "Turkish strikes"."""
        key = (noun.i, True)
        if key not in ctx.cache:
            depth = phrase_depths(noun, deps=MODIFIER_DEPS, preps=frozenset())
            del depth[noun.i]
            for i in [i for i in depth if _classifies(ctx, i)]:
                del depth[i]
            heads = {phrase_head(ctx.doc[i]).i for i in depth}
            # A pronoun modifier ("its strikes") refers back like any pronoun.
            pronouns = [ctx.cache.get((i, False)) for i in depth if ctx.doc[i].pos_ == "PRON"]
            from_pronouns = [a for found in pronouns if found for a in found]
            found = tuple(from_pronouns) or (
                tuple(self._resolve_phrase(ctx, noun, depth, owner_only=True))
                if depth and heads
                else ()
            )
            ctx.cache[key] = with_context_country(ctx, noun.i, found) if ctx.complete else found
        return list(ctx.cache[key])

    # -- one phrase -------------------------------------------------------------------

    def _resolve_phrase(
        self, ctx: DocActors, head: Token, depth: dict[int, int], *, owner_only: bool = False
    ) -> list[Actor]:
        """The actors of a phrase; with `owner_only`, of its modifiers alone (the head is a
        thing whose owner is wanted: "Iran's decision", "Turkish strikes")."""
        if head.pos_ == "PRON":
            return list(ctx.cache.get((head.i, False), ()))
        matches = list(
            {id(ctx.by_token[i]): ctx.by_token[i] for i in depth if i in ctx.by_token}.values()
        )
        span = span_of(ctx.doc, depth)
        name = person_name(ctx.doc, depth)
        if name is not None and any(
            m.is_name
            and m.entries[0].kind is not EntryKind.PERSON
            and ctx.doc[m.start : m.end].text == name
            for m in matches
        ):
            name = None  # the tagger's PERSON "Mali" is the country of that name
        reference = self._reference(head)
        # "ethnic Albanians" names a people, not the state of Albania.
        ethnic = [m for m in matches if m.is_name and (_ethnic(ctx.doc, m) or _community(ctx, m))]
        patrons = [m for m in matches if m.is_name and is_patron(ctx.doc, m)]
        # "an anti-Syria journalist" is no Syrian; "anti-Damascus militants" are Syria's
        # own rebels, so rebels and the opposition keep the country they are against.
        rebels = any(
            m.entries[0].kind is EntryKind.ROLE and m.entries[0].sectors[:1] in (("REB",), ("OPP",))
            for m in matches
        )
        if not rebels:
            patrons += [m for m in matches if m.is_name and is_opponent(ctx.doc, m)]
        entities = [m for m in matches if m.is_name and m not in ethnic and m not in patrons]
        if not entities and reference is not None and refers_back(head):
            referred = self._refer(ctx, head, reference)
            # "The main rebel group ... insisted": with nothing earlier to refer to, a
            # reference noun that is also a role is that role.
            if referred or not matches:
                return referred
        if not matches:
            if self._people is not None and _counts_people(head):
                counted = _parallel_count(head)
                if counted is not None:
                    # "killing four Turkish soldiers and wounding nine": nine soldiers
                    found = self.resolve(ctx, counted, with_conjuncts=False)
                    if len(found) == 1:
                        why = f"'{span.text}' counts what '{counted.text}' does"
                        return [relabel(found[0], span, why)]
                return [self._counted_people(span)]
            known = ctx.known_names.get(head.text) if head.pos_ == "PROPN" else None
            return [relabel(known, span, f"same person as '{known.text}' earlier")] if known else []
        if not owner_only and self._names_a_thing(ctx, head, depth):
            return []
        roles = [m for m in matches if not m.is_name and m.entries[0].kind is EntryKind.ROLE]
        # Modifiers match their exact words: "latest" has the lemma "late" but is no "late".
        modifiers = [
            m
            for m in matches
            if not m.is_name
            and m.entries[0].kind is EntryKind.MODIFIER
            and ctx.doc[m.start : m.end].text.lower() == m.entries[0].phrase
        ]
        role = min(roles, key=lambda m: (_match_depth(m, depth), -m.start), default=None)
        speaker_role = role
        if role is not None and role.entries[0].phrase in _SPEAKING_ROLES:
            # "leaders of the opposition coalition", "a spokesman for the rebels": whom a
            # leader or spokesman stands for says the sector.
            deeper = [m for m in roles if _match_depth(m, depth) > _match_depth(role, depth)]
            role = min(deeper, key=lambda m: (_match_depth(m, depth), -m.start), default=role)
        role_entry = role.entries[0] if role else None
        if role_entry is None:
            # "President Obama" is one alias of the person; its title is still the text's
            # word for the office (in a story the dictionary's terms do not date).
            role_entry = self._title_of(ctx, entities)
        sectors = list(role_entry.sectors) if role_entry else []
        reasons = [f"role '{role_entry.phrase}' ({role_entry.where})"] if role_entry else []
        for patron in patrons:
            if is_opponent(ctx.doc, patron):
                words = ctx.doc[patron.start - 2 : patron.end].text
                reasons.append(f"'{words}': what the actor is against, not its country")
                continue
            reasons.append(
                f"'{ctx.doc[patron.start : patron.end + 2].text}': a patron, not the actor's country"
            )
        if ethnic and not role_entry:
            sectors = ["CVL"]
            reasons.append(
                f"'{ctx.doc[ethnic[0].start : ethnic[0].end].text}' after 'ethnic': a people, not a state"
            )
            role_entry = Entry(
                EntryKind.ROLE,
                "ethnic group",
                "rule: ethnic + nationality",
                sectors=("CVL",),
                refers_to="group",
            )
        for modifier in modifiers:
            entry = modifier.entries[0]
            # A former office-holder is an elite, whatever the office was.
            sectors = (
                list(entry.sectors)
                if "ELI" in entry.sectors
                else list(dict.fromkeys([*sectors, *entry.sectors]))
            )
            reasons.append(f"modifier '{entry.phrase}' ({entry.where})")
        # "a Hamas spokesman" is a person; "the rebel Revolutionary United Front" is the
        # group the name heads, whatever its role word says.
        is_person = bool(
            speaker_role is not None
            and speaker_role.entries[0].refers_to in _PERSON_ROLES
            and _match_depth(speaker_role, depth)
            <= min((_match_depth(m, depth) for m in entities), default=99)
        )
        actors = [
            compose(_as_place(entry, head), why, sectors, reasons, span, name, is_person)
            for entry, why in self._primaries(ctx, entities, depth)
            if not names_a_town(entry, head)
        ]
        if not actors and role_entry is not None:
            if is_definite(head) and not name:
                earlier = self._same_role_earlier(ctx, head, role_entry, sectors, is_person)
                if earlier:
                    return earlier
            actors = [
                Actor(
                    code="".join(sectors) or "UNK",
                    kind=ActorKind.PERSON if name or is_person else ActorKind.GROUP,
                    text=span.text,
                    start=span.start_char,
                    end=span.end_char,
                    reason="; ".join([*reasons, "no country named"]),
                    sectors=tuple(sectors),
                    name=name,
                )
            ]
        if name and len(actors) == 1 and (actors[0].country or actors[0].org):
            ctx.known_names[name.split()[-1]] = actors[0]
        return actors

    def _title_of(self, ctx: DocActors, entities: list[Match]) -> Entry | None:
        """The role a person's alias starts with: "President" in "President Obama"."""
        for match in entities:
            if match.entries[0].kind is not EntryKind.PERSON:
                continue
            words = [t.lower_ for t in ctx.doc[match.start : match.end - 1]]
            for n in range(min(len(words), _LONGEST_TITLE), 0, -1):
                found = self.matcher.dictionary.roles.get(" ".join(words[:n]))
                if found and found[0].refers_to in _PERSON_ROLES:
                    return found[0]
        return None

    def _counted_people(self, span: Span) -> Actor:
        assert self._people is not None
        return Actor(
            code="".join(self._people.sectors),
            kind=ActorKind.GROUP,
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            reason=f"'{span.text}': a bare number counts people (role 'people', "
            f"{self._people.where}); no country named",
            sectors=self._people.sectors,
        )

    def _same_role_earlier(
        self, ctx: DocActors, head: Token, role: Entry, sectors: list[str], is_person: bool
    ) -> list[Actor]:
        """ "the targeted jet" after "a Russian fighter jet"; "the minister" after the minister."""
        sentence = sentence_number(head)
        lemma = head.lemma_.lower()
        for mention in reversed(ctx.history):
            if (
                mention.head >= head.i
                or sentence - mention.sentence > 4
                or len(mention.actors) != 1
            ):
                continue
            actor = mention.actors[0]
            if not (actor.country or actor.org):
                continue
            same_word = ctx.doc[mention.head].lemma_.lower() == lemma
            # A person role ("the minister") also refers to a named person of its sector.
            same_person = (
                is_person
                and actor.kind is ActorKind.PERSON
                and bool(set(sectors) & set(actor.sectors))
            )
            if same_word or same_person:
                span = span_of(ctx.doc, phrase_depths(head))
                return [
                    relabel(
                        actor,
                        span,
                        f"'{span.text}' refers to '{actor.text}' (same {role.phrase}, {role.where})",
                    )
                ]
        return []

    def _names_a_thing(self, ctx: DocActors, head: Token, depth: dict[int, int]) -> bool:
        """A common noun that is no role names a thing, not an actor, even beside one:
        "Russia's economy", "India's batsmen", "the savings of Argentines". An adjective or
        compound right on the noun still names an actor ("Israeli planes"), and a quantity
        stands for its of-phrase ("thousands of soldiers")."""
        if head.pos_ != "NOUN" or head.i in ctx.by_token or _agentive(head):
            return False
        reference = self._reference(head)
        if reference is not None and reference.refers_to == "partitive":
            return False
        if reference is not None and not refers_back(head) and _has_of_phrase(head):
            return False  # "a group of Chechen refugees" is some of them, as "a number of" is
        return not any(
            i in ctx.by_token
            and ctx.by_token[i].is_name
            and depth[i] == 1
            and ctx.doc[i].dep_ in {"amod", "compound", "nmod"}
            for i in depth
        )

    def _primaries(
        self, ctx: DocActors, entities: list[Match], depth: dict[int, int]
    ) -> list[tuple[Entry, str]]:
        """The entity the phrase is about (nearest its head); several if coordinated."""
        if not entities:
            return []
        ranked = sorted(
            entities,
            key=lambda m: (_match_depth(m, depth), _KIND_RANK[m.entries[0].kind], -m.start),
        )
        chosen = [ranked[0]]
        if ranked[0].entries[0].kind is EntryKind.PERSON:
            # "The chairman of the African Union Commission, Moussa Faki Mahamat": a
            # person out of the file's office is the body the text places him in now
            # (unless the text names his country too: "Former Kenyan president Uhuru
            # Kenyatta, the East African Community's facilitator" stays KENELI).
            _, why = entry_for(ranked[0].entries, ctx.published)
            body = next(
                (m for m in ranked[1:] if m.entries[0].kind is EntryKind.ORGANISATION), None
            )
            national = any(m.entries[0].is_country for m in ranked)
            if (
                body is not None
                and not national
                and not why.startswith(("in office", "no article"))
            ):
                chosen = [body]
        for other in ranked[1:]:
            # "the Russian and Turkish presidents": conjoined modifiers name one actor each.
            if other.entries[0].is_country and _coordinated(ctx.doc, other, chosen):
                chosen.append(other)
        return [
            entry_for(in_story_first(ctx, m.entries), ctx.published)
            for m in sorted(chosen, key=lambda m: m.start)
        ]

    # -- references ---------------------------------------------------------------------

    def _reference(self, token: Token) -> Reference | None:
        if token.pos_ == "PRON":
            return self.references.get(token.lower_)
        if token.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() in self._reference_heads:
            return self.references.get(reference_key(token))
        return None

    def _refer(self, ctx: DocActors, token: Token, reference: Reference) -> list[Actor]:
        quote = ctx.quote_at(token)
        bound = _bound_subject(token)
        history = [m for m in ctx.history if m.head == bound.i] if bound is not None else []
        found = (
            antecedents(
                history,
                token.i,
                sentence_number(token),
                reference,
                skip_quotes=quote is None,
                gender=pronoun_gender(token),  # "He rejected her appeal": not his
            )
            if history
            else []
        )
        if not found and reference.refers_to == "side" and reference.number == 2:
            found = paired_sides(ctx.history, token, sentence_number(token))
        found = found or antecedents(
            ctx.history,
            token.i,
            sentence_number(token),
            reference,
            skip_quotes=quote is None,
            skip=(
                _own_clause_subject(token)
                if token.pos_ != "PRON"
                else _passive_agent(token) | _described_by_own_clause(token)
            ),
            prefer_subject=token.pos_ == "PRON" and token.dep_ in _SUBJECT_DEPS,
            gender=pronoun_gender(token),
        )
        span = (
            token.doc[token.i : token.i + 1]
            if token.pos_ == "PRON"
            else span_of(ctx.doc, phrase_depths(token))
        )
        return referring_actors(found, reference, span, token.text)

    def _speaker_reference(self, ctx: DocActors, token: Token) -> list[Actor]:
        quote = ctx.quote_at(token)
        if quote is None or quote.speaker is None:
            return []
        speakers = self.resolve(ctx, phrase_head(quote.speaker), with_conjuncts=False)
        if len(speakers) != 1:
            return []
        group = self.references[token.lower_].refers_to == "speaker_group"
        return [speaker_actor(speakers[0], token.doc[token.i : token.i + 1], token.text, group)]

    def _borrow_countries(self, ctx: DocActors) -> None:
        """Once every mention is known, roles without a country borrow one from context."""
        ctx.complete = True
        for mention in ctx.history:
            key = (mention.head, False)
            ctx.cache[key] = with_context_country(
                ctx, mention.head, ctx.cache.get(key, mention.actors)
            )

    def _remember(self, ctx: DocActors, head: Token, actors: list[Actor]) -> None:
        if not actors:
            return
        ctx.cache.setdefault((head.i, False), tuple(actors))
        if any(m.head == head.i for m in ctx.history[-3:]):
            return
        ctx.history.append(
            Mentioned(
                head.i,
                sentence_number(head),
                tuple(actors),
                is_plural(head),
                ctx.quote_at(head) is not None,
                head.dep_ in _SUBJECT_DEPS,
                pronoun_gender(head),
            )
        )

    def _starts_phrase_work(self, ctx: DocActors, token: Token) -> bool:
        """Whether the token closes something to resolve: a match, a known name, a reference noun."""
        match = ctx.by_token.get(token.i)
        if match is not None:
            return token.i == match.end - 1
        if token.pos_ == "PROPN":
            return token.text in ctx.known_names
        return token.pos_ == "NOUN" and self._reference(token) is not None and refers_back(token)


_NOMINAL_TAGS = frozenset({NOUN, PROPN, PRON})

# Roles that name one person: "person" rows, and titles written before a name.
_PERSON_ROLES = frozenset({"person", "title"})

# The most words a title before a name takes: "Deputy Prime Minister".
_LONGEST_TITLE = 3

# The words a bare number may carry and still be a count: "at least 12", "some 300".
_COUNT_MODIFIERS = frozenset({"advmod", "quantmod", "amod", "nummod", "compound", "cc", "conj"})


def _parallel_count(number: Token) -> Token | None:
    """The counted noun of the parallel clause a bare number leaves out: "nine" in
    "killing four soldiers and wounding nine" stands for "nine soldiers"."""
    verb = number.head
    if verb.dep_ != "conj":
        return None
    return next(
        (
            c
            for c in verb.head.children
            if c.dep_ == number.dep_ and any(g.dep_ == "nummod" for g in c.children)
        ),
        None,
    )


def _counts_people(head: Token) -> bool:
    """ "killing one and arresting 12", "at least 20 were wounded": a number standing as
    the object or passive subject of an act counts people (not a date, sum or share)."""
    return (
        head.tag_ == "CD"
        and head.dep_ in {"dobj", "nsubjpass"}
        and head.ent_type_ in {"", "CARDINAL"}
        and all(
            c.dep_ in _COUNT_MODIFIERS or (c.dep_ == "prep" and c.lower_ != "of")
            for c in head.children
        )  # "five near Badme" (the parser hangs the place on the number), not "five of ..."
    )


# Heads whose "for" phrase names whom they stand for.
_SPEAKS_FOR = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "envoy", "negotiator", "representative"}
)
_SPEAKS_FOR_PREPS = PHRASE_PREPS | {"for"}
# Roles that speak for a body: the body's own role, further down the phrase, says more.
_SPEAKING_ROLES = frozenset(
    {"leader", "official", "spokesman", "spokeswoman", "spokesperson", "member"}
)


def _own_clause_subject(token: Token) -> frozenset[int]:
    """The subject of the verb whose clause a reference noun is in, and every name inside
    it: no noun refers to them ("The chairman of the AU Commission, Moussa Faki, called
    on both countries": neither the chairman nor Faki's own country is one of them)."""
    verb = token.head
    for _ in range(4):
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    for _ in range(3):
        # "Kiir offered on Monday to mediate between the two neighbours": the subject of
        # the verb that controls the infinitive is not one of them either
        has_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
        if has_subject or verb.dep_ not in {"xcomp", "advcl", "conj"}:
            break
        verb = verb.head
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        # "The chairman ..., Moussa Faki Mahamat, called on": the parser often makes the
        # verb after an apposition a participle describing its subject
        own = {t.i for t in verb.subtree}
        return frozenset(t.i for t in verb.head.subtree if t.i not in own)
    return frozenset(
        t.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree
    )


def _bound_subject(pronoun: Token) -> Token | None:
    """ "Pakistan refused to send troops and urged its citizens to leave", "Russia closed
    its borders with Iran": an owner's pronoun on a verb's direct object is the verb's
    subject's (shared by conjoined verbs, or the controlling verb's), not whoever was named
    last. Not in other phrases: in "the UN condemned Iran over its crackdown" the crackdown
    is Iran's."""
    if pronoun.pos_ != "PRON" or pronoun.dep_ != "poss" or pronoun.head.dep_ != "dobj":
        return None
    verb = pronoun.head.head
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is not None:
            return subject if subject.i < pronoun.i else None
        if verb.dep_ not in {"conj", "xcomp"} or verb.head.pos_ not in {"VERB", "AUX"}:
            return None
        verb = verb.head
    return None


def _passive_agent(pronoun: Token) -> frozenset[int]:
    """ "Iran was condemned by the UN council over its crackdown": an owner's pronoun in
    the phrase of a passive verb is not its "by" agent but the one it was done to (as
    "the UN condemned Iran over its crackdown" says by order alone)."""
    if pronoun.dep_ != "poss" or pronoun.head.dep_ != "pobj":
        return frozenset()
    verb = pronoun.head.head.head
    if verb.pos_ != "VERB" or not any(c.dep_ == "nsubjpass" for c in verb.children):
        return frozenset()
    return frozenset(
        g.i for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
    )


def _described_by_own_clause(pronoun: Token) -> frozenset[int]:
    """ "will release the prime minister and 30 members of his government, whom they had
    taken hostage": the subject of a relative clause is not the noun that clause describes
    (nor what is conjoined with it)."""
    verb = pronoun.head
    if pronoun.dep_ not in {"nsubj", "nsubjpass"} or verb.dep_ != "relcl":
        return frozenset()
    noun = verb.head
    return frozenset({noun.i, *(c.i for c in noun.conjuncts)})


def _as_place(entry: Entry, head: Token) -> Entry:
    """A capital named as a place is a place in its country, not its government: "a
    curfew in Algiers" is imposed on the city, as "a curfew in Cizre" is."""
    if entry.kind is not EntryKind.CAPITAL or head.dep_ != "pobj":
        return entry
    if head.head.lower_ not in LOCATIVE:
        return entry
    return replace(entry, kind=EntryKind.PLACE, sectors=())


def _merge_bracketed_aliases(text: str, mentions: list[Actor]) -> list[Actor]:
    """ "the European Union (EU)", "Daesh (also known as ISIL and ISIS)": one mention each.

    Mentions inside a bracket that directly follows a mention of the same actor are the
    same actor named again; the first mention takes the bracket into its text.
    """
    merged: list[Actor] = []
    skip_until = -1
    for actor in mentions:
        if actor.start < skip_until:
            continue
        if (
            merged
            and merged[-1].start <= actor.start
            and actor.end <= merged[-1].end
            and _same_entity(merged[-1], actor)
        ):
            continue  # "EU" inside "the European Union (EU)"
        opening = len(text[actor.end :]) - len(text[actor.end :].lstrip())
        bracket = actor.end + opening
        closing = text.find(")", bracket) if text[bracket : bracket + 1] == "(" else -1
        inside = [m for m in mentions if bracket < m.start < closing] if closing > 0 else []
        if inside and all(_same_entity(actor, m) for m in inside):
            merged.append(relabel_span(actor, text, actor.start, closing + 1))
            skip_until = max([closing, *(m.end for m in inside)])
            continue
        merged.append(actor)
    return merged


def _same_entity(a: Actor, b: Actor) -> bool:
    return (a.org is not None and a.org == b.org) or (
        a.org is None and b.org is None and a.code == b.code
    )


def relabel_span(actor: Actor, text: str, start: int, end: int) -> Actor:
    return Actor(
        code=actor.code,
        kind=actor.kind,
        text=text[start:end],
        start=start,
        end=end,
        reason=actor.reason + "; the bracket names the same actor again",
        country=actor.country,
        sectors=actor.sectors,
        org=actor.org,
        name=actor.name,
    )


# Endings of nouns that name people by what they do (miner, negotiator, activist, batsman):
# such a noun with a country beside it is an actor even when the role list lacks it.
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "man", "men")
# Common nouns with those endings that name no one.
_NOT_AGENTS = frozenset(
    {"order", "power", "border", "number", "matter", "water", "paper", "letter", "corridor"}
)


# "military aid", "official contacts", "diplomatic ties": a state role's adjective on an event
# noun says what kind of thing it is, not whose. Armed groups' adjectives ("militant
# attacks", "rebel shelling") do name the doer.
_STATE_SECTORS = frozenset({"GOV", "MIL", "JUD", "LEG"})


def _classifies(ctx: DocActors, index: int) -> bool:
    token = ctx.doc[index]
    found = ctx.by_token.get(index)
    if found is None or found.is_name or token.pos_ != "ADJ" or token.dep_ != "amod":
        return False
    if found.end - found.start != 1:
        return False
    return all(set(entry.sectors) <= _STATE_SECTORS for entry in found.entries)


def _agentive(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return len(lemma) > 4 and lemma.endswith(_AGENT_ENDINGS) and lemma not in _NOT_AGENTS


# "Iranian-backed militias" are not Iran's: the country is a patron, not the actor's own.
def _ethnic(doc: Doc, match: Match) -> bool:
    return (
        match.start > 0 and doc[match.start - 1].lower_ == "ethnic" and match.entries[0].is_country
    )


def _community(ctx: DocActors, match: Match) -> bool:
    """ "the Albanians of southern Serbia": a people named by its nationality, of a place in
    another country, is a community of that place (whose country the context then gives)."""
    people = ctx.doc[match.end - 1]
    if not match.entries[0].is_country or people.tag_ not in {"NNS", "NNPS"}:
        return False
    country = match.entries[0].country
    for prep in people.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for word in (t for pobj in prep.children if pobj.dep_ == "pobj" for t in pobj.subtree):
            place = ctx.by_token.get(word.i)
            if place is not None and place.entries[0].country not in (None, country):
                return True
    return False


def _match_depth(match: Match, depth: dict[int, int]) -> int:
    return min((depth[i] for i in range(match.start, match.end) if i in depth), default=99)


def _coordinated(doc: Doc, match: Match, chosen: list[Match]) -> bool:
    chosen_tokens = {i for m in chosen for i in range(m.start, m.end)}
    return any(
        conj.i in chosen_tokens for i in range(match.start, match.end) for conj in doc[i].conjuncts
    )


def _has_of_phrase(head: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
