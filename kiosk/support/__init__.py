"""Plumbing every actor shares: the one file writer, the SQL engine set-up, and the printed page."""
