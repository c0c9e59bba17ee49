"""One catalogue of detente's errors.

Every error names the input it is about, what went wrong and how to fix it. Library code
raises these; the CLI turns them into an exit message and the store records the ones that
reject an article, so nothing is lost silently.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Stable codes, recorded with every rejected input (`rejected.error_code`)."""

    EMPTY_INPUT = "D101"
    BINARY_INPUT = "D102"
    UNDECODABLE = "D103"
    MALFORMED_JSON = "D104"
    MISSING_TEXT = "D105"
    TOO_LARGE = "D106"
    BAD_FIELD = "D107"
    NOT_FOUND = "D108"
    UNSUPPORTED_INPUT = "D109"
    BAD_DATE = "D110"
    BAD_HTML = "D111"
    BAD_DATA_FILE = "D201"
    MODEL_MISSING = "D301"
    BAD_OPTION = "D401"
    STORE = "D501"
    GOLD = "D601"


class DetenteError(Exception):
    """Base class: a message that says what input, what went wrong, and the fix."""

    code: ErrorCode = ErrorCode.BAD_OPTION

    def __init__(self, message: str, *, fix: str | None = None, code: ErrorCode | None = None):
        self.message = message
        self.fix = fix
        if code is not None:
            self.code = code
        super().__init__(self.render())

    def render(self) -> str:
        text = f"[{self.code.value}] {self.message}"
        return f"{text}\n  fix: {self.fix}" if self.fix else text


class InputError(DetenteError):
    """An article or input file that cannot be read; it is recorded as rejected."""

    def __init__(self, origin: str, message: str, *, fix: str, code: ErrorCode):
        self.origin = origin
        super().__init__(f"{origin}: {message}", fix=fix, code=code)


class DataFileError(DetenteError):
    """A bad entry in an ontology, dictionary or lexicon file, reported as file:line."""

    code = ErrorCode.BAD_DATA_FILE

    def __init__(self, path: str, line: int | None, message: str, *, fix: str):
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}", fix=fix)


class ModelMissingError(DetenteError):
    code = ErrorCode.MODEL_MISSING


class OptionError(DetenteError):
    """A command-line or API argument detente cannot use."""

    code = ErrorCode.BAD_OPTION


class StoreError(DetenteError):
    code = ErrorCode.STORE


class GoldFileError(DetenteError):
    code = ErrorCode.GOLD


# Messages used in more than one place live here, so they read the same everywhere.


def empty_input(origin: str) -> InputError:
    return InputError(
        origin,
        "the input is empty (no text to code)",
        fix="check that the file was written completely, or leave it out",
        code=ErrorCode.EMPTY_INPUT,
    )


def binary_input(origin: str) -> InputError:
    return InputError(
        origin,
        "this looks like a binary file, not text (it has NUL or control bytes)",
        fix="give detente plain text (.txt), JSON Lines (.jsonl) or HTML; "
        "extract the text from PDFs or office files first",
        code=ErrorCode.BINARY_INPUT,
    )


def undecodable(origin: str, detail: str) -> InputError:
    return InputError(
        origin,
        f"the bytes cannot be decoded as text ({detail})",
        fix="re-save the file as UTF-8 (for example `iconv -f <its encoding> -t UTF-8`)",
        code=ErrorCode.UNDECODABLE,
    )


def too_large(origin: str, size: int, limit: int) -> InputError:
    return InputError(
        origin,
        f"the article has {size:,} characters, over the limit of {limit:,}",
        fix="split it into separate articles, or raise the limit with "
        "--max-chars (DETENTE_MAX_CHARS)",
        code=ErrorCode.TOO_LARGE,
    )
