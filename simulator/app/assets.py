"""Loading image assets with a safe fallback: a missing or broken file logs a warning, never crashes.

Contract: ``load_image(ref, bases)`` returns a ``Surface`` or None (warning logged once per ref by
the caller's cache). References must be safe relative paths (``safe_asset_path``).
"""

from __future__ import annotations

import logging
from pathlib import Path

import pygame

log = logging.getLogger(__name__)


def load_image(ref: str, bases: list[Path]) -> pygame.Surface | None:
    from simulator.content.files import resolve_asset, safe_asset_path

    problem = safe_asset_path(ref)
    if problem is not None:
        log.warning("asset %r refused (%s); drawing a placeholder", ref, problem)
        return None
    path = resolve_asset(ref, bases)
    if path is None:
        from simulator.content.files import asset_loop

        loop = asset_loop(ref, bases)
        if loop is not None:
            log.warning("asset %r refused: the portrait path loops back on itself: %s; drawing a placeholder",
                        ref, loop)
        else:
            log.warning("asset %r not found under %s; drawing a placeholder", ref, ", ".join(map(str, bases)))
        return None
    from simulator.app.portrait import image_problem

    problem = image_problem(path)
    if problem is not None:
        log.warning("asset %s refused (%s); drawing a placeholder", path, problem)
        return None
    try:
        image = pygame.image.load(str(path))
    except (pygame.error, OSError, ValueError) as error:
        log.warning("asset %s is broken (%s); drawing a placeholder", path, error)
        return None
    return image.convert_alpha() if pygame.display.get_surface() is not None else image
