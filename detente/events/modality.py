"""Whether an event trigger asserts that something happened, or only mentions it.

"Turkey attacked" asserts; "Turkey did not attack", "if Turkey attacks", "Turkey could
attack", "Will Turkey attack?", "urged Turkey to attack" and "denied attacking" do not.
"Turkey will attack" and "Turkey vowed to attack" express intent, which CAMEO codes as
intent (03x) or threat (13x), never as the act. The cue words come from the lexicon's
`cues.tsv`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from spacy.tokens import Token

from detente.events.frames import is_event_verb, match_pattern
from detente.events.lexicon import Lexicon
from detente.nlp.clauses import is_infinitive, verb_lemmas

# How far up the clause chain a governing cue can sit ("pledged to help rebuild").
_MAX_GOVERNORS = 4
_GOVERNING_DEPS = {
    "xcomp",
    "ccomp",
    "pcomp",
    "pobj",
    "prep",
    "dobj",
    "acl",
    "advcl",
    "conj",
    "acomp",
    "attr",
}


class Modality(StrEnum):
    ASSERTED = "asserted"
    INTENT = "intent"
    NEGATED = "negated"
    CONDITIONAL = "conditional"
    QUESTION = "question"
    SPECULATIVE = "speculative"
    REQUESTED = "requested"
    GENERIC = "generic"
    DENIED = "denied"
    EMBEDDED = "embedded"
    # "France said Iraq must cooperate": coded as France's demand (10x) or appeal (02x).
    OBLIGED = "obliged"
    # "Iran refused to release the sailors": coded as the refusal (12x).
    REFUSED = "refused"
    # "Nigeria will withdraw its troops unless ...": an intent on a condition is a threat.
    ULTIMATUM = "ultimatum"

    @property
    def codes_event(self) -> bool:
        return self in (
            Modality.ASSERTED,
            Modality.INTENT,
            Modality.OBLIGED,
            Modality.REFUSED,
            Modality.ULTIMATUM,
        )


@dataclass(frozen=True, slots=True)
class Assessment:
    modality: Modality
    cue: str | None = None

    def describe(self) -> str:
        return self.modality.value + (f" ('{self.cue}')" if self.cue else "")


def assess(trigger: Token, lexicon: Lexicon) -> Assessment:
    """What the trigger asserts: walk from it up through the verbs that govern it,
    collecting cues."""
    found = _assess(trigger, lexicon)
    if found.modality is Modality.INTENT:
        condition = _ultimatum_condition(trigger, lexicon)
        if condition is not None:
            return Assessment(Modality.ULTIMATUM, condition.text)
    return found


def _assess(trigger: Token, lexicon: Lexicon) -> Assessment:
    if trigger.pos_ == "NOUN" and _own_negation(trigger):
        return Assessment(Modality.NEGATED, "no")
    intent: Assessment | None = None
    is_noun = trigger.pos_ == "NOUN"
    if is_noun and trigger.dep_ == "pobj" and trigger.head.lower_ in _PRESUPPOSING:
        # "would not amend the law despite demands from Brussels", "amid protests": what
        # these prepositions take happened, whatever the clause around them says.
        return Assessment(Modality.ASSERTED)
    if is_noun:
        # "rejected French mediation", "is opposed to talks": the noun's own verb denies it.
        verb = trigger.head if trigger.dep_ == "dobj" else None
        if trigger.dep_ == "pobj" and trigger.head.dep_ == "prep":
            verb = trigger.head.head
        topic_of = _discussion_of(trigger, lexicon)
        if topic_of is not None:
            # "renewed negotiations on an Israeli troop pullback": what talks are about
            # has not happened.
            return Assessment(Modality.EMBEDDED, topic_of.text)
        if (
            trigger.dep_ == "dobj"
            and verb is not None
            and lexicon.is_cue("upkeep", verb.lemma_.lower())
        ):
            # "peacekeepers deployed to oversee a ceasefire between Ethiopia and Eritrea":
            # a state that is watched over was made before, not here.
            return Assessment(Modality.EMBEDDED, verb.text)
        asker = trigger.head.head if trigger.dep_ == "pobj" else None
        if (
            asker is not None
            and trigger.head.lower_ == "for"
            and asker.pos_ == "NOUN"
            and lexicon.is_cue("request", asker.lemma_.lower())
        ):
            # "a request from the navy for joint patrols": what is asked for, not done.
            return Assessment(Modality.REQUESTED, asker.text)
        # A rejected demand or offer was still made: "rejected Moscow's demand".
        said = lexicon.is_cue("report_noun", trigger.lemma_.lower())
        if (
            verb is not None
            and verb.pos_ == "VERB"
            and not said
            and _is_cue_verb(lexicon, "denial", verb)
        ):
            return Assessment(Modality.DENIED, verb.text)
        # "pledged aid", "agreed to US mediation": what an intent verb takes is intended,
        # except an agreement itself ("agreed to a truce" concludes one); "agreed after a
        # clash" says when, not what.
        taken = trigger.dep_ == "dobj" or trigger.head.lower_ in _COMPLEMENT_PREPOSITIONS
        if (
            verb is not None
            and verb.pos_ == "VERB"
            and taken
            and not said
            and lexicon.is_cue("intent_verb", verb.lemma_.lower())
            and not lexicon.is_cue("agreement_noun", trigger.lemma_.lower())
        ):
            intent = Assessment(Modality.INTENT, verb.text)
    token = _clause_verb(trigger)
    # Whether every governor climbed so far only intends the trigger ("ready to", "agree to").
    only_intended = True
    for level in range(_MAX_GOVERNORS + 1):  # level 0 is the trigger's own clause
        found = _cues_on(token, lexicon, trigger)
        if (
            found is not None
            and found.modality is Modality.OBLIGED
            and level > 0
            and not only_intended
        ):
            # "Iraq must allow inspectors to visit": only the required act itself is
            # coded as demanded; what it would in turn bring about is not. "The US must
            # be ready to mediate" requires the mediation itself.
            found = Assessment(Modality.SPECULATIVE, found.cue)
        if found is not None:
            if found.modality is not Modality.INTENT:
                return found
            intent = intent or found
        if level > 0 and lexicon.is_cue("report", token.lemma_.lower()):
            break  # what a speaker reports is coded as asserted by the text
        dep = token.dep_
        noun_head = token.head
        reduced_relative = not any(
            c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "mark"} for c in token.children
        )
        if (
            dep == "acl"
            and token.tag_ == "VBG"
            and reduced_relative
            and noun_head.pos_ in {"NOUN", "PROPN"}
        ):
            # "police used tear gas to disperse demonstrators protesting election results":
            # a present participle says what the people it describes are doing, whatever
            # the clause around them only aims at
            break
        # "its demand that the government release the prisoners", "calls to free the
        # hostages", "a call for its forces to be deployed" (an infinitive the parser makes
        # a relative clause): the clause is what is asked for, not what was done.
        asks = dep in {"acl", "ccomp", "advcl"} or (dep == "relcl" and is_infinitive(token))
        if (
            asks
            and noun_head.pos_ == "NOUN"
            and lexicon.is_cue("request", noun_head.lemma_.lower())
        ):
            return Assessment(Modality.REQUESTED, noun_head.text)
        if dep == "acl" and is_infinitive(token) and noun_head.pos_ == "NOUN":
            head_lemma = noun_head.lemma_.lower()
            if lexicon.is_cue("refusal_noun", head_lemma):
                # "Nepal's refusal to grant them asylum" is a refusal (12x), as "refused to".
                outer = _assess(noun_head, lexicon)
                if outer.modality is not Modality.ASSERTED:
                    return outer
                return Assessment(Modality.REFUSED, noun_head.text)
            if lexicon.is_cue("failure_noun", head_lemma):
                return Assessment(Modality.DENIED, noun_head.text)  # "its failure to act"
            if lexicon.is_cue("possibility_noun", head_lemma):
                # "defended the right of Russian troops to fire on militants": a right or
                # an ability to act says nothing of acting
                return Assessment(Modality.SPECULATIVE, noun_head.text)
        if dep not in _GOVERNING_DEPS or token.head.i == token.i:
            break
        pledge = _intent_noun_of(token, lexicon) if is_infinitive(token) else None
        if pledge is not None:
            # "renewed its pledge to withdraw", "its threat to close the strait": the
            # infinitive is what is pledged or threatened, not what was done.
            intent = intent or Assessment(Modality.INTENT, pledge.text)
        that_clause = dep == "ccomp" or (
            dep == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)
        )
        if (
            that_clause
            and noun_head.pos_ == "NOUN"
            and match_pattern(noun_head, lexicon) is not None
        ):
            # "an allegation that the NPFL had taken over the city", "accusations that
            # police tortured detainees": what an event noun's that-clause says is its
            # content (alleged, denied, discussed), not reported as done.
            return Assessment(Modality.EMBEDDED, noun_head.text)
        asked = _request_object(token, lexicon) if dep == "ccomp" else None
        if asked is not None:
            # "reiterated its demand today that Israel ease restrictions": the parser hangs
            # the demand's clause on the verb; it is still what is asked for.
            return Assessment(Modality.REQUESTED, asked.text)
        governor = _clause_verb(token.head)
        lemma = governor.lemma_.lower()
        if (
            dep == "ccomp"
            and token.i < governor.i
            and lexicon.is_cue("speech_act", lemma)
            and not _is_cue_verb(lexicon, "denial", governor)
        ):
            # "Kenyan police beat detainees, a rights group charged": news told first and
            # attributed after is reported as the news, whatever verb attributes it ("a
            # rights group charged that police beat detainees" is the charge's content)
            break
        only_intended = only_intended and (
            governor.pos_ == "AUX"
            or lexicon.is_cue("intent_verb", lemma)
            or lexicon.is_cue("intent_adj", lemma)
        )
        # "pledged to help", "pledged help", "ready to talk": the event is intended.
        # "offered on Monday to mediate": the parser makes a delayed infinitive an advcl;
        # after other verbs it is one of purpose ("opened the bridge to allow ...").
        delayed = (
            dep == "advcl"
            and is_infinitive(token)
            and any(lexicon.is_cue(kind, lemma) for kind in ("intent_verb", "request", "refusal"))
        )
        infinitive = dep == "xcomp" or delayed
        complement = infinitive or (is_noun and level == 0 and dep in {"dobj", "pobj", "prep"})
        # "agreed that both should cooperate": a that-clause of an intent verb is intended too.
        if (complement or dep == "ccomp") and (
            lexicon.is_cue("intent_verb", lemma) or lexicon.is_cue("intent_adj", lemma)
        ):
            intent = intent or Assessment(Modality.INTENT, governor.text)
        elif complement and _orders_own_forces(governor, lexicon):
            # "ordered his troops to pull out": what one's own forces are ordered to do is
            # done, by them.
            pass
        elif infinitive and lexicon.is_cue("command", lemma):
            # "ordered the rebels to pull out": an order, coded as the demand of what it
            # orders (obligation_codes.tsv), if the order was given.
            outer = _assess(governor, lexicon)
            if outer.modality is not Modality.ASSERTED:
                return outer
            return Assessment(Modality.OBLIGED, governor.text)
        elif complement and lexicon.is_cue("request", lemma):
            return Assessment(Modality.REQUESTED, governor.text)
        elif infinitive and lexicon.is_cue("refusal", lemma):
            # "refused to release the sailors" is a rejection of its own (refusal_codes.tsv),
            # if the refusal happened: "demanded that its partners refuse to recognize"
            # asks for one.
            outer = _assess(governor, lexicon)
            if outer.modality is not Modality.ASSERTED:
                return outer
            return Assessment(Modality.REFUSED, governor.text)
        elif dep in {"xcomp", "ccomp", "pcomp", "dobj", "pobj", "acl"} and _is_cue_verb(
            lexicon, "denial", governor
        ):
            return Assessment(Modality.DENIED, governor.text)
        elif (
            not is_noun and dep in {"xcomp", "ccomp", "pcomp"} and is_event_verb(governor, lexicon)
        ):
            # "accused Iran of arming rebels": the arming is alleged, not reported as done.
            return Assessment(Modality.EMBEDDED, governor.text)
        token = governor
    if _is_question(trigger):
        return Assessment(Modality.QUESTION, "?")
    return intent or Assessment(Modality.ASSERTED)


def _orders_own_forces(governor: Token, lexicon: Lexicon) -> bool:
    """An order (`command` cues) given to one's own: "ordered his troops", "its forces"."""
    if not lexicon.is_cue("command", governor.lemma_.lower()):
        return False
    return any(
        c.dep_ == "dobj" and any(p.dep_ == "poss" and p.pos_ == "PRON" for p in c.children)
        for c in governor.children
    )


def _intent_noun_of(infinitive: Token, lexicon: Lexicon) -> Token | None:
    """The pledge, plan or threat (`intent_noun` cues) whose content an infinitive is:
    "its offer to mediate", or with the parser's attachment to the verb, "renewed his
    threat on Saturday to strike"."""
    head = infinitive.head
    if infinitive.dep_ == "acl" and head.pos_ == "NOUN":
        return head if lexicon.is_cue("intent_noun", head.lemma_.lower()) else None
    if infinitive.dep_ in {"advcl", "xcomp"}:
        return next(
            (
                c
                for c in head.children
                if c.dep_ == "dobj"
                and c.i < infinitive.i
                and lexicon.is_cue("intent_noun", c.lemma_.lower())
            ),
            None,
        )
    return None


def _request_object(clause: Token, lexicon: Lexicon) -> Token | None:
    """A request noun the verb above a that-clause takes as its object before the clause
    ("repeated its call on Friday that ..."): the clause belongs to the noun."""
    verb = clause.head
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "dobj"
            and c.i < clause.i
            and c.pos_ == "NOUN"
            and lexicon.is_cue("request", c.lemma_.lower())
        ),
        None,
    )


_PRESUPPOSING = frozenset({"despite", "amid", "amidst", "following"})
_TOPIC_PREPOSITIONS = frozenset({"on", "over", "about", "regarding", "concerning"})


def _discussion_of(noun: Token, lexicon: Lexicon) -> Token | None:
    """The talks or discussing verb an event noun is the topic of: "talks on a withdrawal",
    "discussed the release of prisoners" (the `discussion` cues)."""
    host = None
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        host = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ in _TOPIC_PREPOSITIONS:
        host = noun.head.head
    if host is None or host.i == noun.i:
        return None
    if lexicon.is_cue("discussion", host.lemma_.lower()):
        return host
    if noun.dep_ == "pobj" and host.pos_ == "VERB":
        # "renewed negotiations today on a pullback": the parser hangs the topic on the verb
        return next(
            (
                c
                for c in host.children
                if c.dep_ == "dobj" and lexicon.is_cue("discussion", c.lemma_.lower())
            ),
            None,
        )
    return None


def _only_intended(verb: Token, lexicon: Lexicon) -> bool:
    """An act still to come: an infinitive ("vowed to fight"), a verb with a future
    auxiliary ("will protest"), or the intent verb itself ("have sworn to fight until ...",
    where the parser hangs the clause on "sworn")."""
    return (
        is_infinitive(verb)
        or lexicon.is_cue("intent_verb", verb.lemma_.lower())
        or any(c.dep_ == "aux" and lexicon.is_cue("intent_aux", c.lower_) for c in verb.children)
    )


def _is_cue_verb(lexicon: Lexicon, kind: str, verb: Token) -> bool:
    return any(lexicon.is_cue(kind, word) for word in verb_lemmas(verb))


def _ultimatum_condition(trigger: Token, lexicon: Lexicon) -> Token | None:
    """The subordinator of an "unless" clause on the intended act or on the verb that
    intends it: "will withdraw its troops unless the rebels agree", "vowed to strike unless
    the hostages were freed"."""
    found = _condition_clause(trigger, lambda mark: lexicon.is_cue("ultimatum", mark))
    return found[0] if found else None


def condition_subject(trigger: Token, lexicon: Lexicon) -> Token | None:
    """Who must meet a threat's condition: the subject of its "if" or "unless" clause
    ("threatened to strike unless Israel withdrew" is aimed at Israel; "vowed to hold
    protests until the government cut prices" at the government)."""
    found = _condition_clause(
        trigger,
        lambda mark: lexicon.is_cue("condition", mark) or lexicon.is_cue("aim_condition", mark),
    )
    if found is None:
        return None
    return next((c for c in found[1].children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _condition_clause(trigger: Token, is_mark: Callable[[str], bool]) -> tuple[Token, Token] | None:
    """(subordinator, clause verb) of the first adverbial clause with a matching
    subordinator on the trigger's clause or on the verbs governing it."""
    verb = _clause_verb(trigger)
    for _ in range(3):
        for clause in verb.children:
            if clause.dep_ != "advcl":
                continue
            mark = next((c for c in clause.children if c.dep_ == "mark"), None)
            if mark is not None and is_mark(mark.lower_):
                return mark, clause
        if verb.dep_ not in {"xcomp", "ccomp", "conj"} or verb.head.i == verb.i:
            break
        verb = verb.head
    return None


def _clause_verb(token: Token) -> Token:
    """For a noun, the verb or adjective whose clause it is in; a verb is its own."""
    current = token
    for _ in range(6):
        if current.pos_ in {"VERB", "AUX"} or current.dep_ == "ROOT" or current.head.i == current.i:
            return current
        if current.pos_ == "ADJ" and current.dep_ in {"acomp", "amod"}:
            return current
        current = current.head
    return current


def _own_negation(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _cues_on(verb: Token, lexicon: Lexicon, trigger: Token) -> Assessment | None:
    # Negation, conditions and habit outrank the auxiliaries, wherever they stand:
    # "said it would not meet" is no intent.
    for child in verb.children:
        word = child.lower_
        if child.dep_ == "neg" or (child.dep_ == "advmod" and lexicon.is_cue("negation", word)):
            will = _future_auxiliary(verb, lexicon)
            if will is not None:
                # "Syria says it will not accept more refugees", "said it would not meet
                # their demands": announcing one will not do it is a refusal (12x).
                return Assessment(Modality.REFUSED, f"{will.text} {child.text}")
            return Assessment(Modality.NEGATED, child.text)
        if child.dep_ == "mark" and lexicon.is_cue("condition", word):
            return Assessment(Modality.CONDITIONAL, child.text)
        if (
            child.dep_ == "mark"
            and lexicon.is_cue("aim_condition", word)
            and verb.dep_ == "advcl"
            and _only_intended(verb.head, lexicon)
        ):
            # "vowed to fight until they gain control of the villages": the goal of an act
            # still to come has not been reached (a past "fought until they took the town"
            # has)
            return Assessment(Modality.CONDITIONAL, child.text)
        if child.dep_ in {"advmod", "npadvmod"} and lexicon.is_cue("generic", word):
            return Assessment(Modality.GENERIC, child.text)
        if child.dep_ == "aux" and word in _INVERTED_CONDITIONAL and _before_subject(verb, child):
            return Assessment(Modality.CONDITIONAL, child.text)  # "Had the two leaders met, ..."
    for child in verb.children:
        if child.dep_ != "aux":
            continue
        word = child.lower_
        reported = reporting_governor(verb, lexicon) is not None
        if lexicon.is_cue("obligation", word) and _agreed_content(verb, lexicon):
            # "agreed that their countries should cooperate": what was agreed is intended.
            return Assessment(Modality.INTENT, verb.head.text)
        if reported and lexicon.is_cue("obligation", word):
            return Assessment(Modality.OBLIGED, child.text)
        own_act = (
            trigger.i == verb.i
            or (trigger.dep_ == "dobj" and trigger.head.i == verb.i)
            # "said he would be ready to host a meeting": a reported "will be ready"
            or any(
                c.dep_ == "acomp" and lexicon.is_cue("intent_adj", c.lemma_.lower())
                for c in verb.children
            )
        )
        if reported and own_act and word in _FUTURE_IN_THE_PAST:
            # "Palestinian leaders said they would boycott contacts": a reported "will".
            return Assessment(Modality.INTENT, child.text)
        if lexicon.is_cue("speculation", word):
            return Assessment(Modality.SPECULATIVE, child.text)
        if lexicon.is_cue("intent_aux", word):
            return Assessment(Modality.INTENT, child.text)
    return None


def _future_auxiliary(verb: Token, lexicon: Lexicon) -> Token | None:
    """The "will" of the verb, or the "would" of a reported one ("said it would")."""
    for child in verb.children:
        if child.dep_ != "aux":
            continue
        if lexicon.is_cue("intent_aux", child.lower_):
            return child
        if child.lower_ in _FUTURE_IN_THE_PAST and reporting_governor(verb, lexicon) is not None:
            return child
    return None


_INVERTED_CONDITIONAL = {"had", "were", "should"}
_COMPLEMENT_PREPOSITIONS = {"to", "on", "upon"}
_FUTURE_IN_THE_PAST = {"would", "'d"}
_REPORTED_DEPS = {"ccomp", "acl", "relcl"}


def _agreed_content(verb: Token, lexicon: Lexicon) -> bool:
    head = verb.head
    return (
        verb.dep_ == "ccomp"
        and head.i != verb.i
        and lexicon.is_cue("intent_verb", head.lemma_.lower())
    )


def reporting_governor(verb: Token, lexicon: Lexicon) -> Token | None:
    """The reporting verb or statement noun whose content this clause is, if any: "said"
    in "X said Y would attack", "reminder" in "a reminder that Iraq must cooperate"."""
    head = verb.head
    if verb.dep_ not in _REPORTED_DEPS or head.i == verb.i:
        return None
    lemma = head.lemma_.lower()
    if head.pos_ in {"VERB", "AUX"} and lexicon.is_cue("report", lemma):
        return head
    if head.pos_ == "NOUN" and verb.dep_ != "relcl" and lexicon.is_cue("report_noun", lemma):
        return head
    return None


def _before_subject(verb: Token, aux: Token) -> bool:
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and aux.i < subject.i and aux.i == verb.sent.start


def _is_question(token: Token) -> bool:
    sentence = token.sent
    last = next(
        (t for t in reversed(sentence) if not t.is_space and t.text not in {'"', "”", "'", "’"}),
        None,
    )
    return last is not None and last.text == "?"
