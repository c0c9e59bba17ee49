"""The seed article (../shared/seed/): the events issue 2 asks for, with their directions."""

from __future__ import annotations

from pathlib import Path

from detente import api
from detente.types import CodedArticle


def _coded(seed_path: Path) -> CodedArticle:
    run = api.code([seed_path], date="2016-08-12")
    assert not run.rejected
    [coded] = run.coded
    return coded


def test_seed_yields_intent_meeting_and_shoot_down(seed_path: Path) -> None:
    coded = _coded(seed_path)
    events = [(e.source, e.target, e.event_type) for e in coded.events]
    # Turkey -> Russia, intent to cooperate (root 03)
    assert any(
        s and t and s.country == "TUR" and t.country == "RUS" and k.root == "03"
        for s, t, k in events
    )
    # the presidents' meeting, a consult (04) between Russia and Turkey
    assert any(
        s and t and {s.country, t.country} == {"RUS", "TUR"} and k.root == "04"
        for s, t, k in events
    )
    # the shoot-down: Turkish military against Russian military, root 18 or 19
    assert any(
        s and t and s.code == "TURMIL" and t.code == "RUSMIL" and k.root in {"18", "19"}
        for s, t, k in events
    )


def test_seed_dateline_is_recorded_not_coded(seed_path: Path) -> None:
    coded = _coded(seed_path)
    article = coded.article
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.agency) == ("TEHRAN", "Tasnim")
    assert article.title == "Turkey Ready to Cooperate with Russia on Syria: Defense Minister"
    assert not article.text.startswith("TEHRAN")
    assert all(e.location is None or e.location.name != "TEHRAN" for e in coded.events)


def test_seed_actors_resolve_like_a_trained_coder(seed_path: Path) -> None:
    """Issue 3: the seed article's actors, including references back in the minister's quotes."""
    coded = _coded(seed_path)
    by_text: dict[str, set[str]] = {}
    for actor in coded.actors:
        by_text.setdefault(actor.text, set()).add(actor.code)
    minister = next(a for a in coded.actors if a.text == "Turkish Defense Minister Fikri Isik")
    assert (minister.country, minister.sectors[:1], minister.name) == (
        "TUR",
        ("GOV",),
        "Fikri Isik",
    )
    assert by_text["the Turkish military"] == {"TURMIL"}
    assert by_text["Ankara"] == {"TURGOV"}
    daesh = [a for a in coded.actors if a.org == "ISIL"]
    assert len(daesh) == 1 and daesh[0].text == "the Daesh (also known as ISIL and ISIS)"
    eu = [a for a in coded.actors if a.org == "EU"]
    assert [a.text for a in eu] == ["the European Union (EU)"]
    # "he" after the first quote, and "we" inside the quotes, are Turkey's government
    pronouns = [a for a in coded.actors if a.text.lower() in {"he", "we"}]
    assert pronouns and all(a.country == "TUR" and a.code.startswith("TURGOV") for a in pronouns)
    assert any(a.text == "We" for a in pronouns) and any(a.text == "he" for a in pronouns)
