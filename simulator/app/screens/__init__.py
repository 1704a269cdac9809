"""Screens: title, player, picker, play, feedback, pause, debrief, settings (one module each)."""
