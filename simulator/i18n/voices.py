"""Voices follow their speakers into a translation.

A scenario's ``voices`` is keyed by speaker names (docs/scenario-format.md, "Voices"), and a node's
``speaker`` is a translatable text ("Team leader" -> "Jefa de equipo"), so a voice declared for a
node speaker must be keyed by that speaker's translated text, or the translated file would name a
speaker nobody is called.

Contract:
* ``follow_speakers(data, entries)`` re-keys ``data["voices"]`` in place, where ``data`` is a
  scenario's raw data whose texts were replaced (``entries`` are the *source*'s text entries, so
  ``entry.text`` is the source text and ``entry.yaml_path`` where the replacement sits): a key
  that is the customer's name stays (names are not translated); a key that is a node speaker in
  the source becomes that speaker's text in ``data``, one key per distinct text, each with the
  same voice. A key that names nobody is kept, for the loader to report. Order is kept.
* ``voices_by_role(data, entries)`` -> ``{role: voice}`` for a model dump, where a role is
  ``"customer"`` or a speaker's text id (``node/<id>/speaker``): what the structure check
  compares, so a translation may rename speakers but never change whose voice is what.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from simulator.i18n.ids import TextEntry, get_at

CUSTOMER_ROLE = "customer"


def _customer_name(data: dict[str, Any]) -> Any:
    customer = data.get("customer")
    return customer.get("name") if isinstance(customer, dict) else None


def follow_speakers(data: dict[str, Any], entries: Iterable[TextEntry]) -> None:
    """Re-key ``data["voices"]`` to the speakers' texts in ``data`` (see the module doc)."""
    voices = data.get("voices")
    if not isinstance(voices, dict) or not voices:
        return
    speakers = [entry for entry in entries if entry.kind == "speaker"]
    customer = _customer_name(data)
    followed: dict[Any, Any] = {}
    for name, voice in voices.items():
        targets = [name] if name == customer else []
        targets += [get_at(data, entry.yaml_path) for entry in speakers if entry.text == name]
        for target in targets or [name]:
            followed.setdefault(target, voice)
    data["voices"] = followed


def voices_by_role(data: dict[str, Any], entries: Iterable[TextEntry]) -> dict[str, Any]:
    """``data["voices"]`` keyed by role instead of name (see the module doc)."""
    speakers = [entry for entry in entries if entry.kind == "speaker"]
    customer = _customer_name(data)
    roles: dict[str, Any] = {}
    for name, voice in (data.get("voices") or {}).items():
        found = [entry.id for entry in speakers if entry.text == name]
        found += [CUSTOMER_ROLE] if name == customer else []
        for role in found or [name]:
            roles[role] = voice
    return roles
