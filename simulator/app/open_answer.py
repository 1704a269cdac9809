"""Open answers in the play screen (issue #16): type what you would say, then see the options.

Contract: ``OpenAnswer(scenario)`` holds one decision's state; the matcher is built on first
``submit`` (about 20 ms on the largest shipped scenario) and reused. Phases:

- ``typing``: the learner types into the answer box; ``submit(node_id, text, options)`` matches
  the text against the *open* options (the session's choice views) and moves to ``suggest``;
  ``skip()`` ("I'd rather pick from the list") moves to ``list`` with no text.
- ``suggest``: ``suggestion`` holds the closest option's display number and confidence when the
  matcher understood the reply (else ``number`` is None: "I didn't catch that"); the learner
  confirms it or picks another.
- ``list``: the options as usual.

``reset()`` starts the next decision at ``typing``. ``words`` is what the learner typed for this
decision ("" when they skipped). Nothing here draws; ``heading(_)`` gives the words shown above
the options (``PROMPT`` and ``ESCAPE`` are ``N_`` constants: translate them where shown).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from simulator.app.translation import N_, Translate

if TYPE_CHECKING:
    from simulator.content.models import Scenario
    from simulator.engine.views import ChoiceView
    from simulator.matching import ScenarioMatcher

TYPING, SUGGEST, LIST = "typing", "suggest", "list"
PROMPT = N_("What would you say? Type it in your own words and press Enter.")
ESCAPE = N_("I'd rather pick from the list")


@dataclass(frozen=True)
class Suggestion:
    number: int | None  # the display number of the closest option; None when not understood
    confidence: float
    understood: bool


class OpenAnswer:
    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self._matcher: ScenarioMatcher | None = None
        self.phase = TYPING
        self.words = ""
        self.suggestion: Suggestion | None = None

    @property
    def matcher(self) -> ScenarioMatcher:
        if self._matcher is None:
            from simulator.matching import ScenarioMatcher

            self._matcher = ScenarioMatcher(self.scenario)
        return self._matcher

    def submit(self, node_id: str, text: str, options: Sequence[ChoiceView]) -> Suggestion:
        """Match ``text`` against the options open now (``options``: the session's choice views,
        with display numbers) and move to ``suggest``."""
        ids = {o.id: o.number for o in options if o.available}
        result = self.matcher.match(node_id, text, open_ids=list(ids))
        best = result.best
        number = ids.get(best.id) if best is not None and result.understood else None
        self.words, self.phase = text, SUGGEST
        self.suggestion = Suggestion(number, best.confidence if best else 0.0, result.understood)
        return self.suggestion

    def skip(self) -> None:
        self.words, self.phase, self.suggestion = "", LIST, None

    def reset(self) -> None:
        self.words, self.phase, self.suggestion = "", TYPING, None

    def heading(self, _: Translate = N_) -> tuple[str, str]:
        """(what they wrote, what the game makes of it) for the ``suggest`` phase, in the language of
        ``_`` (English by default)."""
        wrote = _('You wrote: "{words}"').format(words=self.words)
        s = self.suggestion
        if s is None or s.number is None:
            return wrote, _("I didn't catch that. Pick the option closest to what you meant.")
        return wrote, _("Did you mean option {number}? (confidence {percent} %) Enter confirms it; or pick "
                        "another.").format(number=s.number, percent=round(s.confidence * 100))
