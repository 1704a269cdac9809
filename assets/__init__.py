"""Shipped game assets (fonts, art). Data only: read through ``simulator.paths.assets_dir()``."""
