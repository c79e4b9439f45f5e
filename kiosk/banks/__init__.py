"""banks layer."""
