"""Self-voicing (issue #16, after Ren'Py's): the game reads itself aloud for players who cannot
read the screen.

Contract: ``SelfVoicing(speech, enabled, translate)`` (``translate``: ``ctx._``, the player's
language) is polled once per frame with the top screen (``update(screen)``; cheap: it builds two
short strings). When ``enabled()`` and the top screen changes, it reads the screen's title, then
the focused row (a card drawn over another screen, such as the coach card, is read whole); when
only the focus moves, it reads the focused row.
``read(screen)`` (the V key) reads all of it again on demand. Nothing is read while disabled.

What is read: ``screen.spoken_title()`` when the screen defines it, else its header title or
``title``; the focused row of its list (``menu`` or ``options``) through ``row_text``; for a card
(``opaque`` False) every paragraph and button on it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from simulator.app.translation import N_, Translate

if TYPE_CHECKING:
    from simulator.app.speech import Speech


def row_text(row: Any, _: Translate = N_) -> str:
    """What a row says, in words (numbers, labels, values, paragraphs), in the language of ``_``
    (labels given as ``N_`` constants are translated here, as the rows do when they draw)."""
    if row is None:
        return ""
    if hasattr(row, "spoken"):
        return str(row.spoken(_))
    if hasattr(row, "number") and hasattr(row, "text"):
        return _("Option {number}: {text}").format(number=row.number, text=row.text)
    if hasattr(row, "value_label") and hasattr(row, "label"):
        return f"{_(row.label)}: {_(row.value_label)}"
    if hasattr(row, "prompt") and hasattr(row, "value"):
        return f"{_(row.prompt)} {row.value}".strip()
    if hasattr(row, "label"):
        detail = getattr(row, "detail", "")
        return f"{_(row.label)}. {_(detail)}".strip(" .") if detail else _(str(row.label))
    if hasattr(row, "buttons") and hasattr(row, "selected"):
        return _(str(row.buttons[row.selected][0]))
    return _(str(getattr(row, "text", "") or ""))


def row_list(screen: Any) -> Any:
    for name in ("options", "menu"):
        rows = getattr(screen, name, None)
        if rows is not None and hasattr(rows, "focused"):
            return rows
    return None


def screen_title(screen: Any) -> str:
    if hasattr(screen, "spoken_title"):
        return str(screen.spoken_title())
    if hasattr(screen, "header_title"):
        return str(screen.header_title())
    return str(getattr(screen, "title", "") or "")


def focused_text(screen: Any, _: Translate = N_) -> str:
    rows = row_list(screen)
    return row_text(rows.focused, _) if rows is not None else ""


def card_text(screen: Any, _: Translate = N_) -> str:
    """Every row of a card (the coach card, the pause menu), in order."""
    rows = row_list(screen)
    texts = [row_text(row, _) for row in (rows.rows if rows is not None else [])]
    return " ".join(t for t in texts if t)


class SelfVoicing:
    def __init__(self, speech: Speech, enabled: Callable[[], bool], translate: Translate = N_):
        self.speech, self.enabled, self.translate = speech, enabled, translate
        self._screen: int | None = None
        self._focus = ""
        self.read_texts: list[str] = []  # what was read, newest last (tests)

    def _say(self, text: str) -> None:
        text = " ".join(text.split())
        if text:
            self.read_texts.append(text)
            self.speech.read_aloud(text)

    def whole(self, screen: Any) -> str:
        title = screen_title(screen)
        body = card_text(screen, self.translate) if not getattr(screen, "opaque", True) else \
            focused_text(screen, self.translate)
        return f"{title}. {body}" if title and body else title or body

    def read(self, screen: Any) -> None:
        """Read the screen's title and focused row (a card: all of it) now."""
        if screen is not None:
            self._say(self.whole(screen))

    def update(self, screen: Any) -> None:
        if screen is None or not self.enabled():
            self._screen = None
            return
        focus = focused_text(screen, self.translate)
        if id(screen) != self._screen:
            self._screen, self._focus = id(screen), focus
            self.read(screen)
        elif focus != self._focus:
            self._focus = focus
            self._say(focus)
