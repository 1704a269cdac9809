"""Cross-checks of a scenario's ``details`` (see ``simulator.content.details``).

Contract: ``details_problems(scenario, doc)`` returns every problem, each at its ``file:line:col``:
* every alternative of a group has the same shape: all text, or all mappings setting the same
  fields (so a run can never pick a name without its pronoun, or an amount without its total);
* no alternative repeats another of its group;
* each placeholder is declared once (a field in one group only, not also a text group's name);
* every placeholder written in a text is declared, every declared one is used somewhere, and the
  title and summary (shown before a run picks its details) hold none.
A scenario without ``details`` and without placeholders has no problems here.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from simulator.content.details import UNFILLED_FIELDS, placeholders, player_texts
from simulator.content.models import Scenario
from simulator.content.problems import Problem
from simulator.content.safe_yaml import YamlDocument


def details_problems(scenario: Scenario, doc: YamlDocument) -> list[Problem]:
    problems = list(_check_groups(scenario, doc))
    declared = _declared(scenario, doc, problems)
    problems += _check_uses(scenario, doc, declared)
    return problems


def _check_groups(scenario: Scenario, doc: YamlDocument) -> Iterator[Problem]:
    for group, choices in scenario.details.items():
        first = choices[0]
        for index, alternative in enumerate(choices):
            here = ("details", group, index)
            if isinstance(first, str) != isinstance(alternative, str):
                yield doc.problem(here, f"alternative {index + 1} of '{group}' is written differently from "
                                  "the first: all must be text, or all field mappings",
                                  "write every alternative of a group the same way")
                continue
            if isinstance(alternative, dict) and isinstance(first, dict):
                if not alternative:
                    yield doc.problem(here, f"alternative {index + 1} of '{group}' sets no field",
                                      "give it the same fields as the first alternative")
                missing = sorted(set(first) - set(alternative))
                extra = sorted(set(alternative) - set(first))
                if missing or extra:
                    said = [f"lacks {', '.join(missing)}"] if missing else []
                    said += [f"sets {', '.join(extra)} that the first does not"] if extra else []
                    yield doc.problem(here, f"alternative {index + 1} of '{group}' " + " and ".join(said) +
                                      ": every alternative must set the same facts",
                                      f"give each alternative of '{group}' the fields {', '.join(sorted(first))}")
            if alternative in choices[:index]:
                yield doc.problem(here, f"alternative {index + 1} of '{group}' repeats alternative "
                                  f"{choices.index(alternative) + 1}", "make it differ or remove it")


def _declared(scenario: Scenario, doc: YamlDocument, problems: list[Problem]) -> dict[str, str]:
    """placeholder -> the group declaring it; a placeholder declared twice is reported."""
    owner: dict[str, str] = {}
    for group, choices in scenario.details.items():
        first = choices[0]
        for name in ([group] if isinstance(first, str) else list(first)):
            if name in owner:
                problems.append(doc.problem(("details", group), f"placeholder '{{{name}}}' is declared by "
                                            f"both '{owner[name]}' and '{group}'",
                                            "rename one of them: a placeholder has one value per run"))
                continue
            owner[name] = group
    return owner


def _check_uses(scenario: Scenario, doc: YamlDocument, declared: dict[str, str]) -> Iterator[Problem]:
    used: set[str] = set()
    for field in UNFILLED_FIELDS:
        text = getattr(scenario, str(field[-1]))
        for name in sorted(set(placeholders(text))):
            yield doc.problem(field, f"'{{{name}}}' in the {field[-1]}: it is shown on the picker, before "
                              "a run picks its details, so it is never filled", "write it without placeholders")
    for kind, path, text in player_texts(scenario):
        for name in placeholders(text):
            used.add(name)
            if name in declared:
                continue
            close = difflib.get_close_matches(name, list(declared), n=1)
            hint = f"did you mean '{{{close[0]}}}'?" if close else (
                f"declare it under 'details:' (e.g. '{name}: [first value, second value]'), or write the "
                "braces differently if they are meant literally")
            yield doc.problem(path, f"unknown placeholder '{{{name}}}' in this {kind}", hint)
    for name, group in declared.items():
        if name not in used:
            where = ("details", group) if name == group else ("details", group, 0, name)
            yield doc.problem(where, f"placeholder '{{{name}}}' is declared but no text uses it",
                              "write it in a line, option, feedback or debrief, or remove it", key=name == group)
