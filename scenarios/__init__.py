"""Shipped scenarios, their test plans and ``curriculum.yaml``: package data only (read through
``simulator.paths.shipped_scenarios_dir()``); trainers' own scenarios live in the user's folder."""
