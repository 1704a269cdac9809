"""FL705's shortcut: texts made only of ALWAYS_DRAWN characters skip the font lookup, so every one
of those characters must really be drawn by the game's fonts."""

from __future__ import annotations

import subprocess
import sys

from simulator.authoring import glyphs
from tests.conftest import REPO


def test_every_always_drawn_character_is_drawn_by_the_game_fonts(monkeypatch) -> None:
    shortcut = "".join(sorted(glyphs.ALWAYS_DRAWN))
    monkeypatch.setattr(glyphs, "ALWAYS_DRAWN", frozenset())  # force the real lookup
    assert glyphs.missing_characters(shortcut) == set()


def test_a_plain_text_needs_no_pygame_and_others_still_get_checked() -> None:
    code = ("import sys\nfrom simulator.authoring.glyphs import missing_characters\n"
            "assert missing_characters('Hello, caf\\u00e9 \\u2014 \\u00a3 5\\u2019s\\n') == set()\n"
            "assert 'pygame' not in sys.modules\n"
            "print(sorted(missing_characters('ok \\U00013000')))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "['\U00013000']"
