"""The app context: everything screens share, created by ``launch`` and passed down (no globals).

Contract: ``AppContext`` holds settings (and where to persist them), the text cache and theme that
follow the settings, the scenario library and catalog (loaded by ``load_content`` after the first
frame), the run log, the resume-save path and short on-screen notices (``notify``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.app.runlog import NullRunLog, RunLog
from simulator.app.settings import Settings, save_settings
from simulator.app.text import TextCache
from simulator.app.theme import TEXT_SIZES, Theme, theme_for

if TYPE_CHECKING:
    from scoring.catalog import Catalog
    from simulator.app.library import Library

log = logging.getLogger(__name__)
NOTICE_SECONDS = 5.0


@dataclass
class Notice:
    text: str
    remaining: float


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
    notices: list[Notice] = field(default_factory=list)
    seed: int = 0
    persist_runs: bool = True
    text: TextCache = field(init=False)
    theme: Theme = field(init=False)

    def __post_init__(self) -> None:
        self.text = TextCache(TEXT_SIZES[self.settings.text_size])
        self.theme = theme_for(self.settings.theme)

    def update_settings(self, **changes: Any) -> None:
        """Apply and persist a settings change (text size and theme take effect at once)."""
        self.settings = self.settings.with_(**changes)
        self.text.resize(TEXT_SIZES[self.settings.text_size])
        self.theme = theme_for(self.settings.theme)
        if self.settings_file is not None:
            save_settings(self.settings, self.settings_file)

    def next_seed(self) -> int:
        """A new seed for each attempt (deterministic from the starting seed)."""
        self.seed += 1
        return self.seed

    def notify(self, text: str, seconds: float = NOTICE_SECONDS) -> None:
        log.info("notice: %s", text)
        self.notices = [*self.notices[-2:], Notice(text, seconds)]

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
        if self.library is None:
            from simulator.content.cache import ParseCache
            from simulator.paths import cache_dir

            cache = ParseCache(cache_dir() / "scenarios")
            self.library = Library(self.scenarios_dir, self.extra_scenarios, self.catalog.ids(), cache)
        self.library.load()

    def principle_name(self, principle_id: str) -> str:
        if self.catalog is not None and principle_id in self.catalog:
            return self.catalog.get(principle_id).name
        return principle_id.replace("-", " ").capitalize()
