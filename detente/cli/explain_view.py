"""`detente explain`: the parse, the actors, every candidate frame and each decision."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from detente.nlp.repairs import (
    MENDED,
    MENDED_INFINITIVES,
    MENDED_LISTS,
    MENDED_ROOTS,
    MENDED_SUBJECTS,
)
from detente.pipeline import Explanation


def print_explanation(explanation: Explanation, console: Console) -> None:
    doc = explanation.doc
    mended = set(doc.user_data.get(MENDED, ()))
    infinitives = set(doc.user_data.get(MENDED_INFINITIVES, ()))
    roots = set(doc.user_data.get(MENDED_ROOTS, ()))
    lists = set(doc.user_data.get(MENDED_LISTS, ()))
    subjects = set(doc.user_data.get(MENDED_SUBJECTS, ()))
    for index, sentence in enumerate(doc.sents):
        title = f"sentence {index}: parse"
        if sentence.root.i in mended:
            title += f" (mended: '{sentence.root.text}' closes a reporting clause)"
        if sentence.root.i in roots:
            title += f" (mended: '{sentence.root.text}' is the verb, not a participle)"
        for token in sentence:
            if token.i in lists:
                title += f" (mended: '{token.text}' is listed with '{token.head.text}')"
            if token.i in subjects:
                title += f" (mended: '{token.text}' is the subject of '{token.head.text}')"
            if token.i in infinitives:
                title += f" (mended: '{token.text}' is the complement of '{token.head.text}')"
        parse = Table(title=title, header_style="bold", show_lines=False)
        for column in ("i", "token", "lemma", "pos", "dep", "head", "entity"):
            parse.add_column(column)
        for token in sentence:
            if token.is_space:
                continue
            parse.add_row(
                str(token.i),
                token.text,
                token.lemma_,
                token.pos_,
                token.dep_,
                f"{token.head.text} ({token.head.i})",
                token.ent_type_ or "",
            )
        console.print(parse)
    actors = Table(title="actors", header_style="bold")
    for column in ("text", "code", "country", "sectors", "org", "name", "why"):
        actors.add_column(column, overflow="fold")
    for actor in explanation.coded.actors:
        actors.add_row(
            actor.text,
            actor.code,
            actor.country or "",
            ",".join(actor.sectors),
            actor.org or "",
            actor.name or "",
            actor.reason,
        )
    console.print(actors)
    candidates = Table(title="candidate events", header_style="bold")
    for column in (
        "sent.",
        "trigger",
        "pattern",
        "code",
        "modality",
        "source",
        "target",
        "outcome",
    ):
        candidates.add_column(column, overflow="fold")
    for c in explanation.candidates:
        candidates.add_row(
            str(c.sentence_index),
            c.trigger,
            c.pattern,
            c.code,
            c.modality,
            ",".join(c.sources) or "-",
            ",".join(c.targets) or "-",
            f"[green]{c.outcome}[/]" if c.coded else f"[yellow]{c.outcome}[/]",
        )
    console.print(candidates)
    for event in explanation.coded.events:
        source = event.source.code if event.source else "-"
        target = event.target.code if event.target else "-"
        console.print(
            f"[bold]{event.event_type.cameo}[/] {event.event_type.name}: {source} -> {target} "
            f"(confidence {event.confidence:.2f})\n  why: {event.reason}",
            highlight=False,
        )
    if not explanation.coded.events:
        console.print("no events coded")
