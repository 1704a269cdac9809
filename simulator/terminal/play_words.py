"""What ``play --text`` says around the call, in the call's language: where the run was saved (or
why not and where it is kept) and the certification attempts left.

Contract: every function takes the ``UiText`` of the call (``TerminalWords.ui``; ``ENGLISH`` gives
the English sentences) and returns the text to print. ``played_message(ui, played)`` words a
``simulator.results.play_saving.PlayedRun``: in English it is exactly that module's
``played_message`` (the JSON player's and every other caller's). Commands, paths, player names,
scenario ids and the store's own reason stay as they are in every language. The JSON player stays
English (docs/json-protocol.md).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from simulator.app.translation import UiText

if TYPE_CHECKING:
    from simulator.results.play_saving import PlayedRun


def played_message(ui: UiText, played: PlayedRun) -> str:
    """Where ``played`` was saved, else why not and how to add it later (``unsaved_message``)."""
    if not played.saved:
        return unsaved_message(ui, played)
    _ = ui.gettext
    saved = _("Saved this finished run for {player} to {where}.") if played.finished else \
        _("Saved this abandoned run for {player} to {where}.")
    return saved.format(player=played.record.player, where=played.outcome.where)


def unsaved_message(ui: UiText, played: PlayedRun) -> str:
    """Why ``played`` was not stored, where it is kept and the command that adds it later; with
    nowhere to keep it, the run itself as one importable line (as ``play_saving.unsaved_message``)."""
    from simulator.paths import command_name

    _ = ui.gettext
    outcome = played.outcome
    failed = _("Could not save this finished run to {where}: {reason}") if played.finished else \
        _("Could not save this abandoned run to {where}: {reason}")
    message = failed.format(where=outcome.where, reason=outcome.reason)
    if outcome.kept_in is not None:
        command = f"{command_name()} results import {outcome.kept_in} --db URL"
        return message + "\n" + _("The run is kept in {path}; add it later with: {command}").format(
            path=outcome.kept_in, command=command)
    line = json.dumps(played.record.to_dict(), ensure_ascii=False, separators=(",", ":"))
    return message + "\n" + _("So that the run is not lost, here it is as one line: save it to a file (for "
                              "example run.jsonl) and add it later with: {command}").format(
        command=f"{command_name()} results import run.jsonl") + "\n" + line


def attempts_left_message(ui: UiText, left: int) -> str:
    """The certification attempts ``left`` on the call, this one included."""
    return ui.ngettext("Certification attempt: {count} left on this call, counting this one.",
                       "Certification attempt: {count} left on this call, counting this one.",
                       left).format(count=left)


def no_attempts_message(ui: UiText, player: str, scenario_id: str) -> str:
    """``player`` has no certification attempt left on ``scenario_id``, and what to do instead."""
    return ui.gettext("{player} has used every certification attempt on '{scenario}'; practise it in coach or "
                      "assessment mode and ask your trainer about another attempt").format(
        player=player, scenario=scenario_id)
