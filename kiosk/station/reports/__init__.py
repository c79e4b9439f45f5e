"""station/reports."""
