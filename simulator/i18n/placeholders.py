"""A translation keeps every ``{placeholder}`` of its source text (scenario ``details``).

Placeholders are filled per run from the scenario's ``details`` (``simulator.content.details``), so
a translated text must hold exactly the same placeholders, each as often, spelt as in the source
(their order may change with the language's word order). A dropped ``{amount}`` would lose a fact
in that language; a translated name (``{importe}``) would not load.

Contract: ``placeholder_problems(source_entries, translated_entries, document)`` returns one
``Problem`` per translated text whose placeholders differ from its source text's, located in the
translated ``document``; texts without placeholders on either side never give one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from simulator.content.details import placeholders
from simulator.content.problems import Problem
from simulator.content.yaml_reader import YamlDocument
from simulator.i18n.ids import TextEntry

HINT = ("keep every {placeholder} exactly as in the source text (do not translate or drop it; "
        "moving it within the sentence is fine), then import again")


def _listed(counts: Counter[str]) -> str:
    return ", ".join(f"{{{name}}}" + (f" x{n}" if n > 1 else "") for name, n in sorted(counts.items())) or "none"


def placeholder_problems(source_entries: Sequence[TextEntry], translated_entries: Sequence[TextEntry],
                         document: YamlDocument) -> list[Problem]:
    """Translated texts whose placeholders differ from their source's (see the module doc)."""
    sources = {entry.id: entry for entry in source_entries}
    problems = []
    for entry in translated_entries:
        source = sources.get(entry.id)
        if source is None:
            continue  # a text the source lacks: the structural check reports it
        want, have = Counter(placeholders(source.text)), Counter(placeholders(entry.text))
        if want != have:
            problems.append(document.problem(
                entry.yaml_path, f"'{entry.id}' has placeholders {_listed(have)} where the source text has "
                f"{_listed(want)}: they are filled per run, so a translation must keep them all", HINT))
    return problems
