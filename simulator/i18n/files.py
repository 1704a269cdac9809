"""Translated content files: ``<name>.<lang>.yaml`` beside ``<name>.yaml``.

A translated file is a copy of its source with the same structure and translated texts, plus one
``translation:`` block that the source does not have::

    translation:
      language: es
      source: angry_billing_dispute.yaml        # the source file, in the same folder
      entries:                                  # one per text id (simulator.i18n.ids)
        scenario/title: {hash: 3f0c2a9d81b7, status: translated}
        node/opening/line/0: {hash: 9a1e..., status: missing}   # the text is the source text
        node/opening/choice/ask/text: {hash: ..., status: fuzzy, note: "usted: ..."}

``hash`` is ``ids.text_hash`` of the source text the translator translated: when the source text
changes later, the hashes differ and the entry is *stale*. ``status`` is ``translated``, ``fuzzy``
(the translator or the import marked it for review) or ``missing`` (no translation: the file holds
the source text). ``note`` is the translator's comment, carried back into the next PO export.

Contract: ``read_translated(path, root)`` returns the document without the block (positions kept)
and the parsed ``TranslationMeta``, or raises ``ContentError`` with located problems.
``dump_translated(data, meta, header)`` writes such a file as YAML text the strict reader accepts.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from simulator.content.files import read_content
from simulator.content.problems import ContentError
from simulator.content.validation import problems_from_validation
from simulator.content.yaml_reader import YamlDocument, parse_yaml

BLOCK = "translation"
LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?")
Status = Literal["translated", "fuzzy", "missing"]


class EntryMeta(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    hash: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{12}$")]
    status: Status
    note: Annotated[str, StringConstraints(min_length=1, max_length=2000)] | None = None


class TranslationMeta(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    language: Annotated[str, StringConstraints(pattern=LANGUAGE.pattern)]
    source: Annotated[str, StringConstraints(pattern=r"^[^/\\:]+\.ya?ml$")]
    entries: dict[str, EntryMeta] = Field(default_factory=dict)


class _Block(BaseModel):
    model_config = ConfigDict(extra="ignore")

    translation: TranslationMeta


def language_problem(lang: str) -> str | None:
    """Why ``lang`` is not a language tag this project uses (e.g. 'es', 'es-419', 'pt-BR'), or None."""
    if LANGUAGE.fullmatch(lang):
        return None
    return f"'{lang}' is not a language tag: use a lower-case ISO 639 code such as 'es', or 'es-419', 'pt-BR'"


def translation_path(source: Path, lang: str) -> Path:
    """Where the ``lang`` translation of ``source`` lives: ``<stem>.<lang><suffix>`` beside it."""
    return source.with_name(f"{source.stem}.{lang}{source.suffix}")


def read_translated(path: Path, root: Path | None = None) -> tuple[YamlDocument, TranslationMeta]:
    """The translated file's document without its ``translation`` block, and the block."""
    text, _ = read_content(Path(path), root)
    document = parse_yaml(text, str(path))
    if not isinstance(document.data, dict) or BLOCK not in document.data:
        raise ContentError([document.problem((), "this translated file has no 'translation:' block",
                                             "write translations with 'i18n import FILE.po', which adds it")])
    try:
        meta = _Block.model_validate(document.data).translation
    except ValidationError as error:
        raise ContentError(problems_from_validation(error, document)) from None
    data = {key: value for key, value in document.data.items() if key != BLOCK}
    return dataclasses.replace(document, data=data), meta


class _Dumper(yaml.SafeDumper):
    """Plain YAML the strict reader accepts: no anchors or aliases, no tags."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _flow_entries(dumper: yaml.SafeDumper, entry: EntryMeta) -> yaml.Node:
    fields = entry.model_dump(exclude_none=True)
    return dumper.represent_mapping("tag:yaml.org,2002:map", fields, flow_style=True)


_Dumper.add_representer(EntryMeta, _flow_entries)


def dump_translated(data: dict[str, Any], meta: TranslationMeta, header: str) -> str:
    """YAML text of a translated file: ``header`` as comment lines, ``data``, then the block."""
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)
    block = {BLOCK: {"language": meta.language, "source": meta.source, "entries": dict(meta.entries)}}
    tail = yaml.dump(block, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)
    comments = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    return comments + body + "\n" + tail
