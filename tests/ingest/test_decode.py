"""Decoding inputs: every common encoding reads, binary and garbage are rejected clearly."""

from __future__ import annotations

import pytest

from detente.errors import ErrorCode, InputError
from detente.ingest.decode import decode_bytes

TEXT = "Le président turc a rencontré son homologue à Genève; « accord » conclu, naïve résumé.\n"
SMART = "Ankara said “yes” – the talks continue.\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (TEXT.encode("utf-8"), TEXT),
        (TEXT.encode("utf-8-sig"), TEXT),
        (TEXT.encode("utf-16"), TEXT),
        (TEXT.encode("utf-16-le"), TEXT),
        (TEXT.encode("utf-16-be"), TEXT),
        (TEXT.encode("latin-1"), TEXT),
        (SMART.encode("cp1252"), SMART),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-no-bom", "utf16be-no-bom", "latin1", "cp1252"],
)
def test_common_encodings_decode_to_the_same_text(data: bytes, expected: str) -> None:
    assert decode_bytes(data, "story.txt") == expected


@pytest.mark.parametrize("data", [b"", b"   \n\t \n"])
def test_empty_input_is_rejected_with_its_name(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "empty.txt")
    assert caught.value.code is ErrorCode.EMPTY_INPUT
    assert "empty.txt" in str(caught.value)


def test_binary_input_is_rejected_with_the_fix() -> None:
    png_like = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(InputError) as caught:
        decode_bytes(png_like, "photo.txt")
    assert caught.value.code is ErrorCode.BINARY_INPUT
    assert "fix:" in str(caught.value)


def test_undecodable_bytes_are_rejected_not_guessed() -> None:
    garbage = b"Troops \x81\x8d\x8f\x90\x9d crossed \x81\x9d the \x8f\x90 border." * 3
    with pytest.raises(InputError) as caught:
        decode_bytes(garbage, "wire.txt")
    assert caught.value.code is ErrorCode.UNDECODABLE
    assert "UTF-8" in str(caught.value)
