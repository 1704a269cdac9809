"""Open answers (issue #16): rank a node's options against what the learner typed.

UI-free (no pygame) and offline: pure Python TF-IDF over word stems and character 3-grams with a
typo-fixing tokenizer; see ``matcher`` for the method and ``benchmarks/bench_matching.py`` for its
measured accuracy and speed.
"""

from simulator.matching.matcher import UNDERSTOOD_AT, Matcher, MatchResult, OptionText, Ranked
from simulator.matching.scenario import ScenarioMatcher, node_options

__all__ = ["UNDERSTOOD_AT", "MatchResult", "Matcher", "OptionText", "Ranked", "ScenarioMatcher", "node_options"]
