"""The terminal and JSON players show a scenario with ``details`` filled in, debrief included."""

from __future__ import annotations

import io
import json
from typing import Any

from scoring import Catalog
from simulator.content.details import PLACEHOLDER
from simulator.content.loader import load_scenario
from simulator.engine import ScenarioMachine
from simulator.terminal.player import TerminalOptions, TerminalPlayer
from tests.conftest import REPO, run_main

VARIANTS = REPO / "tests" / "fixtures" / "details" / "parcel_variants.yaml"


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def test_json_play_end_to_end_fills_every_message(tmp_path, catalog: Catalog) -> None:
    db = f"sqlite:///{tmp_path / 'runs.db'}"
    names = set()
    for seed in ("3", "4", "5"):
        result = run_main("play", str(VARIANTS), "--text", "--json", "--seed", seed, "--db", db,
                          stdin="blame-courier\ntell-truth\n")
        assert result.returncode == 0, result.stderr
        found = [json.loads(line) for line in result.stdout.splitlines()]
        assert [m["type"] for m in found][-2:] == ["end", "saved"]
        texts = [s for message in found for s in _strings(message)]
        assert not [t for t in texts if PLACEHOLDER.search(t)]
        session = ScenarioMachine(load_scenario(VARIANTS, catalog.ids()).scenario).start(seed=seed)
        first, total = session.details["first_name"], session.details["total"]
        assert found[0]["customer"] == session.details["full_name"]
        end = found[-2]
        assert end["ending"]["title"] == f"Gift saved for {first}" and total in end["ending"]["debrief"]
        names.add(found[0]["customer"])
    assert len(names) > 1


def test_terminal_player_fills_lines_feedback_and_debrief(catalog: Catalog) -> None:
    loaded = load_scenario(VARIANTS, catalog.ids())
    session = ScenarioMachine(loaded.scenario).start(seed=8, clock=lambda: 0.0)
    out = io.StringIO()
    answers = io.StringIO("".join(f"{n}\n" for n in _numbers(session, ("blame-courier", "tell-truth"))))
    report = TerminalPlayer(session, catalog, answers, out, TerminalOptions(), clock=lambda: 0.0).run()
    text = out.getvalue()
    assert report is not None and not PLACEHOLDER.search(text)
    fee, first = session.details["fee"], session.details["first_name"]
    assert f"the {fee} fee is on us" in text.replace("\n", " ").replace("     ", " ")
    assert f"{first} feels heard" in " ".join(text.split())  # the better option's feedback, in the debrief


def _numbers(session, ids: tuple[str, ...]) -> list[int]:
    """The option numbers a player types to take ``ids`` in turn (the display order is the seed's)."""
    probe = ScenarioMachine(session.owner.scenario).start(seed=session.seed)
    numbers = []
    for choice_id in ids:
        numbers.append(next(v.number for v in probe.choices() if v.id == choice_id))
        probe.choose(choice_id)
    return numbers
