"""support/paper."""
