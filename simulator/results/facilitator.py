"""The facilitator's projector view as text: team scores, players, and how the room split at each
decision. Pure: ``render_frame(summary, ...)`` returns the lines of one frame.

Names and scenario text are untrusted: ``clean`` drops control characters (so a player called
"\\x1b[2J" cannot drive the projector's terminal) and lines are cut to the width.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime

from simulator.results.summary import DecisionSplit, WorkshopSummary

BAR = 20


def clean(text: str, limit: int | None = None) -> str:
    """Printable text on one line, optionally cut to ``limit`` characters with an ellipsis."""
    out = "".join(" " if ch in "\t\r\n" else ch for ch in text
                  if ch in "\t\r\n" or unicodedata.category(ch)[0] != "C")
    if limit is not None and len(out) > limit:
        return out[:max(0, limit - 1)] + "…"
    return out


def bar(fraction: float, width: int = BAR) -> str:
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return "█" * filled + "░" * (width - filled)


def _score(value: int | None) -> str:
    return "  -" if value is None else f"{value:3d}"


def _teams(summary: WorkshopSummary) -> list[str]:
    lines = ["TEAMS"]
    for rank, team in enumerate(summary.teams, start=1):
        name = clean(team.team or "(no team)", 18)
        lines.append(f"  {rank}. {name:<18} {bar((team.overall or 0) / 100)} {_score(team.overall)}"
                     f"   {team.players} player(s), {team.runs} run(s)")
    return lines


def _players(summary: WorkshopSummary, limit: int) -> list[str]:
    lines = ["PLAYERS"]
    for player in summary.players[:limit]:
        lines.append(f"  {clean(player.player, 18):<18} {clean(player.team or '-', 12):<12} "
                     f"{_score(player.overall)}   {player.finished} finished / {player.runs} run(s)")
    if len(summary.players) > limit:
        lines.append(f"  … and {len(summary.players) - limit} more")
    return lines


def _decision(split: DecisionSplit, width: int) -> list[str]:
    flag = "SPLIT " if split.split else "      "
    lines = [clean(f"  {flag}{split.scenario_title} ({split.total} run(s)): \"{split.prompt}\"", width)]
    for option in split.options:
        mark = "*" if option.best else " "
        lines.append(clean(f"    {bar(option.share, 12)} {option.count:3d} {mark} {option.label}", width))
    return lines


def render_frame(summary: WorkshopSummary, now: datetime | None = None, width: int = 100,
                 max_players: int = 12) -> list[str]:
    """One frame of the facilitator view (no ANSI codes; the caller clears the screen)."""
    stamp = f" · updated {now:%H:%M:%S}" if now else ""
    head = (f"FRONTLINE · workshop {clean(summary.workshop, 30)} · {summary.runs} run(s): "
            f"{summary.finished} finished, {summary.abandoned} abandoned{stamp}")
    lines = [clean(head, width), "=" * min(width, len(head))]
    if not summary.runs:
        return [*lines, "", "Waiting for the first results…",
                f"Players join with: --workshop {clean(summary.workshop, 30)}"]
    lines += ["", *_teams(summary), "", *_players(summary, max_players), "",
              "HOW THE ROOM DECIDED (SPLIT = the room disagreed; * = best option)"]
    ordered = sorted(summary.decisions, key=lambda d: (not d.split, d.scenario_id, d.node_id))
    for split in ordered:
        lines += _decision(split, width)
    if summary.weakest:
        lines += ["", "TO DISCUSS: weakest principles in the room"]
        for row in summary.weakest:
            trained = ", ".join(row.trained_by) or "-"
            lines.append(clean(f"  {row.name:<24} room {row.room:3d}   practise in: {trained}", width))
    return lines
