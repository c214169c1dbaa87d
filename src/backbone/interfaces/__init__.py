"""Ways in: parse, call one service, render."""
