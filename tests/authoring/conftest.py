"""Shared helpers for the authoring tests: write a scenario from a dict, load it, the catalog."""

from __future__ import annotations

from pathlib import Path

import pytest

from scoring.catalog import Catalog, default_catalog
from simulator.paths import PROJECT_ROOT

FIXTURE = PROJECT_ROOT / "tests" / "fixtures" / "scenarios" / "late_parcel.yaml"


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return default_catalog()


@pytest.fixture()
def late_parcel() -> Path:
    return FIXTURE
