"""Synthetic input for driving the game's screens in tests."""

from __future__ import annotations

import pygame

from simulator.app.app import App


def key(k: int, mod: int = 0, text: str = "") -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=text, scancode=0)


def press(app: App, *keys: int, dt: float = 0.0) -> None:
    """Feed key presses one frame each (as a player would)."""
    for k in keys:
        app.frame([key(k)], dt)


def type_text(app: App, text: str) -> None:
    app.frame([pygame.event.Event(pygame.TEXTINPUT, text=text)], 0.0)


def click(app: App, pos: tuple[int, int]) -> None:
    app.frame([pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
               pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1)], 0.0)
