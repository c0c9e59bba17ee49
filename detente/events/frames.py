"""Event frames from the dependency parse: a trigger, its pattern, and its arguments.

A frame is a predicate (verb or event noun) matched against the lexicon, with the tokens
that head its source and target phrases. Verbs take their source from the subject (the
`by` agent in the passive, the controller of an infinitive, the noun a relative clause
describes) and their target from the slots the pattern names. Event nouns take their
source from their own phrase ("Turkish strikes", "Turkey's attack", "an attack by
rebels"), or else from the subject of the verb they hang off, unless that verb is itself
an event ("condemned the attack" does not make the condemner the attacker).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from detente.events.lexicon import Lexicon, Pattern
from detente.events.objects import EVENT_CARRIERS, object_of
from detente.nlp.clauses import (
    by_agent,
    doers_of,
    is_infinitive,
    is_passive,
    passive_patients,
)

_RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
# Roots whose events, when no target is named, are directed at the place they happen in:
# concessions such as easing curfews (08), protests (14), force posture (15), reduced
# relations such as suspended flights (16), coercion (17), assaults and fighting (18-20).
_LOCATIVE_TARGET_ROOTS = frozenset({"08", "14", "15", "16", "17", "18", "19", "20"})
# Prepositions of an infinitive complement that can hold the outer verb's target.
_COMPLEMENT_PREPS = ("to", "with", "against", "on", "for", "from", "into", "in", "at", "over")
_SUBJECT_DEPS = {"nsubj", "csubj"}
_CLIMB_DEPS = {
    "dobj",
    "pobj",
    "prep",
    "acl",
    "xcomp",
    "advcl",
    "conj",
    "appos",
    "attr",
    "pcomp",
    "oprd",
    "npadvmod",
    "amod",
    "compound",
}


@dataclass(frozen=True, slots=True)
class Argument:
    """A token heading an argument phrase, and how it was found (for the reason)."""

    head: Token
    how: str
    inherited: bool = False  # taken from the clause around an event noun, not the noun
    fallback: bool = False  # a target tried only when no ordinary target names an actor
    owner: bool = False  # the head is a thing or event: its owner is the actor ("US strikes")


@dataclass(slots=True)
class Frame:
    trigger: Token
    pattern: Pattern
    sources: list[Argument] = field(default_factory=list)
    targets: list[Argument] = field(default_factory=list)
    # "a meeting between A and B": both sides, each source and target of the other.
    mutual: list[Argument] = field(default_factory=list)


def match_pattern(token: Token, lexicon: Lexicon) -> Pattern | None:
    """The most specific lexicon pattern this token satisfies, if any (kept for the doc:
    the coder asks again of the words around each trigger)."""
    known: dict[tuple[int, int], Pattern | None] = token.doc.user_data.setdefault(
        "detente_patterns", {}
    )
    key = (id(lexicon), token.i)
    if key not in known:
        known[key] = None
        for pattern in _fitting_patterns(token, lexicon):
            known[key] = pattern
            # "hosted talks between Israel and Hamas" mediates; "hosted the Japanese prime
            # minister for a meeting" names no sides of the meeting: a light-verb row that
            # needs a target and finds none here gives way to the word's plainer rows.
            if not (pattern.objects and "needs_target" in pattern.flags):
                break
            frame = build_frame(token, pattern, lexicon)
            if frame.targets or frame.mutual:
                break
    return known[key]


def verb_coding_object(noun: Token, pattern: Pattern, lexicon: Lexicon) -> Token | None:
    """The verb whose lexicon row names this event noun as its object and codes something
    else with it: "lifted its sanctions against Iran" eases them (085), "breached the
    ceasefire" violates it (196). The noun then tells what the verb did to it, not an event
    of its own (no new sanctions, no new truce). Rows of the same code need no such rule:
    "imposed sanctions" and "sanctions" make one event; nor rows that report on the event
    or take part in it rather than change it: "began examining Monday's missile strike",
    "accused Russia of the killing", "hosted talks between them", "broke up the protest"
    tell of a strike, a killing, talks and a protest that happened."""
    if noun.pos_ != "NOUN":
        return None
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "ended the siege and the blockade"
    governor = first.head
    if first.dep_ == "pobj" and governor.dep_ in {"prep", "prt"}:
        governor = governor.head  # "reneged on the deal", "pulled out of the accord"
    if governor.i == noun.i or governor.pos_ != "VERB":
        return None
    row = match_pattern(governor, lexicon)
    if row is None or not row.objects or row.code == pattern.code:
        return None
    if row.code.startswith(_PRESUPPOSING_ROOTS):
        return None
    named = object_of(governor, row.objects)
    return governor if named is not None and named.i in {first.i, noun.i} else None


# Investigations (09), disapproval (11, accusations among it), mediating or hosting talks
# (045), dispersing a protest (175) and letting aid in (0863) are of events that happen.
_PRESUPPOSING_ROOTS = ("09", "11", "045", "175", "0863")


def _fitting_patterns(token: Token, lexicon: Lexicon) -> Iterator[Pattern]:
    """The lexicon patterns this token satisfies, most specific first (lazily: the first
    one usually decides)."""
    pos = token.pos_ if token.pos_ in {"VERB", "NOUN"} else None
    if pos == "NOUN" and token.dep_ == "compound" and token.head.lemma_ not in EVENT_CARRIERS:
        return  # "invasion forces", "attack helicopters": a kind of thing, no event
    if token.pos_ == "ADJ" and token.dep_ in {"acomp", "attr", "oprd"}:
        pos = "ADJ"  # only a predicate adjective judges someone: "X is too heavy-handed"
    if pos is None:
        return
    lemma = _hyphenated(token) if pos == "ADJ" else token.lemma_.lower()
    for pattern in lexicon.candidates(lemma, pos):
        if pattern.particle and not _has_particle(token, pattern.particle):
            continue
        if "no_infinitive" in pattern.flags and any(
            c.dep_ == "xcomp" and is_infinitive(c) for c in token.children
        ):
            continue  # "tried to hack into the network" is an attempt, not a trial
        if "clause" in pattern.flags and not _takes_finite_clause(token):
            continue  # "protested that Japan had violated its airspace" states a protest
        obj = object_of(token, pattern.objects) if pattern.objects else None
        if pattern.objects and (obj is None or _kind_is_coded(obj, pattern.objects, lexicon)):
            continue
        yield pattern


def _takes_finite_clause(verb: Token) -> bool:
    """A verb whose complement is a clause with its own subject: "protested that Japan had
    violated its airspace"."""
    return any(
        c.dep_ == "ccomp" and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
        for c in verb.children
    )


def _kind_is_coded(obj: Token, objects: frozenset[str], lexicon: Lexicon) -> bool:
    """ "went on hunger strike": the object's modifier names the event (142), so the light
    verb's plainer reading (143, a strike) is left to it. Not where the pattern named the
    modifier itself ("ended mediation efforts")."""
    lemma = obj.lemma_.lower()
    return (
        lemma in EVENT_CARRIERS
        and lemma in objects
        and any(
            c.dep_ == "compound" and lexicon.candidates(c.lemma_.lower(), "NOUN")
            for c in obj.children
        )
    )


def _hyphenated(token: Token) -> str:
    """An adjective with the words hyphened onto it: "heavy-handed" is three tokens."""
    start = token.i
    doc = token.doc
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_:
        start -= 2
    return doc[start : token.i + 1].text.lower()


def is_event_verb(token: Token, lexicon: Lexicon) -> bool:
    """Whether this verb, here, is an event of its own (not merely a word the lexicon lists:
    "laid" is an event with "a wreath", not with "the groundwork")."""
    if token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    if lexicon.is_cue("support", lemma) or lexicon.is_cue("report", lemma):
        return False
    pattern = match_pattern(token, lexicon)
    return pattern is not None and "fallback" not in pattern.flags


def build_frame(token: Token, pattern: Pattern, lexicon: Lexicon) -> Frame:
    frame = Frame(token, pattern)
    if pattern.pos == "VERB":
        _verb_arguments(frame, lexicon)
    elif pattern.pos == "ADJ":
        _judgement_arguments(frame, lexicon)
    else:
        _noun_arguments(frame, lexicon)
    return frame


def _judgement_arguments(frame: Frame, lexicon: Lexicon) -> None:
    """ "Western countries say Turkey is being too heavy-handed": the one described is the
    target, the one who says so the source. A judgement nobody voices is no event."""
    adjective = frame.trigger
    clause = adjective.head
    frame.targets += [
        Argument(c, f"subject described as '{adjective.text}'")
        for c in clause.children
        if c.dep_ in {"nsubj", "nsubjpass"}
    ]
    token = clause
    for _ in range(4):
        if token.dep_ != "ccomp" or token.head.i == token.i:
            break
        token = token.head
        if lexicon.is_cue("report", token.lemma_.lower()):
            speaker = subject_of(token, lexicon)
            if speaker is not None:
                frame.sources.append(Argument(speaker.head, f"who says so: {speaker.how}"))
            break


def _active_after_passive(verb: Token) -> bool:
    """An active verb conjoined to a passive one: "has been indicted ... and will resign"
    (not "was arrested by police and charged with murder", a participle that shares the
    passive)."""
    own_auxiliary = any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    return (
        is_passive(verb.head)
        and not is_passive(verb)
        and (own_auxiliary or verb.tag_ in {"VBD", "VBZ", "VBP"})
    )


def _described_by_participle(subject: Token) -> Token | None:
    """ "The Red Cross operating in Iraq said ...": the parser makes the participle the
    subject and the noun it describes the participle's own subject, right before it."""
    if subject.tag_ != "VBG" or subject.pos_ != "VERB":
        return None
    return next((c for c in subject.children if c.dep_ == "nsubj" and c.i == subject.i - 1), None)


def subject_of(verb: Token, lexicon: Lexicon, _depth: int = 0) -> Argument | None:
    """Who does what `verb` says: its subject, or the one it inherits."""
    if _depth > 6:
        return None
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            if child.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return Argument(verb.head, "the noun the relative clause describes")
            described = _described_by_participle(child)
            if described is not None:
                return Argument(
                    described, f"subject of '{verb.text}' (described by '{child.text}')"
                )
            return Argument(child, f"subject of '{verb.text}'")
    agent = _agent(verb, lexicon)
    if agent is not None:
        return Argument(agent, f"'by' agent of passive '{verb.text}'")
    if lexicon.is_cue("stative_passive", verb.lemma_.lower()):
        # "militias were engaged in ethnic cleansing": a stative passive whose subject
        # acts, unlike "was hit in an attack".
        patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if patient is not None:
            return Argument(patient, f"subject of '{verb.text}' (who takes part)")
    head = verb.head
    if head.i == verb.i:
        return None
    controlled = verb.dep_ == "xcomp" or (
        verb.dep_ == "advcl" and is_infinitive(verb) and _takes_infinitive(head, lexicon)
    )
    if controlled:
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        if obj is not None and lexicon.is_cue("object_control", head.lemma_.lower()):
            return Argument(obj, f"object of '{head.text}' (who is asked to act)")
        found = subject_of(head, lexicon, _depth + 1)
        return Argument(found.head, f"{found.how}, which controls '{verb.text}'") if found else None
    if verb.dep_ == "conj" and _active_after_passive(verb):
        # "The prime minister has been indicted by the court and will resign": the active
        # verb shares the passive's subject, not its "by" agent.
        patients = passive_patients(head)
        if patients:
            return Argument(patients[0], f"subject of '{head.text}', shared with '{verb.text}'")
    if verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG"):
        found = subject_of(head, lexicon, _depth + 1)
        return Argument(found.head, f"{found.how}, shared with '{verb.text}'") if found else None
    if verb.dep_ == "advcl" and is_infinitive(verb):
        # "The UN sent experts to Bosnia to investigate": an infinitive of purpose is done
        # by whoever does what it serves.
        found = subject_of(head, lexicon, _depth + 1)
        if found is None:
            return None
        return Argument(found.head, f"{found.how}, to which '{verb.text}' is the purpose")
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and _gerund_by_subject(head, lexicon):
        # "youths resorted to throwing stones", "retaliated by shelling the town": the
        # gerund is what the subject did.
        doer = head.head
        found = subject_of(doer, lexicon, _depth + 1)
        if found is None and doer.dep_ == "acl":
            # The parser reads "youths resorted to ..." as youths described by a participle;
            # these verbs have no passive, so the noun is their subject.
            found = Argument(doer.head, f"the noun '{doer.head.text}' before '{doer.text}'")
        if found is None:
            return None
        return Argument(found.head, f"{found.how}, who '{doer.text} {head.text}'")
    if (
        verb.dep_ == "pcomp"
        and head.dep_ == "prep"
        and lexicon.is_cue("stative_passive", head.head.lemma_.lower())
    ):
        # "troops were involved in fighting rebels": those involved fight.
        return subject_of(head.head, lexicon, _depth + 1)
    if verb.dep_ in {"acomp", "attr"}:
        # "Serbia is ready to meet Kosovo": the adjective's subject is the copula's.
        return subject_of(head, lexicon, _depth + 1)
    if verb.dep_ == "acl" and (
        (is_infinitive(verb) and lexicon.is_cue("intent_noun", head.lemma_.lower()))
        or (verb.tag_ == "VBG" and lexicon.is_cue("report_noun", head.lemma_.lower()))
    ):
        # "France renewed its pledge to withdraw": whoever pledges (its owner, or the
        # subject of the verb that carries it) would do it; "the PKK issued a statement
        # demanding ...": whoever issued the statement demands.
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None:
            return Argument(owner, f"whose '{head.text}' it is")
        carrier = head.head if head.dep_ == "dobj" else None
        found = subject_of(carrier, lexicon, _depth + 1) if carrier is not None else None
        return Argument(found.head, f"{found.how}, whose '{head.text}' it is") if found else None
    if verb.dep_ in {"relcl", "acl"} and not is_passive(verb):
        return Argument(head, "the noun the clause describes")
    return None


def _gerund_by_subject(preposition: Token, lexicon: Lexicon) -> bool:
    """Whether a verb's preposition takes a gerund its subject performs ("resorted to",
    "retaliated by", "persisted in"): the `gerund_by_subject` cues, written "verb prep"."""
    verb = preposition.head
    return verb.pos_ == "VERB" and lexicon.is_cue(
        "gerund_by_subject", f"{verb.lemma_.lower()} {preposition.lower_}"
    )


def _takes_infinitive(verb: Token, lexicon: Lexicon) -> bool:
    """Verbs whose "to" infinitive is their complement even when the parser hangs it on as
    an adverbial ("offered on Monday to mediate", "urged Iran on Friday to stop")."""
    lemma = verb.lemma_.lower()
    return any(
        lexicon.is_cue(kind, lemma) for kind in ("intent_verb", "request", "refusal", "denial")
    )


def _verb_arguments(frame: Frame, lexicon: Lexicon) -> None:
    verb = frame.trigger
    # "Egypt is opposed to the plan" reads as a passive, but Egypt opposes.
    passive = is_passive(verb) and not lexicon.is_cue("stative_passive", verb.lemma_.lower())
    source = _agent_argument(verb, lexicon) if passive else subject_of(verb, lexicon)
    if source is None and passive and "passive_source" in frame.pattern.flags:
        # "a third of the guerrillas have been demobilized": with no one named who did it,
        # those it was done to stood down
        source = next(
            (
                Argument(c, f"passive subject of '{verb.text}', no doer named")
                for c in verb.children
                if c.dep_ == "nsubjpass"
            ),
            None,
        )
    if source is not None:
        # "A drone strike by American forces killed two militants": the doer of the
        # event-noun subject did the killing.
        frame.sources.extend(_event_subject_agents(source, lexicon))
        frame.sources.append(source)
    places: list[Argument] = []  # where a protest was held, in its row's own slots
    for slot in frame.pattern.targets:
        for arg in _slot_arguments(verb, slot, passive, frame.pattern):
            if all(arg.head.i != t.head.i for t in frame.targets):
                frame.targets.append(arg)
                if slot in _WHERE_PREPS:
                    places.append(arg)
    if frame.pattern.objects:
        obj = object_of(verb, frame.pattern.objects)
        if obj is not None:
            for slot in frame.pattern.targets:
                for arg in _prep_objects(obj, slot):
                    if all(arg.head.i != t.head.i for t in frame.targets):
                        frame.targets.append(arg)
                        if slot in _WHERE_PREPS:
                            places.append(arg)
    if not frame.targets and not any(c.dep_ == "dobj" for c in verb.children):
        frame.targets.extend(_shared_targets(verb, frame.pattern, lexicon))
    frame.targets.extend(_complement_targets(verb))
    if frame.pattern.code[:2] in _LOCATIVE_TARGET_ROOTS:
        frame.targets.extend(_defied(verb, lexicon))
        frame.targets.extend(_place_targets(verb))
    if frame.pattern.code[:2] == _PROTEST_ROOT and len(places) < len(frame.targets):
        # "staged rallies in the Gaza Strip against the party's leader", "blocked streets
        # in Hong Kong in defiance of Chinese authorities": whom a protest is against says
        # more than where it was held, which is only a fallback then
        frame.targets = [
            replace(a, fallback=True) if any(a is p for p in places) else a for a in frame.targets
        ]


def _shared_targets(verb: Token, pattern: Pattern, lexicon: Lexicon) -> list[Argument]:
    """ "donated and delivered goods to a Baghdad school": a verb with no object of its
    own shares the object, and the object's phrases, of the verb conjoined after it; and
    the object itself where that verb is an event too ("killing or wounding 50": the 50
    were killed or wounded; not "... killed in an airstrike, composed hymns")."""
    found: list[Argument] = []
    later_verbs = [c for c in verb.conjuncts if c.i > verb.i]
    for later in later_verbs:
        objects = [c for c in later.children if c.dep_ == "dobj"]
        # only the next verb's object: in "killed and crucified two citizens, executed two
        # others and assassinated a lawyer" the others and the lawyer are not the killed
        nearest = later is later_verbs[0]
        if nearest and "dobj" in pattern.targets and match_pattern(later, lexicon) is not None:
            found += [
                Argument(o, f"object of '{later.text}', shared with '{verb.text}'") for o in objects
            ]
        carriers = [later, *objects]
        for carrier in carriers:
            for slot in pattern.targets:
                found += [
                    Argument(a.head, f"{a.how}, shared with '{verb.text}'")
                    for a in _prep_objects(carrier, slot)
                ]
    return found


def _event_subject_agents(subject: Argument, lexicon: Lexicon) -> list[Argument]:
    """Who did an event noun that is the subject: "a raid by Nigerian troops killed",
    "US drone attacks killed" (its owner)."""
    noun = subject.head
    if noun.pos_ != "NOUN":
        return []
    found = [
        Argument(a.head, f"'by' object of the subject '{noun.text}'")
        for a in _prep_objects(noun, "by")
    ]
    # "a car bomb planted by al-Shabaab exploded", "missiles fired by Houthi rebels hit":
    # whoever the participle describing the subject names as its doer
    found += [
        Argument(doer, f"'by' object of '{participle.text}', which describes the subject")
        for participle in noun.children
        if participle.dep_ == "acl" and participle.tag_ == "VBN"
        for agent in participle.children
        if agent.dep_ == "agent"
        for doer in agent.children
        if doer.dep_ == "pobj"
    ]
    if match_pattern(noun, lexicon) is not None:
        found.append(Argument(noun, f"owner of the subject '{noun.text}'", owner=True))
    return found


def _light_verb_of(noun: Token) -> Token | None:
    """The verb whose object holds the event noun: "gave ... dollars of aid" -> gave."""
    token = noun
    for _ in range(4):
        if token.dep_ == "dobj" and token.head.pos_ == "VERB":
            return token.head
        if token.dep_ == "pobj" and token.head.lower_ == "of":
            token = token.head.head
            continue
        return None
    return None


def _place_targets(trigger: Token) -> list[Argument]:
    """Where a protest, a show of force or an attack without a named target took place.

    CAMEO coders take the place as the target: "demonstrated in Serbia" is directed at
    Serbia, "fired shells at targets in Jericho" at Jericho. Tried last.
    """
    found: list[Argument] = []
    # An adverbial clause of purpose ("fired to hit targets in X") says where; one of
    # consequence ("laid siege ..., pushing temperatures in Sicily above 46") does not.
    holders = [
        trigger,
        *[
            c
            for c in trigger.children
            if c.dep_ in {"dobj", "xcomp"} or (c.dep_ == "advcl" and is_infinitive(c))
        ],
    ]
    preps = ("in", "at", "on", "near", "across", "inside", "throughout")
    for token in holders:
        for prep in preps:
            for arg in _prep_objects(token, prep):
                found.append(Argument(arg.head, f"place '{prep} {arg.head.text}'", fallback=True))
                # "at this jail in northern Israel": the place inside the place
                found += [
                    Argument(inner.head, f"place '{inner_prep} {inner.head.text}'", fallback=True)
                    for inner_prep in preps
                    for inner in _prep_objects(arg.head, inner_prep)
                ]
    return found


def _defied(trigger: Token, lexicon: Lexicon) -> list[Argument]:
    """Whom an act done "in defiance of" (or "in protest at") someone is aimed at: "blocked
    streets in Hong Kong in defiance of Chinese authorities". An ordinary target, unlike
    the place, which is only a fallback."""
    found: list[Argument] = []
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or not lexicon.is_cue("defiance_noun", noun.lemma_.lower()):
                continue
            for aimed in _DEFIED_PREPS:
                found += [
                    Argument(a.head, f"'in {noun.text} {aimed}' object")
                    for a in _prep_objects(noun, aimed)
                ]
    return found


# "on alert", "in a state of readiness", "at war": what state a verb's subject is in
_STATE_PREPS = frozenset({"on", "in", "at"})
# The prepositions of a protest row's target slots that say where rather than against whom.
_WHERE_PREPS = frozenset({"in", "at", "on", "through", "outside", "near"})
_PROTEST_ROOT = "14"

# "in defiance of", "in protest against/at/over", "in opposition to"
_DEFIED_PREPS = ("of", "against", "at", "over", "to")


def _complement_targets(verb: Token) -> list[Argument]:
    """Where a verb's target sits when the verb itself has none.

    "refused to meet Jordan's king", "threatened to cut off electricity to Nakhichevan":
    the object of the infinitive; "demanded that the US cancel the sale": the subject of
    the that-clause.
    """
    found: list[Argument] = []
    for child in verb.children:
        # "staged demonstrations to demand reforms from Suharto's government": a purpose
        # infinitive names what the action is aimed at, like a complement does.
        purpose = child.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children
        )
        if child.dep_ == "xcomp" or purpose:
            # "called for Israel to halt the offensive": the one asked to act.
            found += [
                Argument(c, f"subject of '{child.text}' (who is asked to act)", fallback=True)
                for c in child.children
                if c.dep_ == "nsubj"
            ]
            # "to show their anger at Chile's policies": what is their own is no target;
            # what it is aimed at may be.
            found += [
                Argument(c, f"object of '{child.text}'", fallback=True)
                for c in child.children
                if c.dep_ in {"dobj", "dative"} and not _owned_by_pronoun(c)
            ]
            # "to break off relations with Congo": the preposition may hang off the object.
            holders = [child, *(c for c in child.children if c.dep_ == "dobj")]
            for holder in holders:
                for prep in _COMPLEMENT_PREPS:
                    found += [
                        Argument(a.head, a.how, fallback=True) for a in _prep_objects(holder, prep)
                    ]
        elif child.dep_ == "ccomp":
            found += [
                Argument(c, f"subject of '{child.text}'", fallback=True)
                for c in child.children
                if c.dep_ == "nsubj"
            ]
    return found


# "by road", "by air", "by phone": how something was done, not who did it.
_MEANS = frozenset({"road", "air", "sea", "land", "rail", "phone", "telephone", "video", "mail"})


def _names_no_one(noun: Token) -> bool:
    return noun.lemma_.lower() in _MEANS and not any(c.dep_ == "det" for c in noun.children)


def _counted(noun: Token) -> bool:
    """A plural, or a noun with an article or owner: "demands", "a call", "its appeal"."""
    return noun.tag_ in {"NNS", "NNPS"} or any(c.dep_ in {"det", "poss"} for c in noun.children)


def _owned_by_pronoun(noun: Token) -> bool:
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)


def _agent_argument(verb: Token, lexicon: Lexicon) -> Argument | None:
    agent = _agent(verb, lexicon)
    return Argument(agent, f"'by' agent of passive '{verb.text}'") if agent is not None else None


def _agent(verb: Token, lexicon: Lexicon) -> Token | None:
    """Who did what a passive verb says: its "by" agent, or the doer of the violent act it
    happened in ("was wounded in an attack by Kurdish militants": the attackers; "killed in
    clashes with rebels": the rebels)."""
    agent = by_agent(verb)
    if agent is not None or not is_passive(verb):
        return agent
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "during"}:
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and _names_violence(noun, lexicon):
                # "killed in an attack by militants"; "killed in clashes with PKK
                # militants": the other side of the fighting
                for word in ("by", "with"):
                    by = next(
                        (c for c in noun.children if c.dep_ == "prep" and c.lower_ == word), None
                    )
                    if by is not None:
                        return next((c for c in by.children if c.dep_ == "pobj"), None)
    return None


def _names_violence(noun: Token, lexicon: Lexicon) -> bool:
    """A noun the lexicon codes as violence (CAMEO 18-20): attack, raid, bombing, ..."""
    return any(p.code[:2] in VIOLENT_ROOTS for p in lexicon.candidates(noun.lemma_.lower(), "NOUN"))


# CAMEO root 17, coerce: repression of a gathering is aimed at whoever holds it.
_COERCE_ROOT = "17"
# CAMEO roots of violence: assault (18), fight (19), mass violence (20).
VIOLENT_ROOTS = frozenset({"18", "19", "20"})


def _slot_arguments(verb: Token, slot: str, passive: bool, pattern: Pattern) -> list[Argument]:
    if slot == "dobj":
        if passive:
            if verb.dep_ == "acl":
                return [Argument(verb.head, f"noun described by passive '{verb.text}'")]
            found = []
            for c in passive_patients(verb):
                if c.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    # "militias, who are armed by the government, ...": the militias
                    found.append(Argument(verb.head, "the noun the relative clause describes"))
                else:
                    found.append(Argument(c, f"passive subject of '{verb.text}'"))
            return found
        objects = [
            c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() not in pattern.objects
        ]
        found = [
            # "30 members of his government, whom they had taken hostage": the members
            Argument(verb.head, "the noun the relative clause describes")
            if c.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl"
            else Argument(c, f"object of '{verb.text}'")
            for c in objects
        ]
        if not objects:
            found = _shifted_objects(verb) or _counted_objects(verb)
        if pattern.code[:2] == _COERCE_ROOT:
            # "broke up a rally organised by students", "banned the opposition's march":
            # repressing a gathering is aimed at whoever holds it.
            found += [
                Argument(c, f"whose '{c.text}' it was", fallback=True)
                for c in verb.children
                if c.dep_ == "dobj" and c.lemma_.lower() in pattern.objects
            ]
        return found
    if slot == "poss":
        # "rejected North Korea's demand", "an Indian proposal", "is opposed to French
        # mediation": the owner of the object, or of the pattern's object noun.
        owned = [c for c in verb.children if c.dep_ == "dobj"]
        named = object_of(verb, pattern.objects) if pattern.objects else None
        if named is not None and all(named.i != c.i for c in owned):
            owned.append(named)
        return [Argument(c, f"owner of '{c.text}'") for c in owned]
    if slot == "iobj":
        return [
            Argument(c, f"indirect object of '{verb.text}'")
            for c in verb.children
            if c.dep_ in {"dative", "iobj"}
        ]
    if slot == "comp_subj":
        # "allowed the opposition leader to hold a rally": whoever the infinitive lets act
        # (its subject, or the verb's object where the parser makes it one).
        found = []
        for comp in (c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}):
            if not is_infinitive(comp):
                continue
            found += [
                Argument(c, f"subject of '{comp.text}' (who is let act)")
                for c in comp.children
                if c.dep_ == "nsubj"
            ]
            found += [
                Argument(c, f"object of '{verb.text}' (who is let act)")
                for c in verb.children
                if c.dep_ == "dobj" and comp.dep_ == "xcomp"
            ]
        return found
    if slot == "xcomp_obj":
        found = []
        for xcomp in (c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}):
            found += [
                Argument(c, f"object of '{xcomp.text}'") for c in xcomp.children if c.dep_ == "dobj"
            ]
        return found
    return _prep_objects(verb, slot)


def _shifted_objects(verb: Token) -> list[Argument]:
    """ "denounced as a crime Serbia's crackdown": a long object moved after the "as"
    phrase, which the parser hangs off that phrase's noun."""
    return [
        Argument(a, f"object of '{verb.text}' (after its 'as' phrase)")
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "as"
        for noun in prep.children
        if noun.dep_ == "pobj"
        for a in noun.children
        if a.dep_ == "appos"
    ]


def _counted_objects(verb: Token) -> list[Argument]:
    """ "kidnapped up to 16 advisers": the parser reads "up" as the verb's particle and the
    counted object as the object of "to" (hung on the particle or on the verb); a number
    right after "to" says it is a count."""
    doc = verb.doc
    ups = [c.i for c in verb.children if c.dep_ == "prt" and c.lower_ == "up"]
    if not ups or ups[0] + 2 >= len(doc):
        return []
    to = doc[ups[0] + 1]
    if to.lower_ != "to" or to.dep_ != "prep" or doc[to.i + 1].tag_ != "CD":
        return []
    return [
        Argument(noun, f"object of '{verb.text}' (after 'up to')")
        for noun in to.children
        if noun.dep_ == "pobj"
    ]


def _prep_objects(token: Token, prep: str) -> list[Argument]:
    doc = token.doc
    return [
        Argument(doc[i], f"'{prep}' object of '{token.text}'")
        for i in _objects_by_preposition(token).get(prep, ())
    ]


def _objects_by_preposition(token: Token) -> dict[str, list[int]]:
    """A word's preposition (or particle) -> the positions of the objects it takes; kept
    for the doc (plain numbers, so the doc still serialises), as frames ask the same word
    for several prepositions and each walk over its children builds their tokens anew."""
    cache: dict[int, dict[str, list[int]]] = token.doc.user_data.setdefault(
        "detente_prep_objects", {}
    )
    found = cache.get(token.i)
    if found is None:
        found = {}
        for child in token.children:
            if child.dep_ in {"prep", "prt", "advmod", "dative"}:
                objects = [c.i for c in child.children if c.dep_ == "pobj"]
                if not objects and child.dep_ == "prep":
                    objects = _stranded_object(child)
                found.setdefault(child.lower_, []).extend(objects)
        cache[token.i] = found
    return found


def _stranded_object(preposition: Token) -> list[int]:
    """ "granted asylum to three opposition leaders holed up in its embassy": the parser reads
    the participle after the object as a clause of its own, with the object as its subject,
    and leaves the preposition with none."""
    doc = preposition.doc
    if preposition.i + 1 >= len(doc):
        return []
    noun = doc[preposition.i + 1]
    while noun.dep_ in {"amod", "compound", "nummod", "det", "poss"} and noun.head.i > noun.i:
        noun = noun.head
    clause = noun.head
    if (
        noun.dep_ == "nsubj"
        and noun.pos_ in {"NOUN", "PROPN"}
        and clause.tag_ in {"VBN", "VBD"}  # the participle, often tagged as a past tense
        and clause.dep_ in {"advcl", "conj", "ccomp"}
        and clause.head.i == preposition.head.i
    ):
        return [noun.i]
    return []


def _noun_arguments(frame: Frame, lexicon: Lexicon) -> None:
    noun = frame.trigger
    # "the putsch attempt against Ankara": a compound's preposition hangs off its head.
    holders = [noun, noun.head] if noun.dep_ == "compound" else [noun]
    # "a suspension of flights to Belarus": the pattern's object noun may hold the target.
    thing = object_of(noun, frame.pattern.objects) if frame.pattern.objects else None
    # "the withdrawal of some forces from Panama": the parser hangs the noun's phrase on
    # what its "of" phrase names.
    of_objects = [a.head for a in _prep_objects(noun, "of")]
    for slot in frame.pattern.targets:
        if slot not in {"between", "poss"} and len(holders) > 1:
            frame.targets += _prep_objects(noun.head, slot)
        if slot not in {"between", "poss"} and thing is not None:
            frame.targets += _prep_objects(thing, slot)
        if slot not in {"between", "poss", "of"}:
            frame.targets += [a for held in of_objects for a in _prep_objects(held, slot)]
        if slot == "between":
            # "a mediation effort between the Emirates and Saudi Arabia"
            frame.mutual += [a for holder in holders for a in _prep_objects(holder, "between")]
        elif slot == "poss":
            frame.targets += [
                Argument(c, f"possessor of '{noun.text}'")
                for c in noun.children
                if c.dep_ == "poss"
            ]
        else:
            frame.targets += _prep_objects(noun, slot)
    # "granted asylum to X", "gave Ivory Coast $5 million of aid": the light verb (reached
    # through "of" phrases, or through the noun a compound names: "launched a mediation
    # effort on Saturday between X and Y") carries the target.
    verb = _light_verb_of(noun) or (_light_verb_of(noun.head) if len(holders) > 1 else None)
    if verb is not None:
        for slot in frame.pattern.targets:
            frame.targets += [
                Argument(a.head, a.how, fallback=True) for a in _prep_objects(verb, slot)
            ]
        frame.targets += [
            Argument(c, f"indirect object of '{verb.text}'", fallback=True)
            for c in verb.children
            if c.dep_ in {"dative", "iobj"}
        ]
    if lexicon.is_cue("request", noun.lemma_.lower()):
        # "their demand that the government release the prisoners", "a call for Russia to
        # withdraw": who is asked to act is the subject of the requested clause.
        clauses = [c for c in noun.children if c.dep_ in {"acl", "ccomp", "advcl"}]
        if noun.dep_ == "dobj":
            # "reiterated its demand today that Israel ...": the clause hangs on the verb.
            clauses += [c for c in noun.head.children if c.dep_ == "ccomp" and c.i > noun.i]
        for clause in clauses:
            frame.targets += [
                Argument(c, f"who is asked to act: subject of '{clause.text}'")
                for c in clause.children
                if c.dep_ == "nsubj"
            ]
    frame.targets += _answerers(frame, lexicon)
    if frame.pattern.code[:2] in _LOCATIVE_TARGET_ROOTS:
        frame.targets.extend(_defied(noun, lexicon))
        frame.targets.extend(_place_targets(noun))
        if noun.dep_ in {"dobj", "nsubj", "nsubjpass"}:
            frame.targets.extend(_place_targets(noun.head))
        elif (
            noun.dep_ == "pobj"
            and noun.head.lower_ in _STATE_PREPS
            and noun.head.head.pos_ == "VERB"
        ):
            # "troops remained on alert in the West Bank": the state the verb is in shares
            # its place (unlike "surrendered following an offensive", another event).
            frame.targets.extend(_place_targets(noun.head.head))
    undergoer = _undergoing_verb(noun, lexicon)
    if undergoer is not None:
        _undergone_arguments(frame, undergoer, lexicon)
        return
    # "a rally organised by students" as well as "a rally by students"
    by = [Argument(d, f"'by' object of '{noun.text}'") for d in doers_of(noun)]
    if not by and lexicon.is_cue("request", noun.lemma_.lower()) and _counted(noun):
        # "repeated demands from Brussels", "a call from the UN": who asks ("weaker demand
        # from China", uncounted, is the market's)
        by = _prep_objects(noun, "from")
    if by:
        frame.sources.append(Argument(by[0].head, f"'by' object of '{noun.text}'"))
        if _names_no_one(by[0].head):
            by = []  # "aid deliveries by road": a means, not a doer; look further
        else:
            return
    # The noun's own phrase ("Turkish strikes", "Turkey's attack") is tried by the coder
    # first; this is the fallback source from the clause the noun sits in.
    frame.sources.append(Argument(noun, f"modifiers of '{noun.text}'"))
    if thing is not None and "object_source" in frame.pattern.flags and _names_owner(thing):
        # "the deployment of Russian troops to Belarus": the troops deploy (bare "troops"
        # would only borrow a country from wherever they are sent)
        frame.sources.append(Argument(thing, f"the '{thing.text}' it moves"))
        if noun.dep_ == "nsubj" and not frame.targets:
            # "the first deployment of NATO troops arrived in Bosnia": where it went
            frame.targets += [
                Argument(a.head, a.how, fallback=True)
                for slot in frame.pattern.targets
                for a in _prep_objects(noun.head, slot)
            ]
    if "no_inherit" in frame.pattern.flags:
        return
    frame.sources.extend(inherited_subjects(noun, lexicon))
    frame.sources.extend(_fighting_side(noun))


def _names_owner(thing: Token) -> bool:
    """Whether a noun says whose it is: "Russian troops", "NATO peacekeepers", "its army"."""
    return any(
        c.dep_ in {"amod", "compound", "poss", "nmod"}
        and (c.ent_type_ in {"NORP", "GPE", "ORG"} or c.pos_ in {"PROPN", "PRON"})
        for c in thing.children
    )


def _fighting_side(noun: Token) -> list[Argument]:
    """ "Three soldiers were killed in clashes with PKK militants": those killed were one
    side of the fighting (the "with" phrase names the other)."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ not in {"in", "during"}:
        return []
    verb = preposition.head
    if not is_passive(verb) or not _prep_objects(noun, "with"):
        return []
    return [
        Argument(
            c, f"passive subject of '{verb.text}', a side of the '{noun.text}'", inherited=True
        )
        for c in verb.children
        if c.dep_ == "nsubjpass"
    ]


# What is answered: appeals (02), offers (03), demands (10), threats and ultimatums (13).
_ANSWERED_ROOTS = frozenset({"02", "03", "10", "13"})


def _answerers(frame: Frame, lexicon: Lexicon) -> list[Argument]:
    """Who answers a request, offer or demand is whom it was made to: "Ukraine's request
    was turned down by Germany's chancellor", "he rejected her appeal", "responded to the
    invitation" (`answer` cues); so is whom it was brought to ("was delivered to Tokyo").
    A fallback: a target the noun names itself comes first."""
    noun = frame.trigger
    if frame.pattern.code[:2] not in _ANSWERED_ROOTS:
        return []
    if not lexicon.is_cue("report_noun", noun.lemma_.lower()):
        return []
    verb, passive = noun.head, noun.dep_ == "nsubjpass"
    if passive and verb.pos_ == "VERB":
        # "a request from the navy was delivered to Tokyo": whom it was brought to
        found = [
            Argument(a.head, f"whom it was '{verb.text} to'", fallback=True)
            for a in _prep_objects(verb, "to")
        ]
        if found:
            return found
    if noun.dep_ == "pobj" and verb.lower_ == "to" and verb.dep_ == "prep":
        verb = verb.head  # "responded to the invitation"
    elif noun.dep_ not in {"dobj", "nsubjpass"}:
        return []
    if verb.pos_ != "VERB" or not lexicon.is_cue("answer", verb.lemma_.lower()):
        return []
    if passive:
        agent = by_agent(verb)
        answerer = Argument(agent, f"'by' agent of '{verb.text}'") if agent is not None else None
    else:
        answerer = subject_of(verb, lexicon)
    if answerer is None:
        return []
    how = f"who answered it: {answerer.how}"
    return [Argument(answerer.head, how, fallback=True)]


def _undergoing_verb(noun: Token, lexicon: Lexicon) -> Token | None:
    """The verb whose subject is on the receiving end of the event noun: "received military
    aid", "faced new sanctions", "received thousands of tons of aid", "came under attack"."""
    verb = _light_verb_of(noun)
    if verb is not None and not is_passive(verb):
        return verb if lexicon.is_cue("undergo", verb.lemma_.lower()) else None
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ != "under":
        return None
    verb = preposition.head
    if verb.pos_ in {"VERB", "AUX"} and lexicon.is_cue("undergo_under", verb.lemma_.lower()):
        return verb
    return None


def _undergone_arguments(frame: Frame, verb: Token, lexicon: Lexicon) -> None:
    """ "Ukraine received military aid from Germany", "the convoy came under attack by
    Taliban fighters": the verb's subject is the target, and whoever the event comes from
    (or is by) the source; else the noun's own phrase ("came under Taliban attack")."""
    noun = frame.trigger
    givers = [
        Argument(a.head, f"'{prep}' object of '{holder.text}'")
        for holder in (noun, verb)
        for prep in ("by", "from")
        for a in _prep_objects(holder, prep)
    ]
    frame.sources += [*givers, Argument(noun, f"modifiers of '{noun.text}'")]
    taken = {a.head.i for a in givers}
    frame.targets = [t for t in frame.targets if t.head.i not in taken]
    subject = subject_of(verb, lexicon)
    if subject is not None:
        how = f"{subject.how}, on the receiving end of '{noun.text}'"
        frame.targets.insert(0, Argument(subject.head, how))


def inherited_subjects(noun: Token, lexicon: Lexicon) -> list[Argument]:
    """Subjects of the verbs that carry an event noun, nearest first.

    "Turkey held talks with Russia": Turkey. Only light verbs ("held", "carried out",
    "took part in"), reporting verbs and verbs of intent carry a noun's event; any other
    verb stops the climb ("Following a coup, officials distanced themselves" does not make
    the officials the plotters), as does a verb that is an event itself. The coder takes
    the first subject that names an actor, so "He said 'a new page has opened' in
    cooperation with Russia" reaches past "page" to "He".
    """
    found: list[Argument] = []
    purpose = _purpose_subject(noun, lexicon)
    if purpose is not None:
        return [purpose]
    token = noun
    for _ in range(10):
        if token.head.i == token.i or (
            token.dep_ not in _CLIMB_DEPS and not (found and token.dep_ == "ccomp")
        ):
            break
        token = token.head
        if token.pos_ not in {"VERB", "AUX"}:
            continue
        if is_event_verb(token, lexicon) or not _carries_nouns(token, lexicon):
            break
        subject = subject_of(token, lexicon)
        if subject is not None and all(subject.head.i != a.head.i for a in found):
            found.append(
                Argument(
                    subject.head,
                    f"{subject.how}, whose clause holds '{noun.text}'",
                    # "began a hunger strike", "held talks": the light verb's object says
                    # what its subject did as plainly as a verb would.
                    inherited=not _object_of_light_verb(noun, token, lexicon),
                )
            )
    return found


def _object_of_light_verb(noun: Token, verb: Token, lexicon: Lexicon) -> bool:
    carrier = noun.head if noun.dep_ == "compound" else noun
    return (
        carrier.dep_ == "dobj"
        and carrier.head.i == verb.i
        and lexicon.is_cue("support", verb.lemma_.lower())
    )


def _purpose_subject(noun: Token, lexicon: Lexicon) -> Argument | None:
    """ "Negotiators returned to Geneva for talks", "arrived in Cairo for a summit": the ones
    who travel for the event take part in it. A verb with an object is left alone: in
    "praised Egypt for the talks" the talks are Egypt's."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ != "for" or preposition.dep_ != "prep":
        return None
    verb = preposition.head
    if verb.pos_ != "VERB" or any(c.dep_ in {"dobj", "nsubjpass"} for c in verb.children):
        return None
    subject = subject_of(verb, lexicon)
    if subject is None:
        return None
    return Argument(
        subject.head, f"{subject.how}, who came '{preposition.text} {noun.text}'", inherited=True
    )


_CARRIER_CUES = ("support", "report", "intent_verb", "intent_adj")


def _carries_nouns(verb: Token, lexicon: Lexicon) -> bool:
    lemma = verb.lemma_.lower()
    return verb.pos_ == "AUX" or any(lexicon.is_cue(kind, lemma) for kind in _CARRIER_CUES)


def _has_particle(token: Token, particle: str) -> bool:
    if any(c.dep_ in {"prt", "prep", "advmod"} and c.lower_ == particle for c in token.children):
        return True
    # A noun's particle is the word compounded before it: "air" in "air strikes" (the
    # parser makes some of them modifiers: "cyber" in "cyber attack").
    if token.pos_ == "NOUN" and any(
        c.dep_ in {"compound", "amod"} and c.lower_ == particle for c in token.children
    ):
        return True
    # "a call for Russia to withdraw": the parser makes "for" the clause's subordinator;
    # "committed to hold elections": "to" is the infinitive's.
    return any(
        (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == particle for m in c.children))
        or (c.dep_ == "xcomp" and any(m.dep_ == "aux" and m.lower_ == particle for m in c.children))
        for c in token.children
    )
