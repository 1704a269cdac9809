"""Loading scenario files: safe read, strict YAML, schema validation, cross-checks.

Contract:
* ``load_scenario(path, principle_ids, root=None)`` returns a ``LoadedScenario`` or raises
  ``ContentError`` listing every problem of the file (``file:line:col: message (fix: ...)``).
  Never a traceback, never executes anything from the file.
* ``load_text(text, file, principle_ids)`` does the same for text already in memory.
* ``check_paths(paths, principle_ids)`` loads every scenario file under ``paths`` and returns one
  ``FileReport`` per file, good or bad, so a caller can show them all.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from simulator.content.crosscheck import crosscheck, link_problems
from simulator.content.files import discover, read_content
from simulator.content.models import Scenario
from simulator.content.problems import ContentError, Problem
from simulator.content.validation import problems_from_validation
from simulator.content.yaml_reader import YamlDocument, parse_yaml
from simulator.util import gc_paused

if TYPE_CHECKING:  # the cache (tempfile, logging, hashing) is imported only by callers that use one
    from simulator.content.cache import ParseCache


@dataclass(frozen=True)
class LoadedScenario:
    """A validated scenario with where it came from and the sha256 of the file's bytes."""

    scenario: Scenario
    path: Path
    content_hash: str
    document: YamlDocument

    @property
    def id(self) -> str:
        return self.scenario.id


@dataclass(frozen=True)
class FileReport:
    path: Path
    loaded: LoadedScenario | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return self.loaded is not None


def validate_document(document: YamlDocument, principle_ids: Collection[str]) -> Scenario:
    """Schema-validate and cross-check parsed data; ContentError lists every problem."""
    if not isinstance(document.data, dict):
        raise ContentError([document.problem((), "the file does not hold a scenario mapping",
                                             "start the file with 'schema_version: 1' and the keys "
                                             "shown in docs/scenario-format.md")])
    other = _other_kind(document)
    if other is not None:
        raise ContentError([other])
    try:
        with gc_paused():
            scenario = Scenario.model_validate(document.data)
    except ValidationError as error:
        problems = problems_from_validation(error, document)
        known = {(p.line, p.column) for p in problems}
        problems += [p for p in link_problems(document) if (p.line, p.column) not in known]
        raise ContentError(sorted(problems, key=lambda p: (p.line, p.column))) from None
    problems = crosscheck(scenario, document, principle_ids)
    if problems:
        raise ContentError(problems)
    return scenario


def _other_kind(document: YamlDocument) -> Problem | None:
    """A test plan or the curriculum named where a scenario belongs, said as such (its keys would
    otherwise read as eight missing scenario keys and an unknown one), else None."""
    data = document.data
    if "nodes" in data:
        return None
    if "plans" in data:
        tested = data.get("scenario")
        return document.problem(("plans",), f"this is a test plan (of scenario {tested!r}), not a scenario",
                                "name the scenario file itself (<name>.yaml beside <name>.plan.yaml); "
                                "'test' runs a plan file", key=True)
    if "stages" in data:
        return document.problem(("stages",), "this is the curriculum (the readiness stages), not a scenario",
                                "name a scenario file or id; 'progress' reads the curriculum", key=True)
    return None


def load_text(text: str, file: str, principle_ids: Collection[str], content_hash: str = "") -> LoadedScenario:
    with gc_paused():  # the parse builds up to a million small objects, all kept
        document = parse_yaml(text, file)
    scenario = validate_document(document, principle_ids)
    return LoadedScenario(scenario, Path(file), content_hash, document)


def load_scenario(path: Path, principle_ids: Collection[str], root: Path | None = None,
                  cache: ParseCache | None = None) -> LoadedScenario:
    """Load one scenario file that must lie inside ``root`` (default: its own folder).

    With a ``cache``, data parsed from the same bytes before is reused (and validated again);
    messages about a cached file still carry exact lines and columns.
    """
    text, digest = read_content(Path(path), root)
    with gc_paused():
        cached = cache.get(digest) if cache is not None else None
    if cached is not None:
        document = YamlDocument.from_cache(str(path), cached, text)
        try:
            return LoadedScenario(validate_document(document, principle_ids), Path(path), digest, document)
        except ContentError:
            pass  # e.g. the catalog changed: the full path below reports it from the file itself
    loaded = load_text(text, str(path), principle_ids, digest)
    if cache is not None:
        cache.put(digest, loaded.document.data)
    return loaded


def _root_for(path: Path, roots: list[Path]) -> Path:
    for root in roots:
        if root.is_dir() and (path == root or root in path.parents):
            return root
    return path.parent


def check_paths(paths: list[Path], principle_ids: Collection[str]) -> list[FileReport]:
    """Load every scenario under ``paths`` (folders are walked); one report per file."""
    reports: list[FileReport] = []
    roots = [Path(p) for p in paths]
    first_with_id: dict[tuple[Path, str], Path] = {}  # (pack folder, scenario id) -> first file
    for path in discover(roots):
        root = _root_for(path, roots)
        try:
            loaded = load_scenario(path, principle_ids, root)
        except ContentError as error:
            reports.append(FileReport(path, None, error.problems))
            continue
        first = first_with_id.setdefault((root.resolve(), loaded.id), path)
        if first != path:
            problem = loaded.document.problem(("id",), f"scenario id '{loaded.id}' is already used by {first}",
                                              "give every scenario in a pack its own id", key=True)
            reports.append(FileReport(path, None, (problem,)))
        else:
            reports.append(FileReport(path, loaded, ()))
    return reports
