"""The gazetteer: metonymy ("Seoul" → South Korea), demonyms and known sources, user-extensible."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, cast

from claimledger.errors import BadGazetteer
from claimledger.models import SOURCE_KINDS, SourceKind

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_SPACES = re.compile(r"\s+")
_ARTICLES = re.compile(r"^(?:(?:the|a|an) )+")


def name_key(text: str) -> str:
    """A lookup key: case-folded, apostrophes unified, spaces collapsed, a leading article dropped."""
    key = _SPACES.sub(" ", text.translate(_APOSTROPHES)).strip().casefold()
    return _ARTICLES.sub("", key)


@dataclass(frozen=True, slots=True)
class KnownSource:
    canonical: str
    kind: SourceKind


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Known places, demonyms and sources by normalised name."""

    places: dict[str, str]
    demonyms: dict[str, str]
    sources: dict[str, KnownSource]

    @classmethod
    def load(cls, extra: Path | None = None) -> Gazetteer:
        """The bundled gazetteer, extended (and overridden) by the user's file `extra`."""
        bundled = resources.files("claimledger").joinpath("data/gazetteer.json").read_text("utf-8")
        gazetteer = cls.from_json(json.loads(bundled), origin="bundled gazetteer")
        if extra is None:
            return gazetteer
        try:
            data = json.loads(extra.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise BadGazetteer(f"cannot read gazetteer: {e}", origin=str(extra)) from e
        return gazetteer.merged(cls.from_json(data, origin=str(extra)))

    @classmethod
    def from_json(cls, data: Any, *, origin: str) -> Gazetteer:
        if not isinstance(data, dict):
            raise BadGazetteer("a gazetteer is a JSON object with places, demonyms, sources", origin=origin)
        places = _string_map(data.get("places", {}), "places", origin)
        demonyms = _string_map(data.get("demonyms", {}), "demonyms", origin)
        sources: dict[str, KnownSource] = {}
        entries = data.get("sources", [])
        if not isinstance(entries, list):
            raise BadGazetteer("'sources' must be a list of {canonical, kind, aliases}", origin=origin)
        for entry in entries:
            known = _known_source(entry, origin)
            for alias in [known.canonical, *entry.get("aliases", [])]:
                sources[name_key(alias)] = known
        return cls(
            places={name_key(k): v for k, v in places.items()},
            demonyms={name_key(k): v for k, v in demonyms.items()},
            sources=sources,
        )

    def merged(self, other: Gazetteer) -> Gazetteer:
        return Gazetteer(
            places={**self.places, **other.places},
            demonyms={**self.demonyms, **other.demonyms},
            sources={**self.sources, **other.sources},
        )

    def source(self, text: str) -> KnownSource | None:
        return self.sources.get(name_key(text))

    def country(self, text: str) -> str | None:
        """The state a place name or demonym stands for, if known."""
        key = name_key(text)
        return self.places.get(key) or self.demonyms.get(key)


def _string_map(value: Any, field: str, origin: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise BadGazetteer(f"'{field}' must map names to names", origin=origin)
    return cast(dict[str, str], value)


def _known_source(entry: Any, origin: str) -> KnownSource:
    if not isinstance(entry, dict) or not isinstance(entry.get("canonical"), str):
        raise BadGazetteer("every source needs a 'canonical' name", origin=origin)
    kind = entry.get("kind", "organisation")
    if kind not in SOURCE_KINDS:
        raise BadGazetteer(
            f"unknown source kind {kind!r} for {entry['canonical']!r}; use one of {', '.join(SOURCE_KINDS)}",
            origin=origin,
        )
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise BadGazetteer(f"'aliases' of {entry['canonical']!r} must be a list of names", origin=origin)
    return KnownSource(entry["canonical"], cast(SourceKind, kind))
