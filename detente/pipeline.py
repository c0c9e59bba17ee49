"""The coder assembled: parse articles and code their actors and events.

A `Coder` loads everything it needs once (spaCy model, ontology, actor dictionaries,
event lexicon) and then codes any number of articles, in batches through `nlp.pipe`.
Everything above it (the CLI, the Python API, the web service, the benchmark) codes
through this one class.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from detente.actors.dictionary import ActorDictionary, load_dictionary
from detente.actors.matcher import ActorMatcher
from detente.actors.resolve import ActorResolver
from detente.config import Settings
from detente.events.coder import Candidate, EventCoder
from detente.events.lexicon import Lexicon, load_lexicon
from detente.events.ontology import Ontology, load_ontology
from detente.nlp.pipeline import load_nlp, parse
from detente.places.gazetteer import load_gazetteer
from detente.places.locate import Locator
from detente.types import Article, CodedArticle


@dataclass(frozen=True, slots=True)
class Explanation:
    """Everything `detente explain` shows for one text."""

    article: Article
    doc: Doc
    coded: CodedArticle
    candidates: tuple[Candidate, ...]


class Coder:
    def __init__(self, settings: Settings | None = None, nlp: Language | None = None):
        self.settings = settings or Settings.from_env()
        self.nlp = nlp or load_nlp(self.settings.models, self.settings.max_chars)
        self.ontology: Ontology = load_ontology()
        self.dictionary: ActorDictionary = load_dictionary(self.settings.actor_files)
        self.lexicon: Lexicon = load_lexicon(self.ontology, self.settings.lexicon_files)
        gazetteer = load_gazetteer(tuple(sorted(self.dictionary.iso2_to_iso3.items())))
        matcher = ActorMatcher(
            self.dictionary, lambda text: [t.text for t in self.nlp.tokenizer(text)], gazetteer
        )
        resolver = ActorResolver(matcher, lambda lemma: self.lexicon.is_cue("report", lemma))
        self.events = EventCoder(
            self.ontology, self.lexicon, resolver, Locator(self.dictionary, gazetteer)
        )

    def code_articles(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Code articles in order, parsing them in batches."""
        for doc, article in parse(
            self.nlp, ((a.text, a) for a in articles), self.settings.batch_size
        ):
            yield self.code_doc(article, doc)

    def code_doc(self, article: Article, doc: Doc) -> CodedArticle:
        result = self.events.code(article, doc)
        events = [e for e in result.events if e.confidence >= self.settings.min_confidence]
        return CodedArticle(article, tuple(events), tuple(result.actors))

    def explain(self, article: Article) -> Explanation:
        doc = self.nlp(article.text)
        result = self.events.code(article, doc)
        coded = CodedArticle(article, tuple(result.events), tuple(result.actors))
        return Explanation(article, doc, coded, tuple(result.candidates))
