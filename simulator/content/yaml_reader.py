"""The one way the project reads YAML: ``parse_yaml(text, file)``.

Contract: ``parse_yaml(text, file)`` returns a ``YamlDocument`` of plain data (dict, list, str, int,
float, bool, None; str keys) or raises ``ContentError`` listing every problem with its line and
column, exactly as the strict reader (``safe_yaml.parse_strict``) defines it: tags, anchors,
aliases, merge keys and duplicate keys are refused, and the caps in ``limits`` apply. For a text of
at least ``limits.FAST_PATH_MIN_CHARS`` characters (or with ``fast=True``) it first asks the fast
path (``fast_yaml.fast_parse``, the Rust parser behind a conservative scan), which answers only when
the strict reader would return exactly the same data; its documents compute their position tables
lazily. Either way the data is the same: the fast path changes speed only.

``reader_versions()`` names every parser whose output reaches the data (PyYAML, libyaml, yaml-rs
and ``READER_VERSION``, our own rules) so that a cache of parsed data can be keyed by them.

Layering: ``limits`` <- ``safe_yaml`` and ``limits`` <- ``fast_yaml``; this module imports both and
neither imports the other or this one.
"""

from __future__ import annotations

from functools import cache

import yaml

from simulator.content import fast_yaml, limits, safe_yaml
from simulator.content.safe_yaml import Path, YamlDocument

__all__ = ["READER_VERSION", "Path", "YamlDocument", "parse_yaml", "reader_versions"]

# Bump when our own rules change the data read from the same text (2: keys starting with NUL are
# refused, where version 1 dropped them; 3: the reader facade and parser versions in cache keys).
READER_VERSION = 3


def parse_yaml(text: str, file: str, *, fast: bool | None = None) -> YamlDocument:
    """Parse ``text`` (already decoded) as one strict YAML document; see the module doc.

    ``fast`` forces the fast path on (True) or off (False); None decides by the text's length.
    """
    if fast is None:
        fast = len(text) >= limits.FAST_PATH_MIN_CHARS
    if fast:
        data = fast_yaml.fast_parse(text)
        if data is not None:
            return YamlDocument.from_cache(file, data, text)
    return safe_yaml.parse_strict(text, file)


@cache
def reader_versions() -> dict[str, str]:
    """The version of every parser that can produce the data, e.g. for a parse-cache key."""
    return {"reader": str(READER_VERSION), "pyyaml": yaml.__version__, "libyaml": _libyaml_version(),
            "yaml-rs": fast_yaml.rust_version()}


def _libyaml_version() -> str:
    """Whether PyYAML runs with its C loader ("with-libyaml") or without ("none").

    libyaml's own version is reachable only through PyYAML's private extension module, which this
    project does not read (public API only); PyYAML's version, also in the key, pins the libyaml a
    wheel bundles, and a source build against another libyaml shows as the same key: its results
    differ only for files the reader refuses anyway (libyaml 0.2.6's deep-nesting limit).
    """
    return "with-libyaml" if getattr(yaml, "__with_libyaml__", False) else "none"
