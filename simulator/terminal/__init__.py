"""The terminal player: the same engine API as the game, in plain text (scriptable via stdin)."""
