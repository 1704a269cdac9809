"""Scenarios and the principles catalog in other languages (issue #17).

* ``ids``: a stable id and a source hash for every translatable text, derived from the YAML.
* ``po``: ``export_po`` / ``import_po``, the gettext round trip for translators (polib).
* ``files``: the translated file ``<name>.<lang>.yaml`` and its ``translation:`` block.
* ``translate`` and ``structure``: building, checking and applying a translation.
* ``lint``: ``lint``/``validate`` of a translated file (FL8xx codes).
* ``api``: what the game calls, ``load_scenario_translated`` and ``translated_catalog``.

The format and workflow are documented in docs/translating.md.
"""
