"""The app context: everything screens share, created by ``launch`` and passed down (no globals).

Contract: ``AppContext`` holds settings (and where to persist them), the text cache and theme that
follow the settings, the scenario library and catalog (loaded by ``load_content`` after the first
frame), the run log, the resume-save path and short on-screen notices (``notify``).

Language: ``ui`` (``simulator.app.translation.UiText``) follows ``settings.language``; screens
translate their words with ``ctx._(text)`` (and ``ctx.ui.format_date``/``format_number``).
``catalog`` is the English catalog scoring grades with; ``principles`` is the same catalog in the
player's language (names and descriptions shown on screen; '[EN] ' before an untranslated text);
the library loads each scenario in the player's language when it has a translation. Changing the
language reloads both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.app.runlog import NullRunLog, RunLog
from simulator.app.settings import Settings, save_settings
from simulator.app.text import TextCache
from simulator.app.theme import TEXT_SIZES, Theme, theme_for
from simulator.app.translation import UiText, load_ui
from simulator.util import LazyLogger

if TYPE_CHECKING:
    from scoring.catalog import Catalog
    from simulator.app.library import Library

log = LazyLogger(__name__)
NOTICE_SECONDS = 5.0


@dataclass
class Notice:
    text: str
    remaining: float
    topic: str = ""  # a newer notice on the same topic (e.g. "mode") replaces this one


@dataclass
class AppContext:
    settings: Settings
    settings_file: Path | None
    scenarios_dir: Path
    extra_scenarios: list[Path] = field(default_factory=list)
    resume_file: Path | None = None
    run_log: RunLog = field(default_factory=NullRunLog)
    library: Library | None = None
    catalog: Catalog | None = None
    principles: Catalog | None = None
    notices: list[Notice] = field(default_factory=list)
    seed: int = 0
    persist_runs: bool = True
    text: TextCache = field(init=False)
    theme: Theme = field(init=False)
    ui: UiText = field(init=False)

    def __post_init__(self) -> None:
        self.text = TextCache(TEXT_SIZES[self.settings.text_size])
        self.theme = theme_for(self.settings.theme)
        self.ui = load_ui(self.settings.language)

    def _(self, message: str) -> str:
        """``message`` (an English UI string, the gettext msgid) in the player's language."""
        return self.ui.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.ui.ngettext(singular, plural, count)

    def update_settings(self, **changes: Any) -> None:
        """Apply and persist a settings change (text size and theme take effect at once)."""
        self.settings = self.settings.with_(**changes)
        self.text.resize(TEXT_SIZES[self.settings.text_size])
        self.theme = theme_for(self.settings.theme)
        if self.settings_file is not None:
            save_settings(self.settings, self.settings_file)
        if self.settings.language != self.ui.language:
            self.change_language()

    def change_language(self) -> None:
        """Follow ``settings.language``: UI words, the shown catalog and the scenarios (when loaded)."""
        self.ui = load_ui(self.settings.language)
        if self.catalog is not None:
            self.principles = self._display_catalog()
        if self.library is not None:
            self.library.language = self.ui.language
            self.library.load()

    def next_seed(self) -> int:
        """A new seed for each attempt (deterministic from the starting seed)."""
        self.seed += 1
        return self.seed

    def notify(self, text: str, seconds: float = NOTICE_SECONDS, topic: str = "") -> None:
        """Show ``text`` for ``seconds`` (the last three notices stay); a notice with a ``topic``
        replaces the earlier one on that topic (pressing M twice shows the mode chosen, not both)."""
        log.info("notice: %s", text)
        kept = [n for n in self.notices if not topic or n.topic != topic]
        self.notices = [*kept[-2:], Notice(text, seconds, topic)]

    def age_notices(self, dt: float) -> None:
        for notice in self.notices:
            notice.remaining -= dt
        self.notices = [n for n in self.notices if n.remaining > 0]

    def load_content(self) -> None:
        """Load the principles catalog and every scenario (slow imports happen here, not at start)."""
        from scoring.catalog import default_catalog
        from simulator.app.library import Library

        if self.catalog is None:
            self.catalog = default_catalog()
        if self.principles is None:
            self.principles = self._display_catalog()
        if self.library is None:
            from simulator.content.cache import ParseCache
            from simulator.paths import cache_dir

            cache = ParseCache(cache_dir() / "scenarios")
            self.library = Library(self.scenarios_dir, self.extra_scenarios, self.catalog.ids(), cache,
                                   language=self.ui.language)
        self.library.load()

    def _display_catalog(self) -> Catalog | None:
        """The catalog in the player's language; the English one when it has no translation."""
        from simulator.content.problems import ContentError
        from simulator.i18n.api import translated_catalog

        if self.ui.language == "en":
            return self.catalog
        try:
            return translated_catalog(self.ui.language)
        except ContentError as error:
            log.warning("principles in %r unavailable (%s); showing English", self.ui.language, error.first.format())
            return self.catalog

    def principle_names(self) -> dict[str, str]:
        """Principle id -> its name in the player's language (empty before the content loads)."""
        shown = self.principles or self.catalog
        return {p.id: p.name for p in shown.principles} if shown is not None else {}

    def principle_name(self, principle_id: str) -> str:
        shown = self.principles or self.catalog
        if shown is not None and principle_id in shown:
            return shown.get(principle_id).name
        return principle_id.replace("-", " ").capitalize()
