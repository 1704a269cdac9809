"""Headless SDL for the packaging tests (the game's own fixtures live in tests/app)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")


@pytest.fixture
def video() -> Iterator[None]:
    import pygame

    pygame.display.init()
    pygame.font.init()
    yield
    pygame.display.quit()
