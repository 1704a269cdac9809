"""Teaching rules: grades, feedback, debriefs, principles and reachable scores (FL2xx)."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from simulator.authoring.limits import MIN_DEBRIEF_CHARS, MIN_FEEDBACK_CHARS, is_placeholder
from simulator.authoring.lint_context import Context, Finding
from simulator.authoring.statespace import StateSpace
from simulator.content.models import Choice, Quality


def debriefs(ctx: Context) -> Iterator[Finding]:
    """FL201: an ending's debrief that is a placeholder or too short to explain anything."""
    for node_id, node in ctx.scenario.nodes.items():
        if node.ending is None:
            continue
        for index, variant in enumerate(node.ending.debrief):
            text = variant.text
            if not is_placeholder(text) and len(text.strip()) >= MIN_DEBRIEF_CHARS:
                continue
            yield ctx.finding("FL201", ("nodes", node_id, "ending", "debrief", index, "text"),
                              f"the debrief of ending '{node_id}' is a placeholder or under {MIN_DEBRIEF_CHARS} "
                              "characters", "say what the player did that led here and what to do next time")


def options(ctx: Context) -> Iterator[Finding]:
    """FL202 (no grades), FL203 (placeholder feedback), FL205 (unclaimed principle), FL207 (dominated)."""
    claimed = set(ctx.scenario.principles)
    for node_id, node in ctx.scenario.nodes.items():
        for position, choice in enumerate(node.choices):
            here = ("nodes", node_id, "choices", position)
            if not choice.grades:
                yield ctx.at_choice("FL202", node_id, position, f"option '{choice.id}' grades no principle, so "
                                    "choosing it teaches nothing", "add 'grades: {principle: -3..3}'")
            if is_placeholder(choice.feedback) or len(choice.feedback.strip()) < MIN_FEEDBACK_CHARS:
                yield ctx.finding("FL203", here + ("feedback",), f"the feedback of '{choice.id}' is a placeholder "
                                  f"or under {MIN_FEEDBACK_CHARS} characters", "explain why this option is good "
                                  "or bad in one or two sentences")
            for principle in choice.grades:
                if principle not in claimed:
                    yield ctx.finding("FL205", here + ("grades", principle), f"'{choice.id}' grades "
                                      f"'{principle}', which the scenario's 'principles' list does not claim",
                                      f"add '{principle}' to 'principles' or remove the grade", key=True)
            dominator = _dominated_by(choice, node.choices)
            if dominator is not None:
                yield ctx.at_choice("FL207", node_id, position, f"option '{choice.id}' is worse than "
                                    f"'{dominator.id}' on every principle, so it is an obvious wrong answer",
                                    "give it a plausible upside on some principle, or accept it as a clear "
                                    "distractor")


def _dominated_by(choice: Choice, siblings: tuple[Choice, ...]) -> Choice | None:
    for other in siblings:
        if other is choice or other.condition is not None:
            continue
        keys = set(choice.grades) | set(other.grades)
        pairs = [(choice.grades.get(k, 0), other.grades.get(k, 0)) for k in keys]
        if pairs and all(mine < theirs for mine, theirs in pairs):
            return other
    return None


def claimed_principles(ctx: Context) -> Iterator[Finding]:
    """FL204: a claimed principle no decision grades differently between its options."""
    for index, principle in enumerate(ctx.scenario.principles):
        graded = separating = False
        for node in ctx.scenario.nodes.values():
            values = {c.grades.get(principle, 0) for c in node.choices}
            graded |= any(principle in c.grades for c in node.choices)
            separating |= len(values) > 1
        if not separating:
            why = "no option grades it" if not graded else "every option of each decision grades it the same"
            yield ctx.finding("FL204", ("principles", index), f"the scenario claims to train '{principle}' but "
                              f"{why}, so players are never scored on it",
                              "grade it on the options of at least one decision, or remove it from 'principles'")


def _perfect_route(space: StateSpace, perfect: list[bool], goal: list[bool]) -> list[int] | None:
    """Edges of a route from the start to a goal state using only perfect edges, or None."""
    parent = {0: -1}
    queue = deque([0])
    while queue:
        state = queue.popleft()
        if goal[state]:
            route = []
            while parent[state] >= 0:
                route.append(parent[state])
                state = space.origin[parent[state]]
            return route[::-1]
        for edge in space.edges(state):
            nxt = space.target[edge]
            if perfect[edge] and nxt not in parent:
                parent[nxt] = edge
                queue.append(nxt)
    return None


def reachable_scores(ctx: Context) -> Iterator[Finding]:
    """FL206 (no path scores 100 overall or on a claimed principle) and FL208 (100 ending badly)."""
    space = ctx.space
    if space is None:
        return
    endings = [space.is_ending(s) for s in range(space.size)]
    perfect = [e == p for e, p in zip(space.earned, space.possible, strict=True)]
    if _perfect_route(space, perfect, endings) is None:
        yield ctx.finding("FL206", ("start",), f"no path scores 100 overall: {_best_text(space, None)}",
                          "make sure each decision's best option can lead on to an ending")
    for index, principle in enumerate(space.principles):
        if principle not in ctx.scenario.principles:
            continue
        good = [e[index] == p[index] for e, p in zip(space.p_earned, space.p_possible, strict=True)]
        if _perfect_route(space, good, endings) is None:
            where = ("principles", ctx.scenario.principles.index(principle))
            yield ctx.finding("FL206", where, f"no path scores 100 on '{principle}': "
                              f"{_best_text(space, index)}", "check that the options best on this principle "
                              "can be taken together on one path")
    bad = [endings[s] and space.scenario.nodes[space.nodes[s]].ending.quality == Quality.bad  # type: ignore[union-attr]
           for s in range(space.size)]
    route = _perfect_route(space, perfect, bad)
    if route is not None:
        node_id = space.nodes[space.target[route[-1]]] if route else space.scenario.start
        path = " > ".join(space.choice_id(e) for e in route)
        yield ctx.at_node("FL208", node_id, f"a player who always picks the best option can end at the bad ending "
                          f"'{node_id}' (via {path})", "grade the options leading here lower, or change the ending")


def _best_text(space: StateSpace, principle: int | None) -> str:
    from simulator.authoring.walks import Plan, components, finishing, optimise

    if principle is None:
        from simulator.authoring.extremes import extremes

        best_path = extremes(space)[0]
        return f"the best reachable is {best_path['score']} (via {' > '.join(best_path['path'])})"
    comps, can_finish = components(space), finishing(space)
    earned = [e[principle] for e in space.p_earned]
    possible = [p[principle] for p in space.p_possible]
    best = optimise(Plan(space, comps, can_finish), can_finish, earned, possible, True)
    if best is None:
        return "it is never graded on a complete path"
    score = round(100 * best.ratio)
    if best.loop:
        loop = " > ".join(space.choice_id(e) for e in best.loop)
        return f"scores near {score} are only approached by repeating {loop} over and over"
    return f"the best reachable is {score} (via {' > '.join(space.choice_id(e) for e in best.edges)})"


TEACHING_RULES = (debriefs, options, claimed_principles, reachable_scores)
