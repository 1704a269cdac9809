"""The examples in the authoring docs are valid and lint clean of errors."""

from __future__ import annotations

import re

from simulator.authoring.lint import lint_file
from simulator.paths import PROJECT_ROOT

DOCS = PROJECT_ROOT / "docs"


def _yaml_blocks(name: str) -> list[str]:
    text = (DOCS / name).read_text(encoding="utf-8")
    return re.findall(r"```yaml\n(.*?)```", text, flags=re.S)


def test_format_reference_example_loads(tmp_path, catalog):
    example = next(b for b in _yaml_blocks("scenario-format.md") if "schema_version" in b)
    path = tmp_path / "example.yaml"
    path.write_text(example, encoding="utf-8")
    findings = lint_file(path, catalog.ids())
    assert not [f for f in findings if f.severity == "error"], [f.format() for f in findings]


def test_authoring_guide_scenario_loads(tmp_path, catalog):
    blocks = [b for b in _yaml_blocks("authoring.md") if "schema_version: 1\nid:" in b]
    assert blocks
    for block in blocks:
        path = tmp_path / "guide.yaml"
        path.write_text(block, encoding="utf-8")
        findings = lint_file(path, catalog.ids())
        assert not [f for f in findings if f.severity == "error"], [f.format() for f in findings]
