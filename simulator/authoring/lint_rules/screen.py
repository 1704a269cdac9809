"""Screen and timing rules: text budgets, option counts, the portrait and timers (FL3xx, FL4xx, FL901)."""

from __future__ import annotations

from collections.abc import Iterator

from simulator.authoring.limits import MAX_OPTIONS, reading_seconds
from simulator.authoring.limits import text_budgets as budgets_for
from simulator.authoring.lint_context import Context, Finding
from simulator.content.files import asset_loop, resolve_asset, safe_asset_path
from simulator.content.safe_yaml import Path as YamlPath


def _texts(ctx: Context) -> Iterator[tuple[str, YamlPath, str]]:
    """(budget name, position, text) for every piece of text a player reads."""
    scenario = ctx.scenario
    yield "title", ("title",), scenario.title
    yield "summary", ("summary",), scenario.summary
    yield "situation", ("customer", "situation"), scenario.customer.situation
    for node_id, node in scenario.nodes.items():
        here = ("nodes", node_id)
        if node.narration:
            yield "narration", here + ("narration",), node.narration
        for index, variant in enumerate(node.line):
            yield "line", here + ("line", index, "text"), variant.text
        for position, choice in enumerate(node.choices):
            yield "option", here + ("choices", position, "text"), choice.text
            yield "feedback", here + ("choices", position, "feedback"), choice.feedback
        if node.ending:
            yield "ending title", here + ("ending", "title"), node.ending.title
            for index, variant in enumerate(node.ending.debrief):
                yield "debrief", here + ("ending", "debrief", index, "text"), variant.text


def text_budgets(ctx: Context) -> Iterator[Finding]:
    """FL401 (text over its budget, in the scenario's language) and FL402 (more options than fit)."""
    budgets = budgets_for(ctx.language)
    for kind, path, text in _texts(ctx):
        budget = budgets[kind]
        if len(text) > budget:
            yield ctx.finding("FL401", path, f"this {kind} is {len(text)} characters; at the largest text size "
                              f"only {budget} fit on the play screen", f"cut it by {len(text) - budget} characters "
                              "or split it across two nodes")
    for node_id, node in ctx.scenario.nodes.items():
        if len(node.choices) > MAX_OPTIONS:
            yield ctx.finding("FL402", ("nodes", node_id, "choices"), f"node '{node_id}' has {len(node.choices)} "
                              f"options; at most {MAX_OPTIONS} fit on the play screen",
                              "drop the weakest options or split the decision in two")


def portrait(ctx: Context) -> Iterator[Finding]:
    """FL403: ``customer.portrait`` names no file where the game looks (the scenario's folder, then
    the shipped ``assets/`` folder), or a path whose links loop, so players silently get the drawn
    face instead."""
    from simulator.paths import ASSETS_DIR

    ref = ctx.scenario.customer.portrait
    if ref is None or safe_asset_path(ref) is not None:  # unsafe paths are validation errors already
        return
    folder = ctx.path.parent
    loop = asset_loop(ref, [folder, ASSETS_DIR])
    if loop is not None:
        yield ctx.finding("FL403", ("customer", "portrait"), f"the portrait path loops back on itself: {loop} "
                          "(a symbolic link that points, directly or through others, to itself), so the game "
                          "shows the drawn face instead", "replace the link with the image file itself, or "
                          "point the link at a real image")
    elif resolve_asset(ref, [folder, ASSETS_DIR]) is None:
        yield ctx.finding("FL403", ("customer", "portrait"), f"portrait '{ref}' is not a file in the scenario's "
                          f"folder ({folder / ref}) or the shipped assets ({ASSETS_DIR / ref}), so the game "
                          "shows the drawn face instead", "fix the path (relative to the scenario's folder, "
                          "forward slashes, same spelling and case) or add the image there; "
                          "or remove 'portrait' to use the drawn face")


def timers(ctx: Context) -> Iterator[Finding]:
    """FL301 (too little time to read) and FL302 (timing out is as good as the best option)."""
    for node_id, node in ctx.scenario.nodes.items():
        if node.time_limit is None or node.timeout_choice is None:
            continue
        longest_line = max((len(v.text) for v in node.line), default=0)
        characters = longest_line + len(node.narration or "") + sum(len(c.text) for c in node.choices)
        needed = reading_seconds(characters, ctx.language)
        if node.time_limit < needed:
            yield ctx.finding("FL301", ("nodes", node_id, "time_limit"), f"{node.time_limit} s is too short: "
                              f"reading this node's {characters} characters and deciding takes about {needed} s",
                              f"raise time_limit to {needed} or shorten the text")
        nets = {c.id: sum(c.grades.values()) for c in node.choices}
        others = [v for k, v in nets.items() if k != node.timeout_choice]
        if others and nets[node.timeout_choice] >= max(others):
            yield ctx.finding("FL302", ("nodes", node_id, "timeout_choice"), f"letting the timer run out "
                              f"('{node.timeout_choice}') grades as well as the best option, so waiting pays",
                              "make the timeout choice a weak option: players who freeze should learn from it")


def analysis_limit(ctx: Context) -> Iterator[Finding]:
    """FL901: the state space was too large, so the state-based checks did not run."""
    if ctx.space is None:
        yield ctx.finding("FL901", ("customer", "state"), "the conditions create too many states to analyse; "
                          "FL104-FL106, FL206 and FL208 were skipped", "use fewer condition variables")


SCREEN_RULES = (text_budgets, portrait, timers, analysis_limit)
