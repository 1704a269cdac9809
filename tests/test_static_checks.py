"""Static checks as tests: ``mypy --strict`` on the typed core and ``ruff check`` on the repo's code.

The typed core is ``simulator/engine``, ``simulator/content`` and ``scoring`` (issue #14): no error
under ``--strict``. Ruff runs with the project's settings (pyproject.toml) on every file git does not
ignore. No module reads a private attribute (``x._name``) of anything but itself (issue #14's
"Done when", checked on the syntax tree rather than by grep). Both tools run as subprocesses with
the test environment's interpreter; the tools come with the ``test`` extra.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

TYPED_PACKAGES = ("simulator/engine", "simulator/content", "scoring")


def test_the_typed_core_passes_mypy_strict(tmp_path: Path) -> None:
    pytest.importorskip("mypy", reason="mypy comes with the test extra: pip install -e '.[test]'")
    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "mypy"),
                           *TYPED_PACKAGES], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert done.stdout.startswith("Success: no issues found")


def test_the_code_passes_ruff() -> None:
    pytest.importorskip("ruff", reason="ruff comes with the test extra: pip install -e '.[test]'")
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."], cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


def _private_reads(tree: ast.AST) -> Iterator[ast.Attribute]:
    """``x._name`` where ``x`` is not ``self``/``cls`` (``ctx._``, the translation function, is public)."""
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")
                and node.attr != "_" and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))):
            yield node


def test_no_module_reads_a_private_attribute_of_anything_but_itself() -> None:
    found = [f"{path.relative_to(REPO)}:{node.lineno}: {ast.unparse(node)}"
             for package in ("simulator", "scoring") for path in sorted((REPO / package).rglob("*.py"))
             for node in _private_reads(ast.parse(path.read_text(encoding="utf-8")))]
    assert found == []


def test_the_private_read_check_sees_one() -> None:
    reads = [ast.unparse(n) for n in _private_reads(ast.parse("machine._events\nself._x\nctx._('Hi')\nrow._asdict()"))]
    assert reads == ["machine._events", "row._asdict"]
