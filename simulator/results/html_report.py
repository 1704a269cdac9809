"""The workshop report as one self-contained HTML file (inline CSS and SVG, no scripts, no
network), safe with untrusted text: every name and scenario string goes through ``escape``.

Contract: ``render_html(summary, generated_at) -> str``. Teams keep their colour, fill pattern and
label (``simulator.results.identity.team_style``), so they are told apart without colour too.
"""

from __future__ import annotations

from datetime import datetime
from html import escape as _escape

from simulator.results.identity import TeamStyle, team_style
from simulator.results.summary import DecisionSplit, PrincipleRow, WorkshopSummary

STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:60rem;
color:#111827;line-height:1.4;padding:0 1rem}
h1{margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:2px solid #e5e7eb;padding-bottom:.2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.3rem .5rem;
border-bottom:1px solid #e5e7eb}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.muted{color:#6b7280}.legend span{display:inline-block;margin-right:1rem}
.sw{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}
.best{font-weight:600}.split{background:#fef3c7;padding:.1rem .4rem;border-radius:.3rem;font-size:.8rem}
svg text{font-family:inherit;font-size:12px}
"""


def escape(value: object) -> str:
    return _escape(str(value), quote=True)


def _score(value: int | None) -> str:
    return "–" if value is None else str(value)


_MARKS = {  # white marks over the team colour, so bars differ without colour too
    "solid": "", "stripes": '<path d="M0 4H8" stroke="#fff" stroke-width="2"/>',
    "dots": '<circle cx="4" cy="4" r="1.7" fill="#fff"/>',
    "crosshatch": '<path d="M0 0L8 8M8 0L0 8" stroke="#fff" stroke-width="1.3"/>',
    "diagonal": '<path d="M0 8L8 0M-2 2L2 -2M6 10L10 6" stroke="#fff" stroke-width="1.6"/>',
    "grid": '<path d="M4 0V8M0 4H8" stroke="#fff" stroke-width="1.2"/>',
}


def _colors(summary: WorkshopSummary) -> dict[str, TeamStyle]:
    """Each team's style: the same colour, pattern and label for a team name everywhere
    (``simulator.results.identity.team_style``)."""
    return {team.team: team_style(team.team) for team in summary.teams}


def _defs(styles: dict[str, TeamStyle], prefix: str) -> tuple[str, dict[str, str]]:
    """SVG <defs> with one pattern per team, and the fill to use for each team."""
    parts, fills = [], {}
    for index, (team, style) in enumerate(styles.items()):
        pid = f"{prefix}{index}"
        parts.append(f'<pattern id="{pid}" width="8" height="8" patternUnits="userSpaceOnUse">'
                     f'<rect width="8" height="8" fill="{style.colour}"/>{_MARKS[style.pattern]}</pattern>')
        fills[team] = f"url(#{pid})"
    return f"<defs>{''.join(parts)}</defs>", fills


def _hbar_chart(rows: list[tuple[str, int, str]], label_width: int = 180, width: int = 560, defs: str = "") -> str:
    """Horizontal bars 0-100: (label, value, fill) per row."""
    scale = (width - label_width - 40) / 100
    height = 22 * len(rows) + 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">{defs}']
    for i, (label, value, color) in enumerate(rows):
        y = 5 + 22 * i
        parts.append(f'<text x="0" y="{y + 14}">{escape(label[:28])}</text>'
                     f'<rect x="{label_width}" y="{y}" width="{value * scale:.1f}" height="16" fill="{color}" '
                     f'stroke="#111827" stroke-width="0.5"/>'
                     f'<text x="{label_width + value * scale + 4:.1f}" y="{y + 13}">{value}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _swatch(style: TeamStyle, pid: str) -> str:
    defs, _ = _defs({"": style}, pid)
    return (f'<svg width="14" height="14" class=sw role="img">{defs}<rect width="14" height="14" '
            f'fill="url(#{pid}0)" stroke="#111827" stroke-width="0.5"/></svg>')


def _teams(summary: WorkshopSummary) -> str:
    styles = _colors(summary)
    defs, fills = _defs(styles, "tb")
    rows = "".join(f"<tr><td>{_swatch(styles[t.team], f'ts{i}-')} {escape(t.team or '(no team)')} "
                   f"<span class=muted>({escape(styles[t.team].label)})</span></td><td class=n>{t.players}</td>"
                   f"<td class=n>{t.runs}</td><td class=n>{_score(t.overall)}</td></tr>"
                   for i, t in enumerate(summary.teams))
    chart = _hbar_chart([(f"{t.team or '(no team)'} ({styles[t.team].label})", t.overall or 0, fills[t.team])
                         for t in summary.teams], defs=defs)
    return ("<h2>Teams</h2><table><tr><th>Team</th><th class=n>Players</th><th class=n>Runs</th>"
            f"<th class=n>Score</th></tr>{rows}</table>{chart}")


def _players(summary: WorkshopSummary) -> str:
    scenarios = sorted({s for p in summary.players for s in p.scenarios})
    head = "".join(f"<th class=n>{escape(s)}</th>" for s in scenarios)
    rows = []
    for p in summary.players:
        cells = "".join(f"<td class=n>{_score(p.scenarios.get(s))}</td>" for s in scenarios)
        rows.append(f"<tr><td>{escape(p.player)}</td><td>{escape(p.team)}</td><td class=n>{_score(p.overall)}</td>"
                    f"<td class=n>{p.finished}/{p.runs}</td>{cells}</tr>")
    return ("<h2>Players</h2><p class=muted>Score: the mean of each player's best finished run per scenario."
            "</p><table><tr><th>Player</th><th>Team</th><th class=n>Score</th><th class=n>Finished/runs</th>"
            f"{head}</tr>{''.join(rows)}</table>")


def _principle_chart(summary: WorkshopSummary) -> str:
    styles = _colors(summary)
    defs, colors = _defs(styles, "pc")
    teams = [t.team for t in summary.teams]
    label_w, bar_h, width = 190, 12, 600
    scale = (width - label_w - 40) / 100
    y, parts = 5, []
    for row in summary.principles:
        parts.append(f'<text x="0" y="{y + 12}">{escape(row.name[:30])}</text>')
        for team in teams:
            value = row.by_team.get(team)
            if value is not None:
                parts.append(f'<rect x="{label_w}" y="{y}" width="{value * scale:.1f}" height="{bar_h}" '
                             f'fill="{colors[team]}" stroke="#111827" stroke-width="0.5"><title>{escape(team)}: '
                             f'{value}</title></rect><text x="{label_w + value * scale + 4:.1f}" y="{y + 10}">'
                             f'{value} {escape(styles[team].label)}</text>')
            y += bar_h + 2
        y += 10
    legend = "".join(f'<span>{_swatch(styles[t], f"pl{i}-")} {escape(t or "(no team)")} '
                     f'({escape(styles[t].label)})</span>' for i, t in enumerate(teams))
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{y + 5}" role="img">'
           f'{defs}{"".join(parts)}</svg>')
    return f"<div class=legend>{legend}</div>{svg}"


def _principles(summary: WorkshopSummary) -> str:
    rows = "".join(
        f"<tr><td>{escape(r.name)}</td><td class=n>{r.room}</td><td>{escape(r.top_player)} "
        f"<span class=muted>({escape(r.top_team or 'no team')})</span></td><td class=n>{r.top_score}</td></tr>"
        for r in summary.principles)
    return ("<h2>Principles by team</h2>" + _principle_chart(summary) +
            "<h2>Who did best at what</h2><table><tr><th>Principle</th><th class=n>Room</th>"
            f"<th>Best player</th><th class=n>Score</th></tr>{rows}</table>")


def _decision(split: DecisionSplit) -> str:
    rows = []
    for option in split.options:
        width = round(option.share * 200)
        cls = " class=best" if option.best else ""
        rows.append(f"<tr><td{cls}>{escape(option.label)}{' ✓' if option.best else ''}</td>"
                    f'<td class=n>{option.count}</td><td><svg width="204" height="14"><rect width="{width}" '
                    f'height="12" fill="#2563eb"/></svg></td></tr>')
    return (f"<h3>{escape(split.scenario_title)}: “{escape(split.prompt)}” <span class=split>split</span></h3>"
            f"<table><tr><th>Option (✓ best)</th><th class=n>Runs</th><th></th></tr>{''.join(rows)}</table>")


def _splits(summary: WorkshopSummary) -> str:
    splits = summary.splits
    body = "".join(_decision(s) for s in splits) or "<p class=muted>The room agreed at every decision.</p>"
    return "<h2>Decisions where the room split</h2>" + body


def _weakest_row(row: PrincipleRow) -> str:
    trained = ", ".join(escape(t) for t in row.trained_by) or "–"
    return f"<tr><td>{escape(row.name)}</td><td class=n>{row.room}</td><td>{trained}</td></tr>"


def _weakest(summary: WorkshopSummary) -> str:
    rows = "".join(_weakest_row(r) for r in summary.weakest)
    return ("<h2>The group's weakest principles</h2><table><tr><th>Principle</th><th class=n>Room score</th>"
            f"<th>Scenarios that train it</th></tr>{rows}</table>")


def render_html(summary: WorkshopSummary, generated_at: datetime) -> str:
    title = f"Frontline workshop {summary.workshop}"
    head = (f"<h1>{escape(title)}</h1><p class=muted>{summary.runs} runs: {summary.finished} finished, "
            f"{summary.abandoned} abandoned · generated {escape(generated_at.strftime('%Y-%m-%d %H:%M %Z'))}</p>")
    body = head + ((_teams(summary) + _players(summary) + _principles(summary) + _splits(summary)
                    + _weakest(summary)) if summary.runs else "<p>No results yet for this workshop.</p>")
    return ("<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
            "<meta http-equiv=Content-Security-Policy content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            f"<meta name=viewport content='width=device-width,initial-scale=1'><title>{escape(title)}</title>"
            f"<style>{STYLE}</style></head><body>{body}</body></html>\n")
