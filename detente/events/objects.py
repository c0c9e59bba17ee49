"""The object that carries a light verb's or an event noun's event.

"held talks", "went on strike", "provided photographs and other intelligence", "captured
part of the stronghold", "suspended the aid program": which noun a pattern's `object`
column names, wherever the parse and the wording put it.
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.nlp.clauses import by_agent, is_passive

# Nouns whose compound modifier is the event itself: "a coup attempt", "a bombing campaign",
# "a mediation effort", "a hunger strike" (the lexicon codes the kind of strike from the
# modifier).
EVENT_CARRIERS = frozenset(
    {"attempt", "bid", "plot", "campaign", "wave", "spree", "blitz", "strike", "effort", "mission"}
)


def object_of(token: Token, objects: frozenset[str]) -> Token | None:
    """The object that carries a light verb's event: "held talks", or "went on strike";
    in the passive its subject ("aid trucks were allowed into Gaza by Israel"); and a noun the
    parser took for a clause ("let UN inspectors into the site")."""
    # Only a passive that names its doer: "until their demands are met" says no one met them.
    passive = is_passive(token) and by_agent(token) is not None
    for child in token.children:
        as_object = child.dep_ == "dobj" or (passive and child.dep_ == "nsubjpass")
        as_object = as_object or (child.dep_ == "ccomp" and child.pos_ == "NOUN")
        if as_object:
            # "provided photographs and other intelligence": any of the conjoined objects
            for noun in (child, *child.conjuncts):
                found = _named_object(noun, objects)
                if found is not None:
                    return found
        if child.dep_ in {"prep", "prt"}:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    found = _named_object(grandchild, objects)
                    if found is not None:
                        return found
        # "aid deliveries", "arms shipments": an event noun's compound is its object
        if token.pos_ == "NOUN" and child.dep_ == "compound" and child.lemma_.lower() in objects:
            return child
    return None


# Nouns that only measure out or carry their "of" phrase: "captured part of the stronghold",
# "sent a message of sympathy".
_OF_CARRIERS = frozenset(
    {
        "part",
        "portion",
        "some",
        "all",
        "most",
        "half",
        "much",
        "rest",
        "bulk",
        "remainder",
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "number",
        "score",
        "scores",
        # measures of goods: "handed over 700 kg of medicine"
        "kg",
        "kilogram",
        "ton",
        "tonne",
        "lot",
        "amount",
        "quantity",
        "load",
        "truckload",
        "planeload",
        "batch",
        "worth",
        # what a message carries: "sent a message of sympathy", "an expression of concern"
        "message",
        "letter",
        "telegram",
        "cable",
        "note",
        "expression",
        "gesture",
        "word",
        # who comes in: "allow the return of U.N. weapons inspectors" lets the inspectors in
        "return",
        "entry",
        "arrival",
        "presence",
    }
)
# Nouns whose compound modifier says what they are: "an aid program", "mediation efforts".
_OBJECT_CARRIERS = EVENT_CARRIERS | {
    "program",
    "programme",
    "package",
    "shipment",
    "convoy",
    # "sent peacekeeping troops", "a peacekeeping force"
    "troop",
    "force",
    "soldier",
    "contingent",
    "unit",
    "battalion",
}


_TIME_LABELS = frozenset({"DATE", "TIME"})


def _named_object(noun: Token, objects: frozenset[str]) -> Token | None:
    """The noun, if the pattern names it; or what it measures out ("part of a military aid
    program"); or, for a carrier noun, the noun itself when its compound modifier is named
    ("suspended the aid program", "ended mediation efforts between the militias": the
    carrier holds the phrase's prepositions)."""
    for _ in range(2):
        if noun.ent_type_ in _TIME_LABELS:
            return None  # "held elections in March" holds no march
        lemma = noun.lemma_.lower()
        if lemma in objects:
            return noun
        if lemma in _OBJECT_CARRIERS and any(
            c.dep_ == "compound" and c.lemma_.lower() in objects for c in noun.children
        ):
            return noun
        if lemma not in _OF_CARRIERS:
            return None
        measured = next(
            (
                g
                for c in noun.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
        if measured is None:
            return None
        noun = measured
    return None
