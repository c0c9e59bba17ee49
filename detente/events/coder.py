"""Coding events: from frames and resolved actors to `Event` records.

For each sentence, every token that matches a lexicon pattern becomes a candidate frame.
A candidate is coded when its modality asserts or promises the event and at least one
of its actors resolves; otherwise it is dropped, and the reason is kept so that
`detente explain` can show it. Identical events in one sentence (same source, target
and code, e.g. from "held talks" and "talks") are merged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.symbols import ADJ, NOUN, VERB
from spacy.tokens import Doc, Span, Token

from detente.actors.resolve import ActorResolver, DocActors
from detente.dates.resolve import DocDates, EventDate, event_date, prepare_dates
from detente.events.frames import (
    VIOLENT_ROOTS,
    Argument,
    Frame,
    build_frame,
    match_pattern,
    subject_of,
    verb_coding_object,
)
from detente.events.lexicon import Lexicon, Pattern
from detente.events.merge import merge_repeated
from detente.events.modality import (
    Assessment,
    Modality,
    assess,
    condition_subject,
    reporting_governor,
)
from detente.events.modes import load_mode_cues, load_type_cues, mode_from_text, type_from_trigger
from detente.events.ontology import Ontology
from detente.events.protest_demands import fold_protest_demands
from detente.events.sides import (
    armed_sources,
    as_civilians,
    civilian_targets,
    expelled_organisations,
    mass_killing,
    own_country,
    own_government,
    peacekeeping_presence,
    protest_aim,
    with_unidentified_attackers,
)
from detente.nlp.clauses import doers_of, is_passive, positions_tagged, sentences
from detente.nlp.repairs import (
    mend_closing_reports,
    mend_fronted_subjects,
    mend_gerund_lists,
    mend_stranded_infinitives,
    mend_verbless_roots,
)
from detente.places.locate import DocPlaces, Locator
from detente.types import Actor, ActorKind, Article, Event, Evidence


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible event, coded or dropped, as `detente explain` shows it."""

    sentence_index: int
    trigger: str
    trigger_start: int
    pattern: str
    code: str
    modality: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    outcome: str

    @property
    def coded(self) -> bool:
        return self.outcome == "coded"


@dataclass(frozen=True, slots=True)
class DocCoding:
    events: list[Event]
    actors: list[Actor]
    candidates: list[Candidate]


class EventCoder:
    def __init__(
        self,
        ontology: Ontology,
        lexicon: Lexicon,
        resolver: ActorResolver,
        locator: Locator | None = None,
    ):
        self.ontology = ontology
        self.lexicon = lexicon
        self.resolver = resolver
        self.locator = locator
        self.mode_cues = load_mode_cues(ontology)
        self.type_cues = load_type_cues(ontology)

    def _is_report_verb(self, lemma: str) -> bool:
        return self.lexicon.is_cue("report", lemma)

    def _controls_object(self, lemma: str) -> bool:
        """A verb whose object performs its infinitive: "allowed the refugees to return"."""
        return self.lexicon.is_cue("object_control", lemma)

    def _closes_a_report(self, lemma: str) -> bool:
        """A verb that may close a sentence as who said it: "..., a rights group charged"."""
        return self.lexicon.is_cue("report", lemma) or self.lexicon.is_cue("speech_act", lemma)

    def code(self, article: Article, doc: Doc) -> DocCoding:
        doc.user_data.setdefault("detente_text", article.text)  # the text it was parsed from
        mend_closing_reports(doc, self._closes_a_report)
        mend_stranded_infinitives(doc, self._controls_object)
        mend_verbless_roots(doc)
        mend_gerund_lists(doc)
        mend_fronted_subjects(doc)
        ctx = self.resolver.prepare(doc, article.date)
        dates = prepare_dates(doc, article.date, self._is_report_verb)
        places = (
            self.locator.prepare(
                doc, (a.country for a in ctx.mentions if a.country), article.dateline
            )
            if self.locator
            else None
        )
        events: list[Event] = []
        candidates: list[Candidate] = []
        back_references: set[int] = set()  # triggers naming an event told before
        for index, sentence in enumerate(sentences(doc)):
            seen: set[tuple[str, str, str]] = set()
            first_of_sentence = len(events)
            serving: dict[int, frozenset[int]] = {}  # secondary trigger -> what it serves
            # "refused to release the sailors" is coded on the release refused (1243); the
            # refusing verb's own plain rejection (120) only where that found nothing.
            refusers: set[str | None] = set()
            plain_refusals: list[tuple[Event, int]] = []  # with their candidate's index
            # Only verbs, nouns and predicate adjectives trigger (`match_pattern`).
            worklist = list(positions_tagged(doc, _TRIGGER_TAGS, sentence.start, sentence.end))
            deferred: set[int] = set()  # fallbacks waiting on the events they govern
            for position in worklist:  # grows by the fallbacks deferred to the end
                token = doc[position]
                pattern = match_pattern(token, self.lexicon) or self._unlisted_obligation(token)
                if pattern is None:
                    continue
                if _refers_back(token):
                    back_references.add(token.idx)
                if position in deferred:
                    # "ordered Menem to appear for questioning in an investigation": the
                    # order's content coded nothing, so the order itself is the event
                    if _codes_inside(token, candidates):
                        continue
                elif "fallback" in pattern.flags and self._governs_event(token):
                    if (
                        self._governs_event(token, within=2)
                        or pattern.code.startswith("03")
                        or not _act_ordered(token)
                    ):
                        # "agreed to hold talks": the talks say what was agreed; what a
                        # promise promises decides whether it is cooperation at all ("vowed
                        # to make Israel pay for the killing"); "ordered an end to sieges"
                        # orders what its event nouns say
                        continue
                    # an order to someone to do something is a demand whatever it orders:
                    # an event in a modifier of the act ordered ("ordered Menem to appear
                    # for questioning in an investigation") takes its place only if that
                    # event is coded itself
                    deferred.add(position)
                    worklist.append(position)
                    continue
                if "fallback" in pattern.flags and _negated_complement(token):
                    continue  # "vowed not to return the Golan Heights" intends no cooperation
                governor = verb_coding_object(token, pattern, self.lexicon)
                if governor is not None:
                    candidates.append(_object_candidate(index, token, pattern, governor))
                    continue
                lemma = token.lemma_.lower()
                refusal_verb = self.lexicon.is_cue("refusal", lemma) or self.lexicon.is_cue(
                    "refusal_noun", lemma
                )
                serving[token.idx] = self._served_triggers(token) | self._enclosing_trigger(token)
                frame = build_frame(token, pattern, self.lexicon)
                for event, candidate in self._code_frame(
                    article, ctx, dates, places, sentence, index, frame, bool(serving[token.idx])
                ):
                    if event is not None:
                        key = (
                            _code_of(event.source),
                            _code_of(event.target),
                            event.event_type.cameo,
                        )
                        if key in seen:
                            candidate = _with_outcome(
                                candidate, "dropped: same event already coded in this sentence"
                            )
                            event = None
                        else:
                            seen.add(key)
                            events.append(event)
                            if candidate.modality.startswith(Modality.REFUSED.value):
                                refusers.add(_code_of(event.source))
                            elif refusal_verb and event.event_type.cameo == PLAIN_REFUSAL:
                                plain_refusals.append((event, len(candidates)))
                    candidates.append(candidate)
            events[first_of_sentence:] = _below_what_they_serve(events[first_of_sentence:], serving)
            events[first_of_sentence:], folded = fold_protest_demands(
                events[first_of_sentence:], serving, self._recoded
            )
            for demand in folded:
                at = next(
                    (
                        i
                        for i, c in enumerate(candidates)
                        if c.coded
                        and c.trigger_start == demand.evidence.trigger_start
                        and c.code == demand.event_type.cameo
                    ),
                    None,
                )
                if at is not None:
                    candidates[at] = _with_outcome(
                        candidates[at], "dropped: it is what the protest it serves demands"
                    )
            for event, at in plain_refusals:
                if _code_of(event.source) in refusers:
                    events.remove(event)
                    candidates[at] = _with_outcome(
                        candidates[at], "dropped: the refused act is coded as the refusal"
                    )
        merged = merge_repeated(events, lambda e: e.evidence.trigger_start in back_references)
        # Only violence no mention of it attributes gets an implicit source: "a failed coup
        # in Turkey" is first merged with "the putsch attempt by officers".
        merged = [with_unidentified_attackers(e) for e in merged]
        return DocCoding(merged, ctx.mentions, candidates)

    def _recoded(self, event: Event, code: str) -> Event:
        """The event with a more specific code of the same family: the finer code's
        PLOVER type, mode and contexts, except a type or mode read from the text."""
        finer = self.ontology.event_type(code)
        table = self.ontology.event_type(event.event_type.cameo)
        read = event.event_type
        return replace(
            event,
            event_id=_event_id(
                event.article_id,
                event.sentence_index,
                event.evidence.trigger_start,
                code,
                event.source,
                event.target,
            ),
            event_type=replace(
                finer,
                plover_type=finer.plover_type
                if read.plover_type == table.plover_type
                else read.plover_type,
                plover_mode=finer.plover_mode
                if read.plover_mode == table.plover_mode
                else read.plover_mode,
            ),
        )

    def _with_text_mode(self, event: Event, trigger: Token) -> Event:
        """The PLOVER type the trigger shows where PLOVER splits the CAMEO code ("indicted"
        is ACCUSE, "arrested" COERCE), then the mode the clause's words show ("jets" ->
        aerial), where they show one."""
        by_trigger = type_from_trigger(trigger, event.event_type.cameo, self.type_cues)
        if by_trigger is not None:
            event = replace(
                event,
                event_type=replace(
                    event.event_type,
                    plover_type=by_trigger.plover_type,
                    plover_mode=by_trigger.mode or None,
                ),
                reason=f"{event.reason}; PLOVER "
                f"{'/'.join(filter(None, (by_trigger.plover_type, by_trigger.mode)))} for "
                f"'{trigger.text}' ({by_trigger.where})",
            )
        found = mode_from_text(trigger, event.event_type.plover_type, self.mode_cues)
        if found is None or found.mode == event.event_type.plover_mode:
            return event
        return replace(
            event,
            event_type=replace(event.event_type, plover_mode=found.mode),
            reason=f"{event.reason}; PLOVER mode '{found.mode}' from '{found.word}' ({found.where})",
        )

    def _served_triggers(self, trigger: Token) -> frozenset[int]:
        """Where the events this trigger serves stand (character offsets), if it heads an
        adverbial clause (a participle or an infinitive of purpose) of a verb that is itself
        an event, or whose object is one ("continued their hunger strike to demand ...")."""
        if trigger.pos_ != "VERB" or trigger.head.i == trigger.i:
            return frozenset()
        head = trigger.head
        # "began a hunger strike to demand ...": the parser may make the purpose the
        # complement of a light verb that already has its object.
        light = trigger.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.children)
        if trigger.dep_ != "advcl" and not light:
            return frozenset()
        carriers = [head, *(c for c in head.children if c.dep_ in {"dobj", "prep"})]
        carriers += [g for c in carriers if c.dep_ == "prep" for g in c.children]
        carriers += [g for c in carriers for g in c.children if g.dep_ == "compound"]
        return frozenset(t.idx for t in carriers if match_pattern(t, self.lexicon) is not None)

    def _enclosing_trigger(self, trigger: Token, depth: int = 0) -> frozenset[int]:
        """Where the event stands whose argument holds this trigger: "protested against
        Israel's decision to deport them" (the deporting is what is protested), "will support
        a resolution that aims to impose a blockade" (the blockade is what is supported).
        The enclosing event is the sentence's; a verb conjoined with an event verb is its
        equal and shares what that one serves."""
        token = trigger
        for _ in range(6):
            if token.dep_ not in _ARGUMENT_DEPS or token.head.i == token.i:
                return frozenset()
            conjoined = token.dep_ == "conj"
            complement = token.dep_ == "xcomp"
            token = token.head
            if match_pattern(token, self.lexicon) is None:
                continue
            if complement and any(
                self.lexicon.is_cue(kind, token.lemma_.lower()) for kind in _CONTENT_CUES
            ):
                return frozenset()  # "refused to deploy": the refusal is coded on the deployment
            if conjoined:
                return self._enclosing_trigger(token, depth + 1) if depth < 2 else frozenset()
            return frozenset({token.idx})
        return frozenset()

    def _unlisted_obligation(self, token: Token) -> Pattern | None:
        """ "The US declared that China must drop its trade barriers": a reported obligation
        is the speaker's demand (must) or appeal (should) even where the lexicon lists
        nothing for the required act. It is coded as an unspecified one (100, 020) through
        the pseudo-act 010; a required act that is an event of its own codes itself."""
        if token.pos_ != "VERB" or not any(
            c.dep_ == "aux" and self.lexicon.is_cue("obligation", c.lower_) for c in token.children
        ):
            return None
        # What a purpose clause would bring about is not what is required ("must ensure
        # security to allow supplies in" requires the security).
        if (
            self._governs_event(token, but={"advcl"})
            or assess(token, self.lexicon).modality is not Modality.OBLIGED
        ):
            return None
        return Pattern(
            code=UNLISTED_ACT,
            lemma=token.lemma_.lower(),
            pos="VERB",
            particle=None,
            objects=frozenset(),
            targets=(),
            flags=frozenset(),
            where="rule: a reported obligation to do something unlisted",
        )

    def _governs_event(
        self, token: Token, but: frozenset[str] | set[str] = frozenset(), within: int = 0
    ) -> bool:
        """Whether a word's complements (not its subject, nor the dependents named in
        `but`) hold an event of their own; `within` > 0 looks only that many links down."""
        subjects = {
            t.i
            for child in token.children
            if child.dep_ in {"nsubj", "nsubjpass", "csubj", *but}
            for t in child.subtree
        }
        # "agreed to reopen its borders to peacekeepers, who oversee a ceasefire": what a
        # relative clause says of someone named in the complement is not what was agreed.
        described = {
            t.i
            for relative in token.subtree
            if relative.dep_ == "relcl" and relative.head.i != token.i
            for t in relative.subtree
        }
        return any(
            t.i != token.i
            and t.i not in subjects
            and t.i not in described
            and (not within or _links_below(token, t) <= within)
            and match_pattern(t, self.lexicon) is not None
            for t in token.subtree
        )

    def _code_frame(
        self,
        article: Article,
        ctx: DocActors,
        dates: DocDates,
        places: DocPlaces | None,
        sentence: Span,
        index: int,
        frame: Frame,
        secondary: bool,
    ) -> list[tuple[Event | None, Candidate]]:
        """The events of one frame (or why it codes none). A `secondary` frame says how or
        why another event of its sentence was done."""
        pattern = frame.pattern
        assessment = assess(frame.trigger, self.lexicon)
        code = pattern.code
        if assessment.modality in (Modality.INTENT, Modality.ULTIMATUM):
            code = self.lexicon.intent_code(code)
        if assessment.modality is Modality.INTENT and self._prepares_force(frame, assessment):
            # "the army prepared to resume shelling rebel-held territory": readying force is
            # a military posture (15), not a threat made to anyone (13).
            code = POSTURE_CODE
        if assessment.modality is Modality.ULTIMATUM and not code.startswith(THREAT_ROOT):
            code = ULTIMATUM_CODE  # "will withdraw unless": a threat, though of a kind act
        refused_code = None
        if assessment.modality is Modality.REFUSED:
            refused_code = self.lexicon.refusal_code(code)
            code = refused_code or code
        sources, source_arg = self._first_resolved(ctx, frame, frame.sources)
        source_how = source_arg.how if source_arg else ""
        inherited = source_arg.inherited if source_arg else False
        targets, target_how, targets_indirect = self._all_resolved(ctx, frame)
        targets = civilian_targets(pattern.code, targets, self.lexicon)
        if code == pattern.code and mass_killing(code, frame.trigger, targets, self.lexicon):
            code = MASS_KILLING_CODE
        recoded_by_sides = ""  # why the sides, not the words, gave the event its code
        if code == pattern.code:
            if expelled := expelled_organisations(code, targets):
                code, recoded_by_sides = expelled, "organisations expelled"
            elif peacekeeping := peacekeeping_presence(code, sources, self.lexicon):
                code, recoded_by_sides = peacekeeping, "a show of presence by peacekeepers"
        sources = armed_sources(pattern.code, sources, self.lexicon)
        if not targets and code.startswith(THREAT_ROOT):
            # "threatened a general strike unless Israel rescinded the law": at Israel.
            condition = condition_subject(frame.trigger, self.lexicon)
            if condition is not None:
                targets = self.resolver.resolve(ctx, condition)
                target_how = f"who must meet the condition: subject of '{condition.head.text}'"
        if not targets and code[:2] == PROTEST_ROOT:
            # "youths hurled stones during protests against killings by police": an act
            # of protest inside a protest is aimed where that one is.
            aim = protest_aim(frame.trigger, self.lexicon)
            if aim is not None:
                targets, _ = self._phrase_actors(ctx, aim, frame.trigger, depth=0)
                target_how = f"what the '{aim.head.head.text}' it was part of opposed"
        pairs, mutual_how = self._pairs(ctx, frame, sources, targets)
        if assessment.modality is not Modality.ASSERTED:
            pairs = _as_stated(pairs, sources)
        if mutual_how:
            source_how = source_how or mutual_how
            target_how = target_how or mutual_how
        obliged = assessment.modality is Modality.OBLIGED
        demanded = None
        imposer = self._imposed_by_order(ctx, frame, assessment, pattern.code) if obliged else None
        if imposer is not None:
            # "The government ordered the opposition newspaper to suspend publication": an
            # order to do what no demand code names is the act of whoever gives it.
            obliged = False
            if not targets:
                # "ordered the newspaper to suspend publication": the one ordered is whom
                # the act restricts, where the act names no one else
                targets, target_how = sources, f"who is ordered: {source_how}"
            sources, source_how = imposer
            inherited = False
            ordered: list[Actor | None] = list(targets) or [None]
            pairs = [
                (src, tgt)
                for src in sources
                for tgt in ordered
                if tgt is None or not _same_actor(src, tgt)
            ]
            assessment = Assessment(Modality.ASSERTED, assessment.cue)
        if obliged:
            # "France said Iraq must cooperate": France (the speaker) demands of Iraq (the one
            # who must act) what the clause names.
            demanded = self._obligation(ctx, frame, assessment, pattern.code)
            code = demanded[0] if demanded else code
            targets, target_how = sources, f"who must act: {source_how}"
            sources, source_how = (demanded[1], demanded[2]) if demanded else ([], "")
            inherited = False
            pairs = [(src, tgt) for src in sources for tgt in targets if not _same_actor(src, tgt)]

        def candidate(
            outcome: str, src: Actor | None = None, tgt: Actor | None = None
        ) -> Candidate:
            return Candidate(
                sentence_index=index,
                trigger=frame.trigger.text,
                trigger_start=frame.trigger.idx,
                pattern=f"{pattern.describe()} ({pattern.where})",
                code=code,
                modality=assessment.describe(),
                sources=tuple(a.code for a in ([src] if src else sources)),
                targets=tuple(a.code for a in ([tgt] if tgt else targets)),
                outcome=outcome,
            )

        if not assessment.modality.codes_event:
            return [(None, candidate(f"dropped: {assessment.describe()}"))]
        if assessment.modality is Modality.REFUSED and refused_code is None:
            return [
                (None, candidate(f"dropped: {assessment.describe()}, no rejection code for it"))
            ]
        if obliged and demanded is None:
            return [
                (None, candidate("dropped: obligation with no speaker, or no demand code for it"))
            ]
        if obliged and not pairs:
            return [(None, candidate("dropped: obligation with no one named who must act"))]
        if not pairs:
            return [(None, candidate("dropped: no actor resolved"))]

        def weapon() -> bool:
            """ "Three civilians were killed in a car bombing": no one is named, but the
            weapon says it was an attack, not an earthquake; such a killing is coded
            without source. Asked only where a pattern needs a source and has none."""
            return (
                code[:2] in VIOLENT_ROOTS
                and mode_from_text(frame.trigger, "ASSAULT", self.mode_cues) is not None
            )

        # The target slot named the source again ("Iraqis demonstrated in Iraq"): the
        # pattern's target was there, just not another actor.
        self_targeted = bool(targets) and all(
            any(_same_actor(t, s) for s in sources) for t in targets
        )
        # dated only now: most frames are dropped before this point
        when = event_date(
            dates,
            frame.trigger,
            self._is_report_verb,
            intent=assessment.modality is Modality.INTENT,
        )
        results: list[tuple[Event | None, Candidate]] = []
        for src, tgt in pairs:
            if obliged:
                pass  # the pattern's own needs are about the act, not the demand
            elif src is None and targets_indirect:
                results.append(
                    (
                        None,
                        candidate("dropped: no one acted, and the target is a thing's", src, tgt),
                    )
                )
                continue
            elif "needs_target" in pattern.flags and tgt is None and not self_targeted:
                results.append((None, candidate("dropped: pattern needs a target", src, tgt)))
                continue
            if "needs_source" in pattern.flags and src is None and not weapon():
                results.append((None, candidate("dropped: pattern needs a source", src, tgt)))
                continue
            if "foreign" in pattern.flags and _same_country(src, tgt):
                # "North Korea has trained 500 hackers": training one's own is no cooperation
                results.append(
                    (None, candidate("dropped: the pattern needs a foreign target", src, tgt))
                )
                continue
            if not any(a is not None and (a.country or a.org) for a in (src, tgt)):
                # "two companies signed a deal", "doctors went on strike" with no country in
                # sight: nothing a user of event data could place in a dyad.
                results.append(
                    (None, candidate("dropped: no actor with a country or organisation", src, tgt))
                )
                continue
            implicit = None
            named_target = tgt  # what the text named, for the confidence
            if code[:2] == PROTEST_ROOT and _own_place(src, tgt):
                # "Kenyan students protested in Nairobi", "rebels blocked transport into
                # Abidjan": a protest's own country named as its place is no target; it is
                # aimed at that country's government
                tgt = None
            if code.startswith(DE_ESCALATION) and _own_country_only(src, tgt):
                # "Ugandan rebels surrendered in the town of Soroti", "declared a ceasefire in
                # south Lebanon": one's own country, or a place in it, is where one stood
                # down, not whom one stood down before
                tgt = None
            if code[:2] == PROTEST_ROOT and src is not None:
                # "Young Algerians blocked roads": a people protesting are its civilians
                # (after the pairs, so their own country named as the place still counts
                # as no target: "Iraqi Kurds demonstrated in northern Iraq").
                src = as_civilians(src, self.lexicon, people_only=True)
            if tgt is None and (code[:2] == PROTEST_ROOT or "own_government" in pattern.flags):
                implicit = own_government(src, frame.trigger)
            elif tgt is None and "own_country" in pattern.flags:
                implicit = own_country(src, frame.trigger)
            reason = "; ".join(
                part
                for part in (
                    f"pattern '{pattern.describe()}' ({pattern.where}) -> {pattern.code}",
                    f"{recoded_by_sides or assessment.describe()} -> {code}"
                    if code != pattern.code
                    else "",
                    f"source = {source_how}" if src else "",
                    f"target = {target_how}" if tgt else "",
                    f"target = {implicit.reason}" if implicit else "",
                )
                if part
            )
            confidence = _confidence(src, named_target, inherited, pattern.specificity, assessment)
            if secondary:
                # "demonstrated in Kirkuk calling for independence": the call is how the
                # protest was made; the protest is the sentence's event.
                confidence = round(max(0.05, confidence - _SECONDARY_PENALTY), 2)
                reason += "; secondary: it says how or why another event here was done"
            tgt = tgt or implicit
            location = (
                self.locator.locate(
                    places,
                    frame.trigger,
                    src,
                    tgt,
                    self.ontology.event_type(code).quad_class,
                    code[:2],
                )
                if self.locator and places
                else None
            )
            event = self._event(
                article, sentence, index, frame.trigger, code, src, tgt, reason, confidence, when
            )
            event = replace(event, location=location)
            event = self._with_text_mode(event, frame.trigger)
            results.append((event, candidate("coded", src, tgt)))
        return results

    def _imposed_by_order(
        self, ctx: DocActors, frame: Frame, assessment: Assessment, act: str
    ) -> tuple[list[Actor], str] | None:
        """Who imposes an ordered act that no demand code names (a closure, a ban): the
        one who gives the order, as (actors, how)."""
        if self.lexicon.obligation_code(act, True) is not None:
            return None
        commander = self._commander(frame, assessment)
        speaker = subject_of(commander, self.lexicon) if commander is not None else None
        if speaker is None:
            return None
        found = self.resolver.resolve(ctx, speaker.head)
        return (found, f"who gives the order: {speaker.how}") if found else None

    def _commander(self, frame: Frame, assessment: Assessment) -> Token | None:
        """The ordering verb ("ordered", "instructed") an obligation comes from, if any."""
        return next(
            (
                t
                for t in frame.trigger.ancestors
                if t.text == assessment.cue and self.lexicon.is_cue("command", t.lemma_.lower())
            ),
            None,
        )

    def _prepares_force(self, frame: Frame, assessment: Assessment) -> bool:
        """Whether the intended act is violence that a verb of preparing governs."""
        if frame.pattern.code[:2] not in VIOLENT_ROOTS:
            return False
        return any(
            t.text == assessment.cue
            and t.pos_ == "VERB"
            and self.lexicon.is_cue("preparation", t.lemma_.lower())
            for t in frame.trigger.ancestors
        )

    def _obligation(
        self, ctx: DocActors, frame: Frame, assessment: Assessment, act: str
    ) -> tuple[str, list[Actor], str] | None:
        """The demand or appeal code, and who makes it, for "X said Y must/should do Z", or
        for "X ordered Y to do Z" (an order: X demands it of Y)."""
        commander = self._commander(frame, assessment)
        if commander is not None:
            code = self.lexicon.obligation_code(act, True)
            speaker = subject_of(commander, self.lexicon)
            if code is None or speaker is None:
                return None
            found = self.resolver.resolve(ctx, speaker.head)
            return (code, found, f"who gives the order: {speaker.how}") if found else None
        demand = (assessment.cue or "").lower() == "must"
        code = self.lexicon.obligation_code(act, demand)
        verbs = [t for t in [frame.trigger, *frame.trigger.ancestors] if t.pos_ in {"VERB", "AUX"}]
        # "said the US must be ready to mediate": the verb that carries the "must"
        verb = next(
            (
                v
                for v in verbs
                if any(
                    c.dep_ == "aux" and self.lexicon.is_cue("obligation", c.lower_)
                    for c in v.children
                )
            ),
            verbs[0] if verbs else None,
        )
        governor = reporting_governor(verb, self.lexicon) if verb is not None else None
        if code is None or governor is None:
            return None
        speaker = subject_of(governor, self.lexicon) if governor.pos_ != "NOUN" else None
        if governor.pos_ == "NOUN":
            owner = self.resolver.resolve_modifiers(ctx, governor)
            if owner:
                return code, owner, f"author of the '{governor.text}'"
            speaker = subject_of(governor.head, self.lexicon)
        if speaker is None:
            return None
        actors = self.resolver.resolve(ctx, speaker.head)
        return (code, actors, f"who says so: {speaker.how}") if actors else None

    def _first_resolved(
        self, ctx: DocActors, frame: Frame, arguments: list[Argument]
    ) -> tuple[list[Actor], Argument | None]:
        """The first source candidate that names an actor with a country or organisation;
        else the first that names any ("joint military exercises" has a role, but the
        subject "Jordan and Britain" says who)."""
        weak: tuple[list[Actor], Argument | None] = ([], None)
        for arg in arguments:
            if arg.head.i == frame.trigger.i or arg.owner:
                actors = self.resolver.resolve_modifiers(ctx, arg.head)
            else:
                actors = self.resolver.resolve(ctx, arg.head)
            if actors and any(a.country or a.org for a in actors):
                return actors, arg
            if actors and not weak[0]:
                weak = (actors, arg)
        return weak

    def _all_resolved(self, ctx: DocActors, frame: Frame) -> tuple[list[Actor], str, bool]:
        """Every ordinary target that names an actor; else the first fallback that does.
        The flag says every target was reached only through a thing ("the savings of
        Argentines"), which alone, with no one who acted, is no event."""
        actors: list[Actor] = []
        hows: list[str] = []
        indirect = True
        for fallback in (False, True):
            for arg in (a for a in frame.targets if a.fallback == fallback):
                if fallback and (actors or "direct" in frame.pattern.flags):
                    break
                found, through = self._phrase_actors(ctx, arg.head, frame.trigger, depth=0)
                if through is not None and "direct" in frame.pattern.flags:
                    continue  # "released pictures of rescue workers" releases no one
                if found:
                    actors.extend(found)
                    hows.append(arg.how + (f" (whom '{through}' concerns)" if through else ""))
                    indirect = indirect and through is not None
        return actors, " and ".join(hows), indirect and bool(actors)

    def _phrase_actors(
        self, ctx: DocActors, head: Token, trigger: Token, depth: int
    ) -> tuple[list[Actor], str | None]:
        """The actors of a target phrase, and the thing they were reached through, if any.

        "rejected an Indian proposal", "rejected North Korea's demand": the target is whoever
        the proposal or demand belongs to; "rejected calls by Kofi Annan", "an offer from
        Hamas", "contacts with Israel": whose thing it is; "further action against Russia",
        "a suspension of air links with Serbia": whom it is aimed at, one or two phrases deep.
        """
        found = self.resolver.resolve(ctx, head)
        if found or head.pos_ != "NOUN":
            return found, None
        owners = self.resolver.resolve_modifiers(ctx, head)
        if owners or depth >= _MAX_THING_DEPTH:
            return owners, None  # the owner of a thing is whom an act on it aims at
        # "defended the downing of the jet": an event noun's "of" names what it was done
        # to, not whom an act on the event concerns.
        is_event = match_pattern(head, self.lexicon) is not None
        # "denounced abuses committed by Nigerian soldiers": who did the thing
        # (not the trigger's own: "a lunch hosted by the ambassador" is no target of the hosting)
        phrases = [
            ("by", doer)
            for doer in doers_of(head)
            if doer.head.head.i != trigger.i or not is_passive(trigger)
        ]
        phrases += [
            (child.lower_, pobj)
            for child in head.children
            if child.dep_ == "prep" and child.lower_ != "by"
            for pobj in child.children
            if pobj.dep_ == "pobj"
        ]
        for prepositions in _THING_PREPOSITIONS:
            for preposition, pobj in phrases:
                if preposition not in prepositions or (is_event and preposition == "of"):
                    continue
                found, _ = self._phrase_actors(ctx, pobj, trigger, depth + 1)
                if found:
                    return found, head.text
        return [], None

    def _pairs(
        self, ctx: DocActors, frame: Frame, sources: list[Actor], targets: list[Actor]
    ) -> tuple[list[tuple[Actor | None, Actor | None]], str]:
        """(source, target) pairs, and how mutual events found their sides, if they did."""
        sides = [a for arg in frame.mutual for a in self.resolver.resolve(ctx, arg.head)]
        how = ""
        if "symmetric" in frame.pattern.flags and not targets:
            if len(sides) >= 2 and not sources:
                sources, targets = sides, sides
                how = f"the sides of '{frame.mutual[0].how}' (mutual event, both directions)"
            elif sides and sources:
                targets = sides
                how = frame.mutual[0].how
            elif len(sources) >= 2:
                targets = sources
                how = "the other conjoined subject (mutual event, both directions)"
        elif sides and not targets:
            targets = sides
            how = frame.mutual[0].how
        pairs: list[tuple[Actor | None, Actor | None]] = []
        source_options: list[Actor | None] = list(sources) or [None]
        target_options: list[Actor | None] = list(targets) or [None]
        for src in source_options:
            for tgt in target_options:
                if src is not None and tgt is not None and _same_actor(src, tgt):
                    # A side whose country was only guessed from context is what makes them
                    # look alike ("President Mitterand welcomed the South African leader"):
                    # keep the side the text named.
                    if src.country_from_context != tgt.country_from_context:
                        src, tgt = (None, tgt) if src.country_from_context else (src, None)
                    else:
                        continue
                if src is None and tgt is None:
                    continue
                pairs.append((src, tgt))
        if "symmetric" in frame.pattern.flags and _meets_both_ways(frame.pattern.code):
            # "Wang met Aziz" is a meeting of both: each is source and target of the other
            # (the caller keeps it for what happened: "will cooperate with" is one side's).
            pairs += [
                (tgt, src)
                for src, tgt in list(pairs)
                if src is not None and tgt is not None and (tgt, src) not in pairs
            ]
        if not pairs and sources:
            # "Iraqi Kurds demonstrated in Iraq": the only target found is the source again
            # (often its own country as the place); the act stands, its target is unknown.
            pairs = [(src, None) for src in sources]
        return pairs, how

    def _event(
        self,
        article: Article,
        sentence: Span,
        index: int,
        trigger: Token,
        code: str,
        source: Actor | None,
        target: Actor | None,
        reason: str,
        confidence: float,
        when: EventDate,
    ) -> Event:
        # The article's text, sliced (the doc is parsed from it, character for character):
        # `Span.text` and `Doc.text` build a Token for every word, each time.
        raw = article.text[sentence.start_char : sentence.end_char]
        text = raw.strip()
        start = sentence.start_char + (len(raw) - len(raw.lstrip()))
        return Event(
            event_id=_event_id(article.article_id, index, trigger.idx, code, source, target),
            article_id=article.article_id,
            sentence_index=index,
            event_type=self.ontology.event_type(code),
            source=source,
            target=target,
            date=when.date,
            date_granularity=when.granularity,
            date_rule=when.rule,
            evidence=Evidence(
                text=text,
                start=start,
                end=start + len(text),
                trigger=trigger.text,
                trigger_start=trigger.idx,
                trigger_end=trigger.idx + len(trigger.text),
            ),
            confidence=confidence,
            reason=reason,
        )


_MAX_THING_DEPTH = 2
_TRIGGER_TAGS = frozenset({VERB, NOUN, ADJ})
# CAMEO root 14, protests; and the sectors of the state, which protests are aimed at.
PROTEST_ROOT = "14"
DE_ESCALATION = "087"  # truce, easing a blockade, demobilising, retreat, surrender
CONSULT_ROOT = "04"
SIGN_AGREEMENT = "057"
THREAT_ROOT = "13"
POSTURE_CODE = "150"  # demonstrate military or police power
# CAMEO 010, "Make statement, not specified below": the act an unlisted obligation stands
# for; obligation_codes.tsv makes it a demand (100) or an appeal (020).
UNLISTED_ACT = "010"
# How much less sure an event is that only says how or why another one was done.
_SECONDARY_PENALTY = 0.15
# Verbs whose infinitive is coded as their own event ("refused to deploy" is 1224, "pledged
# to help" an intent).
_CONTENT_CUES = ("refusal", "intent_verb", "request", "denial")
# Dependencies through which a word stands inside another word's argument (not its
# reported or adverbial clauses).
_ARGUMENT_DEPS = frozenset({"acl", "relcl", "xcomp", "conj", "pobj", "prep", "dobj", "appos"})
# CAMEO 120, "Reject, not specified below".
PLAIN_REFUSAL = "120"
# CAMEO 139, "Give ultimatum": threaten negative sanctions unless demands are met.
ULTIMATUM_CODE = "139"
# CAMEO 202, "Engage in mass killings" (sides.mass_killing says when).
MASS_KILLING_CODE = "202"
_THING_PREPOSITIONS = (
    frozenset({"by", "from", "with"}),
    frozenset({"against", "on", "to", "toward", "towards", "into", "for"}),
    frozenset({"of"}),
)


def _negated_complement(token: Token) -> bool:
    """Whether what the word governs is negated: "vowed not to return"."""
    return any(
        c.dep_ in {"xcomp", "ccomp"} and any(g.dep_ == "neg" for g in c.children)
        for c in token.children
    )


def _own_place(source: Actor | None, target: Actor | None) -> bool:
    """Whether the target is only a town or region of the source's own country."""
    return (
        source is not None
        and target is not None
        and bool(source.country)
        and target.country == source.country
        and not target.sectors
        and target.reason.startswith("place ")
    )


def _own_country_only(source: Actor | None, target: Actor | None) -> bool:
    """Whether the target is the source's own country itself, or a place in it."""
    return _own_place(source, target) or (
        _same_country(source, target)
        and target is not None
        and not target.sectors
        and target.kind is ActorKind.COUNTRY
    )


def _same_country(source: Actor | None, target: Actor | None) -> bool:
    """Whether the target is of the source's own country (or names none beside one)."""
    if source is None or target is None or not source.country:
        return False
    return target.country in {None, source.country} and not target.org


def _refers_back(token: Token) -> bool:
    """A definite event noun ("the shelling", "Turkey's downing of the jet") names an event
    the story has already told."""
    return token.pos_ == "NOUN" and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in token.children
    )


_DEFINITE = {"the", "this", "that", "these", "those"}


def _below_what_they_serve(events: list[Event], serving: dict[int, frozenset[int]]) -> list[Event]:
    """A secondary event ("to demand reforms" after "began a hunger strike") is less sure
    than the event it serves, whatever their other evidence: the protest is the sentence's
    event."""
    confidence_at: dict[int, float] = {}
    for event in events:
        at = event.evidence.trigger_start
        confidence_at[at] = max(confidence_at.get(at, 0.0), event.confidence)
    capped = []
    for event in events:
        served = [
            confidence_at[i]
            for i in serving.get(event.evidence.trigger_start, ())
            if i in confidence_at
        ]
        ceiling = round(max(0.05, max(served) - _SECONDARY_GAP), 2) if served else 1.0
        capped.append(replace(event, confidence=ceiling) if event.confidence > ceiling else event)
    return capped


_SECONDARY_GAP = 0.05


def _confidence(
    source: Actor | None,
    target: Actor | None,
    inherited: bool,
    specificity: int,
    assessment: Assessment,
) -> float:
    """A transparent score from how complete and direct the evidence is (docs/formats.md)."""
    score = 0.45
    score += 0.2 if source is not None else 0.0
    score += 0.15 if target is not None else 0.0
    if inherited:
        score -= 0.1
    for actor in (source, target):
        if actor is not None and actor.kind is ActorKind.GROUP:
            score -= 0.1
    if assessment.modality is Modality.INTENT:
        score -= 0.05
    if specificity >= 2:
        score += 0.1
    return round(min(0.95, max(0.05, score)), 2)


def _meets_both_ways(code: str) -> bool:
    """Meetings, talks, calls and signed agreements involve both sides alike."""
    return code[:2] == CONSULT_ROOT or code == SIGN_AGREEMENT


def _as_stated(
    pairs: list[tuple[Actor | None, Actor | None]], sources: list[Actor]
) -> list[tuple[Actor | None, Actor | None]]:
    """An intention, demand or refusal is its speaker's: keep the pairs whose source the
    text named as source, unless it named none."""
    named = [p for p in pairs if p[0] is None or any(p[0] is s for s in sources)]
    return named or pairs


def _same_actor(a: Actor, b: Actor) -> bool:
    # One phrase can name two actors ("the Russian and Turkish presidents"), so the span
    # alone does not make them one; the same code on both sides is no interaction.
    return a.code == b.code


def _code_of(actor: Actor | None) -> str:
    return actor.code if actor else "-"


def _object_candidate(index: int, noun: Token, pattern: Pattern, governor: Token) -> Candidate:
    """Why an event noun that a verb's row codes ("lifted its sanctions") is no event here."""
    return Candidate(
        sentence_index=index,
        trigger=noun.text,
        trigger_start=noun.idx,
        pattern=f"{pattern.describe()} ({pattern.where})",
        code=pattern.code,
        modality="",
        sources=(),
        targets=(),
        outcome=f"dropped: what '{governor.text}' does to it is the event",
    )


def _links_below(ancestor: Token, token: Token) -> int:
    """How many dependency links lead down from `ancestor` to `token` (in its subtree)."""
    links = 0
    while token.i != ancestor.i and token.head.i != token.i:
        token, links = token.head, links + 1
    return links


def _act_ordered(token: Token) -> bool:
    """Whether a word orders someone named as its object to do an act of its own: "ordered
    Menem to appear" (not "ordered an end to sieges", "ordered military action")."""
    return any(c.dep_ == "dobj" for c in token.children) and any(
        c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"} for c in token.children
    )


def _codes_inside(token: Token, candidates: Sequence[Candidate]) -> bool:
    """Whether an event was coded on a word a trigger governs (its subtree, itself aside)."""
    inside = {t.idx for t in token.subtree if t.i != token.i}
    return any(c.coded and c.trigger_start in inside for c in candidates)


def _with_outcome(candidate: Candidate, outcome: str) -> Candidate:
    return Candidate(
        **{**{f: getattr(candidate, f) for f in Candidate.__slots__}, "outcome": outcome}
    )


def _event_id(
    article_id: str,
    index: int,
    trigger_at: int,
    code: str,
    source: Actor | None,
    target: Actor | None,
) -> str:
    key = "|".join(
        [
            article_id,
            str(index),
            str(trigger_at),
            code,
            _code_of(source),
            _code_of(target),
            str(source.start if source else -1),
            str(target.start if target else -1),
        ]
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]
