"""Scenario format v1 as frozen pydantic models (the schema behind ``docs/scenario-format.md``).

Contract: ``Scenario.model_validate(data)`` accepts plain data from ``safe_yaml`` and returns a
frozen value, or raises ``pydantic.ValidationError``. Per-field rules live here; rules that span
the whole scenario (ids that must exist, principles in the catalog...) live in ``crosscheck``.
Conditions are parsed at validation time into ``Condition`` values and serialise back to text.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import PydanticCustomError

from simulator.content.conditions import Condition, ConditionError, parse_condition

SCHEMA_VERSION = 1
STATE_MIN, STATE_MAX = 0, 100
MAX_GRADE = 3

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
VarName = Annotated[str, StringConstraints(pattern=r"^[a-z_][a-z0-9_]{0,31}$")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=120)]
AssetPath = Annotated[str, StringConstraints(min_length=1, max_length=200)]
MAX_DETAIL_CHARS, MAX_ALTERNATIVES = 120, 50
_FIELD_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,31}$")
_TEXT_SCHEMA = {"type": "string", "minLength": 1, "maxLength": MAX_DETAIL_CHARS, "pattern": "^[^{}]+$"}


def _detail_text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise PydanticCustomError("detail_text", "{what} must be text: put numbers and dates in quotes "
                                  "(\"12.50\")", {"what": what})
    if not value.strip() or len(value) > MAX_DETAIL_CHARS or "{" in value or "}" in value:
        raise PydanticCustomError("detail_text", "{what} must be 1 to {limit} characters without braces",
                                  {"what": what, "limit": MAX_DETAIL_CHARS})
    return value


def _to_alternative(value: Any) -> str | dict[str, str]:
    """A detail alternative: text, or a mapping of field names to text (``simulator.content.details``)."""
    if isinstance(value, list):
        raise PydanticCustomError("detail_alternative", "an alternative must be text or a mapping of fields to "
                                  "text, not a list")
    if not isinstance(value, dict):
        return _detail_text(value, "an alternative")
    for field in value:
        if not isinstance(field, str) or not _FIELD_NAME.match(field):
            raise PydanticCustomError("detail_field", "field '{field}' must be a lower-case name (letters, digits, "
                                      "'_'), as written in placeholders", {"field": str(field)})
    return {field: _detail_text(text, f"'{field}'") for field, text in value.items()}


def _two_or_more(value: tuple[Any, ...]) -> tuple[Any, ...]:
    if not 2 <= len(value) <= MAX_ALTERNATIVES:
        raise PydanticCustomError("detail_count", "a detail needs 2 to {most} alternatives, not {count} (one "
                                  "value never varies: write it in the text)",
                                  {"most": MAX_ALTERNATIVES, "count": len(value)})
    return value


DetailAlternative = Annotated[str | dict[str, str], PlainValidator(_to_alternative), WithJsonSchema({
    "anyOf": [_TEXT_SCHEMA, {"type": "object", "minProperties": 1, "additionalProperties": False,
                             "patternProperties": {_FIELD_NAME.pattern: _TEXT_SCHEMA}}]})]
"""One alternative of a detail: text (placeholder ``{group}``) or fields set together (``{field}`` each)."""
DetailAlternatives = Annotated[tuple[DetailAlternative, ...], AfterValidator(_two_or_more),
                               Field(json_schema_extra={"minItems": 2, "maxItems": MAX_ALTERNATIVES})]


def _to_condition(value: Any) -> Condition:
    if isinstance(value, Condition):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("condition_type", "a condition must be text, such as 'mood < 30'")
    try:
        return parse_condition(value)
    except ConditionError as error:
        raise PydanticCustomError(
            "condition_syntax",
            "condition '{source}' does not parse: {reason} at character {offset}",
            {"source": value, "reason": error.message, "offset": error.offset + 1},
        ) from None


ConditionText = Annotated[
    Condition,
    PlainValidator(_to_condition),
    PlainSerializer(lambda c: c.source, return_type=str),
    WithJsonSchema({"type": "string", "description": "e.g. 'mood < 30 and not apologized'"}),
]


class Difficulty(StrEnum):
    beginner = "beginner"
    intermediate = "intermediate"
    advanced = "advanced"


class Outcome(StrEnum):
    """How the call ended, best first."""

    resolved = "resolved"
    escalated = "escalated"
    partially_resolved = "partially_resolved"
    customer_lost = "customer_lost"


class Channel(StrEnum):
    """How the customer reaches the agent: a call (voice), a live chat, or an email thread."""

    phone = "phone"
    chat = "chat"
    email = "email"


class Quality(StrEnum):
    good = "good"
    mixed = "mixed"
    bad = "bad"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


class VoiceHint(_Frozen):
    """How the game's speech engine voices one speaker (issue #16); both optional."""

    gender: Literal["female", "male"] | None = None
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[a-z0-9]{1,8})*$", max_length=40)] | None = None


class LineVariant(_Frozen):
    """One way a line can be said; the first variant whose ``when`` holds is used."""

    when: ConditionText | None = None
    text: Text


class Customer(_Frozen):
    """The persona. ``state`` declares every state variable with its starting value (0-100)."""

    name: ShortText
    situation: Text
    portrait: AssetPath | None = None
    state: dict[VarName, Annotated[int, Field(strict=True, ge=STATE_MIN, le=STATE_MAX)]]

    @field_validator("state")
    @classmethod
    def _needs_mood(cls, value: dict[str, int]) -> dict[str, int]:
        if "mood" not in value:
            raise PydanticCustomError("mood_missing", "the customer state must declare 'mood'")
        return value


class Choice(_Frozen):
    """An option for the agent: what they say, where it leads, what it does and how it grades."""

    id: Id
    text: Annotated[str, StringConstraints(min_length=1, max_length=400)]
    next: Id
    effects: dict[VarName, Annotated[int, Field(strict=True, ge=-100, le=100)]] = {}
    grades: dict[Id, Annotated[int, Field(strict=True, ge=-MAX_GRADE, le=MAX_GRADE)]] = {}
    feedback: Text
    condition: ConditionText | None = None
    locked_hint: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None
    critical: Annotated[bool, Field(strict=True)] = False
    """A line no agent may cross (a lie, a data-protection breach, abuse back at the customer):
    taking it caps the run's overall score in the lowest band (``docs/scoring.md``)."""
    also: tuple[Annotated[str, StringConstraints(min_length=1, max_length=400)], ...] = Field(
        default=(), max_length=12)
    """Other ways a learner might say this option, for open answers (``simulator.matching``);
    never shown or graded."""


def _lines(value: Any) -> Any:
    return [{"text": value}] if isinstance(value, str) else value


def pick_variant(variants: tuple[LineVariant, ...], values: dict[str, int]) -> str:
    """The text of the first variant whose ``when`` holds for ``values`` (the last one otherwise)."""
    for variant in variants:
        if variant.when is None or variant.when.holds(values):
            return variant.text
    return variants[-1].text if variants else ""


def _debrief_schema(schema: dict[str, Any]) -> None:
    """In the JSON Schema, an ending's ``debrief`` is plain text or a list of variants."""
    items = schema.get("items", {"$ref": "#/$defs/LineVariant"})
    schema.clear()
    schema["anyOf"] = [{"type": "string", "minLength": 1}, {"type": "array", "items": items, "minItems": 1}]
    schema["description"] = "The ending's lesson: text, or variants chosen by 'when' conditions on the final state"


class Ending(_Frozen):
    """How a call ends. ``debrief`` may vary with the path (``when`` variants on the final state),
    so an ending never praises what the player did not do; ``debrief_text(values)`` picks it."""

    outcome: Outcome
    quality: Quality
    title: ShortText
    debrief: tuple[LineVariant, ...] = Field(min_length=1, json_schema_extra=_debrief_schema)

    _as_variants = field_validator("debrief", mode="before")(classmethod(lambda cls, v: _lines(v)))

    def debrief_text(self, values: dict[str, int] | None = None) -> str:
        """The debrief for a run that ended with state ``values`` (the fallback variant if None)."""
        if values is None:
            return self.debrief[-1].text
        return pick_variant(self.debrief, values)


def _line_schema(schema: dict[str, Any]) -> None:
    """In the JSON Schema, ``line`` is either plain text or a list of variants."""
    items = schema.get("items", {"$ref": "#/$defs/LineVariant"})
    schema.clear()
    schema["anyOf"] = [{"type": "string", "minLength": 1}, {"type": "array", "items": items}]
    schema["description"] = "What the speaker says: text, or variants chosen by 'when' conditions"


class Node(_Frozen):
    """One beat: optional narration, a line (customer by default), then choices or an ending."""

    speaker: ShortText | None = None
    narration: Text | None = None
    line: tuple[LineVariant, ...] = Field(default=(), json_schema_extra=_line_schema)
    time_limit: Annotated[int, Field(strict=True, ge=3, le=600)] | None = None
    timeout_choice: Id | None = None
    shuffle: Annotated[bool, Field(strict=True)] = True
    choices: tuple[Choice, ...] = ()
    ending: Ending | None = None

    _as_lines = field_validator("line", mode="before")(classmethod(lambda cls, v: _lines(v)))

    @property
    def is_ending(self) -> bool:
        return self.ending is not None

    def choice(self, choice_id: str) -> Choice:
        """The choice with ``choice_id``; KeyError when there is none."""
        for choice in self.choices:
            if choice.id == choice_id:
                return choice
        raise KeyError(choice_id)


class Scenario(_Frozen):
    """A whole scenario file. ``nodes`` keeps the file's order; ``start`` names the first node."""

    schema_version: Literal[1]
    id: Id
    title: ShortText
    summary: Text
    difficulty: Difficulty
    estimated_minutes: Annotated[int, Field(strict=True, ge=1, le=120)]
    channel: Channel = Channel.phone
    principles: tuple[Id, ...] = Field(min_length=1)
    customer: Customer
    start: Id
    nodes: dict[Id, Node] = Field(min_length=1)
    voices: dict[ShortText, VoiceHint] = Field(
        default={}, description="Optional: the voice per speaker (the customer's name or a node's 'speaker'), "
        "e.g. {gender: female, language: en-gb}; unlisted speakers are voiced by the game's own rule")
    details: dict[VarName, DetailAlternatives] = Field(
        default={}, description="Surface details picked per run from the seed: group -> alternatives, each a text "
        "(written {group} in texts) or a mapping of fields set together (each written {field})")
    """See ``simulator.content.details`` and docs/scenario-format.md ("Details")."""

    def node(self, node_id: str) -> Node:
        return self.nodes[node_id]

    def endings(self) -> dict[str, Ending]:
        return {key: node.ending for key, node in self.nodes.items() if node.ending is not None}
