"""The shipped curriculum's stage names and rationales, marked for the UI catalog (issue #17).

Contract: the curriculum (``scenarios/curriculum.yaml``) stays English data: stage names are keys
for readiness (``progress_views.stage_by_name``) and pass rules. The game shows a stage's name or
rationale through ``stage_text(text, ui)``: gettext keyed by the English text itself, so the
translation is used only while the YAML says exactly what was translated; a trainer's edited or
own stage shows in English until it is added here and translated. ``SHIPPED_STAGES`` (stage id ->
name, rationale) marks the shipped texts for Babel; a test holds it equal to the curriculum file.
"""

from __future__ import annotations

from simulator.app.translation import ENGLISH, N_, UiText

SHIPPED_STAGES: dict[str, tuple[str, str]] = {
    "first-day": (N_("First day"), N_(
        "Start with the core of every call: listen before solving, keep your cool, check who you are talking to "
        "before you touch an account, and treat a small customer with the same respect as a large one. Both calls "
        "are forgiving and short.")),
    "first-month": (N_("First month"), N_(
        "Now the calls where we are at fault or the system is in the way: owning a failure with a real apology, "
        "not making a customer repeat themselves, lowering the shields of policy, finding a compromise when the "
        "customer is wrong without making them lose face, recommending what fits even when it earns less, and "
        "writing to a customer in a chat, where tone has no voice to carry it.")),
    "growing-into-the-role": (N_("Growing into the role"), N_(
        "Knowing your limits and reading the person: staying in your lane and asking for help early while keeping "
        "the customer confident, slowing down for a customer who is grieving, saying no, kindly, to a charming "
        "caller who is not the account holder, and handling a complaint on its way to the ombudsman formally and "
        "in plain words.")),
    "advanced": (N_("Advanced"), N_(
        "The hardest calls and the team behind them: a customer who is wrong when there is nothing to give, a "
        "caller who turns abusive, checking with colleagues and never critiquing their work in front of a client, "
        "and escalating formally to the decision maker with a written plan.")),
}


def stage_text(text: str, ui: UiText = ENGLISH) -> str:
    """A stage's name or rationale in ``ui``'s language (the English when it has no translation)."""
    return ui.gettext(text)
