"""registry/reports."""
