"""Scoring arithmetic, on hand-built gold and predictions."""

from __future__ import annotations

import pytest

from detente.evaluation.gold import GoldActor, GoldEvent, GoldSentence
from detente.evaluation.metrics import score
from tests.helpers import make_actor as actor
from tests.helpers import make_event


def gold(*events: GoldEvent, kind: str = "cameo") -> GoldSentence:
    return GoldSentence(id="g", text="s", date=None, events=events, kind=kind)


TURGOV, RUS = GoldActor("TUR", "GOV"), GoldActor("RUS", None)


def test_a_perfect_prediction_scores_one_everywhere() -> None:
    sentence = gold(GoldEvent((TURGOV,), (RUS,), "AGREE", "030"))
    result = score(
        [sentence],
        [[make_event("030", actor("TURGOV", "TUR", ("GOV",)), actor("RUS", "RUS"))]],
        "g.jsonl",
    )
    for counts in result.levels.values():
        assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0)
    assert result.top_type_accuracy.value == 1.0
    assert result.actor_accuracy["source country+sector"].value == 1.0


def test_wrong_direction_counts_at_dyad_level_but_not_at_type_level() -> None:
    sentence = gold(GoldEvent((TURGOV,), (RUS,), "AGREE", "030"))
    result = score(
        [sentence],
        [[make_event("030", actor("RUS", "RUS"), actor("TURGOV", "TUR", ("GOV",)))]],
        "g.jsonl",
    )
    assert result.levels["type"].f1 == 1.0
    assert (
        result.levels["dyad+type"].tp,
        result.levels["dyad+type"].fp,
        result.levels["dyad+type"].fn,
    ) == (0, 1, 1)
    assert result.actor_accuracy["source country"].value == 0.0
    assert [m.id for m in result.misses] == ["g"]


def test_a_mutual_event_coded_both_ways_matches_the_golds_two_sources() -> None:
    """The gold writes "Turkey and Russia met" as TUR -> -, RUS -> -; detente as TUR -> RUS
    and RUS -> TUR. The same fact either way; a third country as target is still wrong."""
    sentence = gold(GoldEvent((TURGOV, RUS), (), "CONSULT", "040"), kind="plover")
    both_ways = [
        make_event("040", actor("TURGOV", "TUR", ("GOV",)), actor("RUS", "RUS")),
        make_event("040", actor("RUS", "RUS"), actor("TURGOV", "TUR", ("GOV",))),
    ]
    result = score([sentence], [both_ways], "g.jsonl")
    assert (result.levels["dyad+type"].tp, result.levels["dyad+type"].fp) == (2, 0)
    assert result.levels["target country"].fp == 0
    elsewhere = [make_event("040", actor("TURGOV", "TUR", ("GOV",)), actor("IRN", "IRN"))]
    result = score([sentence], [elsewhere], "g.jsonl")
    assert (result.levels["dyad+type"].tp, result.levels["dyad+type"].fp) == (0, 1)


def test_no_event_sentences_measure_invented_events() -> None:
    quiet, invented = gold(), gold()
    result = score(
        [quiet, invented], [[], [make_event("190", actor("TUR", "TUR"), None)]], "g.jsonl"
    )
    assert result.no_event_rate.hits == 1 and result.no_event_rate.total == 2
    assert result.levels["event"].fp == 1 and result.levels["event"].tp == 0


def test_top_type_accuracy_uses_the_most_confident_event() -> None:
    sentence = gold(GoldEvent((TURGOV,), (RUS,), "ACCUSE", "111"))
    predictions = [
        [
            make_event("040", None, actor("RUS", "RUS"), confidence=0.9),
            make_event("111", None, actor("RUS", "RUS"), confidence=0.5),
        ]
    ]
    result = score([sentence], predictions, "g.jsonl")
    assert result.top_type_accuracy.value == 0.0
    assert result.levels["type"].recall == 1.0 and result.levels["type"].precision == 0.5


@pytest.mark.parametrize("kind,expected_type", [("plover", "ASSAULT"), ("cameo", "19")])
def test_types_are_plover_for_plover_gold_and_roots_for_cameo_gold(
    kind: str, expected_type: str
) -> None:
    sentence = gold(
        GoldEvent((TURGOV,), (), "ASSAULT", "190" if kind == "cameo" else None), kind=kind
    )
    result = score(
        [sentence], [[make_event("195", actor("TURMIL", "TUR", ("MIL",)), None)]], "g.jsonl"
    )
    assert expected_type in result.per_type
    assert result.levels["type"].f1 == 1.0
    assert result.levels["full"].f1 == 0.0  # the gold source is TURGOV, the coded one TURMIL
