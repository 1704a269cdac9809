"""The terminal player's language: which one a call is played in, and the words it is shown with.

Contract: ``call_language(translation, requested, problems)`` is the language of the call being
played: the translation's own language when a ``<name>.<lang>.yaml`` was named, else the
``--language`` asked for, else the game's language setting (whose default is the system's language
when the game has it: ``simulator.app.settings``, ``simulator.app.translation.system_language``);
a damaged settings file is reported in ``problems`` the way the game does. ``terminal_words(lang)``
gives the ``TerminalWords`` of a language: the game's gettext catalog (``UiText``) and the principle
names in that language (English when the catalog has no translation). The terminal's own words go
through the game's catalog (``assets/locale``), extracted from ``simulator/terminal`` too. Scoring
always uses the English catalog; these are only the words shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from simulator.app.translation import ENGLISH, SOURCE_LANGUAGE, UiText, load_ui
from simulator.util import LazyLogger

log = LazyLogger(__name__)


@dataclass(frozen=True)
class TerminalWords:
    """What the terminal shows its words with: ``ui`` (gettext/ngettext) and principle id -> name."""

    ui: UiText = ENGLISH
    principle_names: Mapping[str, str] = field(default_factory=dict)

    def principle(self, principle_id: str, english: str) -> str:
        """The principle's name in this language; ``english`` (the scorer's) when it has none."""
        return self.principle_names.get(principle_id, english)


def call_language(translation: str | None, requested: str | None, problems: list[str] | None = None) -> str:
    """The language of the call being played (see the module doc)."""
    if translation:
        return translation
    if requested:
        return requested
    from simulator.app.settings import load_settings, settings_path

    return load_settings(settings_path(), problems).language


def terminal_words(lang: str) -> TerminalWords:
    """The words of ``lang`` (English when the game has no catalog for it)."""
    ui = load_ui(lang)
    if ui.language == SOURCE_LANGUAGE:
        return TerminalWords(ui)
    from simulator.content.problems import ContentError
    from simulator.i18n.api import translated_catalog

    try:
        shown = translated_catalog(ui.language)
    except ContentError as error:
        log.warning("principles in %r unavailable (%s); showing English", ui.language, error.first.format())
        return TerminalWords(ui)
    return TerminalWords(ui, {p.id: p.name for p in shown.principles})
