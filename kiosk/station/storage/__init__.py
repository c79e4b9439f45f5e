"""station/storage."""
