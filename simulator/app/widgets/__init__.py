"""Widgets written for this game: rows in a keyboard-navigable scroll list, meters, a chat log."""
