"""Users' own dictionaries: YAML, PETRARCH .actors/.agents, and the config file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from detente import api
from detente.actors.dictionary import EntryKind, load_dictionary
from detente.config import Settings
from detente.errors import DataFileError, OptionError
from detente.ingest.normalize import build_article
from detente.types import CodedArticle

YAML = """\
version: 1
source: tests
licence: CC0
organisations:
  - {id: BLUE_FRONT, code: SYRREBBLF, kind: ARMED, country: SYR, sectors: [REB], name: Blue Front, aliases: [BF]}
roles:
  - {phrase: frontier ranger, sectors: [MIL], refers_to: group}
people:
  - {name: Amara Kolindo, aliases: [Kolindo], country: KEN, office: foreign minister,
     start: 2020-01-01, end: 2022-12-31}
"""

GOOD_ACTORS = """\
<!-- test actors -->
NORTHERN_LEAGUE_OF_STATES_ [IGONLS]
+NLS_
OTTO_BRANDMEIER_   # a made-up office-holder
+BRANDMEIER_
\t[DEUGOV 100101-131231]
\t[DEUELI >140101]
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN
HARBOUR_WARDEN {HARBOUR_WARDENS} [~COP]
COAST_WATCH!PERSON! [~MIL]
RELIEF_CHARITY [NGO~]
"""


def code_with(files: tuple[Path, ...], text: str, when: str = "2021-06-01") -> CodedArticle:
    settings = Settings(actor_files=files)
    coder = api.get_coder(settings)
    article = build_article(text, "<test>", max_chars=10_000, default_date=date.fromisoformat(when))
    return coder.code_doc(article, coder.nlp(article.text))


def test_yaml_file_adds_organisations_roles_and_people(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(YAML, encoding="utf-8")
    dictionary = load_dictionary((path,))
    assert dictionary.names["BF"][0].org == "BLUE_FRONT"
    assert dictionary.roles["frontier ranger"][0].sectors == ("MIL",)
    [term] = dictionary.names["Kolindo"]
    assert (term.kind, term.country, term.start) == (EntryKind.PERSON, "KEN", date(2020, 1, 1))
    coded = code_with(
        (path,),
        "Blue Front fighters attacked Kenyan frontier rangers. Kolindo condemned the attack.",
    )
    codes = {a.code for a in coded.actors}
    assert {"SYRREBBLF", "KENMIL", "KENGOV"} <= codes


def test_yaml_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(YAML.replace("kind: ARMED", "kind: CLUB"), encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_dictionary((path,))
    assert f"{path}:5" in str(caught.value) and "kind 'CLUB'" in str(caught.value)


def test_petrarch_actors_with_dated_codes(tmp_path: Path) -> None:
    path = tmp_path / "test.actors.txt"
    path.write_text(GOOD_ACTORS, encoding="utf-8")
    dictionary = load_dictionary((path,))
    assert dictionary.names_any_case["nls"][0].org_code == "IGONLS"
    in_office = code_with(
        (path,), "Otto Brandmeier criticised the Northern League of States.", "2012-05-01"
    )
    former = code_with(
        (path,), "Otto Brandmeier criticised the Northern League of States.", "2016-05-01"
    )
    assert [a.code for a in in_office.actors][:1] == ["DEUGOV"]
    assert [a.code for a in former.actors][:1] == ["DEUELI"]
    assert any(a.code == "IGONLS" for a in in_office.actors)


def test_petrarch_agents_with_plurals_and_markers(tmp_path: Path) -> None:
    path = tmp_path / "test.agents.txt"
    path.write_text(AGENTS, encoding="utf-8")
    dictionary = load_dictionary((path,))
    assert dictionary.roles["harbour warden"][0].sectors == ("COP",)
    assert dictionary.roles["harbour wardens"][0].sectors == ("COP",)
    assert dictionary.roles["coast watchmen"][0].sectors == ("MIL",)
    assert dictionary.roles["relief charity"][0].sectors == ("NGO",)


def test_petrarch_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.agents.txt"
    path.write_text("HARBOUR_WARDEN {HARBOUR_WARDENS}\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_dictionary((path,))
    assert f"{path}:1" in str(caught.value) and "[~CODE]" in str(caught.value)


def test_config_file_sets_actor_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mine.yaml").write_text(YAML, encoding="utf-8")
    (tmp_path / "detente.toml").write_text(
        'actor_files = ["mine.yaml"]\nmin_confidence = 0.3\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DETENTE_CONFIG", raising=False)
    settings = Settings.from_env()
    assert settings.actor_files == (tmp_path / "mine.yaml",)
    assert settings.min_confidence == 0.3
    (tmp_path / "detente.toml").write_text("colour = 'blue'\n", encoding="utf-8")
    with pytest.raises(OptionError, match="unknown setting 'colour'"):
        Settings.from_env()
