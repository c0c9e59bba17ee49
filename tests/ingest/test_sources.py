"""Reading inputs: every article is either read or rejected with a reason; nothing is lost."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from detente.errors import ErrorCode
from detente.ingest.sources import estimate_articles, read_inputs
from detente.types import Article, Rejection

STORY = """Date: 2021-03-11
Source: AP
Kenya Says Militants Attacked Bus Near Somali Border

NAIROBI, Kenya (AP) — Kenyan police said militants attacked a bus near the border on Wednesday.

The interior ministry condemned the attack.
"""


def read(paths: list[str | Path], **kwargs: object) -> list[Article | Rejection]:
    return list(read_inputs(paths, max_chars=kwargs.pop("max_chars", 1_000_000), **kwargs))  # type: ignore[arg-type]


def test_txt_header_title_and_dateline_are_taken_off(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    [article] = read([path])
    assert isinstance(article, Article)
    assert article.date == date(2021, 3, 11)
    assert article.source == "AP"
    assert article.title == "Kenya Says Militants Attacked Bus Near Somali Border"
    assert article.dateline is not None and article.dateline.place == "NAIROBI"
    assert article.dateline.region == "Kenya"
    assert article.text.startswith("Kenyan police said militants")


def test_the_same_text_gets_the_same_id_wherever_it_lives(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    first, second = read([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.article_id == second.article_id


def test_default_date_applies_only_where_the_input_has_none(tmp_path: Path) -> None:
    (tmp_path / "dated.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "undated.txt").write_text("ANKARA (Reuters) - Turkey met Russia.", encoding="utf-8")
    dated, undated = read(
        [tmp_path / "dated.txt", tmp_path / "undated.txt"], default_date=date(2020, 1, 1)
    )
    assert isinstance(dated, Article) and isinstance(undated, Article)
    assert dated.date == date(2021, 3, 11)
    assert undated.date == date(2020, 1, 1)
    [no_date] = read([tmp_path / "undated.txt"])
    assert isinstance(no_date, Article) and no_date.date is None


def test_jsonl_keeps_unknown_fields_and_rejects_bad_lines_alone(tmp_path: Path) -> None:
    good = {
        "id": "a1",
        "title": "T",
        "text": "Iran criticised Israel.",
        "date": "2019-06-28",
        "source": "Reuters",
        "url": "https://example.org/a1",
        "section": "world",
    }
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps({"id": "a3", "title": "no text"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "a5", "text": "Kenya hosted Somalia.", "date": "6/28/2019"}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_bytes(
        ("\n".join(lines) + "\n").encode("utf-8") + b'{"id": "a6", "text": "caf\xe9"}\n'
    )
    items = read([path])
    articles = [i for i in items if isinstance(i, Article)]
    rejected = {r.origin: r for r in items if isinstance(r, Rejection)}
    assert [a.article_id for a in articles] == ["a1", "a5"]
    assert articles[0].metadata == {"section": "world"}
    assert articles[1].date == date(2019, 6, 28)
    assert rejected[f"{path}:2"].error_code == ErrorCode.MALFORMED_JSON.value
    assert rejected[f"{path}:3"].error_code == ErrorCode.MISSING_TEXT.value
    assert rejected[f"{path}:3"].article_id == "a3"
    assert rejected[f"{path}:4"].error_code == ErrorCode.MALFORMED_JSON.value
    assert rejected[f"{path}:6"].error_code == ErrorCode.UNDECODABLE.value
    assert len(articles) + len(rejected) == 6


def test_a_huge_article_is_rejected_and_the_others_still_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Turkey met Russia. " * (20 * 1024 * 1024 // 19), encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text("Turkey met Russia.", encoding="utf-8")
    items = read([big, small])
    assert isinstance(items[0], Rejection) and items[0].error_code == ErrorCode.TOO_LARGE.value
    assert "--max-chars" in items[0].reason
    assert isinstance(items[1], Article)


def test_directories_are_read_recursively_and_odd_files_are_reported(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text("Turkey met Russia.", encoding="utf-8")
    (tmp_path / "two.jsonl").write_text(
        json.dumps({"id": "x", "text": "Iran met Iraq."}) + "\n", encoding="utf-8"
    )
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    items = read([tmp_path])
    assert sorted(a.text for a in items if isinstance(a, Article)) == [
        "Iran met Iraq.",
        "Turkey met Russia.",
    ]
    codes = sorted(r.error_code for r in items if isinstance(r, Rejection))
    assert codes == sorted([ErrorCode.UNSUPPORTED_INPUT.value, ErrorCode.EMPTY_INPUT.value])
    assert estimate_articles([tmp_path]) == 5


def test_missing_paths_binary_and_stdin(tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 8)
    items = read(
        [tmp_path / "nope.txt", tmp_path / "blob.txt", "-"],
        stdin_text="ANKARA (Reuters) - Turkey met Russia.",
    )
    assert [getattr(i, "error_code", None) for i in items[:2]] == [
        ErrorCode.NOT_FOUND.value,
        ErrorCode.BINARY_INPUT.value,
    ]
    assert isinstance(items[2], Article) and items[2].origin == "<stdin>"


def test_stdin_may_carry_json_lines() -> None:
    feed = (
        json.dumps({"id": "s1", "text": "Iran met Iraq."})
        + "\n"
        + json.dumps({"id": "s2", "text": "Chad met Niger."})
    )
    items = read(["-"], stdin_text=feed)
    assert [a.article_id for a in items if isinstance(a, Article)] == ["s1", "s2"]


# A JSON Lines file is streamed line by line (issue 6: holding the whole corpus grew the
# memory of a long ingest with its size); lines still read exactly as before.
@pytest.mark.parametrize("end", [b"", b"\n"])
def test_a_streamed_jsonl_file_reads_line_by_line(tmp_path: Path, end: bytes) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_bytes(
        b'\xef\xbb\xbf{"id": "a", "text": "Hello."}\n\n{"id": 1,\n[1]\r\n'
        b'{"id": "b", "text": "Bad \xff byte"}\n{"id": "c", "text": "Syria said."}' + end
    )
    items = read([path])
    assert [(i.origin.rsplit(":", 1)[1], type(i).__name__) for i in items] == [
        ("1", "Article"),
        ("3", "Rejection"),
        ("4", "Rejection"),
        ("5", "Rejection"),
        ("6", "Article"),
    ]
    assert isinstance(items[1], Rejection) and "at column 10" in items[1].reason
    assert [r.error_code for r in items if isinstance(r, Rejection)] == ["D104", "D104", "D103"]


@pytest.mark.parametrize("data", [b"", b" \n\n"])
def test_an_empty_jsonl_file_is_one_rejection(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(data)
    [item] = read([path])
    assert isinstance(item, Rejection) and item.error_code == ErrorCode.EMPTY_INPUT.value


def test_html_text_is_extracted(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    body = " ".join(["Turkish troops shelled Syrian army positions near Idlib on Monday."] * 5)
    page.write_text(
        f"<html><head><title>Clashes in Idlib</title></head><body><nav>Home | World</nav>"
        f"<article><h1>Clashes in Idlib</h1><p>{body}</p><p>{body}</p></article></body></html>",
        encoding="utf-8",
    )
    [article] = read([page])
    assert isinstance(article, Article)
    assert "Turkish troops shelled" in article.text
    assert "Home | World" not in article.text
