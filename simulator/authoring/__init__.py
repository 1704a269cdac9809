"""Authoring toolkit for trainers: schema, scaffold, test plans, lint, explore and diagrams.

Every module here works on validated ``Scenario`` values (``simulator.content``) and is pure
apart from the thin file helpers; the CLI front ends live in ``simulator/cli/*_cmd.py``.
"""
