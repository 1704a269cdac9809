"""The game's own words in the player's language: gettext catalogs, the language setting's choices,
and dates and numbers formatted per locale.

Contract: ``ui_languages()`` lists the languages the UI can be shown in: 'en' (the source, always)
and every language with a compiled catalog ``assets/locale/<lang>/LC_MESSAGES/frontline.mo``, read
through ``importlib.resources`` (the ``assets`` package). ``system_language()`` is the system's
language when the UI has it, else 'en' (the default of the ``language`` setting).
``load_ui(lang)`` returns a ``UiText``: ``gettext``/``ngettext`` (English when the language has no
catalog or a message has no translation), ``format_date`` and ``format_number`` (Babel, imported on
first use). The ``UiText`` is held by the app context (``ctx.ui``; screens call ``ctx._``): there is
no module-global translation state. ``N_(text)`` marks a constant for extraction and returns it
unchanged; translate it where it is shown (``ctx._(CONSTANT)``).

Extraction and compiling: see docs/translating.md ("The game's own words").
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Protocol

from simulator.util import LazyLogger

if TYPE_CHECKING:  # gettext, locale and datetime load only when a translation or a date needs them
    from datetime import date, datetime

log = LazyLogger(__name__)

DOMAIN = "frontline"
SOURCE_LANGUAGE = "en"
# Each language named in itself, as a language menu shows it.
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "es": "Español"}
# The locale whose conventions format dates and numbers (with the game's pattern "3 Mar 2026"; en_GB
# would say "3 Sept"), neutral Latin American Spanish (as the shipped translations).
FORMAT_LOCALES: dict[str, str] = {"en": "en", "es": "es_419"}
LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def N_(message: str) -> str:
    """Mark ``message`` for extraction; translate it where it is shown. Also the default ``_`` of
    the pure view models (English when no translation is passed)."""
    return message


Translate = Callable[[str], str]  # ctx._: an English UI string -> the player's language


def _catalog_file(lang: str) -> resources.abc.Traversable:
    return resources.files("assets").joinpath("locale", lang, "LC_MESSAGES", f"{DOMAIN}.mo")


@cache
def ui_languages() -> tuple[str, ...]:
    """'en' then every language with a shipped compiled catalog, sorted."""
    folder = resources.files("assets").joinpath("locale")
    found = sorted(entry.name for entry in folder.iterdir()
                   if entry.is_dir() and _catalog_file(entry.name).is_file()) if folder.is_dir() else []
    return (SOURCE_LANGUAGE, *(lang for lang in found if lang != SOURCE_LANGUAGE))


def language_name(lang: str) -> str:
    return LANGUAGE_NAMES.get(lang, lang)


def _process_locale() -> list[str]:
    import locale

    try:
        found = locale.getlocale()[0]
    except ValueError:  # an unknown locale name in the environment
        found = None
    return [found] if found else []


def _environment_locale_names() -> list[str]:
    return [part for variable in LANGUAGE_VARIABLES for part in os.environ.get(variable, "").split(":") if part]


def _system_locale_names() -> list[str]:
    return [*_environment_locale_names(), *_process_locale()]


def _language_of(name: str, available: tuple[str, ...]) -> str | None:
    """The UI language locale ``name`` asks for: 'en' for C/POSIX, None when the UI lacks it."""
    lang = name.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    if lang in ("c", "posix"):
        return SOURCE_LANGUAGE
    return lang if lang in available else None


def system_language() -> str:
    """The first of the system's languages (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, then the process
    locale) the UI has; 'en' when none is (or the system says C/POSIX). The process locale is only
    asked when the environment names no language the UI has."""
    available = ui_languages()
    for names in (_environment_locale_names, _process_locale):
        for name in names():
            lang = _language_of(name, available)
            if lang is not None:
                return lang
    return SOURCE_LANGUAGE


class Translations(Protocol):
    """What ``UiText`` needs of a gettext catalog (``gettext.GNUTranslations`` has it)."""

    def gettext(self, message: str) -> str: ...

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str: ...


class SourceText:
    """The source language's 'catalog': every message as written (``gettext.NullTranslations``'
    behaviour, without importing gettext for an English UI)."""

    def gettext(self, message: str) -> str:
        return message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return msgid1 if n == 1 else msgid2


@dataclass(frozen=True)
class UiText:
    """The UI's words and formats in one language (see the module doc)."""

    language: str
    translations: Translations

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message) if message else message

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.translations.ngettext(singular, plural, count)

    @property
    def format_locale(self) -> str:
        return FORMAT_LOCALES.get(self.language, self.language)

    def format_date(self, value: date | datetime, form: str = "d MMM yyyy") -> str:
        """``value`` as a date in this language ('3 Mar 2026', '3 mar 2026'); ``form`` is a CLDR pattern
        or 'short'/'medium'/'long'."""
        from datetime import datetime

        from babel.dates import format_date

        day = value.date() if isinstance(value, datetime) else value
        return format_date(day, form, locale=self.format_locale)

    def format_time(self, value: datetime) -> str:
        from babel.dates import format_time

        return format_time(value, "HH:mm", locale=self.format_locale)

    def format_number(self, value: float, decimals: int = 0) -> str:
        """``value`` with this language's separators ('1,234.5' / '1,234.5' in es_419, '1.234,5' in es)."""
        from babel.numbers import format_decimal

        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        return format_decimal(value, pattern, locale=self.format_locale)


def load_ui(lang: str) -> UiText:
    """The UI text for ``lang``; English (untranslated) when it has no readable catalog."""
    if lang != SOURCE_LANGUAGE and lang in ui_languages():
        import gettext

        try:
            with _catalog_file(lang).open("rb") as handle:
                return UiText(lang, gettext.GNUTranslations(handle))
        except (OSError, ValueError) as error:  # a damaged .mo: English, said in the log
            log.warning("UI catalog for %r unreadable (%s); using English", lang, error)
    return UiText(SOURCE_LANGUAGE if lang not in ui_languages() else lang, SourceText())


ENGLISH = UiText(SOURCE_LANGUAGE, SourceText())  # the pure view models' default
