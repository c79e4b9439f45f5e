"""registry/storage."""
