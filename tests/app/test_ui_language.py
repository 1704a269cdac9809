"""The game in another language (issue #17): UI strings through gettext, the shipped Spanish catalog
(extracted, complete, compiled), the language setting, and a Spanish scenario played end to end
with the Spanish UI."""

from __future__ import annotations

import ast
import gettext
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import polib
import pygame
import pytest

from simulator.app.app import App
from simulator.app.context import AppContext
from simulator.app.runlog import MemoryRunLog
from simulator.app.settings import Profile, Settings, from_dict
from simulator.app.translation import load_ui, system_language, ui_languages
from simulator.app.widgets.rows import ButtonRow, TextRow
from tests.app.helpers import press

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "assets" / "locale"
SPANISH_PO = LOCALE / "es" / "LC_MESSAGES" / "frontline.po"
SPANISH_MO = LOCALE / "es" / "LC_MESSAGES" / "frontline.mo"
TEMPLATE = LOCALE / "frontline.pot"
APP = ROOT / "simulator" / "app"
TERMINAL = ROOT / "simulator" / "terminal"  # the terminal player's own words share the game's catalog
# Which positional arguments of each drawing call are shown words (the first by default).
SHOWN_BY = {"TextRow": (0,), "ButtonRow": (0,), "ChoiceRow": (0,), "InputRow": (0,), "render": (0,),
            "notify": (0,), "draw_header": (2, 3), "draw_hint": (0,), "TextItem": (0,), "BarItem": (1, 2, 5),
            "OptionItem": (0, 2, 5), "Section": (0,)}
SHOWN_CONSTANTS = ("title", "hint", "HINT", "HINTS")
# Modules outside screens/ and widgets/ that put words on screen (notices).
NOTICES = ("app.py", "runs.py")
NAMES = {"Frontline"}  # the product's name is the same in every language
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def extracted_msgids(tmp_path: Path) -> set[str]:
    """The UI strings Babel extracts from simulator/app and simulator/terminal with the project's babel.cfg."""
    out = tmp_path / "extracted.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", str(ROOT / "babel.cfg"),
                    "-k", "N_", "-o", str(out), str(APP), str(TERMINAL)], check=True, capture_output=True, cwd=ROOT)
    return {entry.msgid for entry in polib.pofile(str(out))}


def test_the_template_and_the_spanish_catalog_hold_every_extracted_string(tmp_path: Path) -> None:
    found = extracted_msgids(tmp_path)
    assert len(found) > 200
    assert found == {e.msgid for e in polib.pofile(str(TEMPLATE))}, "run the extract command in docs/translating.md"
    spanish = polib.pofile(str(SPANISH_PO))
    assert found == {e.msgid for e in spanish if not e.obsolete}, "run pybabel update (docs/translating.md)"
    for entry in spanish:
        texts = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        assert all(texts) and not entry.fuzzy, f"untranslated or fuzzy: {entry.msgid!r}"
        for text in texts:  # every {placeholder} kept, none invented
            assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(entry.msgid)), entry.msgid


def test_the_compiled_catalog_is_up_to_date_with_the_po() -> None:
    with SPANISH_MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in polib.pofile(str(SPANISH_PO)):
        if entry.msgid_plural:
            assert compiled.ngettext(entry.msgid, entry.msgid_plural, 5) == entry.msgstr_plural[2]
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr, f"recompile: {entry.msgid!r}"


def _unwrapped(node: ast.expr) -> bool:
    """A string literal (or f-string) with words in it, not inside _()/N_()/ngettext()."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value not in NAMES and bool(re.search(r"[A-Za-z]{2}", node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_unwrapped(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _unwrapped(node.left) or _unwrapped(node.right)
    if isinstance(node, ast.IfExp):
        return _unwrapped(node.body) or _unwrapped(node.orelse)
    if isinstance(node, ast.Dict):
        return any(_unwrapped(value) for value in node.values)
    return False


def _call_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def unwrapped_strings(path: Path) -> list[str]:
    """Words shown on screen without gettext: literals passed to rows, render, notify, the header
    and hint bands, the projector's items and sections, and screens' ``title``/``hint``/``HINT``/
    ``HINTS`` constants."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and _call_name(node) in SHOWN_BY:
            shown = [node.args[k] for k in SHOWN_BY[_call_name(node)] if k < len(node.args)]
            shown += [k.value for k in node.keywords if k.arg in ("detail", "hint", "label", "text", "count", "why")]
            found += [f"{path.name}:{node.lineno}" for arg in shown if _unwrapped(arg)]
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id in SHOWN_CONSTANTS
                                                for t in node.targets) and _unwrapped(node.value):
            found.append(f"{path.name}:{node.lineno}")
    return found


def test_no_unwrapped_words_on_any_screen_or_widget() -> None:
    files = [p for folder in ("screens", "widgets") for p in sorted((APP / folder).glob("*.py"))]
    files += [APP / name for name in NOTICES]
    assert len(files) > 30 and {"projector.py", "room_projector.py", "room_vote.py", "room_join.py"} <= \
        {p.name for p in files}
    assert [hit for path in files for hit in unwrapped_strings(path)] == []


def test_the_scan_catches_an_unwrapped_label(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('HINT = "Esc: back"\nrows = [ButtonRow("Play", go), TextRow(_("Fine")), '
                      'TextRow(f"Hello {name}")]\nHINTS = {"a": N_("Fine"), "b": "Esc: quit"}\n'
                      'item = BarItem("1.", name, "room 5", 0.5, detail=_("ok"))\n'
                      'page = Section(f"Workshop {code}", "waiting", [])\n', encoding="utf-8")
    assert sorted(unwrapped_strings(sample)) == ["sample.py:1", "sample.py:2", "sample.py:2", "sample.py:3",
                                         "sample.py:4", "sample.py:5"]


# --- the language setting ---------------------------------------------------------------------
@pytest.mark.parametrize(("variables", "expected"), [
    ({"LANGUAGE": "es_MX:en"}, "es"), ({"LANG": "es_AR.UTF-8"}, "es"), ({"LANG": "fr_FR.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"), ({"LC_ALL": "es_ES.UTF-8", "LANG": "en_GB.UTF-8"}, "es"),
])
def test_the_default_language_is_the_systems_when_the_ui_has_it(monkeypatch: pytest.MonkeyPatch,
                                                                variables: dict[str, str], expected: str) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert system_language() == expected
    assert Settings().language == expected


def test_a_saved_language_is_kept_and_an_unknown_one_refused() -> None:
    assert "es" in ui_languages() and ui_languages()[0] == "en"
    assert from_dict({"language": "es"}).language == "es"
    assert from_dict({"language": "xx"}).language == Settings().language


def test_dates_and_numbers_follow_the_language() -> None:
    spanish, english = load_ui("es"), load_ui("en")
    assert spanish.format_date(date(2026, 3, 3)) == "3 mar 2026"
    assert english.format_date(date(2026, 9, 3)) == "3 Sep 2026"
    assert load_ui("de").language == "en"  # no catalog: English
    assert spanish.gettext("Excellent") == "Excelente" and spanish.gettext("Not yet") == "Todavía no"


# --- a Spanish scenario with the Spanish UI ----------------------------------------------------
@pytest.fixture
def spanish_pack(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    folder.mkdir()
    for name in ("angry_billing_dispute.yaml", "angry_billing_dispute.es.yaml"):
        shutil.copy(ROOT / "scenarios" / name, folder / name)
    shutil.copy(ROOT / "tests" / "fixtures" / "scenarios" / "late_parcel.yaml", folder / "late_parcel.yaml")
    return folder


def spanish_app(home: Path, pack: Path) -> App:
    settings = Settings(reduced_motion=True, timers="off", language="es", profile=Profile("Robin"))
    ctx = AppContext(settings, home / "settings.json", pack, [], home / "resume.json", MemoryRunLog())
    app = App(ctx, (1280, 720))
    app.push("title")
    ctx.load_content()
    app.frame([], 0.0)
    return app


def shown(app: App) -> list[str]:
    top = app.top
    rows = top.menu.rows if hasattr(top, "menu") else []  # type: ignore[union-attr]
    return [app.ctx._(r.text if isinstance(r, TextRow) else r.label) for r in rows
            if isinstance(r, TextRow | ButtonRow)]


def test_a_spanish_scenario_plays_end_to_end_with_the_spanish_ui(home: Path, spanish_pack: Path,
                                                                  video: None) -> None:
    app = spanish_app(home, spanish_pack)
    assert "Jugar" in shown(app)
    picker = app.push("picker")
    app.frame([], 0.0)
    assert picker.header_title() == "Elija un escenario"
    rows = {row.key: row for row in picker.menu.rows}  # type: ignore[attr-defined]
    dispute = rows["angry-billing-dispute"]
    assert dispute.item.title == "El router de £89"  # type: ignore[attr-defined]
    assert dispute.facts_line(app.ctx).startswith("Inicial  |  unos ")  # type: ignore[attr-defined]
    assert "en inglés" not in dispute.facts_line(app.ctx)  # type: ignore[attr-defined]
    parcel = rows["late-parcel"]
    assert parcel.item.title == "The Late Parcel"  # type: ignore[attr-defined]
    assert parcel.facts_line(app.ctx).endswith("en inglés (todavía sin traducción)")  # type: ignore[attr-defined]
    dispute.activate()
    play = app.top
    assert play is not None and play.name == "play"
    coach_cards = 0
    for _ in range(60):
        if app.top.name == "feedback":
            coach_cards += 1
            card = [r.text for r in app.top.menu.rows if isinstance(r, TextRow)]  # type: ignore[union-attr]
            assert any(t.startswith(("Buena elección", "Elección débil", "Razonable")) for t in card)
            assert any(t.startswith("Por qué: ") for t in card)
            press(app, pygame.K_RETURN)
            continue
        if play.session.finished:
            break
        option = next(o for o in play.view.options if o.available)
        press(app, getattr(pygame, f"K_{option.number}"))
    assert coach_cards >= 3 and play.session.finished
    play.to_debrief()
    debrief = app.top
    assert debrief.name == "debrief" and debrief.header_title().startswith("Análisis: El router")
    assert debrief.view.band in ("Excelente", "Competente", "En desarrollo", "Todavía no")
    assert debrief.view.outcome in ("Resuelto", "Escalado", "Resuelto en parte", "Cliente perdido")
    spanish_names = {p.id: p.name for p in app.ctx.principles.principles}
    assert {bar.name for bar in debrief.view.bars} <= set(spanish_names.values())
    assert any(bar.name != app.ctx.catalog.get(bar.principle_id).name for bar in debrief.view.bars)
    assert debrief.report.band in ("Excellent", "Proficient", "Developing", "Not yet")  # the key stays English
    assert "Para mejorar" in shown(app) or "Fortalezas" in shown(app)


def test_changing_the_language_in_settings_reloads_words_and_scenarios(home: Path, spanish_pack: Path,
                                                                       video: None) -> None:
    app = spanish_app(home, spanish_pack)
    settings = app.push("settings")
    app.frame([], 0.0)
    assert settings.header_title() == "Configuración"
    assert settings.menu.max_scroll == 0  # type: ignore[attr-defined]
    assert settings.menu.focus_key("language")  # type: ignore[attr-defined]
    press(app, pygame.K_RIGHT)
    assert app.ctx.settings.language == "en" and app.ctx.ui.language == "en"
    assert app.top.header_title() == "Settings"  # type: ignore[union-attr]
    assert app.ctx.library is not None and app.ctx.library.find("angry-billing-dispute").title == "The £89 Router"
