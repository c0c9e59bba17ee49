"""The seed article (../shared/seed/): the events issue 2 asks for, with their directions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from detente import api
from detente.types import Actor, CodedArticle, DateGranularity, Event


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


def _is(actor: Actor | None, *codes: str) -> bool:
    """The actor's code starts with one of `codes` (TURGOV counts as TUR)."""
    return actor is not None and actor.code.startswith(codes)


def test_seed_yields_the_readme_events_with_their_directions_and_few_others(
    seed_path: Path,
) -> None:
    """Issue 4: every event ../shared/seed/README.md lists, the right way round, and at most
    two events it does not list."""
    events = list(_coded(seed_path).events)
    listed = {
        "Turkey intends to cooperate with Russia": lambda e: (
            _is(e.source, "TUR") and _is(e.target, "RUS") and e.event_type.root == "03"
        ),
        "the presidents met": lambda e: (
            {e.source and e.source.country, e.target and e.target.country} == {"RUS", "TUR"}
            and e.event_type.root == "04"
        ),
        "Turkey vows to fight Daesh": lambda e: (
            _is(e.source, "TUR")
            and e.target is not None
            and e.target.org == "ISIL"
            and e.event_type.root in {"13", "03"}
        ),
        "defence-industry cooperation": lambda e: (
            _is(e.source, "TUR") and _is(e.target, "RUS") and e.event_type.root == "06"
        ),
        "the shoot-down": lambda e: (
            _is(e.source, "TURMIL") and _is(e.target, "RUS") and e.event_type.cameo == "195"
        ),
        "militants killed a pilot": lambda e: (
            e.source is not None
            and "REB" in e.source.sectors
            and _is(e.target, "RUS")
            and e.event_type.root == "18"
        ),
        "the West criticises the crackdown": lambda e: (
            e.source is not None
            and e.source.code in {"WST", "IGOEUREEC"}
            and _is(e.target, "TUR")
            and e.event_type.root == "11"
        ),
        "Turkey sacks personnel": lambda e: (
            _is(e.source, "TUR") and _is(e.target, "TUR") and e.event_type.root == "17"
        ),
    }
    for name, matches in listed.items():
        assert any(matches(e) for e in events), f"missing: {name}"
    others = [e for e in events if not any(m(e) for m in listed.values())]
    assert len(others) <= 2, [(e.event_type.cameo, e.evidence.trigger) for e in others]


def test_seed_events_carry_their_own_dates_and_places(seed_path: Path) -> None:
    """Issue 5: each event is dated by its own time expression, not the publication date,
    and placed where it happened, not at the Tehran dateline."""
    events = list(_coded(seed_path).events)

    def first(root: str, trigger_words: set[str]) -> Event:
        found = [
            e
            for e in events
            if e.event_type.root == root
            and any(m.trigger.lower() in trigger_words for m in e.mentions)
        ]
        assert len(found) >= 1, (root, trigger_words)
        return found[0]

    meeting = first("04", {"meeting"})
    assert (meeting.date, meeting.date_granularity) == (date(2016, 8, 9), DateGranularity.DAY)
    intent = first("03", {"cooperation"})
    assert intent.date == date(2016, 8, 12)
    shoot_down = first("19", {"shot"})
    assert (shoot_down.date, shoot_down.date_granularity) == (
        date(2015, 11, 1),
        DateGranularity.MONTH,
    )
    assert shoot_down.location is not None and shoot_down.location.country == "SYR"
    coup = first("19", {"coup", "putsch"})
    assert (coup.date, coup.date_granularity) == (date(2016, 7, 1), DateGranularity.MONTH)
    assert coup.location is not None and coup.location.country == "TUR"
    # both mentions of the coup attempt are one event
    assert {m.trigger.lower() for m in coup.mentions} == {"coup", "putsch"}
