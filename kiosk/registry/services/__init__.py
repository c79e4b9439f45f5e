"""registry/services."""
