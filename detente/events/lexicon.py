"""The event lexicon: trigger patterns, synonym sets, modality cues and intent codes.

Tab-separated files under `detente/data/lexicon/` (docs/lexicon.md has the full
description):
- `synsets.tsv`: named sets of words, usable in patterns as `$NAME`;
- `patterns.tsv`: a trigger word (verb or noun), optional particle and object, the
  argument slots where the target is found, and the CAMEO code;
- `cues.tsv`: words that change what a trigger means: negation, intent, condition,
  speculation, request, denial, report and support verbs;
- `intent_codes.tsv`: the code an event takes when it is only intended or promised
  ("will attack" is a threat, 138; "will meet" is 036);
- `obligation_codes.tsv`: the demand (10x) or appeal (02x) a reported "Y must/should do X"
  is ("France said Iraq must cooperate": France demands cooperation of Iraq);
- `refusal_codes.tsv`: the rejection (12x) that refusing to do X is ("refused to release
  the prisoners" is 1243).

Users add their own pattern files (same columns) with `--lexicon`; later files win.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from detente.data.tables import Row, bundled, read_table
from detente.errors import DataFileError
from detente.events.ontology import Ontology

POS_VALUES = frozenset({"VERB", "NOUN", "ADJ"})
FLAGS = frozenset(
    {
        "symmetric",
        "needs_target",
        "needs_source",
        "no_inherit",
        "fallback",
        "own_country",
        "own_government",
        "direct",
        "no_infinitive",
        "clause",
        "foreign",
        "object_source",
        "passive_source",
    }
)
SLOT_WORDS = frozenset({"dobj", "iobj", "poss", "xcomp_obj", "comp_subj"})
CUE_KINDS = frozenset(
    {
        "negation",
        "intent_aux",
        "intent_verb",
        "intent_adj",
        "intent_noun",
        "condition",
        "speculation",
        "request",
        "denial",
        "report",
        "support",
        "object_control",
        "past_marker",
        "generic",
        "obligation",
        "report_noun",
        "refusal",
        "ultimatum",
        "stative_passive",
        "agreement_noun",
        "gerund_by_subject",
        "discussion",
        "upkeep",
        "preparation",
        "refusal_noun",
        "protest_noun",
        "defiance_noun",
        "command",
        "peacekeeping",
        "aim_condition",
        "failure_noun",
        "military_thing",
        "weapon_platform",
        "undergo",
        "undergo_under",
        "answer",
        "mass_count",
        "speech_act",
        "possibility_noun",
    }
)
_WORD = re.compile(r"^[a-z][a-z'\-]*$")


@dataclass(frozen=True, slots=True)
class Pattern:
    """One trigger pattern: when its word appears with its particle/object, code `code`."""

    code: str
    lemma: str
    pos: str
    particle: str | None
    objects: frozenset[str]
    targets: tuple[str, ...]
    flags: frozenset[str]
    where: str

    @property
    def specificity(self) -> int:
        return (
            (2 if self.particle else 0)
            + (2 if self.objects or "clause" in self.flags else 0)
            + (1 if self.targets else 0)
        )

    def describe(self) -> str:
        parts = [self.lemma]
        if self.particle:
            parts.append(self.particle)
        if self.objects:
            parts.append("+" + "|".join(sorted(self.objects)))
        text = " ".join(parts) + f" {self.pos}"
        if self.targets:
            text += " -> " + ",".join(self.targets)
        return text


@dataclass(frozen=True, slots=True)
class Lexicon:
    patterns: dict[tuple[str, str], tuple[Pattern, ...]]  # (lemma, pos) -> most specific first
    cues: dict[str, frozenset[str]]  # cue kind -> words
    intent_codes: dict[str, str]  # code prefix -> intent code
    # code prefix -> (demand code, appeal code) for a reported "Y must/should do X"
    obligation_codes: dict[str, tuple[str, str]]
    refusal_codes: dict[str, str]  # code prefix -> the 12x code for refusing to do it
    version: str

    def candidates(self, lemma: str, pos: str) -> tuple[Pattern, ...]:
        return self.patterns.get((lemma, pos), ())

    def is_cue(self, kind: str, word: str) -> bool:
        return word in self.cues.get(kind, frozenset())

    def intent_code(self, code: str) -> str:
        """The intent/threat code for an event that is only promised; unchanged if none."""
        for length in range(len(code), 1, -1):
            found = self.intent_codes.get(code[:length])
            if found:
                return found
        return code

    def refusal_code(self, code: str) -> str | None:
        """The rejection code (12x) for refusing to do `code`; None where refusing it is no
        event CAMEO codes ("refused to attack")."""
        for length in range(len(code), 1, -1):
            found = self.refusal_codes.get(code[:length])
            if found:
                return found
        return None

    def obligation_code(self, code: str, demand: bool) -> str | None:
        """The demand (10x) or appeal (02x) code for a reported obligation to do `code`."""
        for length in range(len(code), 1, -1):
            found = self.obligation_codes.get(code[:length])
            if found:
                return found[0] if demand else found[1]
        return None


@cache
def load_lexicon(ontology: Ontology, extra_files: tuple[Path, ...] = ()) -> Lexicon:
    folder = bundled("lexicon")
    synsets = _read_synsets(folder / "synsets.tsv")
    patterns: dict[tuple[str, str], list[Pattern]] = {}
    version = read_table(folder / "patterns.tsv", ()).meta.get("version", "?")
    # patterns.tsv first, then any other bundled patterns_*.tsv, then the user's files.
    bundled_files = sorted(
        folder.glob("patterns*.tsv"), key=lambda f: (f.name != "patterns.tsv", f.name)
    )
    for path in (*bundled_files, *extra_files):
        for pattern in _read_patterns(path, synsets, ontology):
            patterns.setdefault((pattern.lemma, pattern.pos), []).append(pattern)
    ordered = {
        key: tuple(sorted(found, key=lambda p: (-p.specificity, _is_bundled(p))))
        for key, found in patterns.items()
    }
    return Lexicon(
        patterns=ordered,
        cues=_read_cues(folder / "cues.tsv"),
        intent_codes=_read_code_map(folder / "intent_codes.tsv", ontology),
        refusal_codes=_read_code_map(folder / "refusal_codes.tsv", ontology),
        obligation_codes=_read_obligation_codes(folder / "obligation_codes.tsv", ontology),
        version=version,
    )


def _is_bundled(pattern: Pattern) -> bool:
    # Among equally specific patterns, a user's own file comes first.
    return pattern.where.startswith("lexicon/")


def _read_synsets(path: Path) -> dict[str, tuple[str, ...]]:
    sets: dict[str, tuple[str, ...]] = {}
    for row in read_table(path, ("name", "words")):
        name = row.get("name")
        if not re.match(r"^\$[A-Z_]+$", name):
            raise row.error(f"synset name {name!r}", fix="names look like $ATTACK (capitals and _)")
        words = tuple(row.values("words"))
        _check_words(row, words)
        sets[name] = words
    return sets


def _expand(row: Row, column: str, synsets: dict[str, tuple[str, ...]]) -> list[str]:
    words: list[str] = []
    for value in row.values(column):
        if value.startswith("$"):
            if value not in synsets:
                raise row.error(f"unknown synset {value}", fix="define it in synsets.tsv first")
            words.extend(synsets[value])
        else:
            words.append(value)
    return words


def _read_patterns(
    path: Path, synsets: dict[str, tuple[str, ...]], ontology: Ontology
) -> Iterable[Pattern]:
    table = read_table(path, ("code", "trigger", "pos", "particle", "object", "target", "flags"))
    for row in table:
        code = row.get("code")
        if code not in ontology:
            raise row.error(
                f"unknown CAMEO code {code!r}", fix="use a code from cameo_event_codes.tsv"
            )
        pos = row.get("pos").upper()
        if pos not in POS_VALUES:
            raise row.error(f"pos {pos!r}", fix="write VERB, NOUN or ADJ")
        triggers = _expand(row, "trigger", synsets)
        if not triggers:
            raise row.error("empty trigger", fix="give a word or a $SYNSET")
        objects = frozenset(_expand(row, "object", synsets))
        _check_words(row, [*triggers, *objects])
        targets = tuple(row.values("target"))
        for slot in targets:
            if slot not in SLOT_WORDS and not _WORD.match(slot):
                raise row.error(
                    f"target slot {slot!r}",
                    fix="use dobj, iobj, poss, xcomp_obj, comp_subj or a preposition",
                )
        flags = frozenset(row.values("flags"))
        if flags - FLAGS:
            raise row.error(
                f"unknown flag(s) {sorted(flags - FLAGS)}", fix=f"use {', '.join(sorted(FLAGS))}"
            )
        particle = row.get("particle") or None
        for lemma in triggers:
            yield Pattern(
                code, lemma, pos, particle, objects, targets, flags, f"{row.path}:{row.line}"
            )


def _read_cues(path: Path) -> dict[str, frozenset[str]]:
    cues: dict[str, set[str]] = {}
    for row in read_table(path, ("kind", "words")):
        kind = row.get("kind")
        if kind not in CUE_KINDS:
            raise row.error(f"cue kind {kind!r}", fix=f"use one of {', '.join(sorted(CUE_KINDS))}")
        words = row.values("words")
        cues.setdefault(kind, set()).update(w.lower() for w in words)
    return {k: frozenset(v) for k, v in cues.items()}


def _read_code_map(path: Path, ontology: Ontology) -> dict[str, str]:
    """A `prefix -> code` table: the longest prefix of an event's code picks its code."""
    codes: dict[str, str] = {}
    for row in read_table(path, ("prefix", "code")):
        prefix, code = row.get("prefix"), row.get("code")
        for value in (prefix, code):
            if value not in ontology:
                raise DataFileError(
                    row.path, row.line, f"unknown CAMEO code {value!r}", fix="use a listed code"
                )
        codes[prefix] = code
    return codes


def _read_obligation_codes(path: Path, ontology: Ontology) -> dict[str, tuple[str, str]]:
    codes: dict[str, tuple[str, str]] = {}
    for row in read_table(path, ("prefix", "demand", "appeal")):
        prefix, demand, appeal = row.get("prefix"), row.get("demand"), row.get("appeal")
        for value in (prefix, demand, appeal):
            if value not in ontology:
                raise DataFileError(
                    row.path, row.line, f"unknown CAMEO code {value!r}", fix="use a listed code"
                )
        codes[prefix] = (demand, appeal)
    return codes


def _check_words(row: Row, words: Iterable[str]) -> None:
    for word in words:
        if not _WORD.match(word):
            raise row.error(
                f"{word!r} is not a lower-case lemma",
                fix="write the dictionary form in lower case (attack, not Attacked)",
            )
