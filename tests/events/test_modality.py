"""What a reported clause commits its speaker to: obligations, reported futures, negation
(sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from detente.types import CodedArticle
from tests.helpers import triples

Code = Callable[..., CodedArticle]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "must": a demand (10x) by the speaker of the one who must act
        ("Norway said Eritrea must free the jailed reporters.", ("NOR", "ERI", "1053")),
        ("Ghana declared that Togo must withdraw its troops.", ("GHA", "TGO", "106")),
        ("Peru said Chile must hold talks with Bolivia.", ("PER", "CHL", "108")),
        # "should": an appeal (02x)
        ("Austria said Serbia should release the detained activists.", ("AUT", "SRB", "0253")),
        # a statement noun carries the demand too
        (
            "Brazil sent a letter to Paraguay saying that it must investigate the killings.",
            ("BRA", "PRY", "101"),
        ),
        # what the required act is for is not what is required: an unspecified demand
        (
            "The UN said Ethiopia must guarantee safety to allow aid convoys in.",
            ("IGOUNO", "ETH", "100"),
        ),
    ],
)
def test_a_reported_obligation_is_the_speakers_demand_or_appeal(
    code_one: Code, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(code_one(sentence))


def test_the_required_act_itself_is_not_coded_as_done(code_one: Code) -> None:
    codes = {
        c for _, _, c in triples(code_one("Norway said Eritrea must free the jailed reporters."))
    }
    assert not any(c.startswith("084") for c in codes)


def test_an_obligation_nobody_voices_is_no_event(code_one: Code) -> None:
    assert code_one("Eritrea must free the jailed reporters.").events == ()


def test_a_reported_would_is_an_intention(code_one: Code) -> None:
    found = triples(code_one("Mali said it would expel the French ambassador."))
    assert any(s == "MLI" and c.startswith("13") for s, _, c in found), found


@pytest.mark.parametrize(
    "sentence",
    [
        "Mali said it would not expel the French ambassador.",
        "Analysts said a blockade of the strait would hurt Iran.",
    ],
)
def test_negated_or_unowned_reported_futures_code_nothing(code_one: Code, sentence: str) -> None:
    assert code_one(sentence).events == ()


def test_a_state_adjective_on_an_event_noun_is_no_actor(code_one: Code) -> None:
    """ "military aid" is aid of a military kind, not aid given by a military."""
    found = triples(code_one("The United States suspended military aid to Niger."))
    assert ("USA", "NER", "162") in {(s, t, c[:3]) for s, t, c in found}
    assert not any(s == "USAMIL" for s, _, _ in found)


def test_an_agreement_to_do_something_unlisted_is_a_generic_intent(code_one: Code) -> None:
    assert ("CHL", None, "030") in triples(
        code_one("Chile agreed to build a joint observatory in the Atacama desert.")
    )


def test_an_agreement_to_do_a_listed_event_is_that_events_intent_only(code_one: Code) -> None:
    found = triples(code_one("Ecuador and Peru agreed to hold talks next month."))
    assert {c for _, _, c in found} == {"036"}


def test_what_both_sides_agreed_should_happen_is_intended(code_one: Code) -> None:
    found = triples(code_one("Ghana agreed that it should cooperate with Togo on border security."))
    assert ("GHA", "TGO", "031") in found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Iran refused to release the detained Kuwaiti journalists.", ("IRN", "KWTMED", "1243")),
        ("Israel refused to withdraw its troops from southern Lebanon.", ("ISR", "LBN", "1246")),
        ("Ghana declined to meet Togolese officials in Lome.", ("GHA", "TGOGOV", "125")),
        ("The Peruvian president declined to resign.", ("PERGOV", None, "1231")),
    ],
)
def test_a_refusal_to_act_is_the_matching_rejection(
    code_one: Code, sentence: str, expected: tuple[str, str | None, str]
) -> None:
    """The refused act is neither coded as done nor lost: it is its 12x rejection, and the
    refusing verb adds no plain 120 beside it."""
    assert triples(code_one(sentence)) == {expected}


def test_a_refusal_of_an_act_with_no_rejection_code_is_a_plain_rejection(code_one: Code) -> None:
    assert triples(code_one("Uganda refused to attack Congolese villages.")) == {
        ("UGA", "COD", "120")
    }


def test_an_intended_act_on_an_unless_condition_is_an_ultimatum(code_one: Code) -> None:
    found = triples(
        code_one("Nigeria will withdraw its troops from Chad unless the rebels accept a truce.")
    )
    assert ("NGA", "TCD", "139") in found
    assert all(not c.startswith("087") and not c.startswith("03") for _, _, c in found), found


def test_a_threat_on_an_unless_condition_keeps_its_specific_code(code_one: Code) -> None:
    found = triples(code_one("Ethiopia will attack Eritrea unless Asmara withdraws its forces."))
    assert ("ETH", "ERI", "1384") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Tanzania rejected Burundian mediation in the dispute.",
        "Tanzania is opposed to Burundian mediation in the dispute.",
    ],
)
def test_a_rejected_event_noun_did_not_happen(code_one: Code, sentence: str) -> None:
    assert triples(code_one(sentence)) == {("TZA", "BDI", "126")}


def test_a_rejected_demand_was_still_made(code_one: Code) -> None:
    found = triples(code_one("Mali rejected the French demand to expel the mercenaries."))
    assert ("MLI", "FRA", "120") in found
    assert any(s == "FRA" and c.startswith("10") for s, _, c in found), found


def test_a_threat_on_a_condition_is_aimed_at_who_must_meet_it(code_one: Code) -> None:
    found = triples(
        code_one("Moscow threatened to halt the arms talks if the United States deployed missiles.")
    )
    assert any(s == "RUSGOV" and t == "USA" and c.startswith("13") for s, t, c in found), found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Burundian rebels repeated their demand that the government release the prisoners.",
            ("BDIREB", "BDIGOV", "10"),
        ),
        ("The EU renewed its call for Russia to withdraw its troops.", ("IGOEUREEC", "RUS", "02")),
        ("Egypt called for Israel to halt the offensive.", ("EGY", "ISR", "02")),
    ],
)
def test_what_a_demand_or_call_asks_for_is_not_done_and_the_asked_is_its_target(
    code_one: Code, sentence: str, expected: tuple[str, str, str]
) -> None:
    found = triples(code_one(sentence))
    source, target, root = expected
    assert {(s, t, c[:2]) for s, t, c in found} == {(source, target, root)}, found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Washington declared that China must drop its trade barriers.", ("USAGOV", "CHN", "100")),
        ("Kenya said Somalia should secure its border.", ("KEN", "SOM", "020")),
    ],
)
def test_a_reported_obligation_to_do_something_unlisted_is_a_plain_demand_or_appeal(
    code_one: Code, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert triples(code_one(sentence)) == {expected}


def test_an_obligation_of_no_actor_is_no_event(code_one: Code) -> None:
    assert code_one("Officials said the economy must grow faster next year.").events == ()


def test_what_an_intent_verb_takes_is_intended_but_an_agreement_is_concluded(
    code_one: Code,
) -> None:
    found = triples(code_one("Sudan agreed to Ethiopian mediation in the border dispute."))
    assert all(not c.startswith("04") for _, _, c in found), found  # no mediation happened
    found = triples(code_one("Chad and Sudan agreed to a ceasefire after a deadly border clash."))
    assert ("TCD", "SDN", "0871") in found  # the truce is concluded
    assert ("TCD", "SDN", "190") in found  # the clash it followed happened


def test_an_infinitive_parted_from_its_intent_verb_is_still_intended(code_one: Code) -> None:
    found = triples(
        code_one("South Africa's president offered on Monday to mediate between Kenya and Somalia.")
    )
    assert {c for _, _, c in found} == {"039"}, found
    assert all(s == "ZAFGOV" for s, _, _ in found), found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Jordan says it will not accept any more Iraqi refugees.", ("JOR", "IRQREF", "122")),
        ("Chile said it would not release the Bolivian truck drivers.", ("CHL", "BOL", "1243")),
    ],
)
def test_announcing_one_will_not_act_is_a_refusal(
    code_one: Code, sentence: str, expected: tuple[str, str, str]
) -> None:
    found = triples(code_one(sentence))
    source, target, cameo = expected
    assert any(s == source and t.startswith(target) and c == cameo for s, t, c in found), found


def test_only_a_verb_with_its_particle_is_a_phrasal_denial(code_one: Code) -> None:
    """ "ruled out" denies what it governs; a bare "ruled" does not."""
    assert triples(code_one("Vietnam ruled out talks with Cambodia on Monday.")) == {
        ("VNM", "KHM", "125")
    }
    found = triples(code_one("Military-ruled Myanmar has been sharing intelligence with Thailand."))
    assert any(s.startswith("MMR") and t == "THA" and c.startswith("06") for s, t, c in found), (
        found
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the "must" sits on what only intends the act: the act itself is demanded
        ("Kenya said the United States must be ready to mediate in Sudan.", ("KEN", "USA", "105")),
        ("Peru said Chile must agree to hold talks with Bolivia.", ("PER", "CHL", "108")),
    ],
)
def test_an_obligation_to_intend_an_act_demands_the_act(
    code_one: Code, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(code_one(sentence))


def test_a_subject_committed_to_an_act_intends_it(code_one: Code) -> None:
    found = triples(code_one("Vietnam is committed to closer cooperation with Laos."))
    assert any(s == "VNM" and c.startswith("03") for s, _, c in found), found


@pytest.mark.parametrize(
    ("sentence", "expected", "not_done"),
    [
        # what a pledge, offer or threat names is intended or threatened, not done
        ("Belgium renewed its pledge to withdraw troops from Niger.", ("BEL", "NER", "03"), "08"),
        (
            "Iran repeated on Monday its offer to mediate between Sudan and Chad.",
            ("IRN", "SDN", "039"),
            "04",
        ),
        (
            "The militia's leader renewed his threat on Friday to strike Cyprus's ports.",
            (None, "CYP", "13"),
            "19",
        ),
    ],
)
def test_an_infinitive_of_a_pledge_or_threat_is_intended(
    code_one: Code, sentence: str, expected: tuple[str | None, str, str], not_done: str
) -> None:
    found = triples(code_one(sentence))
    source, target, code = expected
    assert any(
        (source is None or s == source) and t == target and c.startswith(code) for s, t, c in found
    ), found
    assert not any(c.startswith(not_done) for _, _, c in found), found


def test_what_a_request_noun_asks_for_is_not_done(code_one: Code) -> None:
    found = triples(
        code_one(
            "A request from Vietnam's navy for joint patrols with Philippine ships was delivered to Manila."
        )
    )
    assert not any(c.startswith("06") for _, _, c in found), found
    session = triples(
        code_one("Cuba's envoy demanded an emergency session of the Security Council.")
    )
    assert any(t == "IGOUNOSCO" and c == "108" for _, t, c in session), session


def test_an_act_only_asked_for_is_not_coded_as_done(code_one: Code) -> None:
    # what is asked for, in the passive too, is not done
    deployed = triples(
        code_one("The UN rejected a call for its peacekeepers to be deployed in Haiti.")
    )
    assert not any(c.startswith("15") for _, _, c in deployed), deployed
    # a refusal that is only demanded is no refusal
    refused = triples(code_one("Greece demanded that France refuse to recognize Kosovo."))
    assert not any(s == "FRA" for s, _, _ in refused), refused


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a vow of revenge threatens force; it is no intent to cooperate
        ("Iran's supreme leader vowed revenge against Israel on Sunday.", ("IRNGOV", "ISR", "138")),
        ("Hezbollah vowed to take revenge on Israel.", ("LBNREBHEZ", "ISR", "1384")),
    ],
)
def test_a_vow_of_revenge_is_a_threat(
    code_one: Code, sentence: str, expected: tuple[str, str, str]
) -> None:
    found = triples(code_one(sentence))
    assert expected in found, found
    assert not any(c.startswith("03") for _, _, c in found), found


def test_what_an_allegation_says_is_not_reported_as_done(code_one: Code) -> None:
    alleged = triples(
        code_one(
            "Allegations that Kenyan police tortured detainees in Mombasa are being investigated."
        )
    )
    assert not any(c.startswith("18") for _, _, c in alleged), alleged
    # a report noun's content is what the text reports
    reported = triples(
        code_one("Reports that Russian troops shelled Kharkiv were confirmed by Kyiv.")
    )
    assert any(s == "RUSMIL" and c.startswith("19") for s, _, c in reported), reported
    # a participle with an object of its own is the main verb ("strikes killed 30 people")
    strikes = triples(
        code_one(
            "Israeli air strikes killed at least 30 people in Gaza overnight, health officials said."
        )
    )
    assert ("ISR", "PSECVL", "1823") in strikes, strikes


def test_a_reported_would_be_ready_is_an_intent(code_one: Code) -> None:
    coded = code_one(
        "Norway said it would be ready to hold talks with Russia on the fisheries dispute."
    )
    assert ("NOR", "RUS", "036") in triples(coded)


def test_a_would_be_ready_that_is_not_reported_stays_speculative(code_one: Code) -> None:
    assert not code_one(
        "Norway would be ready to hold talks with Russia if the fleet withdrew."
    ).events


def test_a_right_or_an_ability_to_act_is_no_act(code_one: Code) -> None:
    defended = triples(
        code_one("Germany defended the right of Lithuanian troops to fire on smugglers.")
    )
    assert not any(code.startswith("19") for _, _, code in defended), defended
    assert not code_one(
        "Parliament gave the Kenyan army the authority to strike rebel camps."
    ).events


def test_the_goal_of_an_act_still_to_come_is_not_reached(code_one: Code) -> None:
    vowed = triples(
        code_one("Tuareg rebels have sworn to fight until they gain control of the town of Kidal.")
    )
    assert not any(code == "192" for _, _, code in vowed), vowed
    done = triples(code_one("Houthi fighters fought until they captured the city of Marib."))
    assert any(code == "192" for _, _, code in done), done


def test_vowing_not_to_do_something_is_no_intent_to_cooperate(code_one: Code) -> None:
    assert not any(
        code.startswith("03")
        for _, _, code in triples(
            code_one("Armenia's premier vowed not to cede the disputed villages to Azerbaijan.")
        )
    )


def test_people_described_as_protesting_are_protesting_whatever_the_clause_aims_at(
    code_one: Code,
) -> None:
    found = triples(
        code_one(
            "Kenyan police used tear gas to disperse students protesting fee increases in Nairobi."
        )
    )
    assert any(code.startswith("14") and source == "KENEDU" for source, _, code in found), found
    # a clause with its own subject and auxiliary is no description: still denied
    assert not code_one(
        "The Kremlin denied reports that Russia's defence minister was preparing to travel "
        "to Tehran for talks."
    ).events


def test_a_decision_taken_is_the_act_decided(code_one: Code) -> None:
    """A body that decides to do something does it by deciding ("the court decided to
    allow"): the act, not an intent to act."""
    found = triples(
        code_one(
            "Zambia's Constitutional Court decided to allow the opposition leader to contest "
            "the presidential election."
        )
    )
    assert any(s == "ZMBJUD" and c == "080" for s, _, c in found), found
    assert not any(c.startswith("03") for _, _, c in found), found


def test_force_being_readied_is_a_posture_not_a_threat(code_one: Code) -> None:
    found = triples(
        code_one("Ethiopian troops prepared to resume shelling Eritrean positions near Badme.")
    )
    assert any(s == "ETHMIL" and c == "150" for s, _, c in found), found
    assert not any(c.startswith("13") for _, _, c in found), found
    # a threat made in words is still one
    found = triples(code_one("Ethiopia threatened to shell Eritrean positions near Badme."))
    assert any(c.startswith("13") for _, _, c in found), found


@pytest.mark.parametrize(
    ("sentence", "done"),
    [
        # news told first and attributed after is reported as the news
        ("Chadian soldiers abused refugees in Abeche, a rights group alleged on Monday.", True),
        # the same words as the content of an allegation are the allegation's
        ("A rights group alleged that Chadian soldiers abused refugees in Abeche.", False),
        # and a closing denial denies them
        ("Chadian soldiers abused refugees in Abeche, the army denied on Monday.", False),
    ],
)
def test_an_act_attributed_after_it_is_told_is_reported_as_done(
    code_one: Code, sentence: str, done: bool
) -> None:
    found = triples(code_one(sentence))
    assert any(s == "TCDMIL" and c.startswith("18") for s, _, c in found) is done, found
