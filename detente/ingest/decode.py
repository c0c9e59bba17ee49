"""Turning an input's bytes into text, or saying clearly why that is impossible.

Order of trust: a byte-order mark; strict UTF-8 (most news text); UTF-16 without a BOM
(recognised by its NUL bytes); then a legacy single-byte encoding (Windows-1252 /
Latin-1), accepted only when the result reads like text. Anything else is rejected
rather than guessed into mojibake.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from detente.errors import binary_input, empty_input, undecodable

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab, newline, carriage return and form feed never occur in
# news text; a few are tolerated (stray bytes), many mean the input is not text.
_TEXT_CONTROLS = {9, 10, 12, 13}
_MAX_CONTROL_SHARE = 0.01


def decode_bytes(data: bytes, origin: str) -> str:
    """Decode an input's bytes to text; raise an `InputError` naming `origin` if impossible."""
    if not data.strip():
        raise empty_input(origin)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), origin)
            except UnicodeDecodeError as exc:
                raise undecodable(origin, f"{encoding} with a BOM, {exc.reason}") from exc
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _checked(utf16, origin)
    if b"\x00" in data:
        raise binary_input(origin)
    try:
        return _checked(data.decode("utf-8"), origin)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    return _checked(_legacy(data, origin, utf8_error), origin)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of mostly Latin script has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    encoding = "utf-16-le" if odd_nuls > 0.4 and even_nuls < 0.05 else None
    if even_nuls > 0.4 and odd_nuls < 0.05:
        encoding = "utf-16-be"
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _legacy(data: bytes, origin: str, utf8_error: UnicodeDecodeError) -> str:
    best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "iso8859_15"]).best()
    if best is None or best.chaos > 0.2:
        raise undecodable(
            origin,
            f"not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) "
            "and not readable as Latin-1/Windows-1252 either",
        )
    return str(best)


def _checked(text: str, origin: str) -> str:
    if not text.strip():
        raise empty_input(origin)
    sample = text[:100_000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ord(ch) not in _TEXT_CONTROLS)
    if controls > max(2, _MAX_CONTROL_SHARE * len(sample)):
        raise binary_input(origin)
    return text
